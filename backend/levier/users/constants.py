"""Which kinds of organisation a user of each role can belong to."""

from __future__ import annotations

from levier.auth.permissions import Role
from levier.organisations.constants import OrganisationKind

ROLE_ORGANISATION_KINDS: dict[Role, frozenset[OrganisationKind]] = {
    Role.admin: frozenset({OrganisationKind.facilitation_structure, OrganisationKind.network}),
    Role.facilitator: frozenset({OrganisationKind.facilitation_structure}),
    Role.buyer: frozenset({OrganisationKind.buyer}),
    Role.enterprise: frozenset({OrganisationKind.enterprise}),
    Role.referent: frozenset(
        {OrganisationKind.prescriber, OrganisationKind.facilitation_structure}
    ),
}
