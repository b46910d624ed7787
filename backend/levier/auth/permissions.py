"""Roles, permissions and the one map between them: the single source of truth.

A leaf vocabulary: it imports no domain, so every layer may name a role or a permission.

`/auth/me` returns the caller's permissions so the frontend gates its UI with
the same strings. Scope (own organisation, own structure) is applied by each
service in its queries; this map only says what a role may do at all.
"""

from __future__ import annotations

from enum import StrEnum

from levier.core.errors import Forbidden


class Role(StrEnum):
    admin = "admin"
    facilitator = "facilitator"
    buyer = "buyer"
    enterprise = "enterprise"
    referent = "referent"


class Permission(StrEnum):
    organisations_read = "organisations:read"
    organisations_manage = "organisations:manage"
    users_read = "users:read"
    users_manage = "users:manage"
    audit_read = "audit:read"
    clause_settings_read = "clause_settings:read"
    clause_settings_manage = "clause_settings:manage"
    clauses_estimate = "clauses:estimate"
    clauses_override = "clauses:override"
    operations_read = "operations:read"
    operations_manage = "operations:manage"
    tenders_read = "tenders:read"
    tenders_edit = "tenders:edit"
    tenders_manage = "tenders:manage"
    participants_read = "participants:read"
    participants_write = "participants:write"
    participants_export = "participants:export"
    participants_erase = "participants:erase"
    pathways_write = "pathways:write"
    eligibility_validate = "eligibility:validate"
    offers_read = "offers:read"
    offers_write = "offers:write"
    referrals_read = "referrals:read"
    referrals_propose = "referrals:propose"
    referrals_decide = "referrals:decide"
    assignments_read = "assignments:read"
    assignments_manage = "assignments:manage"
    assignments_record = "assignments:record"
    hours_read = "hours:read"
    hours_declare = "hours:declare"
    hours_validate = "hours:validate"
    compliance_read = "compliance:read"
    compliance_manage = "compliance:manage"
    documents_read = "documents:read"
    documents_issue = "documents:issue"
    assignment_reports_read = "assignment_reports:read"
    assignment_reports_write = "assignment_reports:write"
    assignment_reports_issue = "assignment_reports:issue"
    follow_ups_read = "follow_ups:read"
    follow_ups_manage = "follow_ups:manage"


# Participants' personal data: the instance's admin runs the service, not the follow-up, so
# these are granted only to those who follow people (least privilege).
PERSONAL_DATA_PERMISSIONS = frozenset(
    {
        Permission.participants_read,
        Permission.participants_write,
        Permission.participants_export,
        Permission.participants_erase,
        Permission.pathways_write,
        Permission.eligibility_validate,
        # Referrals and assignments name people.
        Permission.referrals_read,
        Permission.referrals_propose,
        Permission.referrals_decide,
        Permission.assignments_read,
        Permission.assignments_manage,
        Permission.assignments_record,
        Permission.hours_read,
        Permission.hours_declare,
        Permission.hours_validate,
        # End-of-assignment reports name a person and say how their work went.
        Permission.assignment_reports_read,
        Permission.assignment_reports_write,
        Permission.assignment_reports_issue,
        # Follow-up items name the people proposed, employed or reported on.
        Permission.follow_ups_read,
        Permission.follow_ups_manage,
    }
)

