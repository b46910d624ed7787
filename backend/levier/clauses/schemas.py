from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from levier.clauses.constants import CalculationMethod, ParameterSource
from levier.core.validation import Email, FreeText, Input, Label, Phone
from levier.reference.cpv import CpvCode
from levier.reference.criteria import Criterion


def _scale(places: str) -> AfterValidator:
    """Store and return decimals at the column's scale, so reads look the same before and
    after a round trip through the database."""
    return AfterValidator(lambda value: value.quantize(Decimal(places)))


Amount = Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2), _scale("0.01")]
Share = Annotated[Decimal, Field(gt=0, le=1, max_digits=5, decimal_places=4), _scale("0.0001")]
Rate = Annotated[Decimal, Field(gt=0, le=1, max_digits=6, decimal_places=4), _scale("0.0001")]
# A loaded hourly labour cost: tens of euros; beyond 500 €/h, a typing error (99 999 999 €/h
# was once accepted and made every clause 0 hours).
MAX_HOURLY_COST = 500
HourlyCost = Annotated[
    Decimal, Field(gt=0, le=MAX_HOURLY_COST, max_digits=10, decimal_places=2), _scale("0.01")
]


def significant_prefix(value: str) -> str:
    """A CPV prefix by its significant digits: 45320000 and 45320 both mean class 4532, and
    only "4532" matches the codes under it (the division's two digits always stay)."""
    return value[:2] + value[2:].rstrip("0")


CpvPrefix = Annotated[
    str, StringConstraints(pattern=r"^\d{2,8}$"), AfterValidator(significant_prefix)
]


class ClauseSettingsRead(BaseModel):
    """A structure's calculator defaults."""

    model_config = ConfigDict(from_attributes=True)

    organisation_id: uuid.UUID
    hourly_cost: Decimal
    insertion_rate: Decimal
    default_labour_share: Decimal
    monthly_ceiling_hours: int
    training_cap_share: Decimal
    cleaning_hourly_cost: Decimal
    cleaning_min_hours: int
    eligibility_validity_months: int
    enabled_criteria: list[Criterion]
    contact_name: str | None
    contact_email: str | None
    contact_phone: str | None
    article_template: str
    article_template_is_default: bool
    updated_at: datetime
    version: int


class ClauseSettingsUpdate(Input):
    hourly_cost: HourlyCost | None = None
    insertion_rate: Rate | None = None
    default_labour_share: Share | None = None
    monthly_ceiling_hours: int | None = Field(default=None, gt=0, le=744)
    training_cap_share: Decimal | None = Field(default=None, ge=0, le=1, decimal_places=4)
    cleaning_hourly_cost: HourlyCost | None = None
    cleaning_min_hours: int | None = Field(default=None, ge=0, le=100_000)
    eligibility_validity_months: int | None = Field(
        default=None, ge=6, le=60, description="Validity of an eligibility validation (months)."
    )
    enabled_criteria: list[Criterion] | None = Field(
        default=None,
        min_length=1,
        description="The eligibility criteria the structure validates against (codes of "
        "participants.md); validations already recorded keep their criterion.",
    )
    contact_name: Annotated[Label, StringConstraints(max_length=200)] | None = None
    contact_email: Email | None = None
    contact_phone: Phone | None = None
    article_template: (
        Annotated[FreeText, StringConstraints(min_length=10, max_length=50_000)] | None
    ) = Field(
        default=None,
        description="Jinja template of the clause article; null restores the default.",
    )


class LabourShareRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    cpv_prefix: str
    trade: str
    share: Decimal
    updated_at: datetime
    version: int


class LabourShareCreate(Input):
    cpv_prefix: CpvPrefix
    trade: Annotated[Label, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    share: Share


class LabourShareUpdate(Input):
    trade: (
        Annotated[Label, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
        | None
    ) = None
    share: Share | None = None


class EstimateRequest(Input):
    """What the calculator needs; anything left out comes from the structure's settings."""

    method: CalculationMethod = CalculationMethod.generic
    amount_excl_tax: Amount
    cpv_code: CpvCode | None = None
    labour_share: Share | None = None
    insertion_rate: Rate | None = None
    hourly_cost: HourlyCost | None = None
    duration_months: int | None = Field(default=None, gt=0, le=600)
    taken_over_monthly_hours: Decimal | None = Field(default=None, ge=0, max_digits=10)


class ParameterRead(BaseModel):
    name: str
    value: Decimal
    source: ParameterSource
    detail: str | None = None


class EstimateRead(BaseModel):
    """The hours, how they were computed, and any advice."""

    method: CalculationMethod
    hours: int
    exact_hours: Decimal
    formula: str
    parameters: list[ParameterRead]
    advice: list[str]


class TemplateVariable(BaseModel):
    """A variable an article template may use."""

    name: str
    description: str


class TemplatePreviewRequest(Input):
    """A template to preview before saving it."""

    article_template: Annotated[FreeText, StringConstraints(min_length=10, max_length=50_000)]
