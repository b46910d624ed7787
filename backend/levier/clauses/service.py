"""A structure's clause settings (created with the indicative defaults) and the hours estimate."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.clauses import article, calculator
from levier.clauses.calculator import Estimate, Parameter
from levier.clauses.constants import (
    DEFAULT_CLEANING_HOURLY_COST,
    DEFAULT_CLEANING_MIN_HOURS,
    DEFAULT_HOURLY_COST,
    DEFAULT_INSERTION_RATE,
    DEFAULT_LABOUR_SHARE,
    DEFAULT_MONTHLY_CEILING_HOURS,
    DEFAULT_TRAINING_CAP_SHARE,
    INDICATIVE_LABOUR_SHARES,
    CalculationMethod,
    ParameterSource,
)
from levier.clauses.models import ClauseSettings, LabourShare
from levier.clauses.schemas import (
    ClauseSettingsUpdate,
    EstimateRequest,
    LabourShareCreate,
    LabourShareUpdate,
)
from levier.core.errors import Conflict, FieldInvalid, NotFound
from levier.core.pagination import PageParams, paginate
from levier.reference.criteria import ALL_CRITERIA


async def get_settings(session: AsyncSession, organisation_id: uuid.UUID) -> ClauseSettings:
    """The structure's settings, created with the indicative defaults and table on first use."""
    settings = (
        await session.execute(
            select(ClauseSettings).where(col(ClauseSettings.organisation_id) == organisation_id)
        )
    ).scalar_one_or_none()
    if settings is not None:
        return settings
    settings = ClauseSettings(
        organisation_id=organisation_id,
        hourly_cost=DEFAULT_HOURLY_COST,
        insertion_rate=DEFAULT_INSERTION_RATE,
        default_labour_share=DEFAULT_LABOUR_SHARE,
        monthly_ceiling_hours=DEFAULT_MONTHLY_CEILING_HOURS,
        training_cap_share=DEFAULT_TRAINING_CAP_SHARE,
        cleaning_hourly_cost=DEFAULT_CLEANING_HOURLY_COST,
        cleaning_min_hours=DEFAULT_CLEANING_MIN_HOURS,
    )
    session.add(settings)
    session.add_all(
        LabourShare(organisation_id=organisation_id, cpv_prefix=prefix, trade=trade, share=share)
        for prefix, trade, _english, share in INDICATIVE_LABOUR_SHARES
    )
    await session.flush()
    return settings


async def settings_of(
    session: AsyncSession, organisation_ids: set[uuid.UUID]
) -> dict[uuid.UUID, ClauseSettings]:
    """Each structure's settings in one statement (`get_settings` creates those missing)."""
    if not organisation_ids:
        return {}
    found = await session.execute(
        select(ClauseSettings).where(col(ClauseSettings.organisation_id).in_(organisation_ids))
    )
    settings = {row.organisation_id: row for row in found.scalars()}
    for organisation_id in organisation_ids - settings.keys():
        settings[organisation_id] = await get_settings(session, organisation_id)
    return settings


async def monthly_ceilings(
    session: AsyncSession, structure_ids: set[uuid.UUID]
) -> dict[uuid.UUID, int]:
    """Each structure's monthly ceiling of hours per person (the default where a structure
    has no settings yet), in one statement."""
    ceilings = dict.fromkeys(structure_ids, DEFAULT_MONTHLY_CEILING_HOURS)
    if structure_ids:
        found = await session.execute(
            select(
                col(ClauseSettings.organisation_id), col(ClauseSettings.monthly_ceiling_hours)
            ).where(col(ClauseSettings.organisation_id).in_(structure_ids))
        )
        ceilings.update({row[0]: row[1] for row in found})
    return ceilings


NULLABLE_SETTINGS = {"contact_name", "contact_email", "contact_phone", "article_template"}


def update_settings(settings: ClauseSettings, data: ClauseSettingsUpdate) -> ClauseSettings:
    """Apply the sent fields (the caller checked If-Match); a null template restores the default."""
    for name, value in data.model_dump(exclude_unset=True).items():
        if value is None and name not in NULLABLE_SETTINGS:
            raise FieldInvalid(name, "field_required")
        if name == "article_template" and value is not None:
            article.check_template(value)
        if name == "enabled_criteria":
            # Stored in the code list's order, once each, so history diffs stay readable.
            value = [c for c in ALL_CRITERIA if c in value]
        setattr(settings, name, value)
    return settings


def settings_read(settings: ClauseSettings) -> dict[str, object]:
    """The settings as the API shows them (the template in force, default or not)."""
    fields = {name: getattr(settings, name) for name in ClauseSettings.model_fields}
    fields["article_template_is_default"] = settings.article_template is None
    fields["article_template"] = settings.article_template or article.DEFAULT_TEMPLATE
    return fields


