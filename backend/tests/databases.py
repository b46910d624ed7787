"""Throwaway databases for a test run: a SQLite file, or a PostgreSQL database made and dropped."""

from __future__ import annotations

import asyncio
import os
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy.engine import URL, make_url


def backend() -> str:
    """Which database this run tests: "sqlite" (default) or "postgresql"."""
    return os.environ.get("LEVIER_TEST_DATABASE", "sqlite")


def off_loop(function: Callable[[], Any]) -> Any:
    """Run blocking code that may call asyncio.run() (Alembic, the CLI) in its own thread."""
    results: list[Any] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            results.append(function())
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return results[0] if results else None


def _postgres_server_url() -> URL:
    url = os.environ.get("LEVIER_TEST_POSTGRES_URL")
    if not url:
        raise RuntimeError(
            "LEVIER_TEST_DATABASE=postgresql needs LEVIER_TEST_POSTGRES_URL "
            "(e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/test)"
        )
    return make_url(url).set(drivername="postgresql+asyncpg")


def _admin(server: URL, statement: str) -> None:
    async def run() -> None:
        connection = await asyncpg.connect(
            host=server.host or "127.0.0.1",
            port=server.port or 5432,
            user=server.username or "postgres",
            password=server.password,
            database=server.database or "postgres",
        )
        try:
            await connection.execute(statement)
        finally:
            await connection.close()

    off_loop(lambda: asyncio.run(run()))


@contextmanager
def throwaway_database() -> Iterator[str]:
    """The async URL of a new empty database, dropped when the block ends."""
    if backend() == "sqlite":
        with tempfile.TemporaryDirectory(prefix="levier-test-") as folder:
            yield f"sqlite+aiosqlite:///{Path(folder) / 'levier.sqlite3'}"
        return
    server = _postgres_server_url()
    name = f"levier_test_{uuid.uuid4().hex[:12]}"
    _admin(server, f'CREATE DATABASE "{name}"')
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
