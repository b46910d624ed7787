"""Who sees which participants, applied inside the SQL, and the loaders routes use.

A referent sees their own portfolio; a coordinator (a referent of an organisation that other
organisations name as their coordinator, e.g. a PLIE) sees its network's portfolios; a
facilitator sees the people referred to its structure. Everyone else sees no one. Loaders
check the permission first (403), load in scope (404) and check If-Match on writes.
"""

# No `from __future__ import annotations`: the loaders' parameters name their permission
# from the enclosing call, and FastAPI must read those annotations as objects, not strings.
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import bindparam, exists, false, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload
from sqlmodel import col

from levier.auth.dependencies import require
from levier.auth.loaders import path_loader
from levier.auth.permissions import Permission, Role
from levier.core.errors import NotFound
from levier.core.etag import check_if_match
from levier.organisations.models import Organisation
from levier.participants.models import ClauseException, Participant, Pathway, PathwayStep
from levier.tenders.models import Lot
from levier.users.models import User


def network_of(organisation_id: Any) -> Any:
    """The organisations of a coordinator's network: itself and those naming it (a subquery)."""
    return select(col(Organisation.id)).where(
        or_(
            col(Organisation.id) == organisation_id,
            col(Organisation.coordinator_id) == organisation_id,
        )
    )


def visible(kind: str, user_id: Any, organisation_id: Any) -> Any:
    """The SQL condition on participants a kind of scope sees: with a caller's ids, or with
    parameters (`bindparam`) in a statement built once and reused."""
    if kind == "coordinator":
        return col(Participant.organisation_id).in_(network_of(organisation_id))
    if kind == "referent":
        return col(Participant.referent_id) == user_id
    if kind == "facilitator":
        return col(Participant.structure_id) == organisation_id
    return false()


@dataclass(frozen=True)
class Scope:
    """What part of the participants a user may see, decided once per request."""

    user: User
    coordinator: bool = False  # a referent whose organisation coordinates a network

    @property
    def kind(self) -> str:
        """Which of the scope rules applies: referent, coordinator, facilitator or none."""
        if self.user.role == Role.referent:
            return "coordinator" if self.coordinator else "referent"
        return "facilitator" if self.user.role == Role.facilitator else "none"

    def condition(self) -> Any:
        """The SQL condition on participants this caller may see."""
        return visible(self.kind, self.user.id, self.user.organisation_id)

    def parameters(self) -> dict[str, Any]:
        """The values of `visible()`'s parameters in a statement built once per kind."""
        return {"scope_user_id": self.user.id, "scope_organisation_id": self.user.organisation_id}

    def organisations(self, column: Any) -> Any:
        """A condition on an organisation column: the caller's network, or own organisation."""
        if self.coordinator:
            return column.in_(network_of(self.user.organisation_id))
        return column == self.user.organisation_id

    def may_reveal(self, participant: Participant) -> bool:
        """Sensitive fields: only the participant's referent and the structure's facilitator."""
        if self.user.role == Role.referent:
            return participant.referent_id == self.user.id
        return (
            self.user.role == Role.facilitator
            and participant.structure_id == self.user.organisation_id
        )

    def may_manage(self, participant: Participant) -> bool:
        """Identity, pathway and transfer: the referent, or the network's coordinator (a
        participant loaded through `condition()` is in the coordinator's network)."""
        if self.user.role != Role.referent:
            return False
        return participant.referent_id == self.user.id or self.coordinator


def check_manageable(scope: Scope, participant: Participant) -> None:
    """Identity, pathways, transfer and erasure: the referent, or the network's coordinator
    (404 for anyone else, who may not know the person is there)."""
    if not scope.may_manage(participant):
        raise NotFound()


def check_revealable(scope: Scope, participant: Participant) -> None:
    """Sensitive fields and the access log: the referent and the structure's facilitator."""
    if not scope.may_reveal(participant):
        raise NotFound()


async def scope_of(session: AsyncSession, user: User, coordinator: bool | None = None) -> Scope:
    """The caller's scope; whether a referent coordinates a network is read unless known (the
    principal's statement already says it for requests)."""
    if user.role != Role.referent:
        return Scope(user)
    if coordinator is None:
        statement = select(exists().where(col(Organisation.coordinator_id) == user.organisation_id))
        coordinator = bool((await session.execute(statement)).scalar())
    return Scope(user, coordinator)


def request_scope_of(request: Request, user: User) -> Scope:
    """The scope of the signed-in caller, from what the principal's statement loaded."""
    coordinator = bool(getattr(request.state, "coordinates_network", False))
    return Scope(user, coordinator and user.role == Role.referent)


def detail_options() -> list[Any]:
    """What a participant's read shows, in the participant's own statement: the referent, the
    structure, the eligibility validations and the pathways (a person has a handful of each),
    not the pathways' steps."""
    return [
        joinedload(Participant.referent),  # type: ignore[arg-type]
        joinedload(Participant.structure),  # type: ignore[arg-type]
        joinedload(Participant.eligibility),  # type: ignore[arg-type]
        joinedload(Participant.pathways),  # type: ignore[arg-type]
    ]


def with_steps() -> list[Any]:
    """The detail and the pathways' steps (the pathway routes show and check the steps)."""
    return [
        joinedload(Participant.referent),  # type: ignore[arg-type]
        joinedload(Participant.structure),  # type: ignore[arg-type]
        selectinload(Participant.eligibility),  # type: ignore[arg-type]
        selectinload(Participant.pathways)  # type: ignore[arg-type]
        .selectinload(Pathway.steps)  # type: ignore[arg-type]
        .options(
            joinedload(PathwayStep.exception).options(*exception_options()),  # type: ignore[arg-type]
            joinedload(PathwayStep.lot).joinedload(Lot.tender),  # type: ignore[arg-type]
        ),
    ]


