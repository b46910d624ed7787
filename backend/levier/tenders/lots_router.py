"""Lots of a tender: their hours, award, amendments, outcome, history and clause article."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Response, status

from levier.audit import service as audit_service
from levier.audit.schemas import AuditEventRead
from levier.core import documents
from levier.core.db import SessionDep
from levier.core.etag import set_etag
from levier.core.pagination import Page, PageParams, page_params
from levier.core.responses import attachment, download_responses
from levier.core.schemas import DocumentPreview
from levier.tenders import articles, awards, lots
from levier.tenders.reads import lot_read
from levier.tenders.schemas import (
    AmendmentIn,
    AwardIn,
    HoursOverride,
    LotCreate,
    LotOutcomeIn,
    LotRead,
    LotUpdate,
)
from levier.tenders.scope import (
    InScope,
    LotToAward,
    LotToChange,
    LotToOverride,
    LotToRead,
    LotTrailToRead,
    TenderToAddLotTo,
)

router = APIRouter(prefix="/{tender_id}/lots")


def _answer(response: Response, target: InScope) -> LotRead:
    lot = target.the_lot
    set_etag(response, lot)
    return lot_read(target.user, target.tender, lot)


@router.post("", response_model=LotRead, status_code=status.HTTP_201_CREATED)
async def create_lot(
    session: SessionDep, target: TenderToAddLotTo, data: LotCreate, response: Response
) -> LotRead:
    """Add a lot; with an insertion clause its hours are computed and explained."""
    lot = await lots.create_lot(session, target.user, target.tender, data)
    return _answer(response, InScope(target.user, target.tender, lot))


@router.get("/{lot_id}", response_model=LotRead)
async def get_lot(target: LotToRead, response: Response) -> LotRead:
    """One lot with its considerations and hours, and what the caller may do (with its ETag)."""
    return _answer(response, target)


@router.get("/{lot_id}/history", response_model=Page[AuditEventRead])
async def lot_history(
    session: SessionDep,
    target: LotTrailToRead,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[AuditEventRead]:
    """Who changed the lot, when and what (hours computed, overridden, recomputed at award
    and at each amendment), newest first: for the buyer and the facilitators, not the
    awardees, since it names staff and holds the estimates before award."""
    return await audit_service.entity_history(session, "lot", target.the_lot.id, page)


@router.patch("/{lot_id}", response_model=LotRead)
async def update_lot(
    session: SessionDep, target: LotToChange, data: LotUpdate, response: Response
) -> LotRead:
    """Change a lot (requires If-Match); its hours are recomputed."""
    await lots.update_lot(session, target.user, target.tender, target.the_lot, data)
    return _answer(response, target)


@router.put("/{lot_id}/hours-override", response_model=LotRead)
async def override_lot_hours(
    session: SessionDep, target: LotToOverride, data: HoursOverride, response: Response
) -> LotRead:
    """Replace the computed hours with a justified figure (`hours: null` removes it)."""
    await lots.override_hours(session, target.user, target.tender, target.the_lot, data)
    return _answer(response, target)


@router.delete("/{lot_id}", status_code=status.HTTP_204_NO_CONTENT, response_class=Response)
async def delete_lot(session: SessionDep, target: LotToChange) -> Response:
    """Remove a lot while the tender is a draft (requires If-Match)."""
    await lots.delete_lot(session, target.user, target.tender, target.the_lot)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put("/{lot_id}/award", response_model=LotRead)
async def award_lot(
    session: SessionDep, target: LotToAward, data: AwardIn, response: Response
) -> LotRead:
    """Record the awardee(s), amount and subcontractors (requires If-Match on the lot)."""
    await awards.award_lot(session, target.user, target.tender, target.the_lot, data)
    return _answer(response, target)


@router.put("/{lot_id}/outcome", response_model=LotRead)
async def set_lot_outcome(
    session: SessionDep, target: LotToAward, data: LotOutcomeIn, response: Response
) -> LotRead:
    """Close the lot without an awardee, unsuccessful (infructueux) or abandoned (sans suite),
    with the date and the reason; `outcome: null` reopens it (requires If-Match)."""
    await lots.set_outcome(session, target.user, target.tender, target.the_lot, data)
    return _answer(response, target)


@router.post("/{lot_id}/amendments", response_model=LotRead, status_code=status.HTTP_201_CREATED)
async def amend_lot(
    session: SessionDep, target: LotToAward, data: AmendmentIn, response: Response
) -> LotRead:
    """Record an avenant (requires If-Match on the lot); the hours follow."""
    await awards.amend_lot(session, target.user, target.tender, target.the_lot, data)
    return _answer(response, target)


ARTICLE_FORMATS = {
    "md": ("text/markdown; charset=utf-8", "md"),
    "pdf": ("application/pdf", "pdf"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "odt": ("application/vnd.oasis.opendocument.text", "odt"),
}
ArticleNumber = Annotated[
    str,
    Query(
        max_length=10,
        pattern=r"^[\w.-]+$",
        description="The article's number in the buyer's CCAP (e.g. 8, 7.2).",
    ),
]


@router.get(
    "/{lot_id}/clause-article",
    responses=download_responses(
        "The article: editable (DOCX, ODT, Markdown) or to read (PDF).",
        *(media for media, _extension in ARTICLE_FORMATS.values()),
    ),
    response_class=Response,
)
async def clause_article(
    session: SessionDep,
    target: LotToRead,
    format: Annotated[Literal["md", "pdf", "docx", "odt"], Query()] = "md",
    article_number: ArticleNumber = "X",
) -> Response:
    """The insertion clause article of a lot for the CCAP, generated from its figures."""
    tender, lot = target.tender, target.the_lot
    text = await articles.article_text(session, tender, lot, article_number)
    title = f"Clause d'insertion — {tender.reference} lot {lot.number}"
    content = {
        "md": lambda: text.encode(),
        "pdf": lambda: documents.pdf(text, title),
        "docx": lambda: documents.word(text, title),
        "odt": lambda: documents.open_document(text, title),
    }[format]()
    media, extension = ARTICLE_FORMATS[format]
    name = f"clause-insertion-{tender.reference}-lot-{lot.number}.{extension}"
    return attachment(content, media, name)


@router.get("/{lot_id}/clause-article/preview", response_model=DocumentPreview)
async def clause_article_preview(
    session: SessionDep, target: LotToRead, article_number: ArticleNumber = "X"
) -> DocumentPreview:
    """The article as the page shows it before download: headings, paragraphs, lists."""
    tender, lot = target.tender, target.the_lot
    text = await articles.article_text(session, tender, lot, article_number)
    return DocumentPreview.of(text)
