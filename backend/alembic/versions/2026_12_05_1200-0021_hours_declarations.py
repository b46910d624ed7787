"""Monthly hours: one declaration per assignment and month, declared by the employer of
record and validated or rejected by the facilitator, with an index per list.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import levier.core.models

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hours_declarations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Uuid(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=False),
        sa.Column("lot_id", sa.Uuid(), nullable=False),
        sa.Column("employer_id", sa.Uuid(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("hours", sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("declared_by_id", sa.Uuid(), nullable=True),
        sa.Column("declared_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("decided_by_id", sa.Uuid(), nullable=True),
        sa.Column("decided_at", levier.core.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("rejection_reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignments.id"],
            name=op.f("fk_hours_declarations_assignment_id_assignments"),
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["users.id"], name=op.f("fk_hours_declarations_decided_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["declared_by_id"],
            ["users.id"],
            name=op.f("fk_hours_declarations_declared_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["organisations.id"],
            name=op.f("fk_hours_declarations_employer_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["lots.id"], name=op.f("fk_hours_declarations_lot_id_lots")
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_hours_declarations_participant_id_participants"),
        ),
        sa.ForeignKeyConstraint(
            ["structure_id"],
            ["organisations.id"],
            name=op.f("fk_hours_declarations_structure_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hours_declarations")),
        sa.UniqueConstraint("assignment_id", "month", name="uq_hours_declarations_month"),
    )
    with op.batch_alter_table("hours_declarations", schema=None) as batch_op:
        batch_op.create_index("ix_hours_employer", ["employer_id", "month", "id"], unique=False)
        batch_op.create_index("ix_hours_lot", ["lot_id", "month", "status"], unique=False)
        batch_op.create_index("ix_hours_order", ["month", "id"], unique=False)
        batch_op.create_index(
            "ix_hours_structure_status", ["structure_id", "status", "month", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("hours_declarations", schema=None) as batch_op:
        batch_op.drop_index("ix_hours_structure_status")
        batch_op.drop_index("ix_hours_order")
        batch_op.drop_index("ix_hours_lot")
        batch_op.drop_index("ix_hours_employer")

    op.drop_table("hours_declarations")
