"""The demo data the fuzzers aim at: migrated and seeded once per run, copied for each caller."""

from __future__ import annotations

import asyncio
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

from sqlalchemy import text
from sqlalchemy.engine import make_url

from levier.cli import run_migrations
from levier.core.db import create_engine, create_sessionmaker
from levier.core.storage import LocalStorage
from tests.databases import _admin, _postgres_server_url, backend, off_loop, throwaway_database

# Path parameter → its records' ids, in an order that does not depend on the random uuids,
# so a derandomised run picks the same records on every machine.
ID_QUERIES = {
    "organisation_id": "SELECT id FROM organisations ORDER BY siret",
    "user_id": "SELECT id FROM users ORDER BY email",
    "operation_id": "SELECT id FROM operations ORDER BY name",
    "tender_id": "SELECT id FROM tenders ORDER BY reference",
    "lot_id": "SELECT l.id FROM lots l JOIN tenders t ON t.id = l.tender_id "
    "ORDER BY t.reference, l.number",
    "participant_id": "SELECT id FROM participants ORDER BY identity_key",
    "pathway_id": "SELECT w.id FROM pathways w JOIN participants p ON p.id = w.participant_id "
    "ORDER BY p.identity_key, w.entry_date",
    "offer_id": "SELECT o.id FROM offers o ORDER BY o.start_date, o.title",
    "share_id": "SELECT s.id FROM labour_shares s JOIN organisations o ON o.id = s.organisation_id "
    "ORDER BY o.siret, s.cpv_prefix",
}
# Child id → its parent's id: a lot belongs to a tender, a pathway to a participant.
PARENT_QUERIES = (
    "SELECT id, tender_id FROM lots",
    "SELECT id, participant_id FROM pathways",
)


@dataclass(frozen=True)
class Seeded:
    """A migrated database holding the demo, and what the fuzzers need to know of it."""

    url: str
    ids: dict[str, list[str]]
    accounts: dict[str, str]  # email → user id
    parents: dict[str, str]


def _id(value: object) -> str:
    """A stored uuid (native on PostgreSQL, 32 hex digits on SQLite) as the API writes it."""
    return str(uuid.UUID(str(value)))


async def _seed(url: str) -> Seeded:
    from levier import demo
    from levier import registry as _registry  # noqa: F401 - every mapper complete first
    from levier.clauses import service as clauses_service
    from levier.core.audit import recorder

    recorder.install()
    engine = create_engine(url)
    try:
        async with create_sessionmaker(engine)() as session:
            with TemporaryDirectory(prefix="levier-fuzz-documents-") as documents:
                await demo.seed(session, LocalStorage(Path(documents)))
            structures = await session.execute(
                text("SELECT id FROM organisations WHERE kind = 'facilitation_structure'")
            )
            for (structure_id,) in structures.all():
                # The labour-share table is created on first read: let share_id have rows.
                await clauses_service.get_settings(session, uuid.UUID(_id(structure_id)))
            await session.commit()
            ids = {
                name: [_id(row[0]) for row in await session.execute(text(query))]
                for name, query in ID_QUERIES.items()
            }
            parents = {
                _id(child): _id(parent)
                for query in PARENT_QUERIES
                for child, parent in await session.execute(text(query))
            }
            users = await session.execute(text("SELECT email, id FROM users"))
            accounts = {email: _id(user_id) for email, user_id in users}
    finally:
        await engine.dispose()
    return Seeded(url=url, ids=ids, accounts=accounts, parents=parents)


@contextmanager
def seeded_template() -> Iterator[Seeded]:
    """A new database at the latest schema with the demo loaded, dropped when the block ends."""
    with throwaway_database() as url:
        off_loop(lambda: run_migrations(url))
        yield off_loop(lambda: asyncio.run(_seed(url)))


@contextmanager
def copy_of(template: Seeded) -> Iterator[str]:
    """A throwaway copy of the template's database."""
    if backend() == "sqlite":
        with TemporaryDirectory(prefix="levier-fuzz-") as folder:
            target = Path(folder) / "levier.sqlite3"
            source = sqlite3.connect(make_url(template.url).database or "")
            destination = sqlite3.connect(target)
            try:
                source.backup(destination)
            finally:
                destination.close()
                source.close()
            yield f"sqlite+aiosqlite:///{target}"
        return
    server = _postgres_server_url()
    name = f"levier_fuzz_{uuid.uuid4().hex[:12]}"
    _admin(server, f'CREATE DATABASE "{name}" TEMPLATE "{make_url(template.url).database}"')
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
