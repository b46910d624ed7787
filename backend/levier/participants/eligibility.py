"""Eligibility to insertion clauses: validations, current status, sensitive criteria."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.permissions import Role
from levier.clauses import service as clauses_service
from levier.core import clock
from levier.core.audit.recorder import record_read
from levier.core.errors import Conflict, FieldChecks, FieldInvalid, NotFound
from levier.core.pagination import PageParams, paginate
from levier.participants import portfolio
from levier.participants.constants import (
    HEALTH_CRITERIA,
    SENSITIVE_CRITERIA,
    Criterion,
)
from levier.participants.identity import touch
from levier.participants.models import EligibilityValidation, Participant
from levier.participants.schemas import EligibilityCreate, EligibilityStatus
from levier.participants.scope import Scope, check_revealable
from levier.tenders.constants import EligibilityRestriction
from levier.tenders.models import Operation


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    return clock.months_after(day, months)


def covers(validation: EligibilityValidation, on: date) -> bool:
    """Whether a validation counts on the date: not lapsed, not withdrawn."""
    return (
        validation.withdrawn_on is None and validation.validated_on <= on <= validation.valid_until
    )


def current(participant: Participant, on: date) -> list[EligibilityValidation]:
    """Validations covering the date (a lapsed or withdrawn validation no longer counts)."""
    return [v for v in participant.eligibility if covers(v, on)]


def status(
    participant: Participant, on: date, restriction: EligibilityRestriction | None = None
) -> EligibilityStatus:
    """Clause-eligible on a date, until when, and whether an operation's restriction is met."""
    covering = current(participant, on)
    restriction_met = None
    if restriction == EligibilityRestriction.qpv_residents:
        restriction_met = participant.qpv or any(
            v.criterion == Criterion.qpv_resident for v in covering
        )
    return EligibilityStatus(
        on=on,
        eligible=bool(covering) and restriction_met is not False,
        valid_until=max((v.valid_until for v in covering), default=None),
        restriction=restriction.value if restriction else None,
        restriction_met=restriction_met,
    )


def _check(participant: Participant, data: EligibilityCreate, today: date) -> FieldChecks:
    """The validation's field rules, every failure reported at once."""
    checks = FieldChecks()
    if data.validated_on > today:
        checks.add(FieldInvalid("validated_on", "date_in_future"))
    birth_date = participant.birth_date
    if birth_date is not None and data.validated_on < birth_date:
        checks.add(FieldInvalid("validated_on", "date_before_birth", birth_date=birth_date))
    if data.evidence_date is not None and data.evidence_date > data.validated_on:
        checks.add(FieldInvalid("evidence_date", "evidence_after_validation"))
    is_income = data.criterion == Criterion.minimum_income
    if is_income and data.minimum_income_kind is None:
        checks.add(FieldInvalid("minimum_income_kind", "field_required"))
    if not is_income and data.minimum_income_kind is not None:
        checks.add(FieldInvalid("minimum_income_kind", "field_not_applicable"))
    is_opinion = data.criterion == Criterion.facilitator_validated
    if is_opinion and data.opinion_source is None:
        checks.add(FieldInvalid("opinion_source", "field_required"))
    if not is_opinion and data.opinion_source is not None:
        checks.add(FieldInvalid("opinion_source", "field_not_applicable"))
    if data.criterion in HEALTH_CRITERIA and participant.health_consent_on is None:
        checks.add(FieldInvalid("criterion", "health_consent_required"))
    return checks


def check_validatable(scope: Scope, participant: Participant) -> None:
    """Eligibility is validated by a facilitator of the structure the person is referred to."""
    if (
        scope.user.role != Role.facilitator
        or participant.structure_id != scope.user.organisation_id
    ):
        raise NotFound()


async def validate(
    session: AsyncSession,
    scope: Scope,
    participant: Participant,
    data: EligibilityCreate,
    today: date | None = None,
) -> EligibilityValidation:
    """Record a facilitator's validation for a participant referred to its structure."""
    check_validatable(scope, participant)
    today = today or clock.today()
    checks = _check(participant, data, today)
    settings = await clauses_service.get_settings(session, scope.user.organisation_id)
    if data.criterion not in settings.enabled_criteria:
        checks.add(FieldInvalid("criterion", "criterion_not_enabled"))
    checks.raise_if_any()
    months = data.validity_months or settings.eligibility_validity_months
    validation = EligibilityValidation(
        participant_id=participant.id,
        structure_id=scope.user.organisation_id,
        criterion=data.criterion.value,
        minimum_income_kind=data.minimum_income_kind.value if data.minimum_income_kind else None,
        opinion_source=data.opinion_source.value if data.opinion_source else None,
        evidence_type=data.evidence_type.value if data.evidence_type else None,
        evidence_date=data.evidence_date,
        validated_on=data.validated_on,
        valid_until=add_months(data.validated_on, months) - timedelta(days=1),
        validated_by_id=scope.user.id,
    )
    participant.eligibility.append(validation)
    touch(participant, today)
    await session.flush()
    return validation


