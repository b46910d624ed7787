"""Referrals of people to job offers with their dated history, and assignments (a person at
work on a lot's clause in one fulfilment mode) with the pathway step each one writes.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import levier.core.models

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "assignments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=False),
        sa.Column("tender_id", sa.Uuid(), nullable=False),
        sa.Column("lot_id", sa.Uuid(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column("host_id", sa.Uuid(), nullable=False),
        sa.Column("employer_id", sa.Uuid(), nullable=True),
        sa.Column("mode", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("contract_kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("planned_end_date", sa.Date(), nullable=True),
        sa.Column("hours_per_week", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("job_title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("end_note", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("offer_id", sa.Uuid(), nullable=True),
        sa.Column("exception_id", sa.Uuid(), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_assignments_created_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["employer_id"],
            ["organisations.id"],
            name=op.f("fk_assignments_employer_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["exception_id"],
            ["clause_exceptions.id"],
            name=op.f("fk_assignments_exception_id_clause_exceptions"),
        ),
        sa.ForeignKeyConstraint(
            ["host_id"], ["organisations.id"], name=op.f("fk_assignments_host_id_organisations")
        ),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name=op.f("fk_assignments_lot_id_lots")),
        sa.ForeignKeyConstraint(
            ["offer_id"], ["offers.id"], name=op.f("fk_assignments_offer_id_offers")
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_assignments_participant_id_participants"),
        ),
        sa.ForeignKeyConstraint(
            ["structure_id"],
            ["organisations.id"],
            name=op.f("fk_assignments_structure_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["tender_id"], ["tenders.id"], name=op.f("fk_assignments_tender_id_tenders")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
    )
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_assignments_employer", ["employer_id", "start_date", "id"], unique=False
        )
        batch_op.create_index("ix_assignments_host", ["host_id", "start_date", "id"], unique=False)
        batch_op.create_index("ix_assignments_lot", ["lot_id", "start_date", "id"], unique=False)
        batch_op.create_index("ix_assignments_order", ["start_date", "id"], unique=False)
        batch_op.create_index(
            "ix_assignments_participant", ["participant_id", "start_date"], unique=False
        )
        batch_op.create_index(
            "ix_assignments_structure", ["structure_id", "start_date", "id"], unique=False
        )

    op.create_table(
        "referrals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Uuid(), nullable=False),
        sa.Column("participant_id", sa.Uuid(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=False),
        sa.Column("enterprise_id", sa.Uuid(), nullable=False),
        sa.Column("referent_id", sa.Uuid(), nullable=False),
        sa.Column("referrer_id", sa.Uuid(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("status_on", sa.Date(), nullable=False),
        sa.Column("interview_on", sa.Date(), nullable=True),
        sa.Column("decline_reason", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("message", sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column("assignment_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["assignments.id"],
            name=op.f("fk_referrals_assignment_id_assignments"),
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["organisations.id"],
            name=op.f("fk_referrals_enterprise_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"], ["offers.id"], name=op.f("fk_referrals_offer_id_offers")
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_referrals_participant_id_participants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["referent_id"], ["users.id"], name=op.f("fk_referrals_referent_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["referrer_id"],
            ["organisations.id"],
            name=op.f("fk_referrals_referrer_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["structure_id"],
            ["organisations.id"],
            name=op.f("fk_referrals_structure_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(
            "ix_referrals_enterprise", ["enterprise_id", "created_at", "id"], unique=False
        )
        batch_op.create_index("ix_referrals_offer", ["offer_id", "created_at", "id"], unique=False)
        batch_op.create_index("ix_referrals_order", ["created_at", "id"], unique=False)
        batch_op.create_index(
            "ix_referrals_participant", ["participant_id", "created_at"], unique=False
        )
        batch_op.create_index(
            "ix_referrals_referent", ["referent_id", "created_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_referrals_referrer", ["referrer_id", "created_at", "id"], unique=False
        )
        batch_op.create_index(
            "ix_referrals_structure", ["structure_id", "created_at", "id"], unique=False
        )

    op.create_table(
        "referral_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("at", levier.core.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"], name=op.f("fk_referral_events_actor_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referrals.id"],
            name=op.f("fk_referral_events_referral_id_referrals"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["structure_id"],
            ["organisations.id"],
            name=op.f("fk_referral_events_structure_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_events")),
    )
    with op.batch_alter_table("referral_events", schema=None) as batch_op:
        batch_op.create_index("ix_referral_events_referral", ["referral_id", "at"], unique=False)

    with op.batch_alter_table("pathway_steps", schema=None) as batch_op:
        batch_op.add_column(sa.Column("assignment_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_pathway_steps_assignment_id_assignments"),
            "assignments",
            ["assignment_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("pathway_steps", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_pathway_steps_assignment_id_assignments"), type_="foreignkey"
        )
        batch_op.drop_column("assignment_id")

    with op.batch_alter_table("referral_events", schema=None) as batch_op:
        batch_op.drop_index("ix_referral_events_referral")

    op.drop_table("referral_events")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index("ix_referrals_structure")
        batch_op.drop_index("ix_referrals_referrer")
        batch_op.drop_index("ix_referrals_referent")
        batch_op.drop_index("ix_referrals_participant")
        batch_op.drop_index("ix_referrals_order")
        batch_op.drop_index("ix_referrals_offer")
        batch_op.drop_index("ix_referrals_enterprise")

    op.drop_table("referrals")
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_index("ix_assignments_structure")
        batch_op.drop_index("ix_assignments_participant")
        batch_op.drop_index("ix_assignments_order")
        batch_op.drop_index("ix_assignments_lot")
        batch_op.drop_index("ix_assignments_host")
        batch_op.drop_index("ix_assignments_employer")

    op.drop_table("assignments")
