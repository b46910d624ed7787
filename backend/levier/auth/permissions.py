"""Roles, permissions and the one map between them: the single source of truth.

`/auth/me` returns the caller's permissions so the frontend gates its UI with
the same strings. Scope (own organisation, own structure) is applied by each
service in its queries; this map only says what a role may do at all.
"""

from __future__ import annotations

from enum import StrEnum

from levier.organisations.constants import OrganisationKind


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


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.admin: frozenset(Permission),
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
        }
    ),
    # Buyers draft their own tenders and lots; the facilitator publishes and sets the clause.
    Role.buyer: frozenset({Permission.tenders_read, Permission.tenders_edit}),
    Role.enterprise: frozenset(),
    Role.referent: frozenset(),
}

# Which kinds of organisation a user of each role can belong to.
ROLE_ORGANISATION_KINDS: dict[Role, frozenset[OrganisationKind]] = {
    Role.admin: frozenset({OrganisationKind.facilitation_structure, OrganisationKind.network}),
    Role.facilitator: frozenset({OrganisationKind.facilitation_structure}),
    Role.buyer: frozenset({OrganisationKind.buyer}),
    Role.enterprise: frozenset({OrganisationKind.enterprise}),
    Role.referent: frozenset(
        {OrganisationKind.prescriber, OrganisationKind.facilitation_structure}
    ),
}


def permissions_of(role: Role | str) -> frozenset[Permission]:
    """The permissions granted to a role."""
    return ROLE_PERMISSIONS[Role(role)]
