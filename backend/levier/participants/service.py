"""Participants: portfolio scope, duplicates, identity changes and transfers.

Scope is applied in the query: a referent sees their own portfolio; a coordinator (a
referent of an organisation other organisations name as their coordinator, e.g. a PLIE)
sees its network's portfolios; a facilitator, the people referred to its structure.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import and_, exists, false, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload
from sqlmodel import col

from levier.auth.permissions import Role
from levier.core import clock
from levier.core.errors import Conflict, FieldChecks, FieldInvalid, NotFound
from levier.core.pagination import PageParams, paginate
from levier.core.text import fold, like_contains
from levier.organisations import service as organisations_service
from levier.organisations.constants import OrganisationKind
from levier.organisations.models import Organisation
from levier.participants.constants import (
    DYNAMIC_EXITS,
    MAXIMUM_AGE,
    MINIMUM_AGE,
    SENSITIVE_CRITERIA,
    Criterion,
    ExitCategory,
    PathwayStatus,
)
from levier.participants.models import EligibilityValidation, Participant, Pathway
from levier.participants.schemas import ParticipantCreate, ParticipantUpdate
from levier.territories import service as territories_service
from levier.territories.models import TerritoryLevel
from levier.territories.schemas import TerritoryRef
from levier.users.models import User

T = TypeVar("T")


@dataclass(frozen=True)
class Scope:
    """What part of the participants a user may see, decided once per request."""

    user: User
    coordinated: tuple[uuid.UUID, ...] = ()  # organisations whose portfolios the user sees

    @property
    def is_coordinator(self) -> bool:
        return bool(self.coordinated)

    def condition(self) -> Any:
        user = self.user
        if user.role == Role.referent:
            if self.coordinated:
                return col(Participant.organisation_id).in_(self.coordinated)
            return col(Participant.referent_id) == user.id
        if user.role == Role.facilitator:
            return col(Participant.structure_id) == user.organisation_id
        return false()

    def may_reveal(self, participant: Participant) -> bool:
        """Sensitive fields: only the participant's referent and the structure's facilitator."""
        if self.user.role == Role.referent:
            return participant.referent_id == self.user.id
        return (
            self.user.role == Role.facilitator
            and participant.structure_id == self.user.organisation_id
        )

    def may_manage(self, participant: Participant) -> bool:
        """Identity, pathway and transfer: the referent, or the network's coordinator."""
        if self.user.role != Role.referent:
            return False
        return participant.referent_id == self.user.id or (
            participant.organisation_id in self.coordinated
        )


async def scope_of(session: AsyncSession, user: User) -> Scope:
    """The caller's scope: a coordinator's network is the organisations naming it."""
    if user.role != Role.referent:
        return Scope(user)
    members = (
        await session.execute(
            select(col(Organisation.id)).where(
                col(Organisation.coordinator_id) == user.organisation_id
            )
        )
    ).scalars()
    network = tuple(members)
    return Scope(user, (user.organisation_id, *network) if network else ())


def loading_options() -> list[Any]:
    """Eligibility, pathways and steps, loaded with the participant (no lazy loads)."""
    return [
        selectinload(Participant.eligibility),  # type: ignore[arg-type]
        selectinload(Participant.pathways).selectinload(Pathway.steps),  # type: ignore[arg-type]
    ]


async def get(session: AsyncSession, scope: Scope, participant_id: uuid.UUID) -> Participant:
    """A participant in the caller's scope, with eligibility and pathways, or 404."""
    statement = (
        select(Participant)
        .where(
            col(Participant.id) == participant_id,
            col(Participant.anonymised_at).is_(None),
            scope.condition(),
        )
        .options(*loading_options())
    )
    participant = (await session.execute(statement)).scalar_one_or_none()
    if participant is None:
        raise NotFound()
    return participant


def _current_validation(on: date) -> Any:
    return and_(
        col(EligibilityValidation.participant_id) == Participant.id,
        col(EligibilityValidation.validated_on) <= on,
        col(EligibilityValidation.valid_until) >= on,
    )


