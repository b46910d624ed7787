"""Benchmark: the cost of a request, measured over HTTP against a running `levier serve`.

In one run, interleaved, on a throwaway PostgreSQL database holding 200 000 participants
(the portfolio benchmark's data):
- an authenticated `GET /participants/{id}` (req/s at concurrency 16, wrk), against a bare
  Starlette + asyncpg endpoint reading the same row and against Levier's own `/health`;
- a portfolio's first page (`limit=50`): p50 and p99 over sequential requests, against the
  same statements run through asyncpg.
Targets (issue "cost of a request"): detail ≥ 0.5× `/health`; list p50 ≤ 2× raw SQL; p99 ≤
3× p50. Needs `wrk` (`make bench` installs it with apt when run as root).
Run: `make bench` (LEVIER_TEST_POSTGRES_URL, defaults to the local server).
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import asyncpg
import httpx
from sqlalchemy.engine import make_url

HERE = Path(__file__).resolve().parent
BACKEND = HERE.parent / "backend"
sys.path.insert(0, str(BACKEND))
sys.path.insert(0, str(HERE))

from _harness import on_throwaway_database, signed_in
from levier.core.config import Settings
from levier.core.db import create_engine
from participants_portfolio import load

ROUNDS = 3  # each side measured this many times, in turn
SECONDS = 8  # per wrk run
SEQUENTIAL = 400  # list requests for the latency percentiles


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait(url: str) -> None:
    for _ in range(200):
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


def _wrk(url: str, headers: dict[str, str]) -> float:
    command = ["wrk", "-t2", "-c16", f"-d{SECONDS}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    assert match, output
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    assert non_2xx is None, output
    return float(match.group(1))


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


PRINCIPAL_SQL = """
SELECT users.*, organisations.*, EXISTS (SELECT 1 FROM organisations AS network
    WHERE network.coordinator_id = users.organisation_id) AS coordinates_network
FROM users JOIN auth_sessions ON auth_sessions.user_id = users.id
JOIN organisations ON organisations.id = users.organisation_id
WHERE users.id = $1 AND auth_sessions.id = $2 AND auth_sessions.ended_at IS NULL
  AND auth_sessions.expires_at > now()"""

# The statement Levier runs for a page of a referent's portfolio: each row with its referent,
# its latest pathway and its current eligibility (correlated subqueries).
PAGE_SQL = """
SELECT participants.id, participants.last_name, participants.first_names,
  participants.birth_date, participants.commune_name, participants.qpv,
  participants.organisation_id, participants.structure_id, participants.restricted,
  participants.retention_due_on, participants.anonymised_at, participants.referent_id,
  participants.search_name, users.full_name, users.organisation_id,
  (SELECT pathways.id FROM pathways WHERE pathways.participant_id = participants.id
   ORDER BY pathways.entry_date DESC, pathways.created_at DESC LIMIT 1),
  (SELECT pathways.exit_date FROM pathways WHERE pathways.participant_id = participants.id
   ORDER BY pathways.entry_date DESC, pathways.created_at DESC LIMIT 1),
  (SELECT pathways.exit_category FROM pathways WHERE pathways.participant_id = participants.id
   ORDER BY pathways.entry_date DESC, pathways.created_at DESC LIMIT 1),
  (SELECT max(valid_until) FROM eligibility_validations
   WHERE eligibility_validations.participant_id = participants.id
     AND validated_on <= current_date AND valid_until >= current_date)
