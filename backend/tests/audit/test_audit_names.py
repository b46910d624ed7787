"""The audit log filtered by action, and read with names: the account a sign-in is about, the
organisations and accounts a change refers to by id (resolved in one query per page)."""

from __future__ import annotations

from levier.auth.permissions import Role
from levier.organisations.constants import OrganisationKind
from tests.auth.test_auth import login
from tests.core.test_query_count import counting
from tests.factories import PASSWORD, make_organisation, make_user

URL = "/api/v1/audit-events"


class TestActionFilter:
    async def test_sign_ins_only(self, client, auth, session):
        admin = await make_user(session, Role.admin)
        user = await make_user(session, Role.buyer, email="in@example.org", password=PASSWORD)
        assert (await login(client, "in@example.org")).status_code == 200
        # A change of the same account, which the filter leaves out.
        etag = (await client.get(f"/api/v1/users/{user.id}", headers=auth(admin))).headers["ETag"]
        await client.patch(
            f"/api/v1/users/{user.id}",
            json={"full_name": "Inès Martin"},
            headers=auth(admin) | {"If-Match": etag},
        )
        response = await client.get(
            URL, params={"action": "signed_in", "entity_id": str(user.id)}, headers=auth(admin)
        )
        assert response.status_code == 200, response.text
        [entry] = response.json()["items"]
        assert entry["action"] == "signed_in"
        assert entry["entity_name"] == "Inès Martin", "the account's current name"
        updated = await client.get(
            URL, params={"action": "updated", "entity_id": str(user.id)}, headers=auth(admin)
        )
        assert [item["action"] for item in updated.json()["items"]] == ["updated"]

    async def test_an_unknown_action_names_the_parameter(self, client, auth, session):
        admin = await make_user(session, Role.admin)
        response = await client.get(URL, params={"action": "exploded"}, headers=auth(admin))
        assert response.status_code == 422
        [error] = response.json()["errors"]
        assert (error["field"], error["code"]) == ("action", "enum")

    async def test_days_at_the_ends_of_the_calendar_filter_nothing_and_never_fail(
        self, client, auth, session
    ):
        admin = await make_user(session, Role.admin)
        for params in (
            {"since": "0001-01-01", "until": "9999-12-31"},
            {"since": "2090-01-01"},
            {"until": "1900-01-01"},
        ):
            response = await client.get(URL, params=params, headers=auth(admin))
            assert response.status_code == 200, (params, response.text)


class TestNamesInChanges:
    async def test_ids_in_an_organisation_change_read_as_names(self, client, auth, session):
        admin = await make_user(session, Role.admin)
        network = await make_organisation(
            session, name="PLIE de Touraine", kind=OrganisationKind.network
        )
        prescriber = await make_organisation(
            session, name="Mission locale", kind=OrganisationKind.prescriber
        )
        url = f"/api/v1/organisations/{prescriber.id}"
        etag = (await client.get(url, headers=auth(admin))).headers["ETag"]
        response = await client.patch(
            url,
            json={"coordinator_id": str(network.id)},
            headers=auth(admin) | {"If-Match": etag},
        )
        assert response.status_code == 200, response.text
        referent = await make_user(session, Role.referent, organisation=prescriber)
        history = await client.get(
            URL,
            params={"entity_type": "organisation", "entity_id": str(prescriber.id)},
            headers=auth(admin),
        )
        [change] = [item for item in history.json()["items"] if item["action"] == "updated"]
        assert change["changes"]["coordinator_id"] == [None, str(network.id)]
        assert change["names"] == {str(network.id): "PLIE de Touraine"}
        assert change["entity_name"] == "Mission locale"
        account = await client.get(
            URL, params={"entity_type": "user", "entity_id": str(referent.id)}, headers=auth(admin)
        )
        items = account.json()["items"]
        assert all(item["names"].get(str(prescriber.id)) == "Mission locale" for item in items)

    async def test_a_page_of_entries_names_everyone_in_one_query(
        self, client, auth, session, engine
    ):
        admin = await make_user(session, Role.admin)
        for index in range(6):
            organisation = await make_organisation(session, name=f"Structure {index}")
            await make_user(session, Role.facilitator, organisation=organisation)
        with counting(engine) as statements:
            response = await client.get(URL, params={"limit": 50}, headers=auth(admin))
        assert response.status_code == 200
        items = response.json()["items"]
        assert len(items) >= 12
        assert all(item["entity_name"] for item in items)
        naming = [s for s in statements if "UNION ALL" in s]
        assert len(naming) == 1, naming