async def list_page(
    session: AsyncSession,
    scope: Scope,
    params: PageParams,
    query: str | None = None,
    status: PathwayStatus | None = None,
    no_pathway: bool = False,
    criterion: Criterion | None = None,
    exit_category: ExitCategory | None = None,
    referent_id: uuid.UUID | None = None,
    retention_due: bool = False,
    today: date | None = None,
) -> tuple[list[Participant], str | None]:
    """Participants in scope by name, filtered by pathway status, criterion, exit, referent,
    and those the retention job warned about (anonymised soon unless there is new activity)."""
    statement = select(Participant).where(
        scope.condition(), col(Participant.anonymised_at).is_(None)
    )
    if query:
        statement = statement.where(
            col(Participant.search_name).like(like_contains(query), escape="\\")
        )
    if referent_id is not None:
        statement = statement.where(col(Participant.referent_id) == referent_id)
    if retention_due:
        statement = statement.where(col(Participant.retention_due_on).is_not(None))
    open_pathway = exists().where(
        col(Pathway.participant_id) == Participant.id, col(Pathway.exit_date).is_(None)
    )
    any_pathway = exists().where(col(Pathway.participant_id) == Participant.id)
    if no_pathway:
        statement = statement.where(~any_pathway)
    elif status == PathwayStatus.open:
        statement = statement.where(open_pathway)
    elif status == PathwayStatus.exited:
        statement = statement.where(any_pathway, ~open_pathway)
    if exit_category is not None:
        statement = statement.where(
            exists().where(
                col(Pathway.participant_id) == Participant.id,
                col(Pathway.exit_category) == exit_category.value,
            )
        )
    if criterion is not None:
        if criterion in SENSITIVE_CRITERIA:
            raise FieldInvalid("criterion", "criterion_sensitive_filter")
        statement = statement.where(
            exists().where(
                _current_validation(today or clock.today()),
                col(EligibilityValidation.criterion) == criterion.value,
            )
        )
    return await paginate(
        session,
        statement,
        params,
        [col(Participant.search_name), col(Participant.id)],
        key=lambda p: [p.search_name, p.id],
    )


@dataclass
class Situation:
    """What a list shows next to each participant, loaded for a whole page at once."""

    referents: dict[uuid.UUID, User]
    latest_pathway: dict[uuid.UUID, Pathway]
    eligible_until: dict[uuid.UUID, date]


async def situations(
    session: AsyncSession, participants: Sequence[Participant], on: date | None = None
) -> Situation:
    """Referents, latest pathways and current eligibility of many participants: 3 queries."""
    ids = [p.id for p in participants]
    if not ids:
        return Situation({}, {}, {})
    on = on or clock.today()
    referents = await session.execute(
        select(User).where(col(User.id).in_({p.referent_id for p in participants}))
    )
    pathways = await session.execute(
        select(Pathway)
        .where(col(Pathway.participant_id).in_(ids))
        .order_by(col(Pathway.entry_date), col(Pathway.created_at))
    )
    latest: dict[uuid.UUID, Pathway] = {}
    for pathway in pathways.scalars():
        latest[pathway.participant_id] = pathway
    eligible = await session.execute(
        select(
            col(EligibilityValidation.participant_id), func.max(EligibilityValidation.valid_until)
        )
        .where(
            col(EligibilityValidation.participant_id).in_(ids),
            col(EligibilityValidation.validated_on) <= on,
            col(EligibilityValidation.valid_until) >= on,
        )
        .group_by(col(EligibilityValidation.participant_id))
    )
    return Situation(
        {u.id: u for u in referents.scalars()},
        latest,
        {row[0]: row[1] for row in eligible.all()},
    )


def pathway_status(pathway: Pathway | None) -> PathwayStatus | None:
    if pathway is None:
        return None
    return PathwayStatus.open if pathway.exit_date is None else PathwayStatus.exited


def identity_key(last_name: str, first_names: str) -> str:
    """Names with accents, case, hyphens and spacing ignored, for duplicate detection."""
    return f"{fold(last_name)}|{fold(first_names)}"


def _check_birth_date(checks: FieldChecks, birth_date: date, today: date) -> None:
    """Not in the future, at least MINIMUM_AGE years old today (exact calendar arithmetic),
    and not implausibly old."""
    if birth_date > today:
        checks.add(FieldInvalid("birth_date", "birth_date_future"))
    elif birth_date > clock.years_before(today, MINIMUM_AGE):
        checks.add(FieldInvalid("birth_date", "participant_too_young", minimum_age=MINIMUM_AGE))
    elif birth_date <= clock.years_before(today, MAXIMUM_AGE + 1):
        checks.add(FieldInvalid("birth_date", "birth_date_implausible", maximum_age=MAXIMUM_AGE))


async def _checked(checks: FieldChecks, check: Awaitable[T]) -> T | None:
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


async def _commune(session: AsyncSession, code: str | None) -> tuple[str | None, str | None]:
    if code is None:
        return None, None
    try:
        [commune] = await territories_service.resolve(
            session, [TerritoryRef(level=TerritoryLevel.commune, code=code)]
        )
    except FieldInvalid:
        raise FieldInvalid("commune_code", "insee_code_invalid", insee_code=code) from None
    return commune.name, commune.department_code


async def _structure(session: AsyncSession, structure_id: uuid.UUID | None) -> None:
    if structure_id is None:
        return
    structure = await session.get(Organisation, structure_id)
    if (
        structure is None
        or structure.kind != OrganisationKind.facilitation_structure
        or not structure.active
    ):
        raise FieldInvalid("structure_id", "not_a_facilitation_structure")