async def list_labour_shares(
    session: AsyncSession, organisation_id: uuid.UUID, params: PageParams
) -> tuple[list[LabourShare], str | None]:
    """The structure's labour-share table in CPV order."""
    await get_settings(session, organisation_id)
    statement = select(LabourShare).where(col(LabourShare.organisation_id) == organisation_id)
    return await paginate(
        session,
        statement,
        params,
        [col(LabourShare.cpv_prefix)],
        key=lambda row: [row.cpv_prefix],
    )


async def get_labour_share(
    session: AsyncSession, organisation_id: uuid.UUID, share_id: uuid.UUID
) -> LabourShare:
    """One row of the structure's table, or 404 (other structures' rows included)."""
    row = (
        await session.execute(
            select(LabourShare).where(
                col(LabourShare.id) == share_id,
                col(LabourShare.organisation_id) == organisation_id,
            )
        )
    ).scalar_one_or_none()
    if row is None:
        raise NotFound()
    return row


async def add_labour_share(
    session: AsyncSession, organisation_id: uuid.UUID, data: LabourShareCreate
) -> LabourShare:
    """Add a row to the table (409 when the prefix is already there)."""
    await get_settings(session, organisation_id)
    exists = await session.execute(
        select(col(LabourShare.id)).where(
            col(LabourShare.organisation_id) == organisation_id,
            col(LabourShare.cpv_prefix) == data.cpv_prefix,
        )
    )
    if exists.first() is not None:
        raise Conflict("labour_share_prefix_taken", field="cpv_prefix")
    row = LabourShare(organisation_id=organisation_id, **data.model_dump())
    session.add(row)
    await session.flush()
    return row


def update_labour_share(row: LabourShare, data: LabourShareUpdate) -> LabourShare:
    """Apply the sent fields (the caller checked If-Match)."""
    for name, value in data.model_dump(exclude_unset=True).items():
        if value is None:
            raise FieldInvalid(name, "field_required")
        setattr(row, name, value)
    return row


async def labour_share_for(
    session: AsyncSession, organisation_id: uuid.UUID, cpv_code: str
) -> LabourShare | None:
    """The table row whose CPV prefix is the longest one starting the code."""
    code = cpv_code.split("-")[0]
    statement = (
        select(LabourShare)
        .where(
            col(LabourShare.organisation_id) == organisation_id,
            literal(code).like(col(LabourShare.cpv_prefix) + "%"),
        )
        .order_by(func.length(col(LabourShare.cpv_prefix)).desc())
        .limit(1)
    )
    return (await session.execute(statement)).scalar_one_or_none()


def _setting(name: str, given: Decimal | None, default: Decimal) -> Parameter:
    if given is not None:
        return Parameter(name, given, ParameterSource.given)
    return Parameter(name, default, ParameterSource.structure_default)


async def estimate(
    session: AsyncSession, organisation_id: uuid.UUID, request: EstimateRequest
) -> Estimate:
    """Hours for the request, parameters filled from the structure's settings and table."""
    settings = await get_settings(session, organisation_id)
    amount = Parameter("amount_excl_tax", request.amount_excl_tax, ParameterSource.given)
    rate = _setting("insertion_rate", request.insertion_rate, settings.insertion_rate)
    if request.method == CalculationMethod.cleaning:
        if request.duration_months is None:
            raise FieldInvalid("duration_months", "field_required")
        return calculator.cleaning_hours(
            amount,
            Parameter("duration_months", request.duration_months, ParameterSource.given),
            Parameter(
                "taken_over_monthly_hours",
                request.taken_over_monthly_hours or Decimal(0),
                ParameterSource.given,
            ),
            rate,
            _setting("hourly_cost", request.hourly_cost, settings.cleaning_hourly_cost),
            settings.cleaning_min_hours,
        )
    if request.labour_share is not None:
        labour = Parameter("labour_share", request.labour_share, ParameterSource.given)
    else:
        row = await labour_share_for(session, organisation_id, request.cpv_code or "")
        labour = (
            Parameter(
                "labour_share",
                row.share,
                ParameterSource.structure_table,
                detail=f"{row.cpv_prefix} — {row.trade}",
            )
            if row is not None
            else Parameter(
                "labour_share", settings.default_labour_share, ParameterSource.structure_default
            )
        )
    hourly_cost = _setting("hourly_cost", request.hourly_cost, settings.hourly_cost)
    return calculator.generic_hours(amount, labour, rate, hourly_cost)
