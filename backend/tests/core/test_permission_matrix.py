"""Every route of the OpenAPI document × every role (and anonymous) against one declared table.

A route missing from the table fails the build, so no endpoint ships without a rule.
Allowed callers must never get 401/403; others get 401 (anonymous) or 403.
"""

from __future__ import annotations

import re
import uuid

import pytest

from levier.auth.permissions import Role
from tests.factories import make_organisation, make_participant, make_tender, make_user

PUBLIC = "public"  # anyone, signed in or not
SIGNED_IN = "signed_in"  # any authenticated user
ALL_ROLES = frozenset(Role)
# Participants' personal data: never admin, buyer or enterprise.
FOLLOWERS = frozenset({Role.referent, Role.facilitator})
REFERENT = frozenset({Role.referent})
# Job offers are opened by the awardee (or a subcontractor) or the facilitator for them.
OFFER_WRITERS = frozenset({Role.admin, Role.facilitator, Role.enterprise})
# Referrals and assignments name people: never admin or buyer; the employer sees names only.
MATCHING = frozenset({Role.facilitator, Role.enterprise, Role.referent})
PROPOSERS = frozenset({Role.facilitator, Role.referent})
EMPLOYERS = frozenset({Role.facilitator, Role.enterprise})
COMPLIANCE_READERS = frozenset({Role.admin, Role.facilitator, Role.buyer, Role.enterprise})
# Follow-ups name people: never admin; the buyer's hold lots only. Decided by those who act.
FOLLOW_UP_READERS = frozenset({Role.facilitator, Role.buyer, Role.enterprise, Role.referent})

