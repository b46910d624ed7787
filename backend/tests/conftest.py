"""Test harness: one migrated throwaway database per run, each test in a rolled-back transaction.

Requests go through the real stack (HTTP → ASGI app → services → database). The app's
sessions join the test's outer transaction as SAVEPOINTs, so a request's commit and
rollback behave as in production and nothing outlives the test.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from levier.cli import run_migrations
from levier.core.config import Settings
from levier.core.db import create_engine
from levier.core.security import create_access_token
from levier.main import create_app
from levier.users.models import User
from tests.databases import backend, off_loop, throwaway_database
from tests.factories import session_id_of


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """A database migrated to head for this run."""
    with throwaway_database() as url:
        off_loop(lambda: run_migrations(url))
        yield url


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(
        environment="test",
        database_url=database_url,
        storage_dir=tmp_path_factory.mktemp("documents"),
        frontend_dist=Path("/nonexistent"),
        base_url="http://levier.test",
        login_max_failures=3,
        login_max_failures_per_address=50,
    )


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
async def connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """The test's connection, inside a transaction rolled back at the end."""
    async with engine.connect() as connection:
        transaction = await connection.begin()
        yield connection
        if transaction.is_active:
            await transaction.rollback()


@pytest.fixture
def sessionmaker(connection: AsyncConnection) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(
        bind=connection,
        class_=AsyncSession,
        expire_on_commit=False,
        join_transaction_mode="create_savepoint",
    )


@pytest.fixture
async def session(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A session for factories and assertions (sees what requests committed)."""
    async with sessionmaker() as session:
        yield session


@pytest.fixture(scope="session")
def application(settings: Settings, engine: AsyncEngine) -> Any:
    """One application for the whole run: building its routes costs about a second, and it
    holds no state of its own between requests (everything lives in the database)."""
    return create_app(settings, engine=engine)


@pytest.fixture
def app(application: Any, sessionmaker: Any) -> Any:
    """The application, its requests bound to this test's rolled-back transaction."""
    application.state.sessionmaker = sessionmaker
    return application


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://levier.test") as client:
        yield client


def bearer(settings: Settings, user: User) -> dict[str, str]:
    """Authorization header with a real access token of the user's open session."""
    token, _ = create_access_token(settings, user.id, user.token_version, session_id_of(user))
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def auth(settings: Settings) -> Any:
    return lambda user: bearer(settings, user)


def pytest_report_header() -> str:
    return f"levier test database: {backend()}"
