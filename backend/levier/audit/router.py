"""The audit log, for administrators."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta
from typing import Annotated

from fastapi import Depends, Query
from sqlalchemy import select
from sqlmodel import col

from levier.audit.schemas import AuditEventRead
from levier.audit.service import audit_page
from levier.auth.dependencies import require
from levier.auth.permissions import Permission
from levier.core import clock
from levier.core.audit.models import AuditAction, AuditEvent
from levier.core.db import SessionDep
from levier.core.pagination import Page, PageParams, page_params
from levier.core.routing import DomainRouter
from levier.users.models import User

router = DomainRouter(prefix="/audit-events", tags=["audit"])
EARLIEST_ENTRY_DAY = date(2000, 1, 1)


def _start_of(day: date) -> datetime:
    """Midnight of a day in France, the days people filter by."""
    return datetime.combine(day, time.min, tzinfo=clock.LOCAL_ZONE)


@router.get("", response_model=Page[AuditEventRead])
async def list_audit_events(
    session: SessionDep,
    _admin: Annotated[User, Depends(require(Permission.audit_read))],
    page: Annotated[PageParams, Depends(page_params)],
    entity_type: Annotated[str | None, Query(max_length=64)] = None,
    entity_id: uuid.UUID | None = None,
    actor_id: uuid.UUID | None = None,
    action: Annotated[AuditAction | None, Query(description="Entries of this kind only.")] = None,
    since: Annotated[
        date | None, Query(description="Entries from this day on (in France), inclusive.")
    ] = None,
    until: Annotated[
        date | None, Query(description="Entries up to this day (in France), inclusive.")
    ] = None,
) -> Page[AuditEventRead]:
    """Audit entries, newest first, filtered by record, author, action or days."""
    statement = select(AuditEvent)
    # No entry predates the application nor follows today: a bound beyond (a typo, the
    # calendar's first or last day) filters nothing, and must not overflow either.
    if since and since >= EARLIEST_ENTRY_DAY:
        statement = statement.where(col(AuditEvent.at) >= _start_of(since))
    if until and until < date.max - timedelta(days=1):
        statement = statement.where(col(AuditEvent.at) < _start_of(until + timedelta(days=1)))
    if entity_type:
        statement = statement.where(col(AuditEvent.entity_type) == entity_type)
    if entity_id:
        statement = statement.where(col(AuditEvent.entity_id) == entity_id)
    if actor_id:
        statement = statement.where(col(AuditEvent.actor_id) == actor_id)
    if action:
        statement = statement.where(col(AuditEvent.action) == action.value)
    return await audit_page(session, statement, page)
