"""A facilitator may withdraw a validation of eligibility (made in error, evidence found
false): the validation stays in the history with when, by whom and why, and no longer counts.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("eligibility_validations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("withdrawn_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_by_id", sa.Uuid(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "withdrawal_reason", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True
            )
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_eligibility_validations_withdrawn_by_id_users"),
            "users",
            ["withdrawn_by_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("eligibility_validations", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_eligibility_validations_withdrawn_by_id_users"), type_="foreignkey"
        )
        batch_op.drop_column("withdrawal_reason")
        batch_op.drop_column("withdrawn_by_id")
        batch_op.drop_column("withdrawn_on")
