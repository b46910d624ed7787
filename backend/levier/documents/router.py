"""Issued documents: the list, the download (the exact bytes archived), a lot's certificates,
a buyer's monthly report, and the end-of-assignment report's parts."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Query, Request, Response, status

from levier.auth.permissions import Permission
from levier.core.db import SessionDep
from levier.core.etag import set_etag
from levier.core.pagination import Page, PageParams, page_params
from levier.core.responses import attachment, download_responses
from levier.core.routing import DomainRouter
from levier.core.storage import StorageDep
from levier.documents import archive, buyer_reports, certificates, reports, service
from levier.documents.constants import MONTH_PATTERN, PDF, XLSX, DocumentKind
from levier.documents.models import AssignmentReport
from levier.documents.report_scope import ReportInScope, ReportToIssue, ReportToRead, ReportToWrite
from levier.documents.schemas import (
    AssignmentReportRead,
    BuyerReportCreate,
    BuyerReportIssued,
    DocumentRead,
    EmployerPart,
    FacilitatorPart,
    LotDocuments,
)
from levier.documents.scope import DocumentIssuer, DocumentReader, DocumentToRead
from levier.tenders.scope import InScope, lot_loader

documents_router = DomainRouter(prefix="/documents", tags=["documents"])
lot_documents_router = DomainRouter(prefix="/tenders", tags=["documents"])
reports_router = DomainRouter(prefix="/assignments", tags=["documents"])

LotDocumentsToRead = Annotated[InScope, Depends(lot_loader(Permission.documents_read))]
LotToCertify = Annotated[InScope, Depends(lot_loader(Permission.documents_issue))]


@documents_router.get("", response_model=Page[DocumentRead])
async def list_documents(
    session: SessionDep,
    scope: DocumentReader,
    page: Annotated[PageParams, Depends(page_params)],
    kind: DocumentKind | None = None,
    lot_id: uuid.UUID | None = None,
    assignment_id: uuid.UUID | None = None,
    buyer_id: uuid.UUID | None = None,
    month: Annotated[str | None, Query(pattern=MONTH_PATTERN)] = None,
) -> Page[DocumentRead]:
    """Issued documents the caller may read, newest first."""
    filters = {
        "kind": kind,
        "lot_id": lot_id,
        "assignment_id": assignment_id,
        "buyer_id": buyer_id,
        "month": month,
    }
    rows, next_cursor = await service.list_documents(session, scope, page, filters)
    return Page(items=[archive.document_read(row) for row in rows], next_cursor=next_cursor)


@documents_router.get(
    "/{document_id}/file",
    response_class=Response,
    responses=download_responses("The exact bytes archived when it was issued.", PDF, XLSX),
)
async def download_document(
    session: SessionDep, storage: StorageDep, target: DocumentToRead, request: Request
) -> Response:
    """The document as issued, with its SHA-256 as ETag and Content-Digest (audited when it
    names a person)."""
    document = target.document
    headers = archive.digest_headers(document)
    if request.headers.get("if-none-match") == headers["ETag"]:
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers=headers)
    content = await archive.content_of(session, storage, document)
    response = attachment(content, document.media_type, document.filename)
    response.headers.update(headers)
    response.headers["Cache-Control"] = "private, no-cache"
    return response


@documents_router.post(
    "/buyer-reports", response_model=BuyerReportIssued, status_code=status.HTTP_201_CREATED
)
async def issue_buyer_report(
    session: SessionDep, storage: StorageDep, scope: DocumentIssuer, data: BuyerReportCreate
) -> BuyerReportIssued:
    """Issue a buyer's monthly compliance report, as a PDF and an XLSX."""
    documents, lots = await buyer_reports.issue_buyer_report(session, storage, scope.user, data)
    return BuyerReportIssued(
        month=data.month, lots=lots, items=[archive.document_read(d) for d in documents]
    )


@lot_documents_router.get("/{tender_id}/lots/{lot_id}/documents", response_model=LotDocuments)
async def lot_documents(session: SessionDep, target: LotDocumentsToRead) -> LotDocuments:
    """The lot's completion certificates, and whether the caller may issue one now."""
    return await certificates.lot_documents(session, target.user, target.tender, target.the_lot)


@lot_documents_router.post(
    "/{tender_id}/lots/{lot_id}/completion-certificate",
    response_model=DocumentRead,
    status_code=status.HTTP_201_CREATED,
)
async def issue_certificate(
    session: SessionDep, storage: StorageDep, target: LotToCertify, response: Response
) -> DocumentRead:
    """Issue the lot's completion certificate (409 naming the rule unless fulfilled)."""
    document = await certificates.issue_certificate(
        session, storage, target.user, target.tender, target.the_lot
    )
    response.headers["Location"] = f"/api/v1/documents/{document.id}/file"
    return archive.document_read(document)


async def _answer(
    session: SessionDep, target: ReportInScope, report: AssignmentReport | None, response: Response
) -> AssignmentReportRead:
    if report is not None:
        set_etag(response, report)
    return await reports.read(session, target.scope, target.assignment, report)


@reports_router.get("/{assignment_id}/report", response_model=AssignmentReportRead)
async def get_report(
    session: SessionDep, target: ReportToRead, response: Response
) -> AssignmentReportRead:
    """The end-of-assignment report (a referent reads it once issued)."""
    return await _answer(session, target, target.report, response)


@reports_router.put("/{assignment_id}/report/employer-part", response_model=AssignmentReportRead)
async def write_employer_part(
    session: SessionDep, target: ReportToWrite, data: EmployerPart, response: Response
) -> AssignmentReportRead:
    """The employer's part (If-Match once the report exists)."""
    report = await reports.write_employer_part(
        session, target.scope, target.assignment, target.report, data
    )
    return await _answer(session, target, report, response)


@reports_router.put("/{assignment_id}/report/facilitator-part", response_model=AssignmentReportRead)
async def write_facilitator_part(
    session: SessionDep, target: ReportToWrite, data: FacilitatorPart, response: Response
) -> AssignmentReportRead:
    """The facilitator's part (If-Match once the report exists)."""
    report = await reports.write_facilitator_part(
        session, target.scope, target.assignment, target.report, data
    )
    return await _answer(session, target, report, response)


@reports_router.post("/{assignment_id}/report/issue", response_model=AssignmentReportRead)
async def issue_report(
    session: SessionDep, storage: StorageDep, target: ReportToIssue, response: Response
) -> AssignmentReportRead:
    """Issue the report as a PDF once both parts are written (requires If-Match)."""
    report = await reports.issue_report(
        session, storage, target.scope, target.assignment, target.report
    )
    return await _answer(session, target, report, response)
