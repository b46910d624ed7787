"""Participants, eligibility, pathways and data-subject rights (personal data: see LEGAL)."""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, Response, UploadFile, status
from sqlalchemy import select
from sqlmodel import col

from levier.auth.dependencies import require
from levier.auth.permissions import Permission
from levier.core import clock
from levier.core.db import SessionDep
from levier.core.errors import DomainError, NotFound, request_language
from levier.core.etag import check_if_match, set_etag
from levier.core.guards import BODY_LIMIT_KEY
from levier.core.pagination import Page, PageParams, page_params
from levier.core.responses import attachment, download_responses
from levier.participants import eligibility, imports, pathways, privacy, service
from levier.participants.constants import Criterion, ExitCategory, PathwayStatus
from levier.participants.models import Participant, Pathway
from levier.participants.schemas import (
    LEGAL_NOTICE,
    AccessLogEntry,
    ClausePosition,
    EligibilityCreate,
    EligibilityRead,
    EligibilityStatus,
    ExitCreate,
    FollowUpCreate,
    FormOptions,
    ImportResult,
    ImportRowErrors,
    ParticipantCreate,
    ParticipantRead,
    ParticipantSummary,
    ParticipantUpdate,
    PathwayCreate,
    PathwayRead,
    PortfolioStats,
    StepCreate,
    StructureOption,
    TransferRequest,
)
from levier.tenders.constants import EligibilityRestriction
from levier.tenders.models import Operation
from levier.users.models import User
from levier.users.schemas import UserSummary

router = APIRouter(prefix="/participants", tags=["participants"])

Reader = Annotated[User, Depends(require(Permission.participants_read))]
Writer = Annotated[User, Depends(require(Permission.participants_write))]
PathwayWriter = Annotated[User, Depends(require(Permission.pathways_write))]
Validator = Annotated[User, Depends(require(Permission.eligibility_validate))]
Exporter = Annotated[User, Depends(require(Permission.participants_export))]
Eraser = Annotated[User, Depends(require(Permission.participants_erase))]


def _summary(participant: Participant, situation: service.Situation) -> dict[str, Any]:
    latest = situation.latest_pathway.get(participant.id)
    fields = {
        name: getattr(participant, name)
        for name in ParticipantRead.model_fields
        if name not in {"eligibility", "referent"} and name in Participant.model_fields
    }
    return {
        **fields,
        "referent": UserSummary.model_validate(situation.referents[participant.referent_id]),
        "pathway_status": service.pathway_status(latest),
        "exit_category": latest.exit_category if latest else None,
        "eligible_until": situation.eligible_until.get(participant.id),
        "anonymised": participant.anonymised_at is not None,
    }


async def _summaries(session: SessionDep, rows: list[Participant]) -> list[ParticipantSummary]:
    situation = await service.situations(session, rows)
    return [ParticipantSummary.model_validate(_summary(row, situation)) for row in rows]


async def _read(session: SessionDep, participant: Participant) -> ParticipantRead:
    situation = await service.situations(session, [participant])
    return ParticipantRead.model_validate(
        {
            **_summary(participant, situation),
            "eligibility": eligibility.status(participant, clock.today()),
        }
    )


async def _participant(
    session: SessionDep, user: User, participant_id: uuid.UUID
) -> tuple[service.Scope, Participant]:
    scope = await service.scope_of(session, user)
    return scope, await service.get(session, scope, participant_id)


def _pathway_read(pathway: Pathway) -> PathwayRead:
    return PathwayRead.model_validate(
        {
            **{
                name: getattr(pathway, name)
                for name in PathwayRead.model_fields
                if name not in {"status", "steps"}
            },
            "status": service.pathway_status(pathway),
            "steps": pathway.steps,
        }
    )


