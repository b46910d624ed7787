"""Operations: a structure's programmes (e.g. an NPNRU project) and their roll-up."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Response, status

from levier.auth.dependencies import require
from levier.auth.permissions import Permission
from levier.core.db import SessionDep
from levier.core.etag import set_etag
from levier.core.pagination import Page, PageParams, page_params
from levier.core.routing import DomainRouter
from levier.tenders import operations
from levier.tenders.schemas import OperationCreate, OperationRead, OperationSummary, OperationUpdate
from levier.tenders.scope import OperationToChange, OperationToRead
from levier.users.models import User

router = DomainRouter(prefix="/operations", tags=["operations"])
OperationReader = Annotated[User, Depends(require(Permission.operations_read))]
OperationManager = Annotated[User, Depends(require(Permission.operations_manage))]


@router.get("", response_model=Page[OperationRead])
async def list_operations(
    session: SessionDep,
    user: OperationReader,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> Page[OperationRead]:
    """Operations of the caller's structure."""
    rows, next_cursor = await operations.list_operations(session, user, page, q)
    return Page(items=[OperationRead.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post("", response_model=OperationRead, status_code=status.HTTP_201_CREATED)
async def create_operation(
    session: SessionDep, user: OperationManager, data: OperationCreate, response: Response
) -> OperationRead:
    """Create an operation (programme) with an optional global target."""
    operation = await operations.create_operation(session, user, data)
    set_etag(response, operation)
    return OperationRead.model_validate(operation)


@router.get("/{operation_id}", response_model=OperationRead)
async def get_operation(target: OperationToRead, response: Response) -> OperationRead:
    """One operation (with its ETag)."""
    set_etag(response, target.operation)
    return OperationRead.model_validate(target.operation)


@router.patch("/{operation_id}", response_model=OperationRead)
async def update_operation(
    session: SessionDep, target: OperationToChange, data: OperationUpdate, response: Response
) -> OperationRead:
    """Change an operation (requires If-Match)."""
    operation = await operations.update_operation(session, target.operation, data)
    set_etag(response, operation)
    return OperationRead.model_validate(operation)


@router.get("/{operation_id}/summary", response_model=OperationSummary)
async def operation_summary(session: SessionDep, target: OperationToRead) -> OperationSummary:
    """Required hours of all the operation's lots and whether the global target is met."""
    summary = await operations.operation_summary(session, target.operation)
    return OperationSummary.model_validate(summary)
