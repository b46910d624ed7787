"""clause settings and labour shares

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 08:17:56.696021
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import levier.core.models

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "clause_settings",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("hourly_cost", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("insertion_rate", sa.Numeric(precision=6, scale=4), nullable=False),
        sa.Column("default_labour_share", sa.Numeric(precision=5, scale=4), nullable=False),
        sa.Column("monthly_ceiling_hours", sa.Integer(), nullable=False),
        sa.Column("training_cap_share", sa.Numeric(precision=5, scale=4), nullable=False),
        sa.Column("cleaning_hourly_cost", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("cleaning_min_hours", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_clause_settings_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clause_settings")),
        sa.UniqueConstraint("organisation_id", name=op.f("uq_clause_settings_organisation_id")),
    )
    op.create_table(
        "labour_shares",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("cpv_prefix", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("trade", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("share", sa.Numeric(precision=5, scale=4), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_labour_shares_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_labour_shares")),
        sa.UniqueConstraint(
            "organisation_id",
            "cpv_prefix",
            name=op.f("uq_labour_shares_organisation_id_cpv_prefix"),
        ),
    )
    with op.batch_alter_table("labour_shares", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_labour_shares_organisation_id"), ["organisation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("labour_shares", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_labour_shares_organisation_id"))

    op.drop_table("labour_shares")
    op.drop_table("clause_settings")
