"""Clause articles keep a facilitator's internal notes out of contract text: templates lose
the `override_reason` variable, so stored templates that used it are rewritten without it
(they would otherwise no longer render).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 22:00:00
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GUARDED = re.compile(r"\{%-?\s*if\s+override_reason\s*-?%\}.*?\{%-?\s*endif\s*-?%\}", re.DOTALL)
USED = re.compile(r"\{\{-?\s*override_reason\s*-?\}\}")


def upgrade() -> None:
    connection = op.get_bind()
    settings = sa.table("clause_settings", sa.column("id"), sa.column("article_template"))
    rows = connection.execute(
        sa.select(settings.c.id, settings.c.article_template).where(
            settings.c.article_template.like("%override_reason%")
        )
    ).all()
    for row_id, template in rows:
        cleaned = USED.sub("", GUARDED.sub("", template))
        connection.execute(
            settings.update().where(settings.c.id == row_id).values(article_template=cleaned)
        )


def downgrade() -> None:
    """Nothing to restore: the notes were never contract text."""
