"""Database engine, sessions and the one-unit-of-work-per-request dependency."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Index, MetaData, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlmodel import SQLModel

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION
metadata: MetaData = SQLModel.metadata


SQLITE_IMMEDIATE = "levier_sqlite_immediate"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


def _enable_sqlite_transactions(engine: AsyncEngine, busy_timeout_ms: int) -> None:
    """Let SQLAlchemy, not the sqlite3 driver, issue BEGIN, so SAVEPOINTs and rollbacks are real."""

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # A writer waits this long for another's lock before the request answers 503.
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A write that starts as a read cannot wait for the lock in WAL mode (SQLite answers
        # "database is locked" at once): requests that may write take it up front instead.
        immediate = connection.get_execution_options().get(SQLITE_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_engine(
    database_url: str, echo: bool = False, sqlite_busy_timeout_ms: int = 5000
) -> AsyncEngine:
    """An async engine for SQLite (aiosqlite, WAL mode) or PostgreSQL (asyncpg)."""
    kwargs: dict[str, Any] = {"echo": echo}
    if not database_url.startswith("sqlite"):
        kwargs.update(pool_size=10, max_overflow=10, pool_recycle=1800)
    engine = create_async_engine(database_url, **kwargs)
    if database_url.startswith("sqlite"):
        _enable_sqlite_transactions(engine, sqlite_busy_timeout_ms)
    _refuse_closed_connections(engine)
    return engine


def _refuse_closed_connections(engine: AsyncEngine) -> None:
    """A pooled connection the server or the network has closed is replaced when it is
    checked out, without a round trip. SQLAlchemy's `pool_pre_ping` asks the server instead,
    and with asyncpg that is three round trips (BEGIN, a ping, ROLLBACK) on every request:
    more than the statements of a detail read. The driver knows its socket was closed (a
    server restart, an idle timeout, `pg_terminate_backend`) as soon as the event loop saw it;
    a connection cut silently in between still fails its first statement, and SQLAlchemy then
    discards every older pooled connection."""

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if _driver_closed(dbapi_connection.driver_connection):
            raise DisconnectionError("the pooled connection was closed")


def _driver_closed(driver: Any) -> bool:
    is_closed = getattr(driver, "is_closed", None)  # asyncpg
    if is_closed is not None:
        return bool(is_closed())
    return getattr(driver, "_connection", True) is None  # aiosqlite, after close()


def create_sessionmaker(bind: Any) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded objects usable after the request's commit."""
    return async_sessionmaker(bind=bind, class_=AsyncSession, expire_on_commit=False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One transaction per request: commit once when the handler succeeds, roll back otherwise."""
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    options = {SQLITE_IMMEDIATE: request.method not in SAFE_METHODS}
    async with sessionmaker(execution_options=options) as session:
        session.info["client_address"] = request.client.host if request.client else None
        session.info["request_id"] = request_id(request)
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise


def request_id(request: Request) -> str | None:
    """The caller's X-Request-Id when it is a plain identifier (it goes into the audit log)."""
    value = request.headers.get("x-request-id")
    return value if value and _REQUEST_ID.match(value) else None


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


def trigram_index(name: str, column: str) -> Index:
    """A PostgreSQL trigram (pg_trgm) index so `LIKE '%text%'` searches scale (btree on SQLite)."""
    return Index(name, column, postgresql_using="gin", postgresql_ops={column: "gin_trgm_ops"})
