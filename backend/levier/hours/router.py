"""Monthly hours: list (the validation queue), the employer's grid, declare, correct,
validate, reject, and validate a whole month."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from typing import Annotated

from fastapi import Depends, File, Query, Request, Response, UploadFile, status
from fastapi.responses import StreamingResponse

from levier.auth.permissions import Role
from levier.core import csv_import
from levier.core.csv_import import ImportRowErrors
from levier.core.db import SessionDep
from levier.core.errors import FieldInvalid, request_language
from levier.core.etag import set_etag
from levier.core.exports import csv_lines
from levier.core.guards import BODY_LIMIT_KEY
from levier.core.pagination import Page, PageParams, page_params
from levier.core.routing import DomainRouter
from levier.hours import imports, reads, service
from levier.hours.constants import MONTH_PATTERN, HoursStatus
from levier.hours.models import HoursDeclaration
from levier.hours.schemas import (
    HoursCreate,
    HoursGrid,
    HoursImportResult,
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


def _employer(scope: Scope, employer_id: uuid.UUID | None) -> uuid.UUID:
    """An enterprise's own grid; any employer's for the facilitator, who names it."""
    user = scope.user
    employer = user.organisation_id if user.role == Role.enterprise else employer_id
    if employer is None:
        raise FieldInvalid("employer_id", "field_required", location="query")
    return employer


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
    employer = _employer(scope, employer_id)
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


@router.get(
    "/template",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "The month's file to fill."}},
)
async def hours_template(
    session: SessionDep,
    scope: HoursReader,
    month: MonthQuery,
    employer_id: Annotated[
        uuid.UUID | None, Query(description="Required for a facilitator; an enterprise's own.")
    ] = None,
) -> StreamingResponse:
    """The month's CSV to fill: one line per assignment running, with what is declared."""
    lines = await imports.template(session, scope, _employer(scope, employer_id), month)
    return StreamingResponse(
        csv_lines(imports.TEMPLATE_HEADER, lines, delimiter=";"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="heures-{month}.csv"'},
    )


@router.post(
    "/import",
    response_model=HoursImportResult,
    description=imports.__doc__,
    openapi_extra={BODY_LIMIT_KEY: csv_import.BODY_LIMIT},
)
async def import_hours(
    session: SessionDep,
    scope: HoursDeclarer,
    request: Request,
    file: Annotated[UploadFile, File(description="CSV, UTF-8 or Windows-1252, `;` or `,`.")],
    apply: Annotated[
        bool, Query(description="Write the lines (all or none); without it, a dry run.")
    ] = False,
) -> HoursImportResult:
    """Import a month's hours from a CSV: a dry run reports each line; apply is all-or-nothing."""
    content = await csv_import.read_upload(file)
    report = await imports.run(session, scope, content, apply, request_language(request))
    result = HoursImportResult(
        rows=report.rows,
        valid=report.valid,
        created=len(report.created),
        updated=report.updated,
        unchanged=report.unchanged,
        applied=apply and report.ok,
        file_errors=report.file_errors,
        errors=[ImportRowErrors.model_validate(asdict(row)) for row in report.errors],
    )
    csv_import.answer(result, apply, report)
    return result


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
