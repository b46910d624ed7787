"""The audit log is filtered by action (sign-ins, sensitive reads…), newest first.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03 12:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_audit_events_action", "audit_events", ["action", "at", "id"])


def downgrade() -> None:
    op.drop_index("ix_audit_events_action", table_name="audit_events")
