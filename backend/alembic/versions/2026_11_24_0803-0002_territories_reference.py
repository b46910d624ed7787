"""territories reference data (Etalab découpage administratif 6.0.0)

Loads regions, departments and communes from the file shipped in
levier/territories/data/. A newer reference file comes with a new migration.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 08:03:00
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

import sqlalchemy as sa
from alembic import op

from levier.territories.reference import territory_rows

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

territories = sa.table(
    "territories",
    sa.column("level", sa.String),
    sa.column("code", sa.String),
    sa.column("name", sa.String),
    sa.column("search_name", sa.String),
    sa.column("department_code", sa.String),
    sa.column("region_code", sa.String),
    sa.column("postal_codes", sa.String),
)


def upgrade() -> None:
    rows = territory_rows()
    while batch := list(islice(rows, 5000)):
        op.bulk_insert(territories, batch)


def downgrade() -> None:
    op.execute(territories.delete())
