"""Migration 0012 rewrites prefixes with trailing zeros in tables created before it."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from levier.auth.permissions import Role
from levier.clauses.models import LabourShare
from tests.factories import make_user

MIGRATION = next(
    (Path(__file__).parents[2] / "alembic" / "versions").glob("*-0012_labour_share_prefixes.py")
)


def _migration():
    spec = importlib.util.spec_from_file_location("migration_0012", MIGRATION)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_padded_prefixes_become_significant_digits(client, auth, session):
    facilitator = await make_user(session, role=Role.facilitator)
    await client.get("/api/v1/clause-settings", headers=auth(facilitator))  # creates the table
    rows = (
        await session.execute(
            select(LabourShare).where(LabourShare.organisation_id == facilitator.organisation_id)  # type: ignore[arg-type]
        )
    ).scalars()
    by_prefix = {row.cpv_prefix: row for row in rows}
    by_prefix["4532"].cpv_prefix = "45320"  # as a table created before the fix
    by_prefix["9091"].cpv_prefix = "90910"
    by_prefix["4531"].cpv_prefix = "45310"
    by_prefix["45112"].cpv_prefix = "45112000"  # as an admin could type it
    session.add(
        LabourShare(
            organisation_id=facilitator.organisation_id,
            cpv_prefix="4531",
            trade="Électricité (ajoutée)",
            share=Decimal("0.5"),
        )
    )
    await session.commit()
    migration = _migration()
    await session.execute(migration.REWRITE)
    await session.commit()
    rows = await session.execute(  # columns, not entities: the ORM's copies are stale
        select(LabourShare.cpv_prefix, LabourShare.trade).where(
            LabourShare.organisation_id == facilitator.organisation_id  # type: ignore[arg-type]
        )
    )
    prefixes = {prefix: trade for prefix, trade in rows}
    assert prefixes["4532"] == "Plâtrerie / isolation"
    assert prefixes["9091"] == "Nettoyage"
    assert prefixes["45112"] == "VRD / terrassement"
    assert "71" in prefixes, "two-digit prefixes are left as they are"
    # A structure that already had the new prefix keeps both rows: nothing is overwritten.
    assert (prefixes["4531"], prefixes["45310"]) == ("Électricité (ajoutée)", "Électricité")
