from __future__ import annotations

import uuid

from sqlalchemy import func, select

from levier.auth.permissions import Role
from levier.core.audit.models import AuditEvent, OutboxEvent
from levier.organisations.constants import OrganisationKind
from levier.organisations.models import Organisation
from tests.factories import make_organisation, make_user, unique_siret

TOURS = {"level": "commune", "code": "37261"}


async def count(session, model) -> int:
    return (await session.execute(select(func.count()).select_from(model))).scalar_one()


class TestCreateOrganisation:
    async def test_created_with_territory_etag_audit_and_outbox(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        siret = unique_siret()
        response = await client.post(
            "/api/v1/organisations",
            json={
                "name": "Ville de Tours",
                "kind": "buyer",
                "siret": f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}",
                "territory": [TOURS, {"level": "department", "code": "37"}],
            },
            headers=auth(admin),
        )
        assert response.status_code == 201, response.text
        body = response.json()
        created_id = uuid.UUID(body["id"])
        assert body["siret"] == siret
        assert body["territory"] == [
            {"level": "commune", "code": "37261", "name": "Tours"},
            {"level": "department", "code": "37", "name": "Indre-et-Loire"},
        ]
        assert response.headers["ETag"] == f'"{body["id"]}.1"'
        assert response.headers["Location"] == f"/api/v1/organisations/{body['id']}"
        audit = (
            await session.execute(select(AuditEvent).where(AuditEvent.entity_id == created_id))
        ).scalar_one()
        assert audit.action == "created"
        assert audit.actor_id == admin.id
        assert audit.changes["name"] == "Ville de Tours"
        event = (
            await session.execute(select(OutboxEvent).where(OutboxEvent.entity_id == created_id))
        ).scalar_one()
        assert event.event_type == "organisation.created"
        assert event.published_at is None

    async def test_malformed_siret_names_the_field(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        before = await count(session, Organisation)
        response = await client.post(
            "/api/v1/organisations",
            json={"name": "X", "kind": "buyer", "siret": "12345678901234"},
            headers=auth(admin),
        )
        assert response.status_code == 422
        assert response.json()["errors"] == [
            {
                "loc": ["body", "siret"],
                "field": "siret",
                "code": "siret_invalid",
                "message": "SIRET invalide : 14 chiffres avec une clé de contrôle correcte.",
            }
        ]
        assert await count(session, Organisation) == before

    async def test_buyer_needs_a_siret(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        response = await client.post(
            "/api/v1/organisations", json={"name": "X", "kind": "buyer"}, headers=auth(admin)
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "siret"

    async def test_la_poste_sirets_follow_their_own_rule(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        response = await client.post(
            "/api/v1/organisations",
            json={"name": "La Poste Tours", "kind": "buyer", "siret": "35600000000001"},
            headers=auth(admin),
        )
        assert response.status_code == 201, response.text

    async def test_duplicate_siret_is_a_conflict(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        existing = await make_organisation(session)
        response = await client.post(
            "/api/v1/organisations",
            json={"name": "Copy", "kind": "enterprise", "siret": existing.siret},
            headers=auth(admin),
        )
        assert response.status_code == 409
        assert response.json()["code"] == "siret_taken"
        assert response.json()["errors"][0]["field"] == "siret"

    async def test_unknown_insee_code_names_the_entry_and_writes_nothing(
        self, client, session, auth
    ):
        admin = await make_user(session, role=Role.admin)
        before = (await count(session, Organisation), await count(session, AuditEvent))
        response = await client.post(
            "/api/v1/organisations",
            json={
                "name": "X",
                "kind": "network",
                "territory": [TOURS, {"level": "commune", "code": "99999"}],
            },
            headers=auth(
                admin,
            )
            | {"Accept-Language": "en"},
        )
        assert response.status_code == 422
        error = response.json()["errors"][0]
        assert error["field"] == "territory.1.code"
        assert error["message"] == "Unknown INSEE code: 99999."
        assert (await count(session, Organisation), await count(session, AuditEvent)) == before

    async def test_department_code_is_not_a_commune(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        response = await client.post(
            "/api/v1/organisations",
            json={
                "name": "X",
                "kind": "network",
                "territory": [{"level": "commune", "code": "37"}],
            },
            headers=auth(admin),
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "territory.0.code"

    async def test_unknown_fields_are_rejected(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        response = await client.post(
            "/api/v1/organisations",
            json={"name": "X", "kind": "network", "colour": "blue"},
            headers=auth(admin),
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "colour"

    async def test_unknown_kind_lists_allowed_values(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        response = await client.post(
            "/api/v1/organisations", json={"name": "X", "kind": "club"}, headers=auth(admin)
        )
        assert response.status_code == 422
        error = response.json()["errors"][0]
        assert error["field"] == "kind" and error["code"] == "enum"
        assert "facilitation_structure" in error["message"]


class TestListOrganisations:
    async def test_keyset_pages_walk_every_row_once_in_name_order(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        for name in ["Épinal Habitat", "Agence A", "zèbre", "Bâtisseurs", "Cité"]:
            await make_organisation(session, name=name)
        seen: list[str] = []
        cursor = None
        while True:
            params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
            page = (
                await client.get("/api/v1/organisations", params=params, headers=auth(admin))
            ).json()
            seen.extend(item["name"] for item in page["items"])
            cursor = page["next_cursor"]
            if cursor is None:
                break
        names = [n for n in seen if not n.startswith("Organisation")]
        assert names == ["Agence A", "Bâtisseurs", "Cité", "Épinal Habitat", "zèbre"]
        assert len(seen) == len(set(seen)) == 6  # + the admin's own organisation

    async def test_filters_by_text_accent_insensitive_kind_and_active(self, client, session, auth):
        from levier.organisations.constants import OrganisationKind

        admin = await make_user(session, role=Role.admin)
        await make_organisation(session, name="Régie de quartier", kind=OrganisationKind.enterprise)
        await make_organisation(session, name="Regie Habitat", kind=OrganisationKind.buyer)
        await make_organisation(session, name="Autre", kind=OrganisationKind.buyer, active=False)
        get = lambda **p: client.get("/api/v1/organisations", params=p, headers=auth(admin))  # noqa: E731
        assert {o["name"] for o in (await get(q="régie")).json()["items"]} == {
            "Régie de quartier",
            "Regie Habitat",
        }
        assert [o["name"] for o in (await get(q="regie", kind="buyer")).json()["items"]] == [
            "Regie Habitat"
        ]
        assert [o["name"] for o in (await get(kind="buyer", active="false")).json()["items"]] == [
            "Autre"
        ]

    async def test_search_by_siret_prefix(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        target = await make_organisation(session, name="Cible")
        page = await client.get(
            "/api/v1/organisations", params={"q": target.siret[:9]}, headers=auth(admin)
        )
        assert [o["name"] for o in page.json()["items"]] == ["Cible"]

    async def test_limit_is_bounded(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        response = await client.get(
            "/api/v1/organisations", params={"limit": 5000}, headers=auth(admin)
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "limit"

    async def test_tampered_cursor_is_a_400_problem(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        response = await client.get(
            "/api/v1/organisations", params={"cursor": "not-a-cursor"}, headers=auth(admin)
        )
        assert response.status_code == 400
        assert response.json()["code"] == "invalid_cursor"


class TestUpdateOrganisation:
    async def test_update_needs_if_match_and_refuses_stale_versions(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        target = await make_organisation(session, name="Avant")
        url = f"/api/v1/organisations/{target.id}"
        read = await client.get(url, headers=auth(admin))
        etag = read.headers["ETag"]
        missing = await client.patch(url, json={"name": "Après"}, headers=auth(admin))
        assert missing.status_code == 428
        ok = await client.patch(
            url, json={"name": "Après"}, headers=auth(admin) | {"If-Match": etag}
        )
        assert ok.status_code == 200
        assert ok.json()["name"] == "Après" and ok.json()["version"] == 2
        assert ok.headers["ETag"] != etag
        stale = await client.patch(
            url, json={"name": "Encore"}, headers=auth(admin) | {"If-Match": etag}
        )
        assert stale.status_code == 412
        assert stale.json()["code"] == "precondition_failed"
        assert (await client.get(url, headers=auth(admin))).json()["name"] == "Après"

    async def test_territory_change_is_one_audited_update(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        target = await make_organisation(session, territory=[TOURS])
        url = f"/api/v1/organisations/{target.id}"
        etag = (await client.get(url, headers=auth(admin))).headers["ETag"]
        response = await client.patch(
            url,
            json={"name": "Renamed", "territory": [{"level": "department", "code": "37"}]},
            headers=auth(admin) | {"If-Match": etag},
        )
        assert response.status_code == 200, response.text
        assert response.json()["territory"] == [
            {"level": "department", "code": "37", "name": "Indre-et-Loire"}
        ]
        updates = (
            (
                await session.execute(
                    select(AuditEvent).where(
                        AuditEvent.entity_id == target.id, AuditEvent.action == "updated"
                    )
                )
            )
            .scalars()
            .all()
        )
        assert len(updates) == 1
        assert updates[0].changes["territory"] == [["commune:37261"], ["department:37"]]
        assert updates[0].changes["name"][1] == "Renamed"

    async def test_deactivation(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        target = await make_organisation(session)
        url = f"/api/v1/organisations/{target.id}"
        etag = (await client.get(url, headers=auth(admin))).headers["ETag"]
        response = await client.patch(
            url, json={"active": False}, headers=auth(admin) | {"If-Match": etag}
        )
        assert response.json()["active"] is False

    async def test_unknown_organisation_is_404(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        response = await client.get(
            "/api/v1/organisations/00000000-0000-0000-0000-000000000000", headers=auth(admin)
        )
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"


class TestCoordinator:
    """A PLIE (or network) coordinates prescribers: its referents see their portfolios."""

    async def test_set_shown_and_cleared(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        plie = await make_organisation(session, name="PLIE")
        response = await client.post(
            "/api/v1/organisations",
            json={"name": "Mission Locale", "kind": "prescriber", "coordinator_id": str(plie.id)},
            headers=auth(admin),
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["coordinator"] == {
            "id": str(plie.id),
            "name": "PLIE",
            "kind": "facilitation_structure",
        }
        url = f"/api/v1/organisations/{body['id']}"
        etag = (await client.get(url, headers=auth(admin))).headers["ETag"]
        cleared = await client.patch(
            url, json={"coordinator_id": None}, headers=auth(admin) | {"If-Match": etag}
        )
        assert cleared.json()["coordinator"] is None

    async def test_only_an_active_structure_or_network_coordinates(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        enterprise = await make_organisation(session, OrganisationKind.enterprise)
        for coordinator_id, code in (
            (str(enterprise.id), "not_a_coordinator"),
            (str(uuid.uuid4()), "organisation_not_found"),
        ):
            response = await client.post(
                "/api/v1/organisations",
                json={"name": "ML", "kind": "prescriber", "coordinator_id": coordinator_id},
                headers=auth(admin),
            )
            assert response.status_code == 422
            assert response.json()["errors"][0] == response.json()["errors"][0] | {
                "field": "coordinator_id",
                "code": code,
            }


class TestRetentionPeriod:
    """Organisations owning portfolios may keep participants' records 12 to 36 months."""

    async def test_set_changed_and_cleared(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        created = await client.post(
            "/api/v1/organisations",
            json={"name": "Mission Locale", "kind": "prescriber", "retention_months": 18},
            headers=auth(admin),
        )
        assert created.status_code == 201, created.text
        assert created.json()["retention_months"] == 18
        url = f"/api/v1/organisations/{created.json()['id']}"
        etag = (await client.get(url, headers=auth(admin))).headers["ETag"]
        cleared = await client.patch(
            url, json={"retention_months": None}, headers=auth(admin) | {"If-Match": etag}
        )
        assert cleared.status_code == 200, cleared.text
        assert cleared.json()["retention_months"] is None
        events = (
            (
                await session.execute(
                    select(AuditEvent).where(
                        AuditEvent.entity_id == uuid.UUID(created.json()["id"]),  # type: ignore[arg-type]
                        AuditEvent.action == "updated",  # type: ignore[arg-type]
                    )
                )
            )
            .scalars()
            .all()
        )
        assert events[-1].changes["retention_months"] == [18, None]

    async def test_bounds_and_kinds(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        cases = [
            ({"kind": "prescriber", "retention_months": 11}, "out_of_range"),
            ({"kind": "prescriber", "retention_months": 37}, "out_of_range"),
            (
                {"kind": "buyer", "siret": unique_siret(), "retention_months": 24},
                "field_not_applicable",
            ),
        ]
        for body, code in cases:
            response = await client.post(
                "/api/v1/organisations", json={"name": "Org"} | body, headers=auth(admin)
            )
            assert response.status_code == 422, response.text
            error = response.json()["errors"][0]
            assert error["field"] == "retention_months"
            assert error["code"] == code


class TestStructures:
    async def test_any_signed_in_user_lists_active_structures(self, client, session, auth):
        structure = await make_organisation(session, name="Service clauses")
        closed = await make_organisation(session, name="Ancien service", active=False)
        buyer = await make_user(session, role=Role.buyer)
        response = await client.get("/api/v1/organisations/structures", headers=auth(buyer))
        ids = [row["id"] for row in response.json()]
        assert str(structure.id) in ids and str(closed.id) not in ids
        anonymous = await client.get("/api/v1/organisations/structures")
        assert anonymous.status_code == 401
