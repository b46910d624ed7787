"""Monthly hours: list (the validation queue), the employer's grid, declare, correct,
validate, reject, and validate a whole month."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Query, Response, status

from levier.auth.permissions import Role
from levier.core.db import SessionDep
from levier.core.errors import FieldInvalid
from levier.core.etag import set_etag
from levier.core.pagination import Page, PageParams, page_params
from levier.core.routing import DomainRouter
from levier.hours import reads, service
from levier.hours.constants import MONTH_PATTERN, HoursStatus
from levier.hours.models import HoursDeclaration
from levier.hours.schemas import (
    HoursCreate,
    HoursGrid,
    HoursRead,
    HoursRejection,
    HoursUpdate,
    MonthValidated,
    MonthValidation,
)
from levier.hours.scope import (
    HoursDeclarer,
    HoursReader,
    HoursToCorrect,
    HoursToDecide,
    HoursToRead,
    HoursValidator,
)
from levier.participants.scope import Scope

router = DomainRouter(prefix="/hours", tags=["hours"])
MonthQuery = Annotated[str, Query(pattern=MONTH_PATTERN, description="YYYY-MM")]


def _answer(scope: Scope, declaration: HoursDeclaration, response: Response) -> HoursRead:
    set_etag(response, declaration)
    return reads.hours_read(scope, declaration)


@router.get("", response_model=Page[HoursRead])
async def list_hours(
    session: SessionDep,
    scope: HoursReader,
    page: Annotated[PageParams, Depends(page_params)],
    month: Annotated[str | None, Query(pattern=MONTH_PATTERN)] = None,
    status_filter: Annotated[HoursStatus | None, Query(alias="status")] = None,
    lot_id: uuid.UUID | None = None,
    assignment_id: uuid.UUID | None = None,
    employer_id: uuid.UUID | None = None,
) -> Page[HoursRead]:
    """Declarations in the caller's scope, oldest month first (`status=declared`: the
    facilitator's validation queue)."""
    filters = {
        "month": month,
        "status": status_filter,
        "lot_id": lot_id,
        "assignment_id": assignment_id,
        "employer_id": employer_id,
    }
    rows, next_cursor = await service.list_declarations(session, scope, page, filters)
    return Page(items=[reads.hours_read(scope, row) for row in rows], next_cursor=next_cursor)


@router.get("/grid", response_model=HoursGrid)
async def hours_grid(
    session: SessionDep,
    scope: HoursReader,
    month: MonthQuery,
    page: Annotated[PageParams, Depends(page_params)],
    employer_id: Annotated[
        uuid.UUID | None, Query(description="Required for a facilitator; an enterprise's own.")
    ] = None,
) -> HoursGrid:
    """An employer's assignments running in the month, each with its declaration."""
    user = scope.user
    employer = user.organisation_id if user.role == Role.enterprise else employer_id
    if employer is None:
        raise FieldInvalid("employer_id", "field_required", location="query")
    rows, next_cursor = await reads.grid(session, scope, employer, service.month_of(month), page)
    return HoursGrid(month=month, items=rows, next_cursor=next_cursor)


@router.post("", response_model=HoursRead, status_code=status.HTTP_201_CREATED)
async def declare_hours(
    session: SessionDep, scope: HoursDeclarer, data: HoursCreate, response: Response
) -> HoursRead:
    """Declare a month of an assignment's hours (its employer of record)."""
    declaration = await service.declare(session, scope, data)
    response.headers["Location"] = f"/api/v1/hours/{declaration.id}"
    return _answer(scope, declaration, response)


@router.post("/validate-month", response_model=MonthValidated)
async def validate_month(
    session: SessionDep, scope: HoursValidator, data: MonthValidation
) -> MonthValidated:
    """Validate every waiting declaration of a month (one employer's or lot's if given)."""
    return await service.validate_month(session, scope, data)


@router.get("/{declaration_id}", response_model=HoursRead)
async def get_hours(target: HoursToRead, response: Response) -> HoursRead:
    """A declaration and what the caller may do with it (with its ETag)."""
    return _answer(target.scope, target.declaration, response)


@router.patch("/{declaration_id}", response_model=HoursRead)
async def correct_hours(
    session: SessionDep, target: HoursToCorrect, data: HoursUpdate, response: Response
) -> HoursRead:
    """Correct a declaration waiting or rejected (requires If-Match)."""
    declaration = await service.correct(session, target.scope, target.declaration, data)
    return _answer(target.scope, declaration, response)


@router.post("/{declaration_id}/validate", response_model=HoursRead)
async def validate_hours(
    session: SessionDep, target: HoursToDecide, response: Response
) -> HoursRead:
    """Validate a waiting declaration: its hours count (requires If-Match)."""
    declaration = await service.validate(session, target.scope, target.declaration)
    return _answer(target.scope, declaration, response)


@router.post("/{declaration_id}/reject", response_model=HoursRead)
async def reject_hours(
    session: SessionDep, target: HoursToDecide, data: HoursRejection, response: Response
) -> HoursRead:
    """Reject a declaration with the reason (requires If-Match)."""
    declaration = await service.reject(session, target.scope, target.declaration, data)
    return _answer(target.scope, declaration, response)
