"""Operations, tenders (with their lifecycle) and lots with their clause hours."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, status
from sqlalchemy import select
from sqlmodel import col

from levier.audit.schemas import AuditEventRead
from levier.audit.service import audit_page
from levier.auth.dependencies import require
from levier.auth.permissions import Permission
from levier.clauses import article
from levier.core.audit.models import AuditEvent
from levier.core.db import SessionDep
from levier.core.etag import check_if_match, set_etag
from levier.core.pagination import Page, PageParams, page_params
from levier.core.responses import attachment, download_responses
from levier.organisations.schemas import OrganisationSummary
from levier.tenders import service
from levier.tenders.constants import TenderStatus
from levier.tenders.models import Lot, Tender
from levier.tenders.schemas import (
    AmendmentIn,
    AwardIn,
    HoursOverride,
    LotCreate,
    LotRead,
    LotUpdate,
    OperationCreate,
    OperationRead,
    OperationSummary,
    OperationUpdate,
    TenderCreate,
    TenderDetail,
    TenderRead,
    TenderUpdate,
    TransitionRequest,
)
from levier.territories.schemas import TerritoryRefRead
from levier.users.models import User

operations_router = APIRouter(prefix="/operations", tags=["operations"])
tenders_router = APIRouter(prefix="/tenders", tags=["tenders"])
OperationReader = Annotated[User, Depends(require(Permission.operations_read))]
OperationManager = Annotated[User, Depends(require(Permission.operations_manage))]
TenderReader = Annotated[User, Depends(require(Permission.tenders_read))]
TenderEditor = Annotated[User, Depends(require(Permission.tenders_edit))]
TenderManager = Annotated[User, Depends(require(Permission.tenders_manage))]
ClauseOverrider = Annotated[User, Depends(require(Permission.clauses_override))]


def lot_read(lot: Lot) -> LotRead:
    derived = {"required_hours", "override_by_name"}
    fields = {name: getattr(lot, name) for name in LotRead.model_fields if name not in derived}
    return LotRead.model_validate(
        {
            **fields,
            "required_hours": service.required_hours(lot),
            "override_by_name": lot.override_by.full_name if lot.override_by else None,
        },
        from_attributes=True,
    )


def tender_read(tender: Tender, buyer: object) -> TenderRead:
    return TenderRead(
        **{
            name: getattr(tender, name)
            for name in TenderRead.model_fields
            if name not in {"buyer", "place_of_execution"}
        },
        buyer=OrganisationSummary.model_validate(buyer),
        place_of_execution=TerritoryRefRead(
            level=tender.place_level,  # type: ignore[arg-type]
            code=tender.place_code,
            name=tender.place_name,
        ),
    )


async def tender_detail(session: SessionDep, user: User, tender: Tender) -> TenderDetail:
    buyers = await service.buyers_by_id(session, [tender.buyer_id])
    summary = tender_read(tender, buyers[tender.buyer_id])
    lots = service.visible_lots(user, tender)
    return TenderDetail(**summary.model_dump(), lots=[lot_read(lot) for lot in lots])


# ---------------------------------------------------------------- operations


@operations_router.get("", response_model=Page[OperationRead])
async def list_operations(
    session: SessionDep,
    user: OperationReader,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> Page[OperationRead]:
    """Operations of the caller's structure."""
    rows, next_cursor = await service.list_operations(session, user, page, q)
    return Page(items=[OperationRead.model_validate(r) for r in rows], next_cursor=next_cursor)


@operations_router.post("", response_model=OperationRead, status_code=status.HTTP_201_CREATED)
async def create_operation(
    session: SessionDep, user: OperationManager, data: OperationCreate, response: Response
) -> OperationRead:
    """Create an operation (programme) with an optional global target."""
    operation = await service.create_operation(session, user, data)
    set_etag(response, operation)
    return OperationRead.model_validate(operation)


@operations_router.get("/{operation_id}", response_model=OperationRead)
async def get_operation(
    session: SessionDep, user: OperationReader, operation_id: uuid.UUID, response: Response
) -> OperationRead:
    """One operation (with its ETag)."""
    operation = await service.get_operation(session, user, operation_id)
    set_etag(response, operation)
    return OperationRead.model_validate(operation)


@operations_router.patch("/{operation_id}", response_model=OperationRead)
async def update_operation(
    session: SessionDep,
    user: OperationManager,
    operation_id: uuid.UUID,
    data: OperationUpdate,
    request: Request,
    response: Response,
) -> OperationRead:
    """Change an operation (requires If-Match)."""
    operation = await service.get_operation(session, user, operation_id)
    check_if_match(request, operation)
    operation = await service.update_operation(session, operation, data)
    set_etag(response, operation)
    return OperationRead.model_validate(operation)


