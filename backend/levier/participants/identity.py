"""A person's identity: creation with duplicate detection, corrections, and hand-over to
another referent."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable
from datetime import date
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.permissions import Role
from levier.core import clock
from levier.core.errors import Conflict, FieldChecks, FieldInvalid
from levier.core.text import fold
from levier.organisations.constants import OrganisationKind
from levier.organisations.models import Organisation
from levier.participants.constants import MAXIMUM_AGE, MINIMUM_AGE
from levier.participants.models import Participant
from levier.participants.schemas import ParticipantCreate, ParticipantUpdate
from levier.participants.scope import Scope, check_manageable
from levier.territories import service as territories_service
from levier.territories.models import TerritoryLevel
from levier.territories.schemas import TerritoryRef
from levier.users.models import User

T = TypeVar("T")


def identity_key(last_name: str, first_names: str) -> str:
    """Names with accents, case, hyphens and spacing ignored, for duplicate detection."""
    return f"{fold(last_name)}|{fold(first_names)}"


def check_birth_date(checks: FieldChecks, birth_date: date, today: date) -> None:
    """Not in the future, at least MINIMUM_AGE years old today (exact calendar arithmetic),
    and not implausibly old."""
    if birth_date > today:
        checks.add(FieldInvalid("birth_date", "birth_date_future"))
    elif birth_date > clock.years_before(today, MINIMUM_AGE):
        checks.add(FieldInvalid("birth_date", "participant_too_young", minimum_age=MINIMUM_AGE))
    elif birth_date <= clock.years_before(today, MAXIMUM_AGE + 1):
        checks.add(FieldInvalid("birth_date", "birth_date_implausible", maximum_age=MAXIMUM_AGE))


async def checked(checks: FieldChecks, check: Awaitable[T]) -> T | None:
    """The result of a check that may refuse a field; a refusal is collected, not raised."""
    try:
        return await check
    except FieldInvalid as error:
        checks.add(error)
        return None


async def _duplicate(
    session: AsyncSession, last_name: str, first_names: str, birth_date: date
) -> Participant | None:
    statement = select(Participant).where(
        col(Participant.birth_date) == birth_date,
        col(Participant.identity_key) == identity_key(last_name, first_names),
        col(Participant.anonymised_at).is_(None),
    )
    return (await session.execute(statement.limit(1))).scalar_one_or_none()


async def _same_network(session: AsyncSession, first: uuid.UUID, second: uuid.UUID) -> bool:
    """Whether two organisations belong to one network: the same organisation, or both
    coordinated by the same PLIE (a PLIE heads its own network)."""
    if first == second:
        return True
    heads = list(
        (
            await session.execute(
                select(func.coalesce(col(Organisation.coordinator_id), col(Organisation.id))).where(
                    col(Organisation.id).in_((first, second))
                )
            )
        ).scalars()
    )
    return len(heads) == 2 and heads[0] == heads[1]


async def commune_of(session: AsyncSession, code: str | None) -> tuple[str | None, str | None]:
    if code is None:
        return None, None
    try:
        [commune] = await territories_service.resolve(
            session, [TerritoryRef(level=TerritoryLevel.commune, code=code)]
        )
    except FieldInvalid:
        raise FieldInvalid("commune_code", "insee_code_invalid", insee_code=code) from None
    return commune.name, commune.department_code


async def _structure(session: AsyncSession, structure_id: uuid.UUID | None) -> Organisation | None:
    """The facilitation structure a person is referred to (active), or a refusal."""
    if structure_id is None:
        return None
    structure = await session.get(Organisation, structure_id)
    if (
        structure is None
        or structure.kind != OrganisationKind.facilitation_structure
        or not structure.active
    ):
        raise FieldInvalid("structure_id", "not_a_facilitation_structure")
    return structure


async def _referent(
    session: AsyncSession, scope: Scope, referent_id: uuid.UUID, field: str
) -> User:
    """An active referent the caller may hand a participant to: a colleague, or anyone of the
    coordinator's network."""
    referent = (
        await session.execute(
            select(User).where(
                col(User.id) == referent_id,
                col(User.role) == Role.referent.value,
                col(User.active).is_(True),
                scope.organisations(col(User.organisation_id)),
            )
        )
    ).scalar_one_or_none()
    if referent is None:
        raise FieldInvalid(field, "not_a_referent_in_scope")
    return referent


