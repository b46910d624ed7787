"""Participants: portfolios, identity and hand-over (personal data: see LEGAL_NOTICE). The
eligibility, pathway and data-subject-rights routes are in their own routers, included here
after the fixed paths (`/stats`, `/import`…) so these are matched before `/{participant_id}`."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, File, Form, Query, Request, Response, UploadFile, status

from levier.core import csv_import
from levier.core.db import SessionDep
from levier.core.errors import request_language
from levier.core.etag import set_etag
from levier.core.guards import BODY_LIMIT_KEY
from levier.core.pagination import Page, PageParams, page_params
from levier.core.routing import DomainRouter
from levier.participants import (
    dashboard,
    eligibility,
    eligibility_router,
    identity,
    imports,
    pathways_router,
    portfolio,
    privacy_router,
    reads,
    scope,
)
from levier.participants.constants import Criterion, ExitCategory, PathwayStatus
from levier.participants.schemas import (
    LEGAL_NOTICE,
    FormOptions,
    ImportResult,
    ImportRowErrors,
    ParticipantCreate,
    ParticipantRead,
    ParticipantSummary,
    ParticipantUpdate,
    PortfolioStats,
    StructureOption,
    TransferRequest,
)
from levier.participants.scope import (
    ParticipantToChange,
    ParticipantToRead,
    ReaderScope,
    ValidatorScope,
    WriterScope,
)
from levier.users.schemas import UserSummary

router = DomainRouter(prefix="/participants", tags=["participants"])


@router.get("", response_model=Page[ParticipantSummary], description=LEGAL_NOTICE)
async def list_participants(
    session: SessionDep,
    caller: ReaderScope,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=100, description="Name.")] = None,
    pathway: Annotated[
        PathwayStatus | Literal["none"] | None,
        Query(description="`open`, `exited`, or `none` (no pathway yet)."),
    ] = None,
    criterion: Annotated[
        Criterion | None, Query(description="A current, non-sensitive criterion.")
    ] = None,
    exit_category: ExitCategory | None = None,
    referent_id: uuid.UUID | None = None,
    retention_due: Annotated[
        bool,
        Query(
            description="Only people the retention job warned about: anonymised on their "
            "`retention_due_on` unless there is new activity."
        ),
    ] = False,
) -> Page[ParticipantSummary]:
    """The caller's portfolio (a coordinator: its network's; a facilitator: its structure's)."""
    rows, next_cursor = await portfolio.list_page(
        session,
        caller,
        page,
        q,
        status=pathway if pathway != "none" else None,  # type: ignore[arg-type]
        no_pathway=pathway == "none",
        criterion=criterion,
        exit_category=exit_category,
        referent_id=referent_id,
        retention_due=retention_due,
    )
    return Page(items=reads.summaries(rows), next_cursor=next_cursor)


@router.post(
    "",
    response_model=ParticipantRead,
    status_code=status.HTTP_201_CREATED,
    description=LEGAL_NOTICE,
)
async def create_participant(
    session: SessionDep, caller: WriterScope, data: ParticipantCreate, response: Response
) -> ParticipantRead:
    """Add a person to a portfolio (409 with the existing record when already followed)."""
    created = await identity.create(session, caller, data)
    participant = await scope.get(session, caller, created.id, steps=False)
    set_etag(response, participant)
    response.headers["Location"] = f"/api/v1/participants/{participant.id}"
    return reads.read(caller, participant)


@router.get("/stats", response_model=PortfolioStats)
async def participant_stats(
    session: SessionDep,
    caller: ReaderScope,
    year: Annotated[
        int | None, Query(ge=2000, le=2100, description="Exits of this calendar year.")
    ] = None,
    exited_from: Annotated[
        date | None, Query(description="Exits on or after this day (not with `year`).")
    ] = None,
    exited_to: Annotated[
        date | None, Query(description="Exits on or before this day (not with `year`).")
    ] = None,
) -> PortfolioStats:
    """Portfolio sizes per organisation and referent, and exits per category over the
    period, in the caller's scope (a coordinator: its network)."""
    period = dashboard.period_of(year, exited_from, exited_to)
    return PortfolioStats.model_validate(await dashboard.stats(session, caller, period))


@router.get("/form-options", response_model=FormOptions)
async def participant_form_options(session: SessionDep, caller: WriterScope) -> FormOptions:
    """Referents to hand a participant over to, and structures to refer one to."""
    referents, structures = await portfolio.form_options(session, caller)
    return FormOptions(
        referents=[UserSummary.model_validate(u) for u in referents],
        structures=[StructureOption.model_validate(o) for o in structures],
    )


@router.get("/eligibility-queue", response_model=Page[ParticipantSummary])
async def eligibility_queue(
    session: SessionDep, caller: ValidatorScope, page: Annotated[PageParams, Depends(page_params)]
) -> Page[ParticipantSummary]:
    """People referred to the structure with no current eligibility validation."""
    rows, next_cursor = await eligibility.queue(session, caller, page)
    return Page(items=reads.summaries(rows), next_cursor=next_cursor)


@router.post(
    "/import",
    response_model=ImportResult,
    description=imports.__doc__,
    # The file plus the multipart envelope and the form fields.
    openapi_extra={BODY_LIMIT_KEY: csv_import.BODY_LIMIT},
)
async def import_participants(
    session: SessionDep,
    caller: WriterScope,
    request: Request,
    file: Annotated[UploadFile, File(description="CSV, UTF-8 or Windows-1252, `;` or `,`.")],
    structure_id: Annotated[uuid.UUID | None, Form()] = None,
    apply: Annotated[
        bool, Query(description="Create the rows (all or none); without it, a dry run.")
    ] = False,
) -> ImportResult:
    """Import participants from a CSV: a dry run reports each row; apply is all-or-nothing."""
    content = await csv_import.read_upload(file)
    language = request_language(request)
    report = await imports.run(session, caller, content, structure_id, apply, language)
    result = ImportResult(
        rows=report.rows,
        valid=report.valid,
        created=len(report.created),
        applied=apply and report.ok,
        file_errors=report.file_errors,
        errors=[ImportRowErrors.model_validate(asdict(row)) for row in report.errors],
    )
    csv_import.answer(result, apply, report)
    return result


@router.get("/{participant_id}", response_model=ParticipantRead, description=LEGAL_NOTICE)
async def get_participant(target: ParticipantToRead, response: Response) -> ParticipantRead:
    """A participant's identity, contact, current eligibility and what the caller may do
    (with its ETag)."""
    set_etag(response, target.participant)
    return reads.read(target.scope, target.participant)


@router.patch("/{participant_id}", response_model=ParticipantRead, description=LEGAL_NOTICE)
async def update_participant(
    session: SessionDep, target: ParticipantToChange, data: ParticipantUpdate, response: Response
) -> ParticipantRead:
    """Change identity, contact or situation (requires If-Match)."""
    participant = await identity.update(session, target.scope, target.participant, data)
    set_etag(response, participant)
    return reads.read(target.scope, participant)


@router.post("/{participant_id}/transfer", response_model=ParticipantRead)
async def transfer_participant(
    session: SessionDep, target: ParticipantToChange, data: TransferRequest, response: Response
) -> ParticipantRead:
    """Hand the participant to another referent (a colleague, or in the coordinator's network)."""
    participant = await identity.transfer(
        session, target.scope, target.participant, data.referent_id
    )
    set_etag(response, participant)
    return reads.read(target.scope, participant)


for subrouter in (eligibility_router.router, pathways_router.router, privacy_router.router):
    router.include_router(subrouter)