# (method, path) → PUBLIC, SIGNED_IN, or the set of roles allowed.
MATRIX: dict[tuple[str, str], object] = {
    ("GET", "/api/v1/health"): PUBLIC,
    ("POST", "/api/v1/auth/token"): PUBLIC,
    ("POST", "/api/v1/auth/refresh"): PUBLIC,
    ("POST", "/api/v1/auth/logout"): PUBLIC,
    ("POST", "/api/v1/auth/password-reset/request"): PUBLIC,
    ("POST", "/api/v1/auth/password-reset/confirm"): PUBLIC,
    ("POST", "/api/v1/auth/password-reset/check"): PUBLIC,
    ("GET", "/api/v1/auth/me"): SIGNED_IN,
    ("PATCH", "/api/v1/auth/me"): SIGNED_IN,
    ("POST", "/api/v1/auth/password"): SIGNED_IN,
    # Each user's own notifications, as /auth/me: another's are not found (404).
    ("GET", "/api/v1/notifications"): SIGNED_IN,
    ("GET", "/api/v1/notifications/unread-count"): SIGNED_IN,
    ("POST", "/api/v1/notifications/read-all"): SIGNED_IN,
    ("POST", "/api/v1/notifications/{notification_id}/read"): SIGNED_IN,
    ("GET", "/api/v1/follow-ups"): FOLLOW_UP_READERS,
    ("GET", "/api/v1/follow-ups/counts"): FOLLOW_UP_READERS,
    ("GET", "/api/v1/follow-ups/{key}"): FOLLOW_UP_READERS,
    ("GET", "/api/v1/follow-ups/{key}/candidates"): FOLLOW_UP_READERS,
    ("POST", "/api/v1/follow-ups/{key}/snooze"): EMPLOYERS,
    ("POST", "/api/v1/follow-ups/{key}/wake"): EMPLOYERS,
    ("POST", "/api/v1/follow-ups/{key}/hand-over"): EMPLOYERS,
    ("GET", "/api/v1/organisations"): {Role.admin, Role.facilitator},
    ("POST", "/api/v1/organisations"): {Role.admin},
    ("GET", "/api/v1/organisations/{organisation_id}"): {Role.admin, Role.facilitator},
    ("GET", "/api/v1/organisations/structures"): SIGNED_IN,
    ("PATCH", "/api/v1/organisations/{organisation_id}"): {Role.admin},
    ("GET", "/api/v1/users"): {Role.admin, Role.facilitator},
    ("POST", "/api/v1/users"): {Role.admin},
    ("GET", "/api/v1/users/{user_id}"): {Role.admin, Role.facilitator},
    ("GET", "/api/v1/users/role-options"): {Role.admin, Role.facilitator},
    ("PATCH", "/api/v1/users/{user_id}"): {Role.admin},
    ("POST", "/api/v1/users/{user_id}/invitation"): {Role.admin},
    ("GET", "/api/v1/territories/regions"): PUBLIC,
    ("GET", "/api/v1/territories/departments"): PUBLIC,
    ("GET", "/api/v1/territories/communes"): PUBLIC,
    ("GET", "/api/v1/territories/search"): PUBLIC,
    ("GET", "/api/v1/reference/cpv"): PUBLIC,
    ("GET", "/api/v1/reference/cpv/{cpv_code}"): PUBLIC,
    ("GET", "/api/v1/reference/rome"): PUBLIC,
    ("GET", "/api/v1/offers"): ALL_ROLES,
    ("GET", "/api/v1/offers/form-options"): ALL_ROLES,
    ("POST", "/api/v1/offers"): OFFER_WRITERS,
    ("GET", "/api/v1/offers/{offer_id}"): ALL_ROLES,
    ("PATCH", "/api/v1/offers/{offer_id}"): OFFER_WRITERS,
    ("POST", "/api/v1/offers/{offer_id}/status"): OFFER_WRITERS,
    ("GET", "/api/v1/referrals"): MATCHING,
    ("POST", "/api/v1/referrals"): PROPOSERS,
    ("GET", "/api/v1/referrals/{referral_id}"): MATCHING,
    ("POST", "/api/v1/referrals/{referral_id}/interview"): EMPLOYERS,
    ("POST", "/api/v1/referrals/{referral_id}/hire"): EMPLOYERS,
    ("POST", "/api/v1/referrals/{referral_id}/decline"): EMPLOYERS,
    ("POST", "/api/v1/referrals/{referral_id}/withdraw"): PROPOSERS,
    ("GET", "/api/v1/assignments"): MATCHING,
    ("POST", "/api/v1/assignments"): {Role.facilitator},
    ("GET", "/api/v1/assignments/{assignment_id}"): MATCHING,
    ("GET", "/api/v1/assignments/employer-options"): EMPLOYERS,
    ("POST", "/api/v1/assignments/{assignment_id}/end"): EMPLOYERS,
    ("GET", "/api/v1/tenders/{tender_id}/lots/{lot_id}/compliance"): {
        Role.admin,
        Role.facilitator,
        Role.buyer,
        Role.enterprise,
    },
    ("GET", "/api/v1/hours"): MATCHING,
    ("GET", "/api/v1/hours/grid"): MATCHING,
    ("POST", "/api/v1/hours"): {Role.enterprise},
    ("POST", "/api/v1/hours/validate-month"): {Role.facilitator},
    ("GET", "/api/v1/hours/template"): MATCHING,
    ("POST", "/api/v1/hours/import"): {Role.enterprise},
    ("GET", "/api/v1/hours/{declaration_id}"): MATCHING,
    ("PATCH", "/api/v1/hours/{declaration_id}"): {Role.enterprise},
    ("POST", "/api/v1/hours/{declaration_id}/validate"): {Role.facilitator},
    ("POST", "/api/v1/hours/{declaration_id}/reject"): {Role.facilitator},
    # Documents: every role reads those its scope holds (the SQL decides which).
    ("GET", "/api/v1/documents"): ALL_ROLES,
    ("GET", "/api/v1/documents/{document_id}/file"): ALL_ROLES,
    ("POST", "/api/v1/documents/buyer-reports"): {Role.facilitator, Role.buyer},
    ("GET", "/api/v1/tenders/{tender_id}/lots/{lot_id}/documents"): ALL_ROLES,
    ("POST", "/api/v1/tenders/{tender_id}/lots/{lot_id}/completion-certificate"): {
        Role.facilitator
    },
    # End-of-assignment reports name a person: never admin or buyer.
    ("GET", "/api/v1/assignments/{assignment_id}/report"): MATCHING,
    ("PUT", "/api/v1/assignments/{assignment_id}/report/employer-part"): EMPLOYERS,
    ("PUT", "/api/v1/assignments/{assignment_id}/report/facilitator-part"): EMPLOYERS,
    ("POST", "/api/v1/assignments/{assignment_id}/report/issue"): {Role.facilitator},
    ("GET", "/api/v1/audit-events"): {Role.admin},
    ("GET", "/api/v1/clause-settings"): {Role.admin, Role.facilitator},
    ("PATCH", "/api/v1/clause-settings"): {Role.admin},
    ("GET", "/api/v1/clause-settings/history"): {Role.admin, Role.facilitator},
    ("GET", "/api/v1/clause-settings/article-variables"): {Role.admin, Role.facilitator},
    ("POST", "/api/v1/clause-settings/article-preview"): {Role.admin},
    ("GET", "/api/v1/clause-settings/labour-shares"): {Role.admin, Role.facilitator},
    ("POST", "/api/v1/clause-settings/labour-shares"): {Role.admin},
    ("PATCH", "/api/v1/clause-settings/labour-shares/{share_id}"): {Role.admin},
    ("DELETE", "/api/v1/clause-settings/labour-shares/{share_id}"): {Role.admin},
    ("POST", "/api/v1/clauses/estimate"): {Role.admin, Role.facilitator},
    # Compliance figures name no one: every role that reads lots, in its scope; referents no.
    ("GET", "/api/v1/compliance/lots"): COMPLIANCE_READERS,
    ("GET", "/api/v1/compliance/summary"): COMPLIANCE_READERS,
    ("GET", "/api/v1/compliance/series"): COMPLIANCE_READERS,
    ("GET", "/api/v1/compliance/poolings"): {Role.admin, Role.facilitator},
    ("PUT", "/api/v1/compliance/poolings/{operation_id}/{enterprise_id}"): {
        Role.admin,
        Role.facilitator,
    },
    ("DELETE", "/api/v1/compliance/poolings/{operation_id}/{enterprise_id}"): {
        Role.admin,
        Role.facilitator,
    },
    ("GET", "/api/v1/operations"): {Role.admin, Role.facilitator},
    ("POST", "/api/v1/operations"): {Role.admin, Role.facilitator},
    ("GET", "/api/v1/operations/{operation_id}"): {Role.admin, Role.facilitator},
    ("PATCH", "/api/v1/operations/{operation_id}"): {Role.admin, Role.facilitator},
    ("GET", "/api/v1/operations/{operation_id}/summary"): {Role.admin, Role.facilitator},
    ("GET", "/api/v1/tenders"): {Role.admin, Role.facilitator, Role.buyer, Role.enterprise},
    ("POST", "/api/v1/tenders"): {Role.admin, Role.facilitator, Role.buyer},
    ("GET", "/api/v1/tenders/{tender_id}"): {
        Role.admin,
        Role.facilitator,
        Role.buyer,
        Role.enterprise,
    },
    ("PATCH", "/api/v1/tenders/{tender_id}"): {Role.admin, Role.facilitator, Role.buyer},
    ("POST", "/api/v1/tenders/{tender_id}/transition"): {Role.admin, Role.facilitator},
    ("POST", "/api/v1/tenders/{tender_id}/lots"): {Role.admin, Role.facilitator, Role.buyer},
    ("GET", "/api/v1/tenders/{tender_id}/lots/{lot_id}"): {
        Role.admin,
        Role.facilitator,
        Role.buyer,
        Role.enterprise,
    },
    # The trail names staff and holds the estimates before award: not for awardees.
    ("GET", "/api/v1/tenders/{tender_id}/lots/{lot_id}/history"): {
        Role.admin,
        Role.facilitator,
        Role.buyer,
    },
    ("PATCH", "/api/v1/tenders/{tender_id}/lots/{lot_id}"): {
        Role.admin,
        Role.facilitator,
        Role.buyer,
    },
    ("PUT", "/api/v1/tenders/{tender_id}/lots/{lot_id}/hours-override"): {
        Role.admin,
        Role.facilitator,
    },
    ("PUT", "/api/v1/tenders/{tender_id}/lots/{lot_id}/award"): {Role.admin, Role.facilitator},
    ("PUT", "/api/v1/tenders/{tender_id}/lots/{lot_id}/outcome"): {Role.admin, Role.facilitator},
    ("POST", "/api/v1/tenders/{tender_id}/lots/{lot_id}/amendments"): {
        Role.admin,
        Role.facilitator,
    },
    ("GET", "/api/v1/tenders/{tender_id}/lots/{lot_id}/clause-article/preview"): {
        Role.admin,
        Role.facilitator,
        Role.buyer,
        Role.enterprise,
    },
    ("GET", "/api/v1/tenders/{tender_id}/lots/{lot_id}/clause-article"): {
        Role.admin,
        Role.facilitator,
        Role.buyer,
        Role.enterprise,
    },
    ("DELETE", "/api/v1/tenders/{tender_id}/lots/{lot_id}"): {
        Role.admin,
        Role.facilitator,
        Role.buyer,
    },
    ("GET", "/api/v1/participants"): FOLLOWERS,
    ("POST", "/api/v1/participants"): REFERENT,
    ("GET", "/api/v1/participants/stats"): FOLLOWERS,
    ("POST", "/api/v1/participants/import"): REFERENT,
    ("GET", "/api/v1/participants/form-options"): REFERENT,
    ("GET", "/api/v1/participants/eligibility-queue"): {Role.facilitator},
    ("GET", "/api/v1/participants/{participant_id}"): FOLLOWERS,
    ("PATCH", "/api/v1/participants/{participant_id}"): REFERENT,
    ("POST", "/api/v1/participants/{participant_id}/transfer"): REFERENT,
    ("GET", "/api/v1/participants/{participant_id}/eligibility-status"): FOLLOWERS,
    ("GET", "/api/v1/participants/{participant_id}/eligibility"): FOLLOWERS,
    ("POST", "/api/v1/participants/{participant_id}/eligibility"): {Role.facilitator},
    (
        "POST",
        "/api/v1/participants/{participant_id}/eligibility/{validation_id}/withdraw",
    ): {Role.facilitator},
    ("GET", "/api/v1/participants/{participant_id}/pathways"): FOLLOWERS,
    ("GET", "/api/v1/participants/{participant_id}/access-log"): FOLLOWERS,
    ("POST", "/api/v1/participants/{participant_id}/pathways"): REFERENT,
    ("GET", "/api/v1/participants/{participant_id}/clause-positions"): FOLLOWERS,
    ("GET", "/api/v1/participants/{participant_id}/clause-exceptions"): FOLLOWERS,
    ("POST", "/api/v1/participants/{participant_id}/clause-exceptions"): {Role.facilitator},
    ("PATCH", "/api/v1/participants/{participant_id}/pathways/{pathway_id}"): REFERENT,
    ("POST", "/api/v1/participants/{participant_id}/pathways/{pathway_id}/steps"): REFERENT,
    ("POST", "/api/v1/participants/{participant_id}/pathways/{pathway_id}/exit"): REFERENT,
    ("PUT", "/api/v1/participants/{participant_id}/pathways/{pathway_id}/exit"): REFERENT,
    ("DELETE", "/api/v1/participants/{participant_id}/pathways/{pathway_id}/exit"): REFERENT,
    (
        "PATCH",
        "/api/v1/participants/{participant_id}/pathways/{pathway_id}/steps/{step_id}",
    ): REFERENT,
    (
        "DELETE",
        "/api/v1/participants/{participant_id}/pathways/{pathway_id}/steps/{step_id}",
    ): REFERENT,
    ("POST", "/api/v1/participants/{participant_id}/pathways/{pathway_id}/follow-up"): REFERENT,
    ("GET", "/api/v1/participants/{participant_id}/export"): FOLLOWERS,
    ("POST", "/api/v1/participants/{participant_id}/anonymise"): REFERENT,
}


