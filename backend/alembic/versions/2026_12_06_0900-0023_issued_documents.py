"""Issued documents (completion certificates, end-of-assignment reports, buyers' monthly
reports), archived once with their SHA-256, and the end-of-assignment reports' two parts.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import levier.core.models

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "issued_documents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("edition", sa.Integer(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=True),
        sa.Column("buyer_id", sa.Uuid(), nullable=True),
        sa.Column("lot_id", sa.Uuid(), nullable=True),
        sa.Column("assignment_id", sa.Uuid(), nullable=True),
        sa.Column("participant_id", sa.Uuid(), nullable=True),
        sa.Column("month", sa.Date(), nullable=True),
        sa.Column("issued_by_id", sa.Uuid(), nullable=True),
        sa.Column("issued_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("filename", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("media_type", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("storage_key", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignments.id"],
            name=op.f("fk_issued_documents_assignment_id_assignments"),
        ),
        sa.ForeignKeyConstraint(
            ["buyer_id"],
            ["organisations.id"],
            name=op.f("fk_issued_documents_buyer_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["issued_by_id"], ["users.id"], name=op.f("fk_issued_documents_issued_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["lots.id"], name=op.f("fk_issued_documents_lot_id_lots")
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_issued_documents_participant_id_participants"),
        ),
        sa.ForeignKeyConstraint(
            ["structure_id"],
            ["organisations.id"],
            name=op.f("fk_issued_documents_structure_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_documents")),
        sa.UniqueConstraint(
            "kind", "subject", "media_type", "edition", name="uq_issued_documents_edition"
        ),
        sa.UniqueConstraint("storage_key", name=op.f("uq_issued_documents_storage_key")),
    )
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.create_index(
            "ix_issued_documents_assignment", ["assignment_id", "issued_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_issued_documents_buyer", ["buyer_id", "issued_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_issued_documents_lot", ["lot_id", "issued_at", "id"], unique=False
        )
        batch_op.create_index("ix_issued_documents_order", ["issued_at", "id"], unique=False)
        batch_op.create_index(
            "ix_issued_documents_structure", ["structure_id", "issued_at", "id"], unique=False
        )

    op.create_table(
        "assignment_reports",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Uuid(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("skills_acquired", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("tasks", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("attendance", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("recommendation", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column(
            "employer_comment", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False
        ),
        sa.Column("employer_by_id", sa.Uuid(), nullable=True),
        sa.Column("employer_at", levier.core.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("next_step", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("facilitator_by_id", sa.Uuid(), nullable=True),
        sa.Column("facilitator_at", levier.core.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("document_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignments.id"],
            name=op.f("fk_assignment_reports_assignment_id_assignments"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["issued_documents.id"],
            name=op.f("fk_assignment_reports_document_id_issued_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["employer_by_id"],
            ["users.id"],
            name=op.f("fk_assignment_reports_employer_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["facilitator_by_id"],
            ["users.id"],
            name=op.f("fk_assignment_reports_facilitator_by_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_assignment_reports_participant_id_participants"),
        ),
        sa.ForeignKeyConstraint(
            ["structure_id"],
            ["organisations.id"],
            name=op.f("fk_assignment_reports_structure_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment_reports")),
        sa.UniqueConstraint("assignment_id", name=op.f("uq_assignment_reports_assignment_id")),
    )
    with op.batch_alter_table("assignment_reports", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assignment_reports_participant_id"), ["participant_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_assignment_reports_structure_id"), ["structure_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("assignment_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assignment_reports_structure_id"))
        batch_op.drop_index(batch_op.f("ix_assignment_reports_participant_id"))

    op.drop_table("assignment_reports")
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.drop_index("ix_issued_documents_structure")
        batch_op.drop_index("ix_issued_documents_order")
        batch_op.drop_index("ix_issued_documents_lot")
        batch_op.drop_index("ix_issued_documents_buyer")
        batch_op.drop_index("ix_issued_documents_assignment")

    op.drop_table("issued_documents")
