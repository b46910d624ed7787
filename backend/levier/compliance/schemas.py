"""A lot's compliance as read."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from pydantic import BaseModel, Field

from levier.assignments.constants import FulfilmentMode
from levier.compliance.constants import ComplianceStatus


class ConversionRead(BaseModel):
    """The inputs of a subcontracting conversion: amount × labour share ÷ hourly cost."""

    enterprise_id: uuid.UUID
    enterprise_name: str
    subcontract_amount: Decimal
    labour_share: Decimal
    labour_share_source: str = Field(description="lot | calculation | structure_default")
    hourly_cost: Decimal
    hourly_cost_source: str = Field(description="lot | calculation | structure_default")
    total_hours: Decimal = Field(description="The whole conversion, due by the execution end.")
    formula: str


class ModeHours(BaseModel):
    mode: FulfilmentMode
    validated: Decimal
    pending: Decimal
    counted: Decimal = Field(
        description="What counts toward the clause: training is capped; a conversion counts "
        "pro rata of the execution period elapsed."
    )
    converted: bool = Field(
        default=False,
        description="Hours converted from a subcontracted amount (no real hour reported yet).",
    )
    conversion: ConversionRead | None = None


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
    counted_hours: Decimal = Field(
        description="What counts toward the clause: validated + converted + pooled in − "
        "pooled out. The status, expected-by-now and projection use it."
    )
    converted_hours: Decimal = Field(description="Hours converted from subcontracted amounts.")
    pooled_in: Decimal = Field(description="Hours from the awardee's other lots (pooling).")
    pooled_out: Decimal = Field(description="Hours beyond the requirement given to other lots.")
    pooling: bool = Field(description="Pooling is enabled for the lot's awardee and operation.")
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
    late: bool = Field(
        description="Behind, or not started while hours are due by now: someone must act."
    )


class LotComplianceRow(BaseModel):
    """One lot in a compliance table: where its clause stands on the day."""

    lot_id: uuid.UUID
    lot_number: int
    lot_title: str
    tender_id: uuid.UUID
    tender_reference: str
    buyer_id: uuid.UUID
    buyer_name: str
    operation_id: uuid.UUID | None
    awardee_id: uuid.UUID | None = Field(description="The single awardee or the mandatary.")
    awardee_name: str | None
    required_hours: int | None
    counted_hours: Decimal
    validated_hours: Decimal
    pending_hours: Decimal
    converted_hours: Decimal
    pooled_in: Decimal
    pooled_out: Decimal
    execution_start: date | None
    execution_end: date | None
    elapsed_share: Decimal | None
    expected_by_now: Decimal | None
    status: ComplianceStatus | None
    late: bool


class StatusCounts(BaseModel):
    not_started: int = 0
    on_track: int = 0
    behind: int = 0
    fulfilled: int = 0
    exceeded: int = 0
    defaulted: int = 0


class OperationTarget(BaseModel):
    """The operation's global target against the hours that count (and, as planned, the
    required hours: the operation summary's `target_met`)."""

    target_kind: str | None
    target_value: Decimal | None
    labour_hours: int = Field(description="Hours of work the operation's lots pay for.")
    counted_share: Decimal | None = Field(description="Counted hours ÷ labour hours.")
    target_met_by_required: bool | None
    target_reached: bool | None = Field(description="Counted hours meet the target.")


class ComplianceSummary(BaseModel):
    level: str
    id: uuid.UUID
    on: date
    lots: int
    required_hours: int
    counted_hours: Decimal
    validated_hours: Decimal
    pending_hours: Decimal
    converted_hours: Decimal
    expected_by_now: Decimal
    participants: int = Field(description="Distinct people assigned to these lots by the day.")
    by_status: StatusCounts
    late: int = Field(description="Lots behind, or not started while hours are due by now.")
    target: OperationTarget | None = Field(description="For an operation only.")
    lot_rows: list[LotComplianceRow] | None = Field(description="For a tender only: its lots.")


class SeriesPoint(BaseModel):
    month: str = Field(description="YYYY-MM")
    on: date = Field(description="The month's last day, or the series' day for its last month.")
    validated: Decimal = Field(description="Hours validated for that month (before any cap).")
    cumulative_counted: Decimal
    cumulative_expected: Decimal


class ComplianceSeries(BaseModel):
    lot_id: uuid.UUID | None
    operation_id: uuid.UUID | None
    on: date
    required_hours: int
    points: list[SeriesPoint]


class PoolingRead(BaseModel):
    id: uuid.UUID
    operation_id: uuid.UUID
    enterprise_id: uuid.UUID
    enterprise_name: str
    enabled_by_id: uuid.UUID | None
    enabled_at: datetime
