"""Benchmark: compliance roll-ups, the validation queue and declaring hours at national scale.

`--lots N` clause lots (1 000 000 by default) in N/4 tenders of 250 facilitation structures
(5 000 buyers, 5 000 operations holding half of the tenders, 50 000 enterprises, one in ten
an SIAE / EA), each lot awarded and with two assignments in mixed modes (direct hire,
temporary work, subcontracting, training), and five months of hours per assignment: 10 × N
declarations (about 70 % validated, 20 % waiting, 10 % rejected), generated in SQL.

Each request is measured through the real app in-process (ASGI → services → SQL) and, side
by side, interleaved in the same run, the very statements it ran replayed through asyncpg in
one transaction (the database's share of the work); declaring hours is measured against a
bare INSERT of the same row. Ratios are what to compare: absolute times drift on a shared
machine. Run: `make bench`, or `backend/.venv/bin/python bench/fulfilment_scale.py --lots N`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from sqlalchemy import event
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _fulfilment_data import FRESH, load, md5_uuid
from _harness import on_throwaway_database, signed_in

from levier.cli import run_migrations
from levier.core.config import Settings
from levier.main import create_app

REPEAT = 20
DEFAULT_SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


class Recorder:
    """The statements (and their parameters) the app sends to PostgreSQL while on."""

    def __init__(self, engine: Any) -> None:
        self.on = False
        self.statements: list[tuple[str, tuple[Any, ...]]] = []
        event.listen(engine.sync_engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, parameters, _context, _many) -> None:
        if self.on:
            self.statements.append((statement, tuple(parameters or ())))

    async def record(self, call: Callable[[], Awaitable[object]]) -> list[tuple[str, tuple]]:
        self.statements, self.on = [], True
        try:
            await call()
        finally:
            self.on = False
        return self.statements


EXPLAIN = "--explain" in sys.argv


async def explain(raw: asyncpg.Connection, label: str, statements: list[tuple[str, tuple]]) -> None:
    """Each statement's plan as it ran (which index serves it), with `--explain`."""
    print(f"--- plans of {label}")
    for sql, parameters in statements:
        plan = await raw.fetch(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {sql}", *parameters)
        print("  " + " ".join(sql.split())[:160])
        print("\n".join("    " + row[0][:200] for row in plan))


def stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


async def run(url: str, lots: int, loaded: bool = False) -> None:
    print(f"fulfilment at scale: {lots:,} lots, {lots * 2:,} assignments, {lots * 10:,} hours")
    if not loaded:
        await load(url, lots)
    settings = Settings(environment="test", database_url=url, frontend_dist=Path("/nonexistent"))
    app = create_app(settings)
    # httpx's ASGI transport sends no lifespan events: run the app's start-up as `levier
    # serve` does (it freezes what start-up loaded out of the collector's sight; without it
    # full collections walk every module and mapper, and the series' median tripled).
    async with app.router.lifespan_context(app):
        await measure(app, settings, url)


async def measure(app: Any, settings: Settings, url: str) -> None:
    engine = app.state.engine
    recorder = Recorder(engine)
    facilitator = await signed_in(engine, settings, md5_uuid("fac0"))
    enterprise = await signed_in(engine, settings, md5_uuid("ent0"))
    structure, operation = md5_uuid("s0"), md5_uuid("o0")
    server = make_url(url)
    raw = await asyncpg.connect(
        host=server.host, port=server.port or 5432, user=server.username, database=server.database
    )
    fresh = [md5_uuid(f"fresh{k}") for k in range(FRESH)]  # a kept database's last run's
    await raw.execute("DELETE FROM hours_declarations WHERE assignment_id = ANY($1)", fresh)
    transport = httpx.ASGITransport(app=app)
    months = iter(range(10**6))  # the write path's (assignment, month) pairs, never reused
    today = date.today()

    def fresh_pair() -> tuple[uuid.UUID, date]:
        n = next(months)
        assignment = md5_uuid(f"fresh{n % FRESH}")
        back = n // FRESH  # months before the current one
        year, month = divmod(today.year * 12 + today.month - 1 - back, 12)
        return assignment, date(year, month + 1, 1)

    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

        def get(path: str, headers: dict[str, str], **params: object):
            async def call() -> None:
                response = await client.get(path, params=params, headers=headers)
                assert response.status_code == 200, response.text

            return call

        async def declare() -> None:
            assignment, month = fresh_pair()
            body = {
                "assignment_id": str(assignment),
                "month": month.strftime("%Y-%m"),
                "hours": "120.5",
            }
            response = await client.post("/api/v1/hours", json=body, headers=enterprise)
            assert response.status_code == 201, response.text

        async def bare_insert() -> None:
            assignment, month = fresh_pair()
            await raw.execute(
                "INSERT INTO hours_declarations (id, created_at, updated_at, version,"
                " assignment_id, structure_id, lot_id, employer_id, participant_id, month,"
                " hours, note, status, declared_by_id, declared_at, rejection_reason)"
                " VALUES ($1, now(), now(), 1, $2, $3, $4, $5, $6, $7, $8, '', 'declared', $9,"
                " now(), '')",
                uuid.uuid4(),
                assignment,
                structure,
                md5_uuid("l0"),
                md5_uuid("e0"),
                md5_uuid("p0"),
                month,
                120.5,
                md5_uuid("ent0"),
            )

        requests = {
            "structure roll-up (/compliance/summary level=structure)": get(
                "/api/v1/compliance/summary", facilitator, level="structure", id=structure
            ),
            "operation roll-up (/compliance/summary level=operation)": get(
                "/api/v1/compliance/summary", facilitator, level="operation", id=operation
            ),
            "operation series (/compliance/series)": get(
                "/api/v1/compliance/series", facilitator, operation_id=operation
            ),
            "validation queue, first page (/hours?status=declared)": get(
                "/api/v1/hours", facilitator, status="declared", limit=50
            ),
        }
        sides: dict[str, Callable[[], Awaitable[object]]] = {}
        for label, call in requests.items():
            await call()  # warm-up
            statements = await recorder.record(call)

            async def replay(statements: list[tuple[str, tuple]] = statements) -> None:
                async with raw.transaction():
                    for sql, parameters in statements:
                        await raw.fetch(sql, *parameters)

            if EXPLAIN:
                await explain(raw, label, statements)
            sides[f"{label}: app"] = call
            sides[f"{label}: its {len(statements)} statements, asyncpg"] = replay
            print(f"  {label}: {len(statements)} statements", flush=True)
        write_statements = await recorder.record(declare)
        print(f"  declaring hours: {len(write_statements)} statements", flush=True)
        sides["declare hours (POST /hours, audit + outbox): app"] = declare
        sides["declare hours: bare INSERT, asyncpg"] = bare_insert
        for call in sides.values():  # warm-up (the replays' statements get prepared)
            await call()
        results: dict[str, list[float]] = {label: [] for label in sides}
        for _ in range(REPEAT):  # interleaved, so drift hits every side alike
            for label, call in sides.items():
                start = time.perf_counter()
                await call()
                results[label].append((time.perf_counter() - start) * 1000)
    await raw.close()
    print(f"{REPEAT} runs each, interleaved; median / p95 in ms; ratio of medians")
    labels = list(results)
    for app_label, raw_label in zip(labels[::2], labels[1::2], strict=True):
        app_median, app_p95 = stats(results[app_label])
        raw_median, raw_p95 = stats(results[raw_label])
        print(f"  {app_label:<72} {app_median:8.1f} {app_p95:8.1f}")
        print(f"  {raw_label:<72} {raw_median:8.1f} {raw_p95:8.1f}")
        print(
            f"    app / raw = {app_median / raw_median:.2f}×, raw / app = "
            f"{raw_median / app_median:.2f}×"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lots", type=int, default=1_000_000, help="clause lots (hours: 10×)")
    parser.add_argument(
        "--keep",
        metavar="NAME",
        help="load into database NAME and keep it (reused as is by the next run with it)",
    )
    parser.add_argument("--explain", action="store_true", help="print each statement's plan")
    arguments = parser.parse_args()
    lots = arguments.lots - arguments.lots % 4 or 4
    if arguments.keep:
        asyncio.run(kept(arguments.keep, lots))
    else:
        on_throwaway_database(lambda url: run(url, lots))


async def kept(name: str, lots: int) -> None:
    """Reuse (or create, migrate and load) a database kept between runs."""
    server = make_url(os.environ.get("LEVIER_TEST_POSTGRES_URL", DEFAULT_SERVER))
    url = server.set(database=name).render_as_string(hide_password=False)
    admin = await asyncpg.connect(
        host=server.host, port=server.port or 5432, user=server.username, database=server.database
    )
    exists = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
    if not exists:
        await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    if not exists:
        await asyncio.to_thread(run_migrations, url)
    await run(url, lots, loaded=bool(exists))


if __name__ == "__main__":
    main()
