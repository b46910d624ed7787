"""Benchmark: what checking the sign-in session on every request costs (PostgreSQL).

Every authenticated request loads its principal in one statement: the user, their
organisation and the access token's session, which must still be open (so that signing out
ends the session's access tokens at once). This measures, in one run and interleaved:
- the principal statement with the session join, against the same statement without it
  (raw SQL through asyncpg, the cost at the database);
- `GET /auth/me` through the real app (ASGI → dependency → SQL), against `/health`.
200 000 users with 1 000 000 sessions (5 each, 4 of them ended), national scale.
Run: `make bench` (needs LEVIER_TEST_POSTGRES_URL, defaults to the local server).
"""

from __future__ import annotations

import hashlib
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

import asyncpg
import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import on_throwaway_database, signed_in
from levier.core.config import Settings
from levier.core.db import create_engine
from levier.main import create_app

USERS = int(os.environ.get("BENCH_USERS", "200000"))
BATCH = 200  # requests or statements per sample
SAMPLES = 15

WITHOUT_SESSION = """
SELECT u.*, o.* FROM users u JOIN organisations o ON o.id = u.organisation_id
WHERE u.id = $1
"""
WITH_SESSION = """
SELECT u.*, o.* FROM users u
JOIN auth_sessions s ON s.user_id = u.id
JOIN organisations o ON o.id = u.organisation_id
WHERE u.id = $1 AND s.id = $2 AND s.ended_at IS NULL AND s.expires_at > now()
"""


async def load(url: str) -> uuid.UUID:
    """Users, their sessions (most ended), and the user the requests are made as."""
    engine = create_engine(url)
    async with engine.begin() as connection:
        organisation = uuid.uuid4()
        await connection.execute(
            text(
                "INSERT INTO organisations (id, created_at, updated_at, version, name,"
                " search_name, kind, active) VALUES (:id, now(), now(), 1, 'Bench', 'bench',"
                " 'facilitation_structure', true)"
            ),
            {"id": organisation},
        )
        await connection.execute(
            text(
                """
                INSERT INTO users (id, created_at, updated_at, version, email, full_name,
                                   search_name, role, organisation_id, active, language,
                                   token_version)
                SELECT md5(i::text)::uuid, now(), now(), 1, 'u' || i || '@example.org',
                       'User ' || i, 'user ' || i, 'facilitator', :org, true, 'fr', 1
                FROM generate_series(1, :users) AS i
                """
            ),
            {"org": organisation, "users": USERS},
        )
        await connection.execute(
            text(
                """
                INSERT INTO auth_sessions (id, user_id, created_at, expires_at, ended_at,
                                           end_reason)
                SELECT md5('s' || i || '-' || k)::uuid, md5(i::text)::uuid,
                       now() - interval '3 days', now() + interval '11 days',
                       CASE WHEN k < 5 THEN now() - interval '1 day' END,
                       CASE WHEN k < 5 THEN 'logout' END
                FROM generate_series(1, :users) AS i, generate_series(1, 5) AS k
                """
            ),
            {"users": USERS},
        )
        await connection.execute(text("ANALYZE"))
    await engine.dispose()
    user_id = uuid.UUID(hashlib.md5(b"4242").hexdigest())  # noqa: S324 - as SQL md5()::uuid
    return user_id


def per_call(samples: list[float]) -> tuple[float, float]:
    """Median and p95 of the per-call time in ms, from samples of BATCH calls."""
    calls = sorted(s / BATCH for s in samples)
    return statistics.median(calls), calls[int(len(calls) * 0.95) - 1]


async def run(url: str) -> None:
    user_id = await load(url)
    settings = Settings(environment="test", database_url=url, frontend_dist=Path("/nonexistent"))
    app = create_app(settings)
    headers = await signed_in(app.state.engine, settings, user_id)
    server = make_url(url)
    raw = await asyncpg.connect(
        host=server.host, port=server.port or 5432, user=server.username, database=server.database
    )
    open_session = await raw.fetchval(
        "SELECT id FROM auth_sessions WHERE user_id = $1 AND ended_at IS NULL"
        " ORDER BY created_at DESC LIMIT 1",
        user_id,
    )
    transport = httpx.ASGITransport(app=app)
    results: dict[str, list[float]] = {
        "principal, raw SQL without the session join": [],
        "principal, raw SQL with the session join": [],
        "GET /api/v1/health (app)": [],
        "GET /api/v1/auth/me (app, session checked)": [],
    }
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

        async def without_session() -> None:
            assert await raw.fetchrow(WITHOUT_SESSION, user_id)

        async def with_session() -> None:
            assert await raw.fetchrow(WITH_SESSION, user_id, open_session)

        async def health() -> None:
            assert (await client.get("/api/v1/health")).status_code == 200

        async def me() -> None:
            assert (await client.get("/api/v1/auth/me", headers=headers)).status_code == 200

        calls = dict(zip(results, (without_session, with_session, health, me), strict=True))
        for call in calls.values():  # warm-up
            for _ in range(20):
                await call()
        for _ in range(SAMPLES):  # interleaved, so drift hits every side alike
            for label, call in calls.items():
                start = time.perf_counter()
                for _ in range(BATCH):
                    await call()
                results[label].append((time.perf_counter() - start) * 1000)
    await raw.close()
    await app.state.engine.dispose()
    print(f"session check: {USERS:,} users, {USERS * 5:,} sessions; per call, ms (median / p95)")
    medians = {}
    for label, samples in results.items():
        median, p95 = per_call(samples)
        medians[label] = median
        print(f"  {label:<48} {median:7.3f} {p95:7.3f}")
    labels = list(results)
    sql_cost = medians[labels[1]] - medians[labels[0]]
    print(
        f"  the session join costs {sql_cost * 1000:.0f} µs per request at the database "
        f"({medians[labels[1]] / medians[labels[0]]:.2f}× the statement without it); "
        f"/auth/me runs at {medians[labels[2]] / medians[labels[3]]:.2f}× the speed of /health"
    )


def main() -> None:
    on_throwaway_database(run)


if __name__ == "__main__":
    main()