def _routes(app) -> list[tuple[str, str]]:
    document = app.openapi()
    return [
        (method.upper(), path)
        for path, operations in document["paths"].items()
        for method in operations
        if method in {"get", "post", "put", "patch", "delete"}
    ]


class TestMatrixIsComplete:
    def test_every_route_has_a_declared_rule(self, app):
        undeclared = sorted(set(_routes(app)) - set(MATRIX))
        assert undeclared == [], f"routes without a permission rule: {undeclared}"

    def test_every_declared_rule_matches_a_route(self, app):
        stale = sorted(set(MATRIX) - set(_routes(app)))
        assert stale == [], f"rules for routes that no longer exist: {stale}"


@pytest.fixture
async def callers(session, auth):
    """One user per role, all in scope of the resources used below (same organisation)."""
    structure = await make_organisation(session)
    headers: dict[object, dict[str, str]] = {None: {}}
    users = {}
    for role in Role:
        organisation = structure if role in {Role.admin, Role.facilitator} else None
        user = await make_user(session, role=role, organisation=organisation)
        users[role] = user
        headers[role] = auth(user)
    tender, lot, operation = await make_tender(
        session, structure, buyer=await _org(session, users[Role.buyer])
    )
    participant = await make_participant(session, users[Role.referent], structure, pathway=True)
    pathways = await participant_pathways(session, participant)
    return (
        headers,
        users,
        structure,
        {
            "tender_id": tender.id,
            "lot_id": lot.id,
            "operation_id": operation.id,
            "participant_id": participant.id,
            "pathway_id": pathways[0],
            "validation_id": uuid.uuid4(),
            "offer_id": uuid.uuid4(),
            "step_id": uuid.uuid4(),
            "referral_id": uuid.uuid4(),
            "assignment_id": uuid.uuid4(),
            "declaration_id": uuid.uuid4(),
            "enterprise_id": uuid.uuid4(),
            "document_id": uuid.uuid4(),
            "notification_id": uuid.uuid4(),
            "key": f"offer_missing.{uuid.uuid4()}",
        },
    )