FROM participants JOIN users ON users.id = participants.referent_id
WHERE participants.referent_id = $1 AND participants.anonymised_at IS NULL
ORDER BY participants.search_name, participants.id LIMIT 51"""


async def _raw_page(
    connection: asyncpg.Connection, referent: uuid.UUID, session: uuid.UUID
) -> None:
    """What Levier runs for the first page of a referent's portfolio, through asyncpg: the
    principal and the page, in one transaction."""
    async with connection.transaction():
        await connection.fetch(PRINCIPAL_SQL, referent, session)
        await connection.fetch(PAGE_SQL, referent)


def _uuid(name: str) -> uuid.UUID:
    return uuid.UUID(hashlib.md5(name.encode()).hexdigest())  # noqa: S324 - as SQL md5()::uuid


async def _prepare(url: str, settings: Settings) -> dict[str, str]:
    await load(url)
    engine = create_engine(url)
    headers = await signed_in(engine, settings, _uuid("ref7"))
    await engine.dispose()
    return headers


async def run(url: str) -> None:
    secret = secrets.token_urlsafe(48)
    settings = Settings(environment="test", database_url=url, secret_key=secret)
    headers = await _prepare(url, settings)
    server = make_url(url)
    dsn = f"postgresql://{server.username}@{server.host}:{server.port or 5432}/{server.database}"
    levier_port, bare_port = _free_port(), _free_port()
    with tempfile.TemporaryDirectory() as var:
        environment = {
            **os.environ,
            "LEVIER_ENVIRONMENT": "development",
            "LEVIER_DATABASE_URL": url,
            "LEVIER_SECRET_KEY": secret,
            "LEVIER_VAR_DIR": var,
            "LEVIER_FRONTEND_DIST": "/nonexistent",
            "BENCH_DSN": dsn,
            "BENCH_PRINCIPAL_SQL": PRINCIPAL_SQL,
            "BENCH_PAGE_SQL": PAGE_SQL,
        }
        bin_dir = Path(sys.executable).parent
        levier = subprocess.Popen(
            [str(bin_dir / "levier"), "serve", "--port", str(levier_port)],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        bare = subprocess.Popen(
            [str(bin_dir / "uvicorn"), "_bare_app:app", "--port", str(bare_port),
             "--log-level", "warning", "--no-access-log"],
            env=environment,
            cwd=HERE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            levier_url, bare_url = f"http://127.0.0.1:{levier_port}", f"http://127.0.0.1:{bare_port}"
            _wait(f"{levier_url}/api/v1/health")
            _wait(f"{bare_url}/participants/{_uuid('p7')}")
            await _measure(levier_url, bare_url, headers, dsn)
        finally:
            for process in (levier, bare):
                process.terminate()
                process.wait(timeout=20)


async def _measure(levier_url: str, bare_url: str, headers: dict[str, str], dsn: str) -> None:
    person = _uuid("p7")
    detail = f"{levier_url}/api/v1/participants/{person}"
    assert httpx.get(detail, headers=headers).status_code == 200
    sides = {
        "GET /participants/{id} (Levier, authenticated)": (detail, headers),
        "GET /participants/{id} (bare Starlette + asyncpg)": (f"{bare_url}/participants/{person}", {}),
        "GET /api/v1/health (Levier)": (f"{levier_url}/api/v1/health", {}),
    }
    rates: dict[str, list[float]] = {label: [] for label in sides}
    for label, (url, extra) in sides.items():  # warm-up
        _wrk(url, extra)
    for _ in range(ROUNDS):
        for label, (url, extra) in sides.items():
            rates[label].append(_wrk(url, extra))
    page, raw, bare_page = await _lists(levier_url, bare_url, headers, dsn)
    labels = list(sides)
    medians = {label: statistics.median(values) for label, values in rates.items()}
    print(f"request cost: req/s at concurrency 16, median of {ROUNDS} interleaved runs")
    for label in labels:
        print(f"  {label:<52} {medians[label]:8.0f}")
    print(
        f"  detail / health = {medians[labels[0]] / medians[labels[2]]:.2f} (target ≥ 0.5); "
        f"detail / bare = {medians[labels[0]] / medians[labels[1]]:.2f}"
    )
    p50, p99 = _percentile(page, 0.5), _percentile(page, 0.99)
    raw50 = _percentile(raw, 0.5)
    print(f"portfolio first page (limit 50), {SEQUENTIAL} sequential requests, ms")
    print(f"  Levier p50 {p50:.1f}, p99 {p99:.1f}; raw SQL (asyncpg) p50 {raw50:.1f}")
    bare50 = _percentile(bare_page, 0.5)
    print(f"  same statements behind bare Starlette over HTTP p50 {bare50:.1f}")
    print(f"  p50 / raw = {p50 / raw50:.2f} (target ≤ 2); p99 / p50 = {p99 / p50:.2f} (target ≤ 3)")
    print(f"  p50 / bare HTTP = {p50 / bare50:.2f}")


async def _lists(
    levier_url: str, bare_url: str, headers: dict[str, str], dsn: str
) -> tuple[list[float], list[float], list[float]]:
    """Each side's page latencies, the three sides interleaved request by request."""
    referent = _uuid("ref7")
    connection = await asyncpg.connect(dsn)
    session = await connection.fetchval(
        "SELECT id FROM auth_sessions WHERE user_id = $1 AND ended_at IS NULL", referent
    )
    async with (
        httpx.AsyncClient(base_url=levier_url, headers=headers) as levier,
        httpx.AsyncClient(base_url=bare_url) as bare,
    ):

        async def levier_page() -> None:
            response = await levier.get("/api/v1/participants", params={"limit": 50})
            assert response.status_code == 200 and len(response.json()["items"]) == 50

        async def bare_page() -> None:
            params = {"referent": str(referent), "session": str(session)}
            response = await bare.get("/participants", params=params)
            assert response.status_code == 200 and len(response.json()["items"]) == 50

        calls = {
            "levier": levier_page,
            "raw": lambda: _raw_page(connection, referent, session),
            "bare": bare_page,
        }
        try:
            samples = await _interleaved(calls)
        finally:
            await connection.close()
    return samples["levier"], samples["raw"], samples["bare"]


async def _interleaved(calls: dict) -> dict[str, list[float]]:
    for _ in range(30):  # warm-up
        for call in calls.values():
            await call()
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(SEQUENTIAL):
        for name, call in calls.items():
            start = time.perf_counter()
            await call()
            samples[name].append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("request_cost.py needs wrk: apt-get install wrk (make bench does it as root)")
    on_throwaway_database(run)


if __name__ == "__main__":
    main()
