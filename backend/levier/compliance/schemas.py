"""A lot's compliance as read."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from pydantic import BaseModel, Field

from levier.assignments.constants import FulfilmentMode
from levier.compliance.constants import ComplianceStatus


class ModeHours(BaseModel):
    mode: FulfilmentMode
    validated: Decimal
    pending: Decimal
    counted: Decimal = Field(description="What counts toward the clause: training is capped.")


class Profile(BaseModel):
    """Shares (0–1) of the distinct people who worked on the clause."""

    women: Decimal
    qpv_residents: Decimal
    under_26: Decimal
    over_50: Decimal


class LotCompliance(BaseModel):
    lot_id: uuid.UUID
    on: date = Field(description="The day the figures are for (hours of the months begun).")
    required_hours: int | None
    validated_hours: Decimal = Field(description="Validated hours that count (training capped).")
    pending_hours: Decimal = Field(description="Declared, waiting for validation.")
    training_cap: Decimal | None = Field(
        description="The most training hours that count: a share of the required hours."
    )
    training_excess: Decimal = Field(description="Validated training hours beyond the cap.")
    by_mode: list[ModeHours]
    participants: int
    profile: Profile | None = Field(
        description="For the structure only: with a handful of people, shares tell who they are."
    )
    execution_start: date | None
    execution_end: date | None
    elapsed_share: Decimal | None
    expected_by_now: Decimal | None
    projected_at_end: Decimal | None
    status: ComplianceStatus | None = Field(description="None for a lot without required hours.")