async def participant_pathways(session, participant) -> list[uuid.UUID]:
    from sqlalchemy import select

    from levier.participants.models import Pathway

    rows = await session.execute(
        select(Pathway.id).where(Pathway.participant_id == participant.id)  # type: ignore[arg-type]
    )
    return list(rows.scalars())


async def _org(session, user):
    from levier.organisations import service

    return await service.get(session, user.organisation_id)


async def first_labour_share(client, admin_headers) -> uuid.UUID:
    """A labour-share row of the callers' structure (its table is created on first read)."""
    page = await client.get("/api/v1/clause-settings/labour-shares", headers=admin_headers)
    return uuid.UUID(page.json()["items"][0]["id"])


def _concrete(path: str, ids: dict[str, object]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(ids[m.group(1)]), path)


def _allowed(rule: object, role: Role | None) -> bool:
    if rule == PUBLIC:
        return True
    if rule == SIGNED_IN:
        return role is not None
    return role in rule  # type: ignore[operator]


async def _call(client, method: str, path: str, url: str, headers: dict[str, str]):
    # Bodies are deliberately empty: authorisation must be decided before validation.
    if method == "GET":
        return await client.get(url, headers=headers)
    if path == "/api/v1/auth/token":
        return await client.post(url, data={}, headers=headers)
    return await client.request(method, url, json={}, headers=headers)


