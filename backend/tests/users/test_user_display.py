"""What people read about an account: the network's coordination told apart from other
referents, and a history free of internal counters."""

from __future__ import annotations

from levier.auth.permissions import Role
from levier.organisations.constants import OrganisationKind
from tests.factories import make_organisation, make_user


class TestNetworkCoordination:
    async def test_a_referent_of_the_coordinating_organisation_is_flagged(
        self, client, session, auth
    ):
        admin = await make_user(session, role=Role.admin)
        plie = await make_organisation(session, name="PLIE de Touraine")
        await make_organisation(
            session, OrganisationKind.prescriber, name="Mission Locale", coordinator_id=plie.id
        )
        coordinator = await make_user(
            session, role=Role.referent, organisation=plie, full_name="Élodie Petit"
        )
        referent = await make_user(session, role=Role.referent, full_name="Paul Durand")
        facilitator = await make_user(session, role=Role.facilitator, organisation=plie)
        page = (
            await client.get("/api/v1/users", params={"limit": 200}, headers=auth(admin))
        ).json()
        flags = {item["id"]: item["coordinates_network"] for item in page["items"]}
        assert flags[str(coordinator.id)] is True
        assert flags[str(referent.id)] is False
        assert flags[str(facilitator.id)] is False, "only referents coordinate the network"
        detail = await client.get(f"/api/v1/users/{coordinator.id}", headers=auth(admin))
        assert detail.json()["coordinates_network"] is True


class TestHistoryWithoutCounters:
    async def test_deactivation_records_only_the_active_flag(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        target = await make_user(session, role=Role.buyer)
        url = f"/api/v1/users/{target.id}"
        etag = (await client.get(url, headers=auth(admin))).headers["ETag"]
        response = await client.patch(
            url,
            json={"active": False, "full_name": "Camille Martin"},
            headers=auth(admin) | {"If-Match": etag},
        )
        assert response.status_code == 200, response.text
        history = await client.get(
            "/api/v1/audit-events", params={"entity_id": str(target.id)}, headers=auth(admin)
        )
        entries = {item["action"]: item["changes"] for item in history.json()["items"]}
        assert entries["updated"] == {
            "active": [True, False],
            "full_name": [entries["updated"]["full_name"][0], "Camille Martin"],
        }
        assert not {"token_version", "search_name"} & set(entries["created"])
