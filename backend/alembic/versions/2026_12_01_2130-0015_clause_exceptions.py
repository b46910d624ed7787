"""Clause entry rules: a facilitator's recorded exception (reason, author, date) lets a
person enter a lot's clause outside the eligibility rules; the assignment names it.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 21:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import levier.core.models

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "clause_exceptions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column("lot_id", sa.Uuid(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("granted_by_id", sa.Uuid(), nullable=False),
        sa.Column("granted_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["granted_by_id"], ["users.id"], name=op.f("fk_clause_exceptions_granted_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["lots.id"], name=op.f("fk_clause_exceptions_lot_id_lots")
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_clause_exceptions_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["structure_id"],
            ["organisations.id"],
            name=op.f("fk_clause_exceptions_structure_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clause_exceptions")),
    )
    with op.batch_alter_table("clause_exceptions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_clause_exceptions_participant", ["participant_id", "lot_id"], unique=False
        )
    with op.batch_alter_table("pathway_steps", schema=None) as batch_op:
        batch_op.add_column(sa.Column("exception_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_pathway_steps_exception_id_clause_exceptions"),
            "clause_exceptions",
            ["exception_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("pathway_steps", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_pathway_steps_exception_id_clause_exceptions"), type_="foreignkey"
        )
        batch_op.drop_column("exception_id")
    with op.batch_alter_table("clause_exceptions", schema=None) as batch_op:
        batch_op.drop_index("ix_clause_exceptions_participant")
    op.drop_table("clause_exceptions")
