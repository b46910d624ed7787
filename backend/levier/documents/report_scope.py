"""The loaders of end-of-assignment report routes: the assignment in the caller's scope (404
outside it), its report if any, and If-Match on the report once it exists (a first write
creates it: there is no version to match yet)."""

# No `from __future__ import annotations`: FastAPI reads the loaders' annotations.
import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.assignments import scope as assignments_scope
from levier.assignments.models import Assignment
from levier.auth.permissions import Permission
from levier.core.db import SessionDep
from levier.core.etag import check_if_match
from levier.documents.models import AssignmentReport
from levier.participants.scope import Scope, scoped_loader


@dataclass(frozen=True)
class AssignmentOnly:
    scope: Scope
    assignment: Assignment


@dataclass(frozen=True)
class ReportInScope:
    scope: Scope
    assignment: Assignment
    report: AssignmentReport | None


async def report_of(session: AsyncSession, assignment_id: uuid.UUID) -> AssignmentReport | None:
    statement = select(AssignmentReport).where(col(AssignmentReport.assignment_id) == assignment_id)
    return (await session.execute(statement)).scalar_one_or_none()


def report_loader(permission: Permission, *, write: bool = False) -> Any:
    """A dependency: the path's assignment and its report, for a caller with `permission`."""
    assignment_loader = scoped_loader(
        permission,
        "assignment_id",
        assignments_scope.get_assignment,
        AssignmentOnly,
    )

    async def load(
        session: SessionDep,
        request: Request,
        target: Annotated[AssignmentOnly, Depends(assignment_loader)],
    ) -> ReportInScope:
        report = await report_of(session, target.assignment.id)
        if write and report is not None:
            check_if_match(request, report)
        return ReportInScope(target.scope, target.assignment, report)

    return load


ReportToRead = Annotated[ReportInScope, Depends(report_loader(Permission.assignment_reports_read))]
ReportToWrite = Annotated[
    ReportInScope, Depends(report_loader(Permission.assignment_reports_write, write=True))
]
ReportToIssue = Annotated[
    ReportInScope, Depends(report_loader(Permission.assignment_reports_issue, write=True))
]