@pytest.mark.parametrize(("method", "path"), sorted(MATRIX))
async def test_route_answers_per_declared_rule(client, callers, method, path):
    """Every caller of one route, in one world: the refused callers go first, so that an
    allowed caller's write (a deletion, a logout) cannot change what a refused one sees."""
    headers, users, structure, records = callers
    ids = {
        **records,
        "organisation_id": structure.id,
        "user_id": users[Role.facilitator].id,
        "share_id": await first_labour_share(client, headers[Role.admin]),
        "cpv_code": "45210000-2",
    }
    url = _concrete(path, ids)
    rule = MATRIX[(method, path)]
    callers_in_order = sorted([None, *Role], key=lambda role: _allowed(rule, role))
    wrong = []
    for role in callers_in_order:
        response = await _call(client, method, path, url, headers[role])
        status = response.status_code
        who = getattr(role, "value", "anonymous")
        if _allowed(rule, role):
            if status in (401, 403):
                wrong.append(f"{who} → {status} (allowed): {response.text}")
        elif role is None:
            if status != 401 or not response.headers["content-type"].startswith(
                "application/problem+json"
            ):
                wrong.append(f"anonymous → {status} (expected a 401 problem)")
        elif status != 403 or response.json().get("code") != "forbidden":
            wrong.append(f"{who} → {status} (expected 403 forbidden): {response.text}")
    assert wrong == [], f"{method} {path}:\n" + "\n".join(wrong)
