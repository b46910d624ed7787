"""enterprise kind

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 08:26:38.444992
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("enterprise_kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True)
        )
        batch_op.add_column(
            sa.Column("ess", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.execute("UPDATE organisations SET enterprise_kind = 'ordinary' WHERE kind = 'enterprise'")


def downgrade() -> None:
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_column("ess")
        batch_op.drop_column("enterprise_kind")
