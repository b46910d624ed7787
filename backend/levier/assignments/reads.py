"""An assignment as read: the person's name, the lot, who hosts and employs, the actions."""

from __future__ import annotations

from levier.assignments.constants import ContractKind, EndReason, FulfilmentMode
from levier.assignments.models import Assignment
from levier.assignments.rules import assignment_actions
from levier.assignments.schemas import AssignmentLot, AssignmentPerson, AssignmentRead, Party
from levier.auth.permissions import Role
from levier.participants.scope import Scope


def assignment_read(scope: Scope, assignment: Assignment) -> AssignmentRead:
    """The read of an assignment loaded with `scope.assignment_options()`."""
    person, lot, employer = assignment.participant, assignment.lot, assignment.employer
    exception = assignment.exception
    return AssignmentRead(
        id=assignment.id,
        version=assignment.version,
        mode=FulfilmentMode(assignment.mode),
        participant=AssignmentPerson(
            id=person.id, first_names=person.first_names, last_name=person.last_name
        ),
        lot=AssignmentLot(id=lot.id, tender_id=lot.tender_id, number=lot.number, title=lot.title),
        host=Party(id=assignment.host.id, name=assignment.host.name),
        employer=Party(id=employer.id, name=employer.name) if employer else None,
        contract_kind=ContractKind(assignment.contract_kind) if assignment.contract_kind else None,
        start_date=assignment.start_date,
        planned_end_date=assignment.planned_end_date,
        hours_per_week=assignment.hours_per_week,
        job_title=assignment.job_title,
        ended_on=assignment.ended_on,
        end_reason=EndReason(assignment.end_reason) if assignment.end_reason else None,
        end_note=assignment.end_note,
        offer_id=assignment.offer_id,
        # The reason is the structure's own record: an enterprise learns nothing of the
        # person's situation from it.
        exception_reason=(
            exception.reason if exception and scope.user.role != Role.enterprise else None
        ),
        created_at=assignment.created_at,
        actions=assignment_actions(scope, assignment),
    )
