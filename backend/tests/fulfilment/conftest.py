"""A clause lot awarded to a builder (with an EI as declared subcontractor), an open offer on
it, a referent whose territory holds the offer's place and her person with an open pathway,
validated eligible, and the enterprise's users."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
import time_machine

from levier.auth.permissions import Role
from levier.organisations.constants import EnterpriseKind, OrganisationKind
from tests.factories import (
    award_through_api,
    make_organisation,
    make_participant,
    make_tender,
    make_user,
)

TODAY = date(2025, 2, 3)


@pytest.fixture(autouse=True)
def _today():
    # The clock ticks from the morning of that day: moves keep their order in the history.
    with time_machine.travel(TODAY, tick=True):
        yield


@dataclass
class World:
    structure: Any
    tender: Any
    lot: Any
    builder: Any
    insertion: Any
    agency: Any
    facilitator: Any
    referent: Any
    coordinator: Any
    far_referent: Any
    employer: Any
    stranger: Any
    buyer: Any
    person: Any
    offer: dict

    def headers(self, auth: Any, who: str) -> dict[str, str]:
        return auth(getattr(self, who))


async def validate(client, headers, person, on="2025-01-20"):
    response = await client.post(
        f"/api/v1/participants/{person.id}/eligibility",
        json={"criterion": "long_term_jobseeker", "validated_on": on},
        headers=headers,
    )
    assert response.status_code == 201, response.text


@pytest.fixture
async def world(client, auth, session) -> World:
    structure = await make_organisation(session, name="Facilitation")
    plie = await make_organisation(session, name="PLIE")
    local = await make_organisation(
        session,
        OrganisationKind.prescriber,
        name="Mission Locale",
        territory=[{"level": "department", "code": "37"}],
        coordinator_id=plie.id,
    )
    far = await make_organisation(
        session, OrganisationKind.prescriber, territory=[{"level": "department", "code": "75"}]
    )
    buyer_org = await make_organisation(session, OrganisationKind.buyer)
    builder = await make_organisation(session, OrganisationKind.enterprise, name="Bâtir")
    insertion = await make_organisation(
        session, OrganisationKind.enterprise, enterprise_kind=EnterpriseKind.EI, name="Tremplin"
    )
    agency = await make_organisation(
        session, OrganisationKind.enterprise, enterprise_kind=EnterpriseKind.ETTI, name="Intérim+"
    )
    stranger = await make_organisation(session, OrganisationKind.enterprise, name="Ailleurs")
    tender, lot, _operation = await make_tender(session, structure, buyer=buyer_org)
    facilitator = await make_user(session, Role.facilitator, structure)
    headers = auth(facilitator)
    await award_through_api(client, headers, tender, lot, builder, [(insertion, "50000")])
    referent = await make_user(session, Role.referent, local, full_name="Nadia Referente")
    person = await make_participant(
        session, referent, structure, pathway=True, last_name="Dupré", first_names="Alice"
    )
    await validate(client, headers, person)
    offer = await client.post(
        "/api/v1/offers",
        json={
            "lot_id": str(lot.id),
            "enterprise_id": str(builder.id),
            "rome_code": "F1703",
            "commune_code": "37261",
            "start_date": "2025-02-17",
            "duration_months": 6,
            "hours_per_week": "35",
            "posts": 1,
            "contract_kind": "cdd",
        },
        headers=headers,
    )
    assert offer.status_code == 201, offer.text
    return World(
        structure=structure,
        tender=tender,
        lot=lot,
        builder=builder,
        insertion=insertion,
        agency=agency,
        facilitator=facilitator,
        referent=referent,
        coordinator=await make_user(session, Role.referent, plie, full_name="Coordinatrice"),
        far_referent=await make_user(session, Role.referent, far),
        employer=await make_user(session, Role.enterprise, builder),
        stranger=await make_user(session, Role.enterprise, stranger),
        buyer=await make_user(session, Role.buyer, buyer_org),
        person=person,
        offer=offer.json(),
    )


async def propose(client, headers, world, person=None, **extra):
    return await client.post(
        "/api/v1/referrals",
        json={
            "offer_id": world.offer["id"],
            "participant_id": str((person or world.person).id),
            **extra,
        },
        headers=headers,
    )


async def move(client, headers, referral, action, body=None):
    url = f"/api/v1/referrals/{referral['id']}"
    etag = (await client.get(url, headers=headers)).headers["ETag"]
    return await client.post(
        f"{url}/{action}", json=body or {}, headers=headers | {"If-Match": etag}
    )