@operations_router.get("/{operation_id}/summary", response_model=OperationSummary)
async def operation_summary(
    session: SessionDep, user: OperationReader, operation_id: uuid.UUID
) -> OperationSummary:
    """Required hours of all the operation's lots and whether the global target is met."""
    operation = await service.get_operation(session, user, operation_id)
    return OperationSummary.model_validate(await service.operation_summary(session, operation))


# ---------------------------------------------------------------- tenders


@tenders_router.get("", response_model=Page[TenderRead])
async def list_tenders(
    session: SessionDep,
    user: TenderReader,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=200, description="Reference or object.")] = None,
    status_filter: Annotated[TenderStatus | None, Query(alias="status")] = None,
    operation_id: uuid.UUID | None = None,
    buyer_id: uuid.UUID | None = None,
) -> Page[TenderRead]:
    """Tenders in the caller's scope (structure, or own for buyers), newest first."""
    rows, next_cursor = await service.list_tenders(
        session, user, page, q, status_filter, operation_id, buyer_id
    )
    buyers = await service.buyers_by_id(session, [row.buyer_id for row in rows])
    return Page(
        items=[tender_read(row, buyers[row.buyer_id]) for row in rows], next_cursor=next_cursor
    )


@tenders_router.post("", response_model=TenderDetail, status_code=status.HTTP_201_CREATED)
async def create_tender(
    session: SessionDep, user: TenderEditor, data: TenderCreate, response: Response
) -> TenderDetail:
    """Create a draft tender."""
    tender = await service.create_tender(session, user, data)
    set_etag(response, tender)
    response.headers["Location"] = f"/api/v1/tenders/{tender.id}"
    return await tender_detail(session, user, tender)


@tenders_router.get("/{tender_id}", response_model=TenderDetail)
async def get_tender(
    session: SessionDep, user: TenderReader, tender_id: uuid.UUID, response: Response
) -> TenderDetail:
    """A tender with its lots and their hours (with its ETag)."""
    tender = await service.get_tender(session, user, tender_id)
    set_etag(response, tender)
    return await tender_detail(session, user, tender)


@tenders_router.patch("/{tender_id}", response_model=TenderDetail)
async def update_tender(
    session: SessionDep,
    user: TenderEditor,
    tender_id: uuid.UUID,
    data: TenderUpdate,
    request: Request,
    response: Response,
) -> TenderDetail:
    """Change a tender (requires If-Match; buyers only while it is a draft)."""
    tender = await service.get_tender(session, user, tender_id)
    check_if_match(request, tender)
    tender = await service.update_tender(session, user, tender, data)
    set_etag(response, tender)
    return await tender_detail(session, user, tender)


@tenders_router.post("/{tender_id}/transition", response_model=TenderDetail)
async def transition_tender(
    session: SessionDep,
    user: TenderManager,
    tender_id: uuid.UUID,
    data: TransitionRequest,
    request: Request,
    response: Response,
) -> TenderDetail:
    """Move a tender along draft → published → awarded → in_execution → closed (or cancel)."""
    tender = await service.get_tender(session, user, tender_id)
    check_if_match(request, tender)
    tender = await service.transition(session, tender, data.status)
    set_etag(response, tender)
    return await tender_detail(session, user, tender)


# ---------------------------------------------------------------- lots


@tenders_router.post(
    "/{tender_id}/lots", response_model=LotRead, status_code=status.HTTP_201_CREATED
)
async def create_lot(
    session: SessionDep,
    user: TenderEditor,
    tender_id: uuid.UUID,
    data: LotCreate,
    response: Response,
) -> LotRead:
    """Add a lot; with an insertion clause its hours are computed and explained."""
    tender = await service.get_tender(session, user, tender_id)
    lot = await service.create_lot(session, user, tender, data)
    set_etag(response, lot)
    return lot_read(lot)


@tenders_router.get("/{tender_id}/lots/{lot_id}", response_model=LotRead)
async def get_lot(
    session: SessionDep,
    user: TenderReader,
    tender_id: uuid.UUID,
    lot_id: uuid.UUID,
    response: Response,
) -> LotRead:
    """One lot with its considerations and hours (with its ETag)."""
    tender = await service.get_tender(session, user, tender_id)
    lot = await service.get_lot(session, user, tender, lot_id)
    set_etag(response, lot)
    return lot_read(lot)