def check_withdrawable(
    scope: Scope, participant: Participant, validation: EligibilityValidation
) -> None:
    """A validation is withdrawn by a facilitator of the structure that made it (who may
    validate the person), once."""
    check_validatable(scope, participant)
    if validation.structure_id != scope.user.organisation_id:
        raise NotFound()
    if validation.withdrawn_on is not None:
        raise Conflict("validation_withdrawn")


def validation_of(participant: Participant, validation_id: uuid.UUID) -> EligibilityValidation:
    """One of the participant's validations (404 when it is not theirs)."""
    for validation in participant.eligibility:
        if validation.id == validation_id:
            return validation
    raise NotFound()


async def withdraw(
    session: AsyncSession,
    scope: Scope,
    participant: Participant,
    validation: EligibilityValidation,
    reason: str,
    today: date | None = None,
) -> EligibilityValidation:
    """Withdraw a validation made in error (or on evidence found false): it stays in the
    history with when, by whom and why, and counts for no day (audited as every write)."""
    check_withdrawable(scope, participant, validation)
    validation.withdrawn_on = today or clock.today()
    validation.withdrawn_by_id = scope.user.id
    validation.withdrawal_reason = reason
    await session.flush()
    return validation


# What a reveal unmasks, whatever the criterion: the access log says that these were read,
# never which criterion, since naming it would tell the log's reader the person's situation.
REVEALED_FIELDS = ["criterion", "evidence_type", "minimum_income_kind"]


def logged_fields(action: str, changes: dict[str, Any]) -> list[str]:
    """The fields an access-log entry names. Reveals recorded before they stopped naming the
    criterion read as any reveal does, so the log names no criterion."""
    if action != "read_sensitive":
        return sorted(changes)
    if changes.get("reason") == "eligibility_reveal":
        return sorted(REVEALED_FIELDS)
    return sorted(changes.get("fields", []))


def visible(
    session: AsyncSession,
    scope: Scope,
    participant: Participant,
    reveal: bool,
    on: date,
) -> list[dict[str, Any]]:
    """The participant's validations, sensitive ones masked unless revealed.

    Revealing is allowed to the participant's referent and the structure's facilitator only,
    and each reveal writes to the audit log that the sensitive fields were read (not which
    criterion they hold).
    """
    if reveal:
        check_revealable(scope, participant)
    rows: list[dict[str, Any]] = []
    revealed = False
    for validation in participant.eligibility:
        sensitive = validation.criterion in SENSITIVE_CRITERIA
        revealed = revealed or (sensitive and reveal)
        rows.append(row(validation, on, masked=sensitive and not reveal))
    if revealed:
        record_read(session, participant, REVEALED_FIELDS, reason="eligibility_reveal")
    return rows


def row(
    validation: EligibilityValidation, on: date | None = None, masked: bool = False
) -> dict[str, Any]:
    """A validation as it is read, its sensitive fields masked when asked."""
    on = on or clock.today()
    return {
        "id": validation.id,
        "criterion": None if masked else validation.criterion,
        "sensitive": validation.criterion in SENSITIVE_CRITERIA,
        "masked": masked,
        "minimum_income_kind": None if masked else validation.minimum_income_kind,
        "opinion_source": validation.opinion_source,
        "evidence_type": None if masked else validation.evidence_type,
        "evidence_date": validation.evidence_date,
        "validated_on": validation.validated_on,
        "valid_until": validation.valid_until,
        "current": covers(validation, on),
        "validated_by_id": validation.validated_by_id,
        "withdrawn_on": validation.withdrawn_on,
        "withdrawn_by_id": validation.withdrawn_by_id,
        # The reason may say what the masked criterion was: masked with it.
        "withdrawal_reason": None if masked else validation.withdrawal_reason,
    }


async def queue(
    session: AsyncSession, scope: Scope, params: PageParams, on: date | None = None
) -> tuple[list[Any], str | None]:
    """List rows (`portfolio.summary_rows`) of the structure's participants with no
    validation covering the date, by name."""
    on = on or clock.today()
    covered = exists().where(portfolio.current_validation(on))
    statement = portfolio.summary_rows(
        scope.condition(),
        col(Participant.structure_id) == scope.user.organisation_id,
        col(Participant.anonymised_at).is_(None),
        col(Participant.restricted).is_(False),
        ~covered,
        on=on,
    )
    return await paginate(
        session,
        statement,
        params,
        [col(Participant.search_name), col(Participant.id)],
        key=lambda p: [p.search_name, p.id],
        scalars=False,
    )


async def restriction_of(
    session: AsyncSession, operation_id: uuid.UUID | None
) -> EligibilityRestriction | None:
    """An operation's eligibility restriction (404 for an unknown operation)."""
    if operation_id is None:
        return None
    value = (
        await session.execute(
            select(col(Operation.eligibility_restriction)).where(col(Operation.id) == operation_id)
        )
    ).first()
    if value is None:
        raise NotFound()
    return EligibilityRestriction(value[0]) if value[0] else None