def exception_options() -> list[Any]:
    """What a facilitator's exception is shown with: who granted it, and the lot with its
    tender (steps and the exception routes load the same)."""
    return [
        joinedload(ClauseException.granted_by),  # type: ignore[arg-type]
        joinedload(ClauseException.lot).joinedload(Lot.tender),  # type: ignore[arg-type]
    ]


@cache
def _statement(kind: str, steps: bool) -> Any:
    """A participant by id in one kind of scope (built once: building it was a good part of a
    detail read's time)."""
    return (
        select(Participant)
        .where(
            col(Participant.id) == bindparam("participant_id"),
            col(Participant.anonymised_at).is_(None),
            visible(kind, bindparam("scope_user_id"), bindparam("scope_organisation_id")),
        )
        .options(*(with_steps() if steps else detail_options()))
    )


async def get(
    session: AsyncSession, scope: Scope, participant_id: uuid.UUID, steps: bool = True
) -> Participant:
    """A participant in the caller's scope, not anonymised, or 404; with its pathways' steps,
    or (`steps=False`) with what its detail read shows."""
    statement = _statement(scope.kind, steps)
    parameters = {"participant_id": participant_id, **scope.parameters()}
    # unique(): joined collections repeat the participant's row once per child.
    result = await session.execute(statement, parameters)
    participant = result.unique().scalar_one_or_none()
    if participant is None:
        raise NotFound()
    return participant


@dataclass(frozen=True)
class InScope:
    """What a participant route acts on: the caller's scope and the participant."""

    scope: Scope
    participant: Participant


Loader = Callable[..., Awaitable[InScope]]


def participant_loader(
    permission: Permission, *, write: bool = False, steps: bool = True
) -> Loader:
    """A dependency: the path's participant, for a caller with `permission`."""

    async def fetch(session: AsyncSession, scope: Scope, participant_id: uuid.UUID) -> Any:
        return await get(session, scope, participant_id, steps)

    return path_loader(
        permission, "participant_id", fetch, InScope, write=write, principal=request_scope_of
    )


def scoped_loader(
    permission: Permission,
    path_parameter: str,
    fetch: Any,
    wrap: Callable[[Scope, Any], Any],
    *,
    write: bool = False,
) -> Loader:
    """A dependency: a record about people (a referral, an assignment, hours…) loaded in the
    caller's participants scope, for a caller with `permission`."""
    return path_loader(
        permission, path_parameter, fetch, wrap, write=write, principal=request_scope_of
    )


def caller_scope(permission: Permission) -> Callable[..., Awaitable[Scope]]:
    """A dependency: the scope of a caller with `permission` (for lists and creations)."""

    async def load(request: Request, user: Annotated[User, Depends(require(permission))]) -> Scope:
        return request_scope_of(request, user)

    return load


# The route parameters: the permission a route needs, and If-Match where it writes.
ReaderScope = Annotated[Scope, Depends(caller_scope(Permission.participants_read))]
WriterScope = Annotated[Scope, Depends(caller_scope(Permission.participants_write))]
ValidatorScope = Annotated[Scope, Depends(caller_scope(Permission.eligibility_validate))]
ParticipantToRead = Annotated[
    InScope, Depends(participant_loader(Permission.participants_read, steps=False))
]
ParticipantWithSteps = Annotated[InScope, Depends(participant_loader(Permission.participants_read))]
ParticipantToChange = Annotated[
    InScope, Depends(participant_loader(Permission.participants_write, write=True, steps=False))
]
ParticipantToValidate = Annotated[
    InScope, Depends(participant_loader(Permission.eligibility_validate, steps=False))
]
PathwaysToWrite = Annotated[InScope, Depends(participant_loader(Permission.pathways_write))]


@dataclass(frozen=True)
class PathwayInScope(InScope):
    """What a pathway route acts on: the caller's scope, the participant and one pathway."""

    pathway: Pathway


async def _pathway_to_write(target: PathwaysToWrite, pathway_id: uuid.UUID) -> PathwayInScope:
    """The path's pathway among the participant's (404 when it is not one of theirs)."""
    for pathway in target.participant.pathways:
        if pathway.id == pathway_id:
            return PathwayInScope(target.scope, target.participant, pathway)
    raise NotFound()


PathwayToWrite = Annotated[PathwayInScope, Depends(_pathway_to_write)]


async def _pathway_to_change(target: PathwayToWrite, request: Request) -> PathwayInScope:
    """The path's pathway, for a change of what it already holds (If-Match on its version)."""
    check_if_match(request, target.pathway)
    return target


PathwayToChange = Annotated[PathwayInScope, Depends(_pathway_to_change)]


@dataclass(frozen=True)
class StepInScope(PathwayInScope):
    """What a step route acts on: the pathway's context and one of its steps."""

    step: PathwayStep


async def _step_to_change(
    target: PathwayToWrite, step_id: uuid.UUID, request: Request
) -> StepInScope:
    """The path's step among the pathway's (404 otherwise), at the version the caller saw."""
    for step in target.pathway.steps:
        if step.id == step_id:
            check_if_match(request, step)
            return StepInScope(target.scope, target.participant, target.pathway, step)
    raise NotFound()


StepToChange = Annotated[StepInScope, Depends(_step_to_change)]
ParticipantToExport = Annotated[
    InScope, Depends(participant_loader(Permission.participants_export))
]
ParticipantToErase = Annotated[InScope, Depends(participant_loader(Permission.participants_erase))]
