"""The embedded SQLite database under parallel writers: they wait their turn (WAL, a busy
timeout, writes take the lock up front), and a write that still cannot get the lock answers
503 with Retry-After, never a 500. Runs on its own SQLite file in both database runs."""

from __future__ import annotations

import asyncio
import sqlite3

import httpx
import pytest
from sqlmodel import SQLModel

from levier import registry  # noqa: F401 - complete the metadata
from levier.core.db import create_engine
from levier.main import create_app


@pytest.fixture
async def sqlite_app(settings, tmp_path, request):
    """An app on a fresh SQLite file with the whole schema, its own engine and pool (the
    busy timeout of the `busy_timeout_ms` mark, else the default)."""
    mark = request.node.get_closest_marker("busy_timeout_ms")
    timeout = mark.args[0] if mark else settings.sqlite_busy_timeout_ms
    path = tmp_path / "busy.sqlite3"
    url = f"sqlite+aiosqlite:///{path}"
    engine = create_engine(url, sqlite_busy_timeout_ms=timeout)
    async with engine.begin() as connection:
        await connection.run_sync(SQLModel.metadata.create_all)
    app = create_app(
        settings.model_copy(
            update={
                "database_url": url,
                "sqlite_busy_timeout_ms": timeout,
                "password_reset_max_per_address": 1000,
            }
        ),
        engine=engine,
    )
    yield app, path
    await engine.dispose()


def client_for(app) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://levier.test")


async def reset_request(client: httpx.AsyncClient, number: int) -> httpx.Response:
    # Reads (throttle, account look-up) then writes: the shape that deadlocked deferred BEGINs.
    return await client.post(
        "/api/v1/auth/password-reset/request", json={"email": f"p{number}@example.org"}
    )


class TestParallelWriters:
    async def test_parallel_writes_all_succeed(self, sqlite_app):
        app, path = sqlite_app
        async with client_for(app) as client:
            answers = await asyncio.gather(*(reset_request(client, n) for n in range(24)))
        assert [a.status_code for a in answers] == [202] * 24
        with sqlite3.connect(path) as raw:
            assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert raw.execute("SELECT count(*) FROM password_reset_requests").fetchone()[0] == 24

    @pytest.mark.busy_timeout_ms(200)
    async def test_a_write_that_cannot_get_the_lock_answers_503_with_retry_after(self, sqlite_app):
        app, path = sqlite_app
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another process keeps the write lock
        try:
            async with client_for(app) as client:
                response = await reset_request(client, 1)
                assert response.status_code == 503
                assert response.headers["content-type"] == "application/problem+json"
                assert response.json()["code"] == "database_busy"
                assert int(response.headers["Retry-After"]) >= 1
                reads = await client.get("/api/v1/territories/regions")
                assert reads.status_code == 200  # readers are not blocked by a writer
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        async with client_for(app) as client:
            assert (await reset_request(client, 2)).status_code == 202
