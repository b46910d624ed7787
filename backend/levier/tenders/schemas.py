from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from levier.clauses.constants import CalculationMethod
from levier.clauses.schemas import Amount, HourlyCost, Rate, Share
from levier.core.validation import EventDate, FreeText, Input, Label, Name, ProcurementDate
from levier.organisations.schemas import OrganisationSummary
from levier.reference.cpv import CpvCode
from levier.tenders.award_schemas import (  # noqa: F401 - the tenders' schemas, in one place
    AmendmentIn,
    AmendmentRead,
    AwardIn,
    AwardMemberIn,
    AwardMemberRead,
    AwardRead,
    ConsortiumType,
    EnterpriseSummary,
    SubcontractorIn,
    SubcontractorRead,
)
from levier.tenders.constants import (
    MAX_DURATION_MONTHS,
    Ccag,
    ConsiderationKind,
    EligibilityRestriction,
    LotOutcome,
    Nature,
    OperationTargetKind,
    PriceForm,
    Procedure,
    Technique,
    TenderStatus,
)
from levier.territories.schemas import TerritoryRef, TerritoryRefRead

Text = Annotated[FreeText, StringConstraints(strip_whitespace=True, max_length=4000)]


def _distinct_techniques(values: list[Technique]) -> list[Technique]:
    """Each technique once; "none" only alone (DECP 2.0 `techniques`)."""
    if len(set(values)) != len(values):
        raise PydanticCustomError("technique_duplicate", "Each technique appears once.")
    if Technique.none in values and len(values) > 1:
        raise PydanticCustomError("technique_none_alone", "'none' is not combined with others.")
    return values


Techniques = Annotated[list[Technique], Field(min_length=1), AfterValidator(_distinct_techniques)]
# DECP's "Identifiant de marché": 1 to 16 characters, avoiding & " \ < space , ; — and here
# letters (accented too), digits and a few signs only, so no emoji or invisible character
# reaches a contract's identifier.
REFERENCE_PATTERN = r"^[A-Za-z0-9À-ÖØ-öø-ÿ_./()#°:'+-]+$"
Reference = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=16, pattern=REFERENCE_PATTERN
    ),
]


class OperationCreate(Input):
    name: Name
    description: Text = ""
    target_kind: OperationTargetKind | None = None
    target_value: Decimal | None = Field(default=None, gt=0, max_digits=12, decimal_places=4)
    eligibility_restriction: EligibilityRestriction | None = None


class OperationUpdate(Input):
    name: Name | None = None
    description: Text | None = None
    target_kind: OperationTargetKind | None = None
    target_value: Decimal | None = Field(default=None, gt=0, max_digits=12, decimal_places=4)
    eligibility_restriction: EligibilityRestriction | None = None


class OperationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    structure_id: uuid.UUID
    name: str
    description: str
    target_kind: OperationTargetKind | None
    target_value: Decimal | None
    eligibility_restriction: EligibilityRestriction | None
    created_at: datetime
    updated_at: datetime
    version: int


class OperationSummary(BaseModel):
    """The operation's lots against its global target, at the planning stage."""

    tenders: int
    lots: int
    lots_with_clause: int
    lots_closed_without_award: int = Field(description="Unsuccessful or abandoned: not counted.")
    required_hours: int
    labour_hours: int
    hours_share: Decimal | None = Field(description="required_hours ÷ labour_hours")
    target_kind: OperationTargetKind | None
    target_value: Decimal | None
    target_met: bool | None


class ConsiderationIn(Input):
    kind: ConsiderationKind
    criterion_weight: Decimal | None = Field(default=None, max_digits=5, decimal_places=2)


class ConsiderationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    kind: ConsiderationKind
    criterion_weight: Decimal | None


