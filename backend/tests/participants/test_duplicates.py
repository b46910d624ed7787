"""Duplicate people: invisible characters do not make a new person, and that a person is
followed elsewhere is said only inside the caller's PLIE network."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from levier.auth.permissions import Role
from levier.organisations.constants import OrganisationKind
from levier.participants.models import Participant
from tests.factories import make_organisation, make_user
from tests.participants.test_participants import BASE

INVISIBLE = {
    "zero-width space": "\u200b",
    "soft hyphen": "\u00ad",
    "word joiner": "\u2060",
    "zero-width no-break space": "\ufeff",
    "left-to-right mark": "\u200e",
}


class TestInvisibleCharacters:
    @pytest.mark.parametrize("character", INVISIBLE.values(), ids=INVISIBLE.keys())
    async def test_an_invisible_character_does_not_make_a_new_person(
        self, client, auth, network, character
    ):
        first = await client.post("/api/v1/participants", json=BASE, headers=auth(network.nadia))
        assert first.status_code == 201
        disguised = BASE | {"last_name": f"Mar{character}tin", "first_names": f"L{character}éa"}
        again = await client.post(
            "/api/v1/participants", json=disguised, headers=auth(network.nadia)
        )
        assert again.status_code == 409, again.text
        assert again.json()["code"] == "participant_duplicate"

    async def test_names_are_stored_without_them_and_in_nfkc(self, client, auth, session, network):
        response = await client.post(
            "/api/v1/participants",
            json=BASE | {"last_name": "Ｍar\u200btin", "first_names": "Lé\u00ada"},
            headers=auth(network.nadia),
        )
        assert response.status_code == 201, response.text
        assert (response.json()["last_name"], response.json()["first_names"]) == ("Martin", "Léa")
        stored = (await session.execute(select(Participant))).scalar_one()
        assert stored.identity_key == "martin|lea"


class TestFollowedElsewhere:
    async def test_inside_the_network_the_referent_is_told(self, client, auth, network):
        await client.post("/api/v1/participants", json=BASE, headers=auth(network.nadia))
        other = await client.post("/api/v1/participants", json=BASE, headers=auth(network.paul))
        assert other.status_code == 409
        assert other.json()["code"] == "participant_followed_elsewhere"

    async def test_outside_the_network_nothing_is_said(self, client, auth, session, network):
        await client.post("/api/v1/participants", json=BASE, headers=auth(network.nadia))
        elsewhere = await make_organisation(session, OrganisationKind.prescriber, name="Cap emploi")
        stranger = await make_user(session, Role.referent, elsewhere)
        response = await client.post("/api/v1/participants", json=BASE, headers=auth(stranger))
        assert response.status_code == 201, response.text
        assert "existing_id" not in response.json()
        listing = await client.get("/api/v1/participants", headers=auth(stranger))
        assert [p["id"] for p in listing.json()["items"]] == [response.json()["id"]]

    async def test_another_network_is_elsewhere_too(self, client, auth, session, network):
        await client.post("/api/v1/participants", json=BASE, headers=auth(network.nadia))
        other_plie = await make_organisation(session, name="PLIE voisin")
        member = await make_organisation(
            session, OrganisationKind.prescriber, coordinator_id=other_plie.id
        )
        referent = await make_user(session, Role.referent, member)
        response = await client.post("/api/v1/participants", json=BASE, headers=auth(referent))
        assert response.status_code == 201, response.text

    async def test_the_coordinating_plie_itself_is_inside(self, client, auth, session, network):
        await client.post("/api/v1/participants", json=BASE, headers=auth(network.nadia))
        plie_referent = await make_user(session, Role.referent, network.plie)
        # A PLIE referent who is not the coordinator account still belongs to the network.
        response = await client.post("/api/v1/participants", json=BASE, headers=auth(plie_referent))
        assert response.status_code == 409
        assert response.json()["code"] in {
            "participant_duplicate",
            "participant_followed_elsewhere",
        }
