"""awards amendments

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 08:27:56.137863
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import levier.core.models

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "lot_amendments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("amount_before", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("amount_after", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("duration_before", sa.Integer(), nullable=False),
        sa.Column("duration_after", sa.Integer(), nullable=False),
        sa.Column("hours_before", sa.Integer(), nullable=True),
        sa.Column("hours_after", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["lots.id"], name=op.f("fk_lot_amendments_lot_id_lots"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lot_amendments")),
        sa.UniqueConstraint("lot_id", "number", name=op.f("uq_lot_amendments_lot_id_number")),
    )
    op.create_table(
        "lot_awards",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Uuid(), nullable=False),
        sa.Column("awarded_amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("notification_date", sa.Date(), nullable=False),
        sa.Column("consortium_type", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["lots.id"], name=op.f("fk_lot_awards_lot_id_lots"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lot_awards")),
        sa.UniqueConstraint("lot_id", name=op.f("uq_lot_awards_lot_id")),
    )
    op.create_table(
        "lot_award_members",
        sa.Column("award_id", sa.Uuid(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("is_mandatary", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["award_id"],
            ["lot_awards.id"],
            name=op.f("fk_lot_award_members_award_id_lot_awards"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["organisations.id"],
            name=op.f("fk_lot_award_members_enterprise_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("award_id", "enterprise_id", name=op.f("pk_lot_award_members")),
    )
    with op.batch_alter_table("lot_award_members", schema=None) as batch_op:
        batch_op.create_index("ix_lot_award_members_enterprise", ["enterprise_id"], unique=False)

    op.create_table(
        "lot_subcontractors",
        sa.Column("award_id", sa.Uuid(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["award_id"],
            ["lot_awards.id"],
            name=op.f("fk_lot_subcontractors_award_id_lot_awards"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["organisations.id"],
            name=op.f("fk_lot_subcontractors_enterprise_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("award_id", "enterprise_id", name=op.f("pk_lot_subcontractors")),
    )
    with op.batch_alter_table("lot_subcontractors", schema=None) as batch_op:
        batch_op.create_index("ix_lot_subcontractors_enterprise", ["enterprise_id"], unique=False)

    with op.batch_alter_table("lots", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("current_amount", sa.Numeric(precision=14, scale=2), nullable=True)
        )
        batch_op.add_column(
            sa.Column("hours_frozen", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("lots", schema=None) as batch_op:
        batch_op.drop_column("hours_frozen")
        batch_op.drop_column("current_amount")

    with op.batch_alter_table("lot_subcontractors", schema=None) as batch_op:
        batch_op.drop_index("ix_lot_subcontractors_enterprise")

    op.drop_table("lot_subcontractors")
    with op.batch_alter_table("lot_award_members", schema=None) as batch_op:
        batch_op.drop_index("ix_lot_award_members_enterprise")

    op.drop_table("lot_award_members")
    op.drop_table("lot_awards")
    op.drop_table("lot_amendments")
