"""The rules on declaring and deciding hours, and the actions a read offers: the same
functions (domain clauses.md §3)."""

from __future__ import annotations

import calendar
import uuid
from datetime import date

from levier.assignments.models import Assignment
from levier.auth.permissions import Permission, check_permission
from levier.core import clock
from levier.core.actions import allowed
from levier.core.errors import Conflict, FieldInvalid, Forbidden
from levier.hours.constants import DECIDABLE, EDITABLE, REJECTABLE, HoursStatus
from levier.hours.models import HoursDeclaration
from levier.hours.schemas import HoursActions
from levier.participants.scope import Scope


def employer_of(assignment: Assignment) -> uuid.UUID:
    """Who declares: the employer of record, or the host when there is none (training)."""
    return assignment.employer_id or assignment.host_id


def check_declarer_role(scope: Scope) -> None:
    """Only an employer's user declares hours (403 for any other role)."""
    check_permission(scope.user.role, Permission.hours_declare)


def check_declarer(scope: Scope, assignment: Assignment) -> None:
    """Only the employer of record declares an assignment's hours (403 for anyone else)."""
    check_declarer_role(scope)
    if employer_of(assignment) != scope.user.organisation_id:
        raise Forbidden("hours_not_employer")


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def check_worked(assignment: Assignment, month: date) -> None:
    """Hours already worked: a month already begun (the current one is declared at its end),
    of an assignment already started (422 on `month`)."""
    today = clock.today()
    if month > today:
        raise FieldInvalid("month", "hours_month_in_future")
    if assignment.start_date > today:
        raise FieldInvalid("month", "hours_assignment_not_started", start=assignment.start_date)


def check_month(assignment: Assignment, month: date) -> None:
    """Hours already worked, in a month within the assignment's dates (422 on `month`)."""
    check_worked(assignment, month)
    last = assignment.ended_on or assignment.planned_end_date
    if month_end(month) < assignment.start_date or (last is not None and month > last):
        raise FieldInvalid(
            "month",
            "hours_month_outside_assignment",
            start=assignment.start_date,
            end=last or "…",
        )


def check_editable(scope: Scope, declaration: HoursDeclaration) -> None:
    """The employer corrects a declaration waiting or rejected (a validated one counts)."""
    check_declarer(scope, declaration.assignment)
    status = HoursStatus(declaration.status)
    if status not in EDITABLE:
        raise Conflict("hours_not_editable", status=status)


def check_decidable(scope: Scope, declaration: HoursDeclaration) -> None:
    """The structure's facilitator validates a declaration waiting for it, of hours already
    worked (a declaration made before the rule may be rejected, never validated)."""
    check_permission(scope.user.role, Permission.hours_validate)
    status = HoursStatus(declaration.status)
    if status not in DECIDABLE:
        raise Conflict("hours_not_waiting", status=status)
    check_worked(declaration.assignment, declaration.month)


def check_rejectable(scope: Scope, declaration: HoursDeclaration) -> None:
    """The facilitator rejects a waiting declaration, or a validated one found wrong."""
    check_permission(scope.user.role, Permission.hours_validate)
    status = HoursStatus(declaration.status)
    if status not in REJECTABLE:
        raise Conflict("hours_not_waiting", status=status)


def hours_actions(scope: Scope, declaration: HoursDeclaration) -> HoursActions:
    """What the caller may do with the declaration now."""
    return HoursActions(
        edit=allowed(check_editable, scope, declaration),
        validate_hours=allowed(check_decidable, scope, declaration),
        reject=allowed(check_rejectable, scope, declaration),
    )
