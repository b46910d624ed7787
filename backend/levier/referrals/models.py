"""A referral of a person to a job offer, and its dated history."""

import uuid
from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import Index
from sqlmodel import Field, Relationship

from levier.core.models import Entity, timestamp_field
from levier.offers.models import Offer
from levier.organisations.models import Organisation
from levier.participants.models import Participant
from levier.users.models import User


class Referral(Entity, table=True):
    """A person proposed for an offer by a referent (or the structure's facilitator).

    The offer's structure and employer are copied so that each side's list is one indexed
    condition. The employer sees the person's name and the referent's contact only."""

    __tablename__ = "referrals"
    __entity_type__: ClassVar[str] = "referral"
    __audit_owner__: ClassVar[str] = "structure_id"
    __audit_personal__: ClassVar[bool] = True
    __anonymised__: ClassVar[dict[str, str]] = {"message": ""}
    __table_args__ = (
        Index("ix_referrals_offer", "offer_id", "created_at", "id"),
        Index("ix_referrals_participant", "participant_id", "created_at"),
        Index("ix_referrals_structure", "structure_id", "created_at", "id"),
        Index("ix_referrals_enterprise", "enterprise_id", "created_at", "id"),
        Index("ix_referrals_referent", "referent_id", "created_at", "id"),
        Index("ix_referrals_referrer", "referrer_id", "created_at", "id"),
        Index("ix_referrals_order", "created_at", "id"),
    )

    offer_id: uuid.UUID = Field(foreign_key="offers.id")
    participant_id: uuid.UUID = Field(foreign_key="participants.id", ondelete="CASCADE")
    structure_id: uuid.UUID = Field(foreign_key="organisations.id")
    enterprise_id: uuid.UUID = Field(foreign_key="organisations.id")
    # Who proposed: their contact is what the employer calls.
    referent_id: uuid.UUID = Field(foreign_key="users.id")
    # The proposer's organisation then (a Mission Locale, France Travail…): it stays named if
    # the referent moves on, and it is what statistics count referrals by.
    referrer_id: uuid.UUID = Field(foreign_key="organisations.id")
    status: str = Field(default="proposed", max_length=16)
    status_on: date
    interview_on: date | None = None
    decline_reason: str | None = Field(default=None, max_length=32)
    message: str = Field(default="", max_length=2000)
    assignment_id: uuid.UUID | None = Field(default=None, foreign_key="assignments.id")

    offer: Offer = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    participant: Participant = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    referent: User = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    referrer: Organisation = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "[Referral.referrer_id]"}
    )
    events: list["ReferralEvent"] = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "order_by": "ReferralEvent.at"}
    )


class ReferralEvent(Entity, table=True):
    """One change of a referral's status: when (the day it happened and the moment it was
    recorded), by whom, and the reason of a decline (a code: no free text about the person)."""

    __tablename__ = "referral_events"
    __entity_type__: ClassVar[str] = "referral_event"
    __audit_owner__: ClassVar[str] = "structure_id"
    __audit_personal__: ClassVar[bool] = True
    __table_args__ = (Index("ix_referral_events_referral", "referral_id", "at"),)

    referral_id: uuid.UUID = Field(foreign_key="referrals.id", ondelete="CASCADE")
    structure_id: uuid.UUID = Field(foreign_key="organisations.id")
    status: str = Field(max_length=16)
    on: date
    at: datetime = timestamp_field()
    actor_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    reason: str | None = Field(default=None, max_length=32)

    actor: User | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})