async def _referent(
    session: AsyncSession, scope: Scope, referent_id: uuid.UUID, field: str
) -> User:
    """An active referent the caller may hand a participant to: a colleague, or anyone of the
    coordinator's network."""
    referent = await session.get(User, referent_id)
    allowed = scope.coordinated or (scope.user.organisation_id,)
    if (
        referent is None
        or referent.role != Role.referent
        or not referent.active
        or referent.organisation_id not in allowed
    ):
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
    _check_birth_date(checks, data.birth_date, today)
    referent: User | None = scope.user
    if data.referent_id is not None and data.referent_id != scope.user.id:
        referent = await _checked(
            checks, _referent(session, scope, data.referent_id, "referent_id")
        )
    await _checked(checks, _structure(session, data.structure_id))
    commune = await _checked(checks, _commune(session, data.commune_code))
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
    if not scope.may_manage(participant):
        raise NotFound()
    today = today or clock.today()
    sent = data.model_dump(exclude_unset=True)
    checks = FieldChecks()  # every failure reported at once
    for name in ("last_name", "first_names", "birth_date", "gender"):
        if name in sent and sent[name] is None:
            checks.add(FieldInvalid(name, "field_required"))
    if sent.get("birth_date") is not None:
        _check_birth_date(checks, sent["birth_date"], today)
    commune = None
    if "commune_code" in sent:
        commune = await _checked(checks, _commune(session, data.commune_code))
    if "structure_id" in sent:
        await _checked(checks, _structure(session, data.structure_id))
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
    if not scope.may_manage(participant):
        raise NotFound()
    referent = await _referent(session, scope, referent_id, "referent_id")
    participant.referent_id = referent.id
    participant.organisation_id = referent.organisation_id
    for pathway in participant.pathways:
        if pathway.exit_date is None:
            pathway.referent_id = referent.id
            pathway.organisation_id = referent.organisation_id
    await session.flush()
    return participant


async def stats(session: AsyncSession, scope: Scope) -> dict[str, Any]:
    """Portfolio sizes per referent and exits per category in scope, aggregated in SQL.

    Anonymised residues still count: statistics survive erasure.
    """
    # Two flat aggregates (no per-person grouping): people per referent, then open pathways
    # per referent (at most one open pathway per person, so it counts people too).
    sizes = (
        await session.execute(
            select(col(Participant.referent_id), func.count())
            .where(scope.condition())
            .group_by(col(Participant.referent_id))
        )
    ).all()
    open_counts = dict(
        (
            await session.execute(
                select(col(Participant.referent_id), func.count())
                .join(Pathway, col(Pathway.participant_id) == Participant.id)
                .where(scope.condition(), col(Pathway.exit_date).is_(None))
                .group_by(col(Participant.referent_id))
            )
        ).all()
    )
    by_referent = [(row[0], row[1], open_counts.get(row[0], 0)) for row in sizes]
    referents = await session.execute(
        select(User).where(col(User.id).in_([row[0] for row in by_referent]))
    )
    names = {user.id: user for user in referents.scalars()}
    exits = (
        await session.execute(
            select(col(Pathway.exit_category), func.count())
            .join(Participant, col(Participant.id) == Pathway.participant_id)
            .where(scope.condition(), col(Pathway.exit_category).is_not(None))
            .group_by(col(Pathway.exit_category))
        )
    ).all()
    counts = {ExitCategory(str(category)): count for category, count in exits}
    counted = sum(n for c, n in counts.items() if c != ExitCategory.neutralised)
    dynamic = sum(n for c, n in counts.items() if c in DYNAMIC_EXITS)
    return {
        "participants": sum(row[1] for row in by_referent),
        "open_pathways": sum(int(row[2] or 0) for row in by_referent),
        "by_referent": sorted(
            (
                {
                    "referent": names[row[0]],
                    "participants": row[1],
                    "open_pathways": int(row[2] or 0),
                }
                for row in by_referent
            ),
            key=lambda item: item["referent"].full_name,
        ),
        "exits": [{"category": c, "count": counts.get(c, 0)} for c in ExitCategory],
        "dynamic_exit_rate": (
            (Decimal(dynamic) / Decimal(counted)).quantize(Decimal("0.0001")) if counted else None
        ),
    }


async def form_options(
    session: AsyncSession, scope: Scope
) -> tuple[list[User], list[Organisation]]:
    """Active referents the caller may hand participants to, and the active facilitation
    structures participants can be referred to."""
    organisations = scope.coordinated or (scope.user.organisation_id,)
    referents = await session.execute(
        select(User)
        .where(
            col(User.role) == Role.referent.value,
            col(User.active).is_(True),
            col(User.organisation_id).in_(organisations),
        )
        .order_by(col(User.search_name))
    )
    structures = await organisations_service.active_structures(session)
    return list(referents.scalars()), structures
