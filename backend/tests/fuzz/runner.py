"""One caller's fuzz run: Schemathesis' engine (what `st run` drives) against the app in-process."""

from __future__ import annotations

import logging
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import schemathesis
from schemathesis.core import SCHEMATHESIS_TEST_CASE_HEADER
from schemathesis.engine import events, from_schema
from schemathesis.engine.statistic import Statistic
from schemathesis.python import asgi

from levier.core.config import Settings
from levier.demo import DEMO_PASSWORD
from levier.main import create_app
from tests.fuzz import profiles
from tests.fuzz.seeding import Seeded, copy_of

# Caller → demo account (None: no Authorization header).
CALLERS: dict[str, str | None] = {
    "anonymous": None,
    "admin": "admin@levier.demo",
    "facilitator": "facilitateur@levier.demo",
    "buyer": "acheteur@levier.demo",
    "enterprise": "entreprise@levier.demo",
    "referent": "referent@levier.demo",
    "plie_coordinator": "coordination@levier.demo",
}
# Path parameters where the first names the parent of the second.
NESTED = (("tender_id", "lot_id"), ("participant_id", "pathway_id"))
CASE_HEADER = SCHEMATHESIS_TEST_CASE_HEADER.lower().encode()


class ServerLike:
    """Deliver a 500 the way uvicorn does: the client gets the response, the exception is logged.

    Starlette re-raises an unhandled exception once its handler has answered; through an
    in-process transport that would crash the run instead of handing the checks a 500 to
    judge. The exception is kept, by test case, for the report.
    """

    def __init__(self, app: Any) -> None:
        self.app = app
        self.errors: dict[str, str] = {}

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            case_id = dict(scope["headers"]).get(CASE_HEADER, b"").decode()
            self.errors[case_id] = origin(exc)
            if not started:
                await send({"type": "http.response.start", "status": 500, "headers": []})
                await send({"type": "http.response.body", "body": b""})


