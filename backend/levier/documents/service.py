"""Listing issued documents and reading one back."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.core.pagination import PageParams, paginate
from levier.documents.buyer_reports import month_of
from levier.documents.models import IssuedDocument
from levier.documents.scope import readable
from levier.participants.scope import Scope

FILTERS = ("lot_id", "assignment_id", "buyer_id")


async def list_documents(
    session: AsyncSession, scope: Scope, params: PageParams, filters: dict[str, Any]
) -> tuple[list[IssuedDocument], str | None]:
    """Issued documents the caller may read, newest first, filtered by kind or subject."""
    statement = readable(select(IssuedDocument), scope)
    if filters.get("kind"):
        statement = statement.where(col(IssuedDocument.kind) == filters["kind"])
    if filters.get("month"):
        statement = statement.where(col(IssuedDocument.month) == month_of(filters["month"]))
    for name in FILTERS:
        value: uuid.UUID | None = filters.get(name)
        if value:
            statement = statement.where(getattr(IssuedDocument, name) == value)
    return await paginate(
        session,
        statement,
        params,
        [col(IssuedDocument.issued_at), col(IssuedDocument.id)],
        key=lambda document: [document.issued_at, document.id],
        descending=True,
    )
