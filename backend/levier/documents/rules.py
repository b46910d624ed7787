"""Who issues which document, and when: the rules the services check before issuing and the
actions reads offer (the same functions)."""

from __future__ import annotations

import uuid

from levier.assignments.models import Assignment
from levier.auth.permissions import Permission, Role, check_permission
from levier.compliance.constants import ComplianceStatus
from levier.compliance.schemas import LotCompliance
from levier.core.errors import Conflict, FieldChecks, FieldInvalid, Forbidden
from levier.documents.constants import ReportStatus
from levier.documents.models import AssignmentReport
from levier.participants.scope import Scope
from levier.tenders.models import Tender
from levier.users.models import User

FULFILLED = frozenset({ComplianceStatus.fulfilled, ComplianceStatus.exceeded})


def check_certifier(user: User, tender: Tender) -> None:
    """The facilitator of the structure following the tender issues its certificates."""
    check_permission(user.role, Permission.documents_issue)
    if user.role != Role.facilitator or tender.structure_id != user.organisation_id:
        raise Forbidden()


def check_certifiable(user: User, tender: Tender, compliance: LotCompliance) -> None:
    """A certificate is issued once the clause is fulfilled (validated ≥ required): 409
    naming the rule and the figures otherwise (domain clauses.md §4)."""
    check_certifier(user, tender)
    if compliance.required_hours is None:
        raise Conflict("certificate_no_clause")
    if compliance.status not in FULFILLED:
        raise Conflict(
            "certificate_clause_not_fulfilled",
            status=compliance.status,
            validated=compliance.validated_hours,
            required=compliance.required_hours,
        )


def check_buyer_reporter(user: User, buyer_id: uuid.UUID) -> None:
    """A buyer's monthly report: the buyer itself, or a facilitator (for its structure's
    tenders of that buyer)."""
    check_permission(user.role, Permission.documents_issue)
    if user.role == Role.buyer and buyer_id == user.organisation_id:
        return
    if user.role != Role.facilitator:
        raise Forbidden()


def _check_open(assignment: Assignment, report: AssignmentReport | None) -> None:
    if assignment.ended_on is None:
        raise Conflict("report_assignment_not_ended")
    if report is not None and report.status == ReportStatus.issued:
        raise Conflict("report_issued")


def is_employer_side(scope: Scope, assignment: Assignment) -> bool:
    """The employer of record or the host: the enterprises the work was done with."""
    organisation = scope.user.organisation_id
    return scope.user.role == Role.enterprise and organisation in {
        assignment.employer_id,
        assignment.host_id,
    }


def check_employer_author(
    scope: Scope, assignment: Assignment, report: AssignmentReport | None
) -> None:
    """The employer's part: the employer of record or the host, until the report is issued."""
    check_permission(scope.user.role, Permission.assignment_reports_write)
    if not is_employer_side(scope, assignment):
        raise Forbidden()
    _check_open(assignment, report)


def check_facilitator_author(
    scope: Scope, assignment: Assignment, report: AssignmentReport | None
) -> None:
    """The facilitator's part: the structure's facilitator, until the report is issued."""
    check_permission(scope.user.role, Permission.assignment_reports_write)
    if scope.user.role != Role.facilitator:
        raise Forbidden()
    _check_open(assignment, report)


def check_issuable(scope: Scope, assignment: Assignment, report: AssignmentReport | None) -> None:
    """The facilitator issues the report once both parts are written (422 naming each field
    still empty)."""
    check_permission(scope.user.role, Permission.assignment_reports_issue)
    _check_open(assignment, report)
    checks = FieldChecks()
    required = {
        "employer_part.skills_acquired": report and report.skills_acquired,
        "employer_part.tasks": report and report.tasks,
        "employer_part.attendance": report and report.attendance,
        "employer_part.recommendation": report and report.recommendation,
        "facilitator_part.outcome": report and report.outcome,
        "facilitator_part.next_step": report and report.next_step,
    }
    for field, value in required.items():
        if not value:
            checks.add(FieldInvalid(field, "report_part_missing"))
    checks.raise_if_any()