def origin(exc: BaseException) -> str:
    """The exception and the innermost frame of Levier's code it went through."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [frame for frame in frames if "/levier/" in frame.filename] or frames
    message = str(exc).splitlines()[0][:200] if str(exc) else ""
    where = ""
    if ours:
        frame = ours[-1]
        where = (
            f" — levier/{frame.filename.rsplit('/levier/', 1)[-1]}:{frame.lineno} in {frame.name}"
        )
    return f"{type(exc).__name__}: {message}{where}"


@dataclass(frozen=True)
class Finding:
    """One distinct failed check, with the request Schemathesis kept to reproduce it."""

    caller: str
    operation: str
    check: str
    status: int | None
    detail: str  # what the check saw, in Schemathesis' words
    reproduce: str
    server_error: str | None

    def describe(self) -> str:
        lines = [f"[{self.check}] {self.operation} as {self.caller} → {self.status}"]
        if self.detail:
            lines.append(f"    {self.detail}")
        if self.server_error:
            lines.append(f"    server: {self.server_error}")
        lines.append(f"    {self.reproduce}")
        return "\n".join(lines)


@dataclass
class CallerRun:
    caller: str
    cases: int = 0
    seconds: float = 0.0
    statuses: Counter[int] = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)
    # Problems of the run itself (a phase that crashed, a caller that lost its session).
    errors: list[str] = field(default_factory=list)

    def explain(self) -> str:
        lines = [f"{self.caller}: {self.cases} cases, {len(self.findings)} distinct failures"]
        lines += [finding.describe() for finding in self.findings]
        lines += [f"run error: {error}" for error in self.errors]
        return "\n".join(lines)


def fuzz_settings(database_url: str) -> Settings:
    return Settings(
        environment="test",
        database_url=database_url,
        frontend_dist=Path("/nonexistent"),
        base_url="http://levier.test",
        # A long run outlives the default 15 minutes.
        access_token_minutes=24 * 60,
        # Documents the fuzzer issues go to a throwaway directory, not the working tree's var/.
        storage_dir=Path(tempfile.mkdtemp(prefix="levier-fuzz-documents-")),
    )


def keep_nested_ids_together(template: Seeded) -> Any:
    """Most requests naming a real lot (pathway) name its own tender (participant).

    Drawn independently, a real pair matches once in dozens of cases and the nested routes
    would rarely get past their 404. One child in four (by its place in the demo, not by its
    random id, so runs repeat) keeps whatever parent was drawn, to go on testing that a child
    is not reachable through another parent.
    """
    together = {
        child: template.parents[child]
        for _, child_name in NESTED
        for index, child in enumerate(template.ids[child_name])
        if index % 4
    }

    def map_path_parameters(context: Any, path_parameters: dict[str, Any] | None) -> Any:
        if not path_parameters:
            return path_parameters
        for parent_name, child_name in NESTED:
            child = path_parameters.get(child_name)
            if isinstance(child, str) and child in together and parent_name in path_parameters:
                path_parameters = {**path_parameters, parent_name: together[child]}
        return path_parameters

    return map_path_parameters


def sign_in(server: ServerLike, email: str) -> str:
    """An access token from the real sign-in, as any API client gets one."""
    with asgi.get_client(server) as client:
        response = client.post(
            "/api/v1/auth/token", data={"username": email, "password": DEMO_PASSWORD}
        )
    if response.status_code != 200:
        raise RuntimeError(f"{email} could not sign in: {response.status_code} {response.text}")
    return str(response.json()["access_token"])


@contextmanager
def caller_schema(caller: str, template: Seeded) -> Iterator[tuple[Any, ServerLike, str | None]]:
    """The API as `caller` sees it, on a fresh copy of the demo database."""
    email = CALLERS[caller]
    with copy_of(template) as url:
        app = create_app(fuzz_settings(url))
        server = ServerLike(app)
        headers: dict[str, str] = {}
        token = None
        ids = dict(template.ids)
        try:
            if email is not None:
                token = sign_in(server, email)
                headers["Authorization"] = f"Bearer {token}"
                # Not its own account: deactivating it would leave the rest of the run anonymous.
                own = template.accounts[email]
                ids["user_id"] = [value for value in ids["user_id"] if value != own]
            config = schemathesis.Config.from_dict(
                profiles.schemathesis_config(profiles.current(), headers, ids, app.openapi())
            )
            schema = schemathesis.openapi.from_asgi("/api/openapi.json", server, config=config)
            schema.hooks.register_hook_with_name(
                keep_nested_ids_together(template), "map_path_parameters"
            )
            yield schema, server, token
        finally:
            # Disposes the app's engine before its database is dropped.
            asgi.shutdown_lifespans()


@contextmanager
def quiet_logs() -> Iterator[None]:
    """Keep the app's log out of the report: hundreds of reset mails and 500 tracebacks would
    bury it, and each finding already carries its 500's origin."""
    loggers = [logging.getLogger(name) for name in ("levier.mail", "levier.errors")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def still_signed_in(server: ServerLike, token: str) -> bool:
    with asgi.get_client(server) as client:
        response = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    return response.status_code == 200


def operation_label(case: Any) -> str:
    """Failures of a stateful scenario are reported against the operation that failed."""
    return str(case.operation.label)


def fuzz(caller: str, template: Seeded) -> CallerRun:
    """Run every enabled phase as `caller`, and reduce the events to distinct findings."""
    run = CallerRun(caller)
    started = time.monotonic()
    statistic = Statistic()
    with caller_schema(caller, template) as (schema, server, token), quiet_logs():
        for event in from_schema(schema).execute():
            if isinstance(event, events.ScenarioFinished):
                statistic.on_scenario_finished(event.recorder, failure_label=operation_label)
                for interaction in event.recorder.interactions.values():
                    if interaction.response is not None:
                        run.statuses[interaction.response.status_code] += 1
            elif isinstance(event, events.NonFatalError):
                run.errors.append(f"{event.label}: {event.info.title}: {event.value!r}")
            elif isinstance(event, events.FatalError):
                raise event.exception
        if token is not None and not still_signed_in(server, token):
            run.errors.append("the caller's token stopped working during the run")
    for label, grouped in statistic.failures.items():
        for case_id, group in grouped.items():
            # Runnable against `make run` once TOKEN holds the caller's access token.
            reproduce = (
                (group.code_sample or "")
                .replace("'Authorization: [Filtered]'", '"Authorization: Bearer $TOKEN"')
                .replace("http://testserver/", "http://127.0.0.1:8000/")
            )
            status = group.response.status_code if group.response is not None else None
            for failure in group.failures:
                detail = " ".join(str(failure.message).split())[:300]
                run.findings.append(
                    Finding(
                        caller,
                        label,
                        failure.title,
                        status,
                        detail,
                        reproduce,
                        server.errors.get(case_id),
                    )
                )
    run.cases = statistic.total_cases
    run.seconds = time.monotonic() - started
    return run
