"""Per-structure eligibility criteria and retention period; retention warnings; indexes
for a network's portfolio in name order and a page's pathways.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26 00:37:56.610470
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The code list of participants.md as it stood at this revision: existing structures keep
# validating against all of it.
CRITERIA = [
    "long_term_jobseeker",
    "minimum_income",
    "disability_income",
    "disabled_worker",
    "young_unqualified",
    "senior_jobseeker",
    "qpv_resident",
    "insertion_employee",
    "facilitator_validated",
]


def upgrade() -> None:
    with op.batch_alter_table("clause_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("enabled_criteria", sa.JSON(), nullable=True))
    clause_settings = sa.table("clause_settings", sa.column("enabled_criteria", sa.JSON()))
    op.execute(clause_settings.update().values(enabled_criteria=CRITERIA))
    with op.batch_alter_table("clause_settings", schema=None) as batch_op:
        batch_op.alter_column("enabled_criteria", existing_type=sa.JSON(), nullable=False)

    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("retention_months", sa.Integer(), nullable=True))

    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("retention_due_on", sa.Date(), nullable=True))
        batch_op.create_index("ix_participants_name", ["search_name", "id"], unique=False)

    with op.batch_alter_table("pathways", schema=None) as batch_op:
        batch_op.create_index(
            "ix_pathways_participant", ["participant_id", "entry_date"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("pathways", schema=None) as batch_op:
        batch_op.drop_index("ix_pathways_participant")

    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_index("ix_participants_name")
        batch_op.drop_column("retention_due_on")

    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_column("retention_months")

    with op.batch_alter_table("clause_settings", schema=None) as batch_op:
        batch_op.drop_column("enabled_criteria")