@router.get("", response_model=Page[ParticipantSummary], description=LEGAL_NOTICE)
async def list_participants(
    session: SessionDep,
    user: Reader,
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
    scope = await service.scope_of(session, user)
    rows, next_cursor = await service.list_page(
        session,
        scope,
        page,
        q,
        status=pathway if pathway != "none" else None,  # type: ignore[arg-type]
        no_pathway=pathway == "none",
        criterion=criterion,
        exit_category=exit_category,
        referent_id=referent_id,
        retention_due=retention_due,
    )
    return Page(items=await _summaries(session, rows), next_cursor=next_cursor)


@router.post(
    "",
    response_model=ParticipantRead,
    status_code=status.HTTP_201_CREATED,
    description=LEGAL_NOTICE,
)
async def create_participant(
    session: SessionDep, user: Writer, data: ParticipantCreate, response: Response
) -> ParticipantRead:
    """Add a person to a portfolio (409 with the existing record when already followed)."""
    scope = await service.scope_of(session, user)
    participant = await service.create(session, scope, data)
    participant = await service.get(session, scope, participant.id)
    set_etag(response, participant)
    response.headers["Location"] = f"/api/v1/participants/{participant.id}"
    return await _read(session, participant)


@router.get("/stats", response_model=PortfolioStats)
async def participant_stats(session: SessionDep, user: Reader) -> PortfolioStats:
    """Portfolio sizes per referent and exits per category in the caller's scope."""
    scope = await service.scope_of(session, user)
    return PortfolioStats.model_validate(await service.stats(session, scope))


@router.get("/form-options", response_model=FormOptions)
async def participant_form_options(session: SessionDep, user: Writer) -> FormOptions:
    """Referents to hand a participant over to, and structures to refer one to."""
    scope = await service.scope_of(session, user)
    referents, structures = await service.form_options(session, scope)
    return FormOptions(
        referents=[UserSummary.model_validate(u) for u in referents],
        structures=[StructureOption.model_validate(o) for o in structures],
    )


@router.get("/eligibility-queue", response_model=Page[ParticipantSummary])
async def eligibility_queue(
    session: SessionDep, user: Validator, page: Annotated[PageParams, Depends(page_params)]
) -> Page[ParticipantSummary]:
    """People referred to the structure with no current eligibility validation."""
    scope = await service.scope_of(session, user)
    rows, next_cursor = await eligibility.queue(session, scope, page)
    return Page(items=await _summaries(session, rows), next_cursor=next_cursor)


@router.post(
    "/import",
    response_model=ImportResult,
    description=imports.__doc__,
    # The file plus the multipart envelope and the form fields.
    openapi_extra={BODY_LIMIT_KEY: imports.MAX_BYTES + 64 * 1024},
)
async def import_participants(
    session: SessionDep,
    user: Writer,
    request: Request,
    file: Annotated[UploadFile, File(description="CSV, UTF-8 or Windows-1252, `;` or `,`.")],
    structure_id: Annotated[uuid.UUID | None, Form()] = None,
    apply: Annotated[
        bool, Query(description="Create the rows (all or none); without it, a dry run.")
    ] = False,
) -> ImportResult:
    """Import participants from a CSV: a dry run reports each row; apply is all-or-nothing."""
    scope = await service.scope_of(session, user)
    content = await file.read(imports.MAX_BYTES + 1)
    language = request_language(request)
    if len(content) > imports.MAX_BYTES:
        raise DomainError("import_too_large", status_code=413, limit=imports.MAX_BYTES)
    report = await imports.run(session, scope, content, structure_id, apply, language)
    result = ImportResult(
        rows=report.rows,
        valid=report.valid,
        created=len(report.created),
        applied=apply and report.ok,
        file_errors=report.file_errors,
        errors=[ImportRowErrors.model_validate(asdict(row)) for row in report.errors],
    )
    if apply and not report.ok:
        # The row reports go under `report`: `errors[]` of a problem names fields only.
        raise DomainError(
            "import_rejected",
            status_code=422,
            extensions={"report": result.model_dump(mode="json")},
        )
    return result


@router.get("/{participant_id}", response_model=ParticipantRead, description=LEGAL_NOTICE)
async def get_participant(
    session: SessionDep, user: Reader, participant_id: uuid.UUID, response: Response
) -> ParticipantRead:
    """A participant's identity, contact and current eligibility (with its ETag)."""
    _scope, participant = await _participant(session, user, participant_id)
    set_etag(response, participant)
    return await _read(session, participant)


@router.patch("/{participant_id}", response_model=ParticipantRead, description=LEGAL_NOTICE)
async def update_participant(
    session: SessionDep,
    user: Writer,
    participant_id: uuid.UUID,
    data: ParticipantUpdate,
    request: Request,
    response: Response,
) -> ParticipantRead:
    """Change identity, contact or situation (requires If-Match)."""
    scope, participant = await _participant(session, user, participant_id)
    check_if_match(request, participant)
    participant = await service.update(session, scope, participant, data)
    set_etag(response, participant)
    return await _read(session, participant)


@router.post("/{participant_id}/transfer", response_model=ParticipantRead)
async def transfer_participant(
    session: SessionDep,
    user: Writer,
    participant_id: uuid.UUID,
    data: TransferRequest,
    request: Request,
    response: Response,
) -> ParticipantRead:
    """Hand the participant to another referent (a colleague, or in the coordinator's network)."""
    scope, participant = await _participant(session, user, participant_id)
    check_if_match(request, participant)
    participant = await service.transfer(session, scope, participant, data.referent_id)
    set_etag(response, participant)
    return await _read(session, participant)


@router.get("/{participant_id}/eligibility-status", response_model=EligibilityStatus)
async def participant_eligibility_status(
    session: SessionDep,
    user: Reader,
    participant_id: uuid.UUID,
    on: date | None = None,
    operation_id: uuid.UUID | None = None,
) -> EligibilityStatus:
    """Clause-eligible on a date (today by default), under an operation's restriction."""
    _scope, participant = await _participant(session, user, participant_id)
    restriction = None
    if operation_id is not None:
        value = (
            await session.execute(
                select(col(Operation.eligibility_restriction)).where(
                    col(Operation.id) == operation_id
                )
            )
        ).first()
        if value is None:
            raise NotFound()
        restriction = EligibilityRestriction(value[0]) if value[0] else None
    return eligibility.status(participant, on or clock.today(), restriction)


@router.get("/{participant_id}/eligibility", response_model=list[EligibilityRead])
async def list_eligibility(
    session: SessionDep,
    user: Reader,
    participant_id: uuid.UUID,
    reveal: Annotated[
        bool,
        Query(description="Show sensitive criteria (referent and facilitator only; audited)."),
    ] = False,
) -> list[EligibilityRead]:
    """The eligibility history; sensitive criteria are masked unless revealed."""
    scope, participant = await _participant(session, user, participant_id)
    rows = eligibility.visible(session, scope, participant, reveal, clock.today())
    users = await session.execute(
        select(User).where(col(User.id).in_({r["validated_by_id"] for r in rows} - {None}))
    )
    names = {u.id: UserSummary.model_validate(u) for u in users.scalars()}
    return [
        EligibilityRead.model_validate({**row, "validated_by": names.get(row["validated_by_id"])})
        for row in rows
    ]


@router.post(
    "/{participant_id}/eligibility",
    response_model=EligibilityRead,
    status_code=status.HTTP_201_CREATED,
)
async def validate_eligibility(
    session: SessionDep, user: Validator, participant_id: uuid.UUID, data: EligibilityCreate
) -> EligibilityRead:
    """Record a facilitator's validation of one criterion with the evidence seen."""
    scope, participant = await _participant(session, user, participant_id)
    validation = await eligibility.validate(session, scope, participant, data)
    today = clock.today()
    return EligibilityRead.model_validate(
        {
            **{
                name: getattr(validation, name)
                for name in EligibilityRead.model_fields
                if hasattr(validation, name)
            },
            "sensitive": validation.criterion in eligibility.SENSITIVE_CRITERIA,
            "masked": False,
            "current": validation.validated_on <= today <= validation.valid_until,
            "validated_by": UserSummary.model_validate(user),
        }
    )


@router.get("/{participant_id}/access-log", response_model=list[AccessLogEntry])
async def participant_access_log(
    session: SessionDep, user: Reader, participant_id: uuid.UUID
) -> list[AccessLogEntry]:
    """Who accessed this person: writes and sensitive reads (referent and facilitator only)."""
    scope, participant = await _participant(session, user, participant_id)
    if not scope.may_reveal(participant):
        raise NotFound()
    entries = await privacy.access_log(session, participant)
    actor_ids = {uuid.UUID(e["actor_id"]) for e in entries if e["actor_id"]}
    users = await session.execute(select(User).where(col(User.id).in_(actor_ids)))
    actors = {str(u.id): UserSummary.model_validate(u) for u in users.scalars()}
    return [
        AccessLogEntry.model_validate({**e, "actor": actors.get(e["actor_id"] or "")})
        for e in entries
    ]


@router.get("/{participant_id}/pathways", response_model=list[PathwayRead])
async def list_pathways(
    session: SessionDep, user: Reader, participant_id: uuid.UUID
) -> list[PathwayRead]:
    """The participant's pathways, newest first, with their steps and exits."""
    _scope, participant = await _participant(session, user, participant_id)
    return [_pathway_read(p) for p in participant.pathways]


@router.post(
    "/{participant_id}/pathways", response_model=PathwayRead, status_code=status.HTTP_201_CREATED
)
async def start_pathway(
    session: SessionDep, user: PathwayWriter, participant_id: uuid.UUID, data: PathwayCreate
) -> PathwayRead:
    """Open a pathway (409 when one is already open)."""
    scope, participant = await _participant(session, user, participant_id)
    return _pathway_read(await pathways.start(session, scope, participant, data))


@router.get("/{participant_id}/clause-positions", response_model=list[ClausePosition])
async def list_clause_positions(
    session: SessionDep,
    user: PathwayWriter,
    participant_id: uuid.UUID,
    q: Annotated[
        str | None, Query(max_length=100, description="Tender reference or object.")
    ] = None,
) -> list[ClausePosition]:
    """Awarded clause lots of the person's structure, with who can employ on them (50 at most)."""
    scope, participant = await _participant(session, user, participant_id)
    positions = await pathways.clause_positions(session, scope, participant, q)
    return [ClausePosition.model_validate(p) for p in positions]


@router.post(
    "/{participant_id}/pathways/{pathway_id}/steps",
    response_model=PathwayRead,
    status_code=status.HTTP_201_CREATED,
)
async def add_pathway_step(
    session: SessionDep,
    user: PathwayWriter,
    participant_id: uuid.UUID,
    pathway_id: uuid.UUID,
    data: StepCreate,
) -> PathwayRead:
    """Add a step after the previous ones."""
    scope, participant = await _participant(session, user, participant_id)
    pathway = pathways.find(participant, pathway_id)
    await pathways.add_step(session, scope, participant, pathway, data)
    return _pathway_read(pathway)


@router.post("/{participant_id}/pathways/{pathway_id}/exit", response_model=PathwayRead)
async def exit_pathway(
    session: SessionDep,
    user: PathwayWriter,
    participant_id: uuid.UUID,
    pathway_id: uuid.UUID,
    data: ExitCreate,
) -> PathwayRead:
    """Close the pathway with its exit situation and category."""
    scope, participant = await _participant(session, user, participant_id)
    pathway = pathways.find(participant, pathway_id)
    return _pathway_read(await pathways.close(session, scope, participant, pathway, data))


@router.post("/{participant_id}/pathways/{pathway_id}/follow-up", response_model=PathwayRead)
async def follow_up_pathway(
    session: SessionDep,
    user: PathwayWriter,
    participant_id: uuid.UUID,
    pathway_id: uuid.UUID,
    data: FollowUpCreate,
) -> PathwayRead:
    """Record the situation six months after the exit."""
    scope, participant = await _participant(session, user, participant_id)
    pathway = pathways.find(participant, pathway_id)
    return _pathway_read(await pathways.follow_up(session, scope, participant, pathway, data))


@router.get(
    "/{participant_id}/export",
    responses=download_responses(
        "Everything held on the person, with the access log.", "application/json", "application/pdf"
    ),
    response_class=Response,
)
async def export_participant(
    session: SessionDep,
    user: Exporter,
    participant_id: uuid.UUID,
    format: Annotated[Literal["json", "pdf"], Query()] = "json",
) -> Response:
    """Right of access: everything held on one person, as JSON or PDF (audited)."""
    scope, participant = await _participant(session, user, participant_id)
    document = await privacy.export(session, scope, participant)
    name = f"levier-participant-{participant.id}"
    if format == "pdf":
        return attachment(privacy.export_pdf(document), "application/pdf", f"{name}.pdf")
    return attachment(
        json.dumps(document, ensure_ascii=False, indent=2).encode(),
        "application/json",
        f"{name}.json",
    )


@router.post("/{participant_id}/anonymise", status_code=status.HTTP_204_NO_CONTENT)
async def anonymise_participant(
    session: SessionDep, user: Eraser, participant_id: uuid.UUID
) -> Response:
    """Right to erasure: replace the person by an anonymous statistical residue at once."""
    scope, participant = await _participant(session, user, participant_id)
    if not scope.may_manage(participant):
        raise NotFound()
    await privacy.anonymise(session, participant)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
