"""Participants' API shapes. Purpose and legal basis are stated on the participant schemas."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from levier.core.csv_import import ImportRowErrors
from levier.core.validation import Email, EventDate, FreeText, Input, Label, Name, Phone, matching
from levier.participants.constants import (
    Criterion,
    EvidenceType,
    ExitCategory,
    Gender,
    MinimumIncomeKind,
    OpinionSource,
    PathwayStatus,
)
from levier.users.schemas import UserSummary

LEGAL_NOTICE = (
    "Purpose: following people far from employment on their pathway and on the insertion "
    "clauses of public contracts. Legal basis: a task carried out in the public interest "
    "(GDPR art. 6-1-e); fields reported to the European Social Fund, a legal obligation "
    "(art. 6-1-c). Health-related criteria need the structure's art. 9 exception (explicit "
    "consent by default). No social-security number is ever stored."
)

InseeCommune = Annotated[str, StringConstraints(pattern=r"^(\d{5}|2[AB]\d{3})$")]
FRANCE_TRAVAIL_ID_PATTERN = r"^[0-9A-Za-z]{7,16}$"


FranceTravailId = Annotated[
    str,
    *matching(
        FRANCE_TRAVAIL_ID_PATTERN,
        "france_travail_id_invalid",
        "A France Travail identifier is 7 to 16 letters or digits.",
    ),
]
HoursPerWeek = Annotated[
    Decimal,
    Field(gt=0, le=48, max_digits=5, decimal_places=2),
    AfterValidator(lambda value: value.quantize(Decimal("0.01"))),
]
RomeCode = Annotated[str, StringConstraints(pattern=r"^[A-N]\d{4}$")]


class ParticipantCreate(Input):
    __doc__ = "A person referred to a referent. " + LEGAL_NOTICE

    last_name: Name
    first_names: Name
    birth_date: date
    gender: Gender
    commune_code: InseeCommune | None = Field(
        default=None, description="INSEE code of the commune of residence."
    )
    qpv: bool = Field(default=False, description="Resident of a priority neighbourhood (QPV).")
    address: Annotated[Label, StringConstraints(max_length=300)] | None = None
    email: Email | None = None
    phone: Phone | None = None
    france_travail_id: FranceTravailId | None = None
    notes: Annotated[FreeText, StringConstraints(max_length=4000)] = ""
    structure_id: uuid.UUID | None = Field(
        default=None, description="The facilitation structure the person is referred to."
    )
    referent_id: uuid.UUID | None = Field(
        default=None, description="Defaults to the caller (a coordinator may name another)."
    )
    health_consent: bool = Field(
        default=False,
        description="Explicit consent to record health-related criteria (art. 9 GDPR).",
    )


class ParticipantUpdate(Input):
    """Changes to a participant (only the fields sent)."""

    last_name: Name | None = None
    first_names: Name | None = None
    birth_date: date | None = None
    gender: Gender | None = None
    commune_code: InseeCommune | None = None
    qpv: bool | None = None
    address: Annotated[Label, StringConstraints(max_length=300)] | None = None
    email: Email | None = None
    phone: Phone | None = None
    france_travail_id: FranceTravailId | None = None
    notes: Annotated[FreeText, StringConstraints(max_length=4000)] | None = None
    structure_id: uuid.UUID | None = None
    restricted: bool | None = Field(
        default=None, description="GDPR limitation: out of matching and exports while set."
    )
    health_consent: bool | None = None


class TransferRequest(Input):
    """Hand a participant over to another referent."""

    referent_id: uuid.UUID


class EligibilityStatus(BaseModel):
    """Clause eligibility on a date: what anyone allowed to see the participant may know."""

    on: date
    eligible: bool
    valid_until: date | None
    restriction: str | None = None
    restriction_met: bool | None = None


class OrganisationName(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str


class ParticipantSummary(BaseModel):
    """A participant in a list."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    last_name: str
    first_names: str
    birth_date: date | None
    commune_name: str | None
    qpv: bool
    referent: UserSummary
    organisation_id: uuid.UUID
    structure_id: uuid.UUID | None
    pathway_status: PathwayStatus | None
    exit_category: ExitCategory | None
    eligible_until: date | None
    restricted: bool
    anonymised: bool
    retention_due_on: date | None = Field(
        description="Set when the retention job warned the referent: the day the record will "
        "be anonymised unless there is new activity."
    )