class LotFields(Input):
    title: Annotated[Label, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    trade: Annotated[Label, StringConstraints(strip_whitespace=True, max_length=200)] = ""
    cpv_code: CpvCode
    estimated_amount: Amount
    duration_months: int = Field(gt=0, le=MAX_DURATION_MONTHS)
    considerations: list[ConsiderationIn] = Field(default_factory=list, max_length=7)
    calculation_method: CalculationMethod = CalculationMethod.generic
    labour_share: Share | None = None
    insertion_rate: Rate | None = None
    hourly_cost: HourlyCost | None = None
    taken_over_monthly_hours: Decimal | None = Field(default=None, ge=0, max_digits=10)
    penalty_per_missing_hour: Decimal | None = Field(default=None, ge=0, max_digits=10)


class LotCreate(LotFields):
    number: int = Field(gt=0, le=999)


class LotUpdate(Input):
    title: (
        Annotated[Label, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
        | None
    ) = None
    trade: Annotated[Label, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    cpv_code: CpvCode | None = None
    estimated_amount: Amount | None = None
    duration_months: int | None = Field(default=None, gt=0, le=MAX_DURATION_MONTHS)
    considerations: list[ConsiderationIn] | None = Field(default=None, max_length=7)
    calculation_method: CalculationMethod | None = None
    labour_share: Share | None = None
    insertion_rate: Rate | None = None
    hourly_cost: HourlyCost | None = None
    taken_over_monthly_hours: Decimal | None = Field(default=None, ge=0, max_digits=10)
    penalty_per_missing_hour: Decimal | None = Field(default=None, ge=0, max_digits=10)


class HoursOverride(Input):
    """A facilitator's figure replacing the computed hours, with the reason (or null to clear)."""

    hours: int | None = Field(ge=0, le=10_000_000)
    reason: (
        Annotated[
            FreeText, StringConstraints(strip_whitespace=True, min_length=10, max_length=2000)
        ]
        | None
    ) = None


class LotOutcomeIn(Input):
    """Close a lot without an awardee, or reopen it (`outcome: null`)."""

    outcome: LotOutcome | None
    decided_on: EventDate | None = None
    reason: (
        Annotated[FreeText, StringConstraints(strip_whitespace=True, min_length=5, max_length=2000)]
        | None
    ) = None


class LotActions(BaseModel):
    """What the caller may do with the lot now (the rules the API applies when it is done)."""

    edit: bool
    delete: bool
    override_hours: bool
    award: bool
    amend: bool
    close_without_award: bool
    read_history: bool
    clause_article: bool


class TenderActions(BaseModel):
    """What the caller may do with the tender now."""

    edit: bool
    add_lot: bool
    publish: bool
    mark_awarded: bool
    start_execution: bool
    close: bool
    cancel: bool


class LotRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    tender_id: uuid.UUID
    number: int
    title: str
    trade: str
    cpv_code: str
    estimated_amount: Decimal
    duration_months: int
    considerations: list[ConsiderationRead]
    calculation_method: CalculationMethod
    labour_share: Decimal | None
    insertion_rate: Decimal | None
    hourly_cost: Decimal | None
    taken_over_monthly_hours: Decimal | None
    penalty_per_missing_hour: Decimal | None
    computed_hours: int | None
    labour_hours: int | None
    calculation: dict[str, Any] | None
    override_hours: int | None
    override_reason: str | None
    override_by_id: uuid.UUID | None
    override_by_name: str | None = Field(description="Who set the override (full name).")
    override_at: datetime | None
    required_hours: int | None
    current_amount: Decimal | None
    hours_frozen: bool
    award: AwardRead | None
    amendments: list[AmendmentRead]
    outcome: LotOutcome | None = Field(description="Set when the lot closed without an awardee.")
    outcome_on: date | None
    outcome_reason: str | None
    actions: LotActions
    created_at: datetime
    updated_at: datetime
    version: int


class TenderFields(Input):
    reference: Reference
    object: Annotated[
        Label, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)
    ]
    procedure: Procedure
    nature: Nature = Nature.contract
    ccag: Ccag
    price_form: PriceForm
    techniques: Techniques = Field(default_factory=lambda: [Technique.none])
    cpv_code: CpvCode
    place_of_execution: TerritoryRef
    publication_date: ProcurementDate | None = None
    deadline_date: ProcurementDate | None = None
    operation_id: uuid.UUID | None = None


class TenderCreate(TenderFields):
    buyer_id: uuid.UUID | None = Field(
        default=None, description="Required for facilitators; a buyer creates its own tenders."
    )
    structure_id: uuid.UUID | None = Field(
        default=None, description="The facilitation structure following it (buyers choose)."
    )


class TenderUpdate(Input):
    reference: Reference | None = None
    object: (
        Annotated[Label, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
        | None
    ) = None
    procedure: Procedure | None = None
    nature: Nature | None = None
    ccag: Ccag | None = None
    price_form: PriceForm | None = None
    techniques: Techniques | None = None
    cpv_code: CpvCode | None = None
    place_of_execution: TerritoryRef | None = None
    publication_date: ProcurementDate | None = None
    deadline_date: ProcurementDate | None = None
    operation_id: uuid.UUID | None = None


class TransitionRequest(Input):
    status: TenderStatus


class TenderRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    structure_id: uuid.UUID
    buyer: OrganisationSummary
    operation_id: uuid.UUID | None
    operation_name: str | None
    reference: str
    object: str
    procedure: Procedure
    nature: Nature
    ccag: Ccag
    price_form: PriceForm
    techniques: list[Technique]
    cpv_code: str
    place_of_execution: TerritoryRefRead
    publication_date: date | None
    deadline_date: date | None
    status: TenderStatus
    created_at: datetime
    updated_at: datetime
    version: int


class TenderDetail(TenderRead):
    lots: list[LotRead]
    actions: TenderActions
