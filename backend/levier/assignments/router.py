"""Assignments: list, detail, record (facilitator), end."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, Query, Response, status

from levier.assignments import service
from levier.assignments.constants import PLACEMENT_KINDS, FulfilmentMode
from levier.assignments.reads import assignment_read
from levier.assignments.schemas import AssignmentCreate, AssignmentEnd, AssignmentRead
from levier.assignments.scope import (
    AssignmentReader,
    AssignmentRecorder,
    AssignmentToChange,
    AssignmentToRead,
)
from levier.auth.dependencies import require
from levier.auth.permissions import Permission
from levier.core.db import SessionDep
from levier.core.etag import set_etag
from levier.core.pagination import Page, PageParams, page_params
from levier.core.routing import DomainRouter
from levier.organisations import service as organisations_service
from levier.organisations.constants import OrganisationKind
from levier.organisations.schemas import OrganisationRead
from levier.users.models import User

router = DomainRouter(prefix="/assignments", tags=["assignments"])
# Whoever hires picks the employer of record: the enterprise (which cannot search the
# directory) and the facilitator.
EmployerPicker = Annotated[User, Depends(require(Permission.referrals_decide))]
EmployerMode = Literal["temporary_work", "placement"]


@router.get("", response_model=Page[AssignmentRead])
async def list_assignments(
    session: SessionDep,
    scope: AssignmentReader,
    page: Annotated[PageParams, Depends(page_params)],
    lot_id: uuid.UUID | None = None,
    tender_id: uuid.UUID | None = None,
    participant_id: uuid.UUID | None = None,
    employer_id: uuid.UUID | None = None,
    host_id: uuid.UUID | None = None,
    mode: FulfilmentMode | None = None,
    running_on: Annotated[
        date | None, Query(description="Only the assignments running on this day.")
    ] = None,
    ended: Annotated[
        bool | None, Query(description="Ended ones only (true), or not ended yet (false).")
    ] = None,
) -> Page[AssignmentRead]:
    """Assignments in the caller's scope, latest start first."""
    filters = {
        "lot_id": lot_id,
        "tender_id": tender_id,
        "participant_id": participant_id,
        "employer_id": employer_id,
        "host_id": host_id,
        "mode": mode,
        "running_on": running_on,
        "ended": ended,
    }
    rows, next_cursor = await service.list_assignments(session, scope, page, filters)
    return Page(items=[assignment_read(scope, row) for row in rows], next_cursor=next_cursor)


@router.post("", response_model=AssignmentRead, status_code=status.HTTP_201_CREATED)
async def record_assignment(
    session: SessionDep, scope: AssignmentRecorder, data: AssignmentCreate, response: Response
) -> AssignmentRead:
    """Record an assignment in any fulfilment mode for a person referred to the structure."""
    assignment = await service.record(session, scope, data)
    set_etag(response, assignment)
    response.headers["Location"] = f"/api/v1/assignments/{assignment.id}"
    return assignment_read(scope, assignment)


@router.get("/employer-options", response_model=Page[OrganisationRead])
async def employer_options(
    session: SessionDep,
    _user: EmployerPicker,
    mode: Annotated[EmployerMode, Query(description="temporary_work or placement.")],
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=200, description="Name or SIRET.")] = None,
) -> Page[OrganisationRead]:
    """The enterprises that may employ a person hired in this mode (an agency, an ETTI;
    an AI or a GEIQ for a placement), for whoever hires — an enterprise included."""
    rows, next_cursor = await organisations_service.list_page(
        session,
        page,
        q,
        OrganisationKind.enterprise,
        active=True,
        enterprise_kinds=PLACEMENT_KINDS if mode == FulfilmentMode.placement else None,
    )
    return Page(items=[OrganisationRead.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get("/{assignment_id}", response_model=AssignmentRead)
async def get_assignment(target: AssignmentToRead, response: Response) -> AssignmentRead:
    """An assignment and what the caller may do with it (with its ETag)."""
    set_etag(response, target.assignment)
    return assignment_read(target.scope, target.assignment)


@router.post("/{assignment_id}/end", response_model=AssignmentRead)
async def end_assignment(
    session: SessionDep, target: AssignmentToChange, data: AssignmentEnd, response: Response
) -> AssignmentRead:
    """End a running assignment, with the date and the reason (requires If-Match)."""
    assignment = await service.end(session, target.scope, target.assignment, data)
    set_etag(response, assignment)
    return assignment_read(target.scope, assignment)