class ParticipantActions(BaseModel):
    """What the caller may do with the participant now (the rules the API applies)."""

    edit: bool
    transfer: bool
    reveal: bool
    read_access_log: bool
    validate_eligibility: bool
    grant_clause_exception: bool
    start_pathway: bool
    export: bool
    anonymise: bool


class ParticipantRead(ParticipantSummary):
    __doc__ = "A participant's identity and situation. " + LEGAL_NOTICE

    gender: Gender
    commune_code: str | None
    department_code: str | None
    address: str | None
    email: str | None
    phone: str | None
    france_travail_id: str | None
    notes: str
    health_consent_on: date | None
    last_activity_on: date
    created_at: datetime
    updated_at: datetime
    version: int
    eligibility: EligibilityStatus
    structure: OrganisationName | None = Field(
        default=None, description="The facilitation structure the person is referred to."
    )
    actions: ParticipantActions


class EligibilityCreate(Input):
    """A facilitator's validation of one criterion, with the evidence seen."""

    criterion: Criterion
    validated_on: EventDate = Field(description="Not before the person's birth date.")
    evidence_type: EvidenceType | None = None
    evidence_date: EventDate | None = Field(default=None, description="On or before validation.")
    minimum_income_kind: MinimumIncomeKind | None = Field(
        default=None, description="`minimum_income` only: RSA (or household), ASS, ATA."
    )
    opinion_source: OpinionSource | None = Field(
        default=None,
        description="`facilitator_validated` only: who gave the written opinion (never why).",
    )
    validity_months: int | None = Field(
        default=None, ge=1, le=60, description="Defaults to the structure's setting (24 months)."
    )


class EligibilityWithdrawal(Input):
    """Withdraw a validation made in error: why (kept in the history, shown to its readers)."""

    reason: Annotated[
        FreeText, StringConstraints(strip_whitespace=True, min_length=10, max_length=2000)
    ]


class EligibilityActions(BaseModel):
    """What the caller may do with the validation now."""

    withdraw: bool


class EligibilityRead(BaseModel):
    """One validation. Sensitive criteria are masked unless revealed (an audited read)."""

    id: uuid.UUID
    criterion: Criterion | None
    sensitive: bool
    masked: bool
    minimum_income_kind: MinimumIncomeKind | None
    opinion_source: OpinionSource | None
    evidence_type: EvidenceType | None
    evidence_date: date | None
    validated_on: date
    valid_until: date
    current: bool = Field(description="Covers today: not lapsed, not withdrawn.")
    validated_by: UserSummary | None
    withdrawn_on: date | None = Field(description="Withdrawn: the validation counts for no day.")
    withdrawn_by: UserSummary | None
    withdrawal_reason: str | None = Field(description="Masked with a masked criterion.")
    actions: EligibilityActions


class PortfolioCount(BaseModel):
    referent: UserSummary
    participants: int
    open_pathways: int


class OrganisationCount(BaseModel):
    """One organisation of the caller's scope (a network's member): its people, open
    pathways, and exits over the period."""

    organisation: OrganisationName
    participants: int
    open_pathways: int
    exits: int = Field(description="Exits dated within the period.")
    dynamic_exit_rate: Decimal | None


class ExitCount(BaseModel):
    category: ExitCategory
    count: int


class PortfolioStats(BaseModel):
    """Portfolio sizes and exits in the caller's scope (a PLIE, its network)."""

    participants: int
    open_pathways: int
    by_referent: list[PortfolioCount]
    by_organisation: list[OrganisationCount]
    exits: list[ExitCount] = Field(description="Exits dated within the period, per category.")
    dynamic_exit_rate: Decimal | None = Field(
        description="Dynamic exits ÷ exits, neutralised exits excluded from the denominator."
    )
    exits_from: date | None = Field(description="The period's first day (none: from the start).")
    exits_to: date | None = Field(description="The period's last day (none: up to today).")


class ImportResult(BaseModel):
    """What an import checked, and created when applied (all rows, or none)."""

    rows: int
    valid: int
    created: int
    applied: bool
    file_errors: list[str]
    errors: list[ImportRowErrors]


class AccessLogEntry(BaseModel):
    """Who touched or read a person's records: names of fields, never their values."""

    at: datetime
    actor: UserSummary | None
    action: str
    record: str
    fields: list[str]


class StructureOption(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str


class FormOptions(BaseModel):
    """What the participant forms offer: referents to hand over to, structures to refer to."""

    referents: list[UserSummary]
    structures: list[StructureOption]
