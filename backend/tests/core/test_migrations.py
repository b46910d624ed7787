"""Migrations: upgrade on an empty database, downgrade to base and back, models == migrations."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import text

from levier.cli import BACKEND_DIR, run_migrations
from levier.core.db import create_engine
from levier.registry import metadata
from tests.databases import off_loop, throwaway_database


def _config(url: str) -> Config:
    config = Config(str(BACKEND_DIR / "alembic.ini"))
    config.attributes["database_url"] = url
    config.attributes["configure_logging"] = False
    return config


async def _diff(url: str) -> list:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(sync, opts={"compare_type": True}), metadata
                )
            )
    finally:
        await engine.dispose()


async def _count_territories(url: str) -> int:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return (await connection.execute(text("SELECT count(*) FROM territories"))).scalar_one()
    finally:
        await engine.dispose()


class TestMigrations:
    async def test_models_match_the_migrations(self, database_url):
        assert await _diff(database_url) == []

    async def test_reference_territories_are_loaded(self, database_url):
        assert await _count_territories(database_url) > 35_000

    async def test_downgrade_to_base_then_upgrade_again(self):
        with throwaway_database() as url:
            off_loop(lambda: run_migrations(url))
            off_loop(lambda: command.downgrade(_config(url), "base"))
            engine = create_engine(url)
            async with engine.connect() as connection:
                tables = await connection.run_sync(lambda sync: sync.dialect.get_table_names(sync))
            await engine.dispose()
            assert set(tables) <= {"alembic_version"}
            off_loop(lambda: command.upgrade(_config(url), "head"))
            assert await _diff(url) == []
