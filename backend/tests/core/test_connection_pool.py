"""The pool replaces a connection that was closed under it, without asking the server first
(Levier does not use `pool_pre_ping`: with asyncpg it costs three round trips a request)."""

from __future__ import annotations

from sqlalchemy import text

from levier.core.db import create_engine


async def test_a_closed_pooled_connection_is_replaced_on_checkout(database_url):
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
            raw = await connection.get_raw_connection()
            closed = raw.driver_connection
        # As a server restart or an idle timeout would: the pooled connection's socket ends.
        await closed.close()
        async with engine.connect() as connection:
            assert (await connection.execute(text("SELECT 2"))).scalar() == 2
            replacement = (await connection.get_raw_connection()).driver_connection
        assert replacement is not closed
    finally:
        await engine.dispose()