# Documents are issued in the name of a structure or a buyer: the instance's admin, who runs
# the service for all of them, issues none (it reads those naming nobody).
ISSUING_PERMISSIONS = frozenset({Permission.documents_issue})

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.admin: frozenset(Permission) - PERSONAL_DATA_PERMISSIONS - ISSUING_PERMISSIONS,
    Role.facilitator: frozenset(
        {
            Permission.organisations_read,
            Permission.users_read,
            Permission.clause_settings_read,
            Permission.clauses_estimate,
            Permission.clauses_override,
            Permission.operations_read,
            Permission.operations_manage,
            Permission.tenders_read,
            Permission.tenders_edit,
            Permission.tenders_manage,
            # Participants referred to the structure: identity, eligibility, pathway (read).
            Permission.participants_read,
            Permission.participants_export,
            Permission.eligibility_validate,
            # Job offers of the structure's clauses, opened for the enterprises too.
            Permission.offers_read,
            Permission.offers_write,
            # Matching people to the jobs: proposing, deciding for the employer, recording
            # and ending assignments in every fulfilment mode.
            Permission.referrals_read,
            Permission.referrals_propose,
            Permission.referrals_decide,
            Permission.assignments_read,
            Permission.assignments_manage,
            Permission.assignments_record,
            # Validating the hours employers declare: only validated hours count.
            Permission.hours_read,
            Permission.hours_validate,
            # Where the clauses stand (roll-ups, series) and pooling an awardee's hours.
            Permission.compliance_read,
            Permission.compliance_manage,
            # Completion certificates, buyers' monthly reports, end-of-assignment reports.
            Permission.documents_read,
            Permission.documents_issue,
            Permission.assignment_reports_read,
            Permission.assignment_reports_write,
            Permission.assignment_reports_issue,
            # Their queue ("my day"): what is due, who acts next; snooze, hand over.
            Permission.follow_ups_read,
            Permission.follow_ups_manage,
        }
    ),
    # Buyers draft their own tenders and lots; the facilitator publishes and sets the clause.
    # They see the job offers on their tenders' lots (no personal data), without changing them.
    # They read the certificates of their lots and issue their own monthly compliance report.
    Role.buyer: frozenset(
        {
            Permission.tenders_read,
            Permission.tenders_edit,
            Permission.offers_read,
            # Where the clauses of their own tenders stand (figures, no personal data).
            Permission.compliance_read,
            Permission.documents_read,
            Permission.documents_issue,
            # The lots and clauses of their tenders still waiting on someone.
            Permission.follow_ups_read,
        }
    ),
    # Enterprises read the lots they were awarded (as member or declared subcontractor) and
    # open job offers on them.
    # They see who is proposed for their offers (names and the referent's contact only),
    # decide, and end the assignments they employ.
    Role.enterprise: frozenset(
        {
            Permission.tenders_read,
            Permission.offers_read,
            Permission.offers_write,
            Permission.referrals_read,
            Permission.referrals_decide,
            Permission.assignments_read,
            Permission.assignments_manage,
            # As employer of record, the monthly hours of each assignment.
            Permission.hours_read,
            Permission.hours_declare,
            # Where the clauses of the lots they were awarded stand.
            Permission.compliance_read,
            # Their certificates as awardee; the employer's part of an end-of-assignment report.
            Permission.documents_read,
            Permission.assignment_reports_read,
            Permission.assignment_reports_write,
            # Their queue: offers to open, candidates to answer, hours, reports.
            Permission.follow_ups_read,
            Permission.follow_ups_manage,
        }
    ),
    # Referents run their portfolio (a PLIE coordinator, its network's portfolios).
    Role.referent: frozenset(
        {
            Permission.participants_read,
            Permission.participants_write,
            Permission.participants_export,
            Permission.participants_erase,
            Permission.pathways_write,
            # The open job offers of their territory, to propose people for, and what became
            # of their people's referrals and assignments.
            Permission.offers_read,
            Permission.referrals_read,
            Permission.referrals_propose,
            Permission.assignments_read,
            Permission.hours_read,
            # Their people's end-of-assignment reports, once issued.
            Permission.documents_read,
            Permission.assignment_reports_read,
            # What their people's referrals and missions wait for, and on whom.
            Permission.follow_ups_read,
        }
    ),
}


def permissions_of(role: Role | str) -> frozenset[Permission]:
    """The permissions granted to a role."""
    return ROLE_PERMISSIONS[Role(role)]


def check_permission(role: Role | str, permission: Permission) -> None:
    """403 for a role without the permission (routes check it first; actions on reads reuse
    it so a read never offers what the role may not do)."""
    if permission not in permissions_of(role):
        raise Forbidden()