@tenders_router.get("/{tender_id}/lots/{lot_id}/history", response_model=Page[AuditEventRead])
async def lot_history(
    session: SessionDep,
    user: TenderEditor,
    tender_id: uuid.UUID,
    lot_id: uuid.UUID,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[AuditEventRead]:
    """Who changed the lot, when and what (hours computed, overridden, recomputed at award
    and at each amendment), newest first: for the buyer and the facilitators, not the
    awardees, since it names staff and holds the estimates before award."""
    tender = await service.get_tender(session, user, tender_id)
    lot = await service.get_lot(session, user, tender, lot_id)
    statement = select(AuditEvent).where(
        col(AuditEvent.entity_type) == "lot", col(AuditEvent.entity_id) == lot.id
    )
    return await audit_page(session, statement, page)


@tenders_router.patch("/{tender_id}/lots/{lot_id}", response_model=LotRead)
async def update_lot(
    session: SessionDep,
    user: TenderEditor,
    tender_id: uuid.UUID,
    lot_id: uuid.UUID,
    data: LotUpdate,
    request: Request,
    response: Response,
) -> LotRead:
    """Change a lot (requires If-Match); its hours are recomputed."""
    tender = await service.get_tender(session, user, tender_id)
    lot = await service.get_lot(session, user, tender, lot_id)
    check_if_match(request, lot)
    lot = await service.update_lot(session, user, tender, lot, data)
    set_etag(response, lot)
    return lot_read(lot)


@tenders_router.put("/{tender_id}/lots/{lot_id}/hours-override", response_model=LotRead)
async def override_lot_hours(
    session: SessionDep,
    user: ClauseOverrider,
    tender_id: uuid.UUID,
    lot_id: uuid.UUID,
    data: HoursOverride,
    request: Request,
    response: Response,
) -> LotRead:
    """Replace the computed hours with a justified figure (`hours: null` removes it)."""
    tender = await service.get_tender(session, user, tender_id)
    lot = await service.get_lot(session, user, tender, lot_id)
    check_if_match(request, lot)
    lot = await service.override_hours(session, user, tender, lot, data)
    set_etag(response, lot)
    return lot_read(lot)


@tenders_router.delete("/{tender_id}/lots/{lot_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_lot(
    session: SessionDep,
    user: TenderEditor,
    tender_id: uuid.UUID,
    lot_id: uuid.UUID,
    request: Request,
) -> Response:
    """Remove a lot while the tender is a draft (requires If-Match)."""
    tender = await service.get_tender(session, user, tender_id)
    lot = await service.get_lot(session, user, tender, lot_id)
    check_if_match(request, lot)
    await service.delete_lot(session, user, tender, lot)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@tenders_router.put("/{tender_id}/lots/{lot_id}/award", response_model=LotRead)
async def award_lot(
    session: SessionDep,
    user: TenderManager,
    tender_id: uuid.UUID,
    lot_id: uuid.UUID,
    data: AwardIn,
    request: Request,
    response: Response,
) -> LotRead:
    """Record the awardee(s), amount and subcontractors (requires If-Match on the lot)."""
    tender = await service.get_tender(session, user, tender_id)
    lot = await service.get_lot(session, user, tender, lot_id)
    check_if_match(request, lot)
    lot = await service.award_lot(session, tender, lot, data)
    set_etag(response, lot)
    return lot_read(lot)


@tenders_router.post(
    "/{tender_id}/lots/{lot_id}/amendments",
    response_model=LotRead,
    status_code=status.HTTP_201_CREATED,
)
async def amend_lot(
    session: SessionDep,
    user: TenderManager,
    tender_id: uuid.UUID,
    lot_id: uuid.UUID,
    data: AmendmentIn,
    request: Request,
    response: Response,
) -> LotRead:
    """Record an avenant (requires If-Match on the lot); the hours follow."""
    tender = await service.get_tender(session, user, tender_id)
    lot = await service.get_lot(session, user, tender, lot_id)
    check_if_match(request, lot)
    await service.amend_lot(session, tender, lot, data)
    set_etag(response, lot)
    return lot_read(lot)


@tenders_router.get(
    "/{tender_id}/lots/{lot_id}/clause-article",
    responses=download_responses(
        "The article, as editable text (Markdown) or PDF.", "text/markdown", "application/pdf"
    ),
    response_class=Response,
)
async def clause_article(
    session: SessionDep,
    user: TenderReader,
    tender_id: uuid.UUID,
    lot_id: uuid.UUID,
    format: Annotated[Literal["md", "pdf"], Query()] = "md",
    article_number: Annotated[str, Query(max_length=10, pattern=r"^[\w.-]+$")] = "X",
) -> Response:
    """The insertion clause article of a lot for the CCAP, generated from its figures."""
    tender = await service.get_tender(session, user, tender_id)
    lot = await service.get_lot(session, user, tender, lot_id)
    template, variables = await service.article_variables(session, tender, lot, article_number)
    text = article.render_text(template, variables)
    name = f"clause-insertion-{tender.reference}-lot-{lot.number}"
    if format == "pdf":
        title = f"Clause d'insertion — {tender.reference} lot {lot.number}"
        return attachment(article.render_pdf(text, title), "application/pdf", f"{name}.pdf")
    return attachment(text, "text/markdown; charset=utf-8", f"{name}.md")
