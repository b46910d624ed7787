"""Clause settings of the caller's structure, its labour-share table, and the hours calculator."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request, Response, status

from levier.audit import service as audit_service
from levier.audit.schemas import AuditEventRead
from levier.auth.dependencies import require
from levier.auth.permissions import Permission
from levier.clauses import article, service
from levier.clauses.models import LabourShare
from levier.clauses.schemas import (
    ClauseSettingsRead,
    ClauseSettingsUpdate,
    EstimateRead,
    EstimateRequest,
    LabourShareCreate,
    LabourShareRead,
    LabourShareUpdate,
    ParameterRead,
    TemplatePreviewRequest,
    TemplateVariable,
)
from levier.clauses.scope import structure_of
from levier.core.db import SessionDep
from levier.core.errors import request_language
from levier.core.etag import check_if_match, set_etag
from levier.core.pagination import Page, PageParams, page_params
from levier.core.routing import DomainRouter
from levier.core.schemas import DocumentPreview
from levier.users.models import User

settings_router = DomainRouter(prefix="/clause-settings", tags=["clause-settings"])
clauses_router = DomainRouter(prefix="/clauses", tags=["clauses"])
Reader = Annotated[User, Depends(require(Permission.clause_settings_read))]
Manager = Annotated[User, Depends(require(Permission.clause_settings_manage))]
Estimator = Annotated[User, Depends(require(Permission.clauses_estimate))]


@settings_router.get("", response_model=ClauseSettingsRead)
async def read_clause_settings(
    session: SessionDep, user: Reader, response: Response
) -> ClauseSettingsRead:
    """The calculator defaults of the caller's structure (with its ETag)."""
    settings = await service.get_settings(session, structure_of(user))
    set_etag(response, settings)
    return ClauseSettingsRead.model_validate(service.settings_read(settings))


@settings_router.patch("", response_model=ClauseSettingsRead)
async def update_clause_settings(
    session: SessionDep,
    user: Manager,
    data: ClauseSettingsUpdate,
    request: Request,
    response: Response,
) -> ClauseSettingsRead:
    """Change the calculator defaults (requires If-Match; every change is kept in the history)."""
    settings = await service.get_settings(session, structure_of(user))
    check_if_match(request, settings)
    service.update_settings(settings, data)
    await session.flush()
    set_etag(response, settings)
    return ClauseSettingsRead.model_validate(service.settings_read(settings))


@settings_router.get("/article-variables", response_model=list[TemplateVariable])
async def article_variables(_user: Reader, request: Request) -> list[TemplateVariable]:
    """What an article template may use, described in the caller's language."""
    english = request_language(request) == "en"
    return [
        TemplateVariable(name=name, description=en if english else fr)
        for name, fr, en in article.VARIABLES
    ]


@settings_router.post("/article-preview", response_model=DocumentPreview)
async def article_preview(_user: Manager, data: TemplatePreviewRequest) -> DocumentPreview:
    """A template rendered for a sample lot, as the settings page previews it while the admin
    types (422 naming `article_template` when it does not parse or render)."""
    article.check_template(data.article_template)
    return DocumentPreview.of(article.render_text(data.article_template, article.samples()[0]))


@settings_router.get("/labour-shares", response_model=Page[LabourShareRead])
async def list_labour_shares(
    session: SessionDep, user: Reader, page: Annotated[PageParams, Depends(page_params)]
) -> Page[LabourShareRead]:
    """The structure's labour share by CPV prefix (the longest matching prefix applies)."""
    rows, next_cursor = await service.list_labour_shares(session, structure_of(user), page)
    return Page(items=[LabourShareRead.model_validate(r) for r in rows], next_cursor=next_cursor)


@settings_router.post(
    "/labour-shares", response_model=LabourShareRead, status_code=status.HTTP_201_CREATED
)
async def create_labour_share(
    session: SessionDep, user: Manager, data: LabourShareCreate, response: Response
) -> LabourShareRead:
    """Add a CPV prefix to the table."""
    row = await service.add_labour_share(session, structure_of(user), data)
    set_etag(response, row)
    return LabourShareRead.model_validate(row)


async def _share_to_change(
    session: SessionDep, request: Request, share_id: uuid.UUID, user: Manager
) -> LabourShare:
    """The structure's row (404 otherwise), at the version the caller read (If-Match)."""
    row = await service.get_labour_share(session, structure_of(user), share_id)
    check_if_match(request, row)
    return row


ShareToChange = Annotated[LabourShare, Depends(_share_to_change)]


@settings_router.patch("/labour-shares/{share_id}", response_model=LabourShareRead)
async def update_labour_share(
    session: SessionDep, row: ShareToChange, data: LabourShareUpdate, response: Response
) -> LabourShareRead:
    """Change a row's trade or share (requires If-Match)."""
    service.update_labour_share(row, data)
    await session.flush()
    set_etag(response, row)
    return LabourShareRead.model_validate(row)


@settings_router.delete("/labour-shares/{share_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_labour_share(session: SessionDep, row: ShareToChange) -> Response:
    """Remove a row (requires If-Match); lots already computed keep their figures."""
    await session.delete(row)
    await session.flush()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@settings_router.get("/history", response_model=Page[AuditEventRead])
async def clause_settings_history(
    session: SessionDep, user: Reader, page: Annotated[PageParams, Depends(page_params)]
) -> Page[AuditEventRead]:
    """Who changed the settings and the table, when, and what (newest first)."""
    return await audit_service.owner_history(
        session, structure_of(user), ["clause_settings", "labour_share"], page
    )


@clauses_router.post("/estimate", response_model=EstimateRead)
async def estimate_hours(
    session: SessionDep, user: Estimator, data: EstimateRequest
) -> EstimateRead:
    """Compute a lot's insertion hours without saving anything, with parameters and formula."""
    result = await service.estimate(session, structure_of(user), data)
    return EstimateRead(
        method=result.method,
        hours=result.hours,
        exact_hours=result.exact_hours.quantize(result.exact_hours.__class__("0.01")),
        formula=result.formula,
        parameters=[
            ParameterRead(name=p.name, value=p.value, source=p.source, detail=p.detail)
            for p in result.parameters
        ],
        advice=result.advice,
    )
