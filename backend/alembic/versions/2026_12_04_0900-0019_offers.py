"""Job offers: on a lot's clause or for an enterprise generally, with an index per filter.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import levier.core.models

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_offers_order": ["start_date", "id"],
    "ix_offers_status": ["status", "start_date", "id"],
    "ix_offers_structure": ["structure_id", "start_date", "id"],
    "ix_offers_enterprise": ["enterprise_id", "start_date", "id"],
    "ix_offers_lot": ["lot_id", "start_date", "id"],
    "ix_offers_tender": ["tender_id", "start_date", "id"],
    "ix_offers_rome": ["rome_code", "start_date", "id"],
    "ix_offers_commune": ["commune_code", "start_date", "id"],
    "ix_offers_department": ["department_code", "status"],
    "ix_offers_region": ["region_code", "status"],
}


def upgrade() -> None:
    text = sqlmodel.sql.sqltypes.AutoString
    op.create_table(
        "offers",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("tender_id", sa.Uuid(), nullable=True),
        sa.Column("lot_id", sa.Uuid(), nullable=True),
        sa.Column("rome_code", text(length=5), nullable=False),
        sa.Column("title", text(length=200), nullable=False),
        sa.Column("description", text(length=4000), nullable=False),
        sa.Column("commune_code", text(length=5), nullable=False),
        sa.Column("commune_name", text(length=128), nullable=False),
        sa.Column("department_code", text(length=3), nullable=True),
        sa.Column("region_code", text(length=3), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("duration_months", sa.Integer(), nullable=False),
        sa.Column("hours_per_week", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("posts", sa.Integer(), nullable=False),
        sa.Column("contract_kind", text(length=32), nullable=False),
        sa.Column("status", text(length=16), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(["structure_id"], ["organisations.id"]),
        sa.ForeignKeyConstraint(["enterprise_id"], ["organisations.id"]),
        sa.ForeignKeyConstraint(["tender_id"], ["tenders.id"]),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"]),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    for name, columns in INDEXES.items():
        op.create_index(name, "offers", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="offers")
    op.drop_table("offers")
