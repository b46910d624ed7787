"""operations tenders lots

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 08:21:59.226732
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import levier.core.models

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "operations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("search_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
        sa.Column("target_kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("target_value", sa.Numeric(precision=12, scale=4), nullable=True),
        sa.Column(
            "eligibility_restriction", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["structure_id"],
            ["organisations.id"],
            name=op.f("fk_operations_structure_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operations")),
    )
    with op.batch_alter_table("operations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_operations_search_trgm",
            ["search_name"],
            unique=False,
            postgresql_using="gin",
            postgresql_ops={"search_name": "gin_trgm_ops"},
        )
        batch_op.create_index(
            "ix_operations_structure", ["structure_id", "search_name", "id"], unique=False
        )

    op.create_table(
        "tenders",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=False),
        sa.Column("buyer_id", sa.Uuid(), nullable=False),
        sa.Column("operation_id", sa.Uuid(), nullable=True),
        sa.Column("reference", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("object", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("search_text", sqlmodel.sql.sqltypes.AutoString(length=1100), nullable=False),
        sa.Column("procedure", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("nature", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("ccag", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("price_form", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("techniques", sa.JSON(), nullable=False),
        sa.Column("cpv_code", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("place_level", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("place_code", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("place_name", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("publication_date", sa.Date(), nullable=True),
        sa.Column("deadline_date", sa.Date(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["buyer_id"], ["organisations.id"], name=op.f("fk_tenders_buyer_id_organisations")
        ),
        sa.ForeignKeyConstraint(
            ["operation_id"], ["operations.id"], name=op.f("fk_tenders_operation_id_operations")
        ),
        sa.ForeignKeyConstraint(
            ["structure_id"],
            ["organisations.id"],
            name=op.f("fk_tenders_structure_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tenders")),
        sa.UniqueConstraint("buyer_id", "reference", name=op.f("uq_tenders_buyer_id_reference")),
    )
    with op.batch_alter_table("tenders", schema=None) as batch_op:
        batch_op.create_index("ix_tenders_buyer", ["buyer_id", "created_at", "id"], unique=False)
        batch_op.create_index(
            "ix_tenders_operation", ["operation_id", "created_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_tenders_search_trgm",
            ["search_text"],
            unique=False,
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        )
        batch_op.create_index(
            "ix_tenders_structure", ["structure_id", "status", "created_at", "id"], unique=False
        )

    op.create_table(
        "lots",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("tender_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("trade", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("cpv_code", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("estimated_amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("duration_months", sa.Integer(), nullable=False),
        sa.Column(
            "calculation_method", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False
        ),
        sa.Column("labour_share", sa.Numeric(precision=5, scale=4), nullable=True),
        sa.Column("insertion_rate", sa.Numeric(precision=6, scale=4), nullable=True),
        sa.Column("hourly_cost", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("taken_over_monthly_hours", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("computed_hours", sa.Integer(), nullable=True),
        sa.Column("calculation", sa.JSON(), nullable=True),
        sa.Column("override_hours", sa.Integer(), nullable=True),
        sa.Column("override_reason", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
        sa.Column("override_by_id", sa.Uuid(), nullable=True),
        sa.Column("override_at", levier.core.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("penalty_per_missing_hour", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.ForeignKeyConstraint(
            ["override_by_id"], ["users.id"], name=op.f("fk_lots_override_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["tender_id"],
            ["tenders.id"],
            name=op.f("fk_lots_tender_id_tenders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lots")),
        sa.UniqueConstraint("tender_id", "number", name=op.f("uq_lots_tender_id_number")),
    )
    op.create_table(
        "lot_considerations",
        sa.Column("lot_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("criterion_weight", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.ForeignKeyConstraint(
            ["lot_id"],
            ["lots.id"],
            name=op.f("fk_lot_considerations_lot_id_lots"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("lot_id", "kind", name=op.f("pk_lot_considerations")),
    )


def downgrade() -> None:
    op.drop_table("lot_considerations")
    op.drop_table("lots")
    with op.batch_alter_table("tenders", schema=None) as batch_op:
        batch_op.drop_index("ix_tenders_structure")
        batch_op.drop_index(
            "ix_tenders_search_trgm",
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        )
        batch_op.drop_index("ix_tenders_operation")
        batch_op.drop_index("ix_tenders_buyer")

    op.drop_table("tenders")
    with op.batch_alter_table("operations", schema=None) as batch_op:
        batch_op.drop_index("ix_operations_structure")
        batch_op.drop_index(
            "ix_operations_search_trgm",
            postgresql_using="gin",
            postgresql_ops={"search_name": "gin_trgm_ops"},
        )

    op.drop_table("operations")
