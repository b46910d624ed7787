"""Indicative labour shares written with a trailing zero (45320 for class 45320000) matched
only the class's own code, never the codes under it: rewrite them with their significant
digits (4532), in each structure's table, unless the structure already has that prefix.

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

PREFIXES = [
    ("45310", "4531"),
    ("45320", "4532"),
    ("45330", "4533"),
    ("45410", "4541"),
    ("77310", "7731"),
    ("90910", "9091"),
]

_REWRITE = sa.text(
    "UPDATE labour_shares SET cpv_prefix = :new WHERE cpv_prefix = :old AND organisation_id"
    " NOT IN (SELECT organisation_id FROM labour_shares WHERE cpv_prefix = :new)"
)


def upgrade() -> None:
    for old, new in PREFIXES:
        op.execute(_REWRITE.bindparams(old=old, new=new))


def downgrade() -> None:
    for old, new in PREFIXES:
        op.execute(_REWRITE.bindparams(old=new, new=old))
