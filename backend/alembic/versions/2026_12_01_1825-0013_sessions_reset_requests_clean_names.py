"""Sign-in sessions that end their access tokens, password-reset requests counted for
throttling, and participants' names cleaned of invisible characters.

- `auth_sessions`: one row per sign-in; each refresh-token family becomes one (ended when no
  token of the family is still usable), so signed-in people stay signed in across the upgrade.
- `password_reset_requests`: counted per e-mail and per address.
- Names with zero-width or other format characters (category Cf) escaped duplicate detection:
  they are rewritten without them (NFKC) and their identity and search keys recomputed.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 18:25:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import levier.core.models
from levier.core.text import fold, without_format_characters

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SESSIONS_FROM_FAMILIES = sa.text(
    "INSERT INTO auth_sessions (id, user_id, created_at, expires_at, ended_at, end_reason)"
    " SELECT family_id, user_id, MIN(created_at), MAX(expires_at),"
    " CASE WHEN SUM(CASE WHEN revoked_at IS NULL AND used_at IS NULL THEN 1 ELSE 0 END) = 0"
    " THEN MAX(created_at) END,"
    " CASE WHEN SUM(CASE WHEN revoked_at IS NULL AND used_at IS NULL THEN 1 ELSE 0 END) = 0"
    " THEN 'logout' END"
    " FROM refresh_tokens GROUP BY family_id, user_id"
)
BATCH = 1000


def _clean_names() -> None:
    connection = op.get_bind()
    participants = sa.table(
        "participants",
        sa.column("id", sa.Uuid()),
        sa.column("last_name", sa.String()),
        sa.column("first_names", sa.String()),
        sa.column("identity_key", sa.String()),
        sa.column("search_name", sa.String()),
        sa.column("anonymised_at", sa.DateTime()),
    )
    update = (
        participants.update()
        .where(participants.c.id == sa.bindparam("row_id"))
        .values(
            last_name=sa.bindparam("last"),
            first_names=sa.bindparam("first"),
            identity_key=sa.bindparam("key"),
            search_name=sa.bindparam("search"),
        )
    )
    after = None
    while True:  # keyset batches: memory stays flat however many people
        statement = (
            sa.select(
                participants.c.id,
                participants.c.last_name,
                participants.c.first_names,
                participants.c.identity_key,
            )
            .where(participants.c.anonymised_at.is_(None))
            .order_by(participants.c.id)
            .limit(BATCH)
        )
        if after is not None:
            statement = statement.where(participants.c.id > after)
        rows = connection.execute(statement).all()
        if not rows:
            return
        after = rows[-1].id
        changes = [change for row in rows if (change := _cleaned(row)) is not None]
        if changes:
            connection.execute(update, changes)


def _cleaned(row: sa.Row) -> dict[str, object] | None:
    last = without_format_characters(row.last_name).strip()
    first = without_format_characters(row.first_names).strip()
    key = f"{fold(last)}|{fold(first)}"
    if (last, first, key) == (row.last_name, row.first_names, row.identity_key):
        return None
    return {
        "row_id": row.id,
        "last": last,
        "first": first,
        "key": key,
        "search": fold(f"{last} {first}"),
    }


def upgrade() -> None:
    op.create_table(
        "password_reset_requests",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("client_address", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_password_reset_requests")),
    )
    with op.batch_alter_table("password_reset_requests", schema=None) as batch_op:
        batch_op.create_index(
            "ix_password_reset_requests_address", ["client_address", "at"], unique=False
        )
        batch_op.create_index("ix_password_reset_requests_email", ["email", "at"], unique=False)

    op.create_table(
        "auth_sessions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ended_at", levier.core.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("end_reason", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("client_address", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_auth_sessions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_sessions")),
    )
    with op.batch_alter_table("auth_sessions", schema=None) as batch_op:
        batch_op.create_index("ix_auth_sessions_user", ["user_id", "created_at"], unique=False)
    op.execute(SESSIONS_FROM_FAMILIES)
    _clean_names()


def downgrade() -> None:
    """Drops the new tables; cleaned names stay clean."""
    with op.batch_alter_table("auth_sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_auth_sessions_user")
    op.drop_table("auth_sessions")
    with op.batch_alter_table("password_reset_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_password_reset_requests_email")
        batch_op.drop_index("ix_password_reset_requests_address")
    op.drop_table("password_reset_requests")
