"""Labour-share prefixes written with trailing zeros (45320 for class 45320000, as the
indicative table had them) matched only the class's own code, never the codes under it:
rewrite every prefix with its significant digits (4532), as the API now stores them, unless
the structure already has that prefix.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 12:15:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The division's two digits stay; zeros after them are not significant.
REWRITE = sa.text(
    "UPDATE labour_shares"
    " SET cpv_prefix = substr(cpv_prefix, 1, 2) || rtrim(substr(cpv_prefix, 3), '0')"
    " WHERE length(cpv_prefix) > 2 AND cpv_prefix LIKE '%0'"
    " AND NOT EXISTS (SELECT 1 FROM labour_shares AS other"
    " WHERE other.organisation_id = labour_shares.organisation_id AND other.cpv_prefix ="
    " substr(labour_shares.cpv_prefix, 1, 2) || rtrim(substr(labour_shares.cpv_prefix, 3), '0'))"
)


def upgrade() -> None:
    op.execute(REWRITE)


def downgrade() -> None:
    """Nothing to undo: the shorter prefixes match every code the longer ones did."""