async def create(
    session: AsyncSession, scope: Scope, data: ParticipantCreate, today: date | None = None
) -> Participant:
    """Add a participant to a portfolio, refusing a duplicate of an existing person."""
    today = today or clock.today()
    # Every field rule is checked before the duplicate search, and all failures are
    # reported together.
    checks = FieldChecks()
    check_birth_date(checks, data.birth_date, today)
    referent: User | None = scope.user
    if data.referent_id is not None and data.referent_id != scope.user.id:
        referent = await checked(checks, _referent(session, scope, data.referent_id, "referent_id"))
    await checked(checks, _structure(session, data.structure_id))
    commune = await checked(checks, commune_of(session, data.commune_code))
    checks.raise_if_any()
    assert referent is not None and commune is not None  # no failure was collected
    commune_name, department_code = commune
    existing = await _duplicate(session, data.last_name, data.first_names, data.birth_date)
    if existing is not None:
        visible = (
            await session.execute(
                select(col(Participant.id)).where(
                    col(Participant.id) == existing.id, scope.condition()
                )
            )
        ).first()
        if visible:
            raise Conflict("participant_duplicate", extensions={"existing_id": str(existing.id)})
        # That a named person is followed elsewhere is a fact about their social situation:
        # it is said only inside the caller's PLIE network. Elsewhere the new record is made.
        if await _same_network(session, scope.user.organisation_id, existing.organisation_id):
            raise Conflict("participant_followed_elsewhere")
    participant = Participant(
        organisation_id=referent.organisation_id,
        referent_id=referent.id,
        structure_id=data.structure_id,
        last_name=data.last_name,
        first_names=data.first_names,
        search_name=fold(f"{data.last_name} {data.first_names}"),
        identity_key=identity_key(data.last_name, data.first_names),
        birth_date=data.birth_date,
        gender=data.gender.value,
        commune_code=data.commune_code,
        commune_name=commune_name,
        department_code=department_code,
        qpv=data.qpv,
        address=data.address,
        email=data.email,
        phone=data.phone,
        france_travail_id=data.france_travail_id,
        notes=data.notes,
        health_consent_on=today if data.health_consent else None,
        health_consent_by_id=scope.user.id if data.health_consent else None,
        last_activity_on=today,
    )
    session.add(participant)
    await session.flush()
    return participant


def touch(participant: Participant, today: date) -> None:
    """Record activity on the person: it resets the retention clock (participants.md)."""
    participant.last_activity_on = today
    participant.retention_due_on = None


async def update(
    session: AsyncSession,
    scope: Scope,
    participant: Participant,
    data: ParticipantUpdate,
    today: date | None = None,
) -> Participant:
    """Change identity, contact or situation fields (the caller checked If-Match)."""
    check_manageable(scope, participant)
    today = today or clock.today()
    sent = data.model_dump(exclude_unset=True)
    checks = FieldChecks()  # every failure reported at once
    for name in ("last_name", "first_names", "birth_date", "gender"):
        if name in sent and sent[name] is None:
            checks.add(FieldInvalid(name, "field_required"))
    if sent.get("birth_date") is not None:
        check_birth_date(checks, sent["birth_date"], today)
        # A pathway cannot have begun before the person was born.
        first_entry = min((p.entry_date for p in participant.pathways), default=None)
        if first_entry is not None and sent["birth_date"] > first_entry:
            checks.add(FieldInvalid("birth_date", "birth_after_entry", entry_date=first_entry))
    commune = None
    if "commune_code" in sent:
        commune = await checked(checks, commune_of(session, data.commune_code))
    structure = None
    if "structure_id" in sent:
        structure = await checked(checks, _structure(session, data.structure_id))
    checks.raise_if_any()
    if commune is not None:
        participant.commune_name, participant.department_code = commune
    if "health_consent" in sent:
        consent = bool(data.health_consent)
        participant.health_consent_on = today if consent else None
        participant.health_consent_by_id = scope.user.id if consent else None
    for name, value in sent.items():
        if name in {"health_consent"}:
            continue
        setattr(participant, name, value.value if hasattr(value, "value") else value)
    if "structure_id" in sent:
        participant.structure = structure  # the read names it
    if {"last_name", "first_names"} & sent.keys():
        participant.search_name = fold(f"{participant.last_name} {participant.first_names}")
        participant.identity_key = identity_key(participant.last_name, participant.first_names)
    touch(participant, today)
    await session.flush()
    return participant


async def transfer(
    session: AsyncSession, scope: Scope, participant: Participant, referent_id: uuid.UUID
) -> Participant:
    """Hand the participant to another referent (and their organisation's portfolio)."""
    check_manageable(scope, participant)
    referent = await _referent(session, scope, referent_id, "referent_id")
    participant.referent = referent
    participant.referent_id = referent.id
    participant.organisation_id = referent.organisation_id
    for pathway in participant.pathways:
        if pathway.exit_date is None:
            pathway.referent_id = referent.id
            pathway.organisation_id = referent.organisation_id
    await session.flush()
    return participant
