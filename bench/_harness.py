"""What every benchmark shares: a throwaway PostgreSQL database, timing, and the report."""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import asyncpg
from sqlalchemy import text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))

from levier.cli import run_migrations
from levier.core.pagination import encode_cursor
from levier.core.security import create_access_token

REPEAT = 20


async def admin_sql(server, statement: str) -> None:
    connection = await asyncpg.connect(
        host=server.host,
        port=server.port or 5432,
        user=server.username,
        database=server.database,
    )
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


async def timed(call: Callable[[], Awaitable[object]]) -> list[float]:
    samples = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


async def deep_cursor(engine, table: str, fraction: float, rows: int) -> str:
    """The keyset cursor of the row at `fraction` of `table` in (search_name, id) order."""
    async with engine.connect() as connection:
        deep = (
            await connection.execute(
                text(
                    f"SELECT search_name, id FROM {table} ORDER BY search_name, id "
                    "OFFSET :n LIMIT 1"
                ),
                {"n": int(rows * fraction)},
            )
        ).one()
    return encode_cursor([deep[0], deep[1]])


async def signed_in(engine, settings, user_id: uuid.UUID) -> dict[str, str]:
    """Bearer headers of a real open sign-in session of the user (access tokens name one)."""
    session_id = uuid.uuid4()
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO auth_sessions (id, user_id, created_at, expires_at)"
                " VALUES (:id, :user, now(), now() + interval '1 day')"
            ),
            {"id": session_id, "user": user_id},
        )
    token, _ = create_access_token(settings, user_id, 1, session_id)
    return {"Authorization": f"Bearer {token}"}


def report(title: str, results: dict[str, list[float]]) -> None:
    print(f"{title}, {REPEAT} runs each, median / p95 in ms")
    for label, samples in results.items():
        p95 = sorted(samples)[int(len(samples) * 0.95) - 1]
        print(f"  {label:<60} {statistics.median(samples):8.1f} {p95:8.1f}")


def on_throwaway_database(run: Callable[[str], Awaitable[None]]) -> None:
    """Create a migrated database on LEVIER_TEST_POSTGRES_URL's server, run, drop it."""
    server = make_url(
        os.environ.get(
            "LEVIER_TEST_POSTGRES_URL",
            "postgresql+asyncpg://postgres@127.0.0.1:5432/test",
        )
    )
    name = f"levier_bench_{uuid.uuid4().hex[:8]}"
    asyncio.run(admin_sql(server, f'CREATE DATABASE "{name}"'))
    url = server.set(database=name).render_as_string(hide_password=False)
    try:
        run_migrations(url)
        asyncio.run(run(url))
    finally:
        asyncio.run(admin_sql(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
