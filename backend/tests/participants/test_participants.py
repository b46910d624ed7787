"""Portfolios: creation rules, duplicates, scope (referent, coordinator, facilitator), transfer."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from levier.core import clock
from levier.core.audit.models import AuditEvent
from tests.factories import make_participant

BASE = {
    "last_name": "Martin",
    "first_names": "Léa",
    "birth_date": "1995-04-12",
    "gender": "female",
    "commune_code": "37261",
    "qpv": True,
}


class TestCreate:
    async def test_referent_adds_to_own_portfolio(self, client, auth, network):
        response = await client.post(
            "/api/v1/participants",
            json=BASE | {"structure_id": str(network.structure.id), "email": "lea@example.org"},
            headers=auth(network.nadia),
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["referent"]["id"] == str(network.nadia.id)
        assert body["organisation_id"] == str(network.mission_locale.id)
        assert body["commune_name"] == "Tours"
        assert body["department_code"] == "37"
        assert body["eligibility"] == {
            "on": clock.today().isoformat(),
            "eligible": False,
            "valid_until": None,
            "restriction": None,
            "restriction_met": None,
        }
        assert response.headers["ETag"]

    async def test_duplicate_offers_the_existing_record(self, client, auth, network):
        first = await client.post("/api/v1/participants", json=BASE, headers=auth(network.nadia))
        again = await client.post(
            "/api/v1/participants",
            json=BASE | {"last_name": "MARTÍN", "first_names": "lea"},
            headers=auth(network.nadia),
        )
        assert again.status_code == 409
        assert again.json()["code"] == "participant_duplicate"
        assert again.json()["existing_id"] == first.json()["id"]

    async def test_duplicate_outside_scope_does_not_leak_the_record(self, client, auth, network):
        await client.post("/api/v1/participants", json=BASE, headers=auth(network.nadia))
        other = await client.post("/api/v1/participants", json=BASE, headers=auth(network.paul))
        assert other.status_code == 409
        assert other.json()["code"] == "participant_followed_elsewhere"
        assert "existing_id" not in other.json()

    async def test_bad_input_names_the_field_and_writes_nothing(
        self, client, auth, session, network
    ):
        cases = [
            (
                {"birth_date": (clock.today() + timedelta(days=1)).isoformat()},
                "birth_date",
                "birth_date_future",
            ),
            (
                {"birth_date": date(clock.today().year - 15, 1, 1).isoformat()},
                "birth_date",
                "participant_too_young",
            ),
            ({"commune_code": "99999"}, "commune_code", "insee_code_invalid"),
            ({"nir": "1850575123456"}, "nir", "field_unknown"),
            (
                {"structure_id": str(network.mission_locale.id)},
                "structure_id",
                "not_a_facilitation_structure",
            ),
        ]
        for change, field, code in cases:
            response = await client.post(
                "/api/v1/participants", json=BASE | change, headers=auth(network.nadia)
            )
            assert response.status_code == 422, (change, response.text)
            error = response.json()["errors"][0]
            assert (error["field"], error["code"]) == (field, code)
        listing = await client.get("/api/v1/participants", headers=auth(network.nadia))
        assert listing.json()["items"] == []

    async def test_every_rule_the_client_cannot_check_is_reported_at_once(
        self, client, auth, network
    ):
        response = await client.post(
            "/api/v1/participants",
            json=BASE
            | {
                "birth_date": (clock.today() + timedelta(days=1)).isoformat(),
                "commune_code": "99999",
                "structure_id": str(network.mission_locale.id),
            },
            headers=auth(network.nadia),
        )
        assert response.status_code == 422
        assert response.json()["code"] == "validation_failed"
        assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [
            ("birth_date", "birth_date_future"),
            ("structure_id", "not_a_facilitation_structure"),
            ("commune_code", "insee_code_invalid"),
        ]

    async def test_a_malformed_phone_says_the_expected_format(self, client, auth, network):
        for language, expected in (("fr", "06 12 34 56 78"), ("en", "+33 6 12 34 56 78")):
            response = await client.post(
                "/api/v1/participants",
                json=BASE | {"phone": "abc", "france_travail_id": "12"},
                headers=auth(network.nadia) | {"Accept-Language": language},
            )
            assert response.status_code == 422
            errors = {e["field"]: e for e in response.json()["errors"]}
            assert errors["phone"]["code"] == "phone_invalid"
            assert expected in errors["phone"]["message"]
            assert errors["france_travail_id"]["code"] == "france_travail_id_invalid"


class TestScope:
    async def test_referent_sees_only_own_portfolio(self, client, auth, session, network, alice):
        paul_s = await make_participant(session, network.paul, network.structure)
        for user, expected in ((network.nadia, [alice.id]), (network.paul, [paul_s.id])):
            listing = await client.get("/api/v1/participants", headers=auth(user))
            assert [p["id"] for p in listing.json()["items"]] == [str(i) for i in expected]
        hidden = await client.get(f"/api/v1/participants/{alice.id}", headers=auth(network.paul))
        assert hidden.status_code == 404
        colleague = await client.get(
            f"/api/v1/participants/{alice.id}", headers=auth(network.colleague)
        )
        assert colleague.status_code == 404

    async def test_coordinator_sees_the_network(self, client, auth, session, network, alice):
        paul_s = await make_participant(session, network.paul, network.structure)
        listing = await client.get("/api/v1/participants", headers=auth(network.coordinator))
        assert {p["id"] for p in listing.json()["items"]} == {str(alice.id), str(paul_s.id)}
        by_referent = await client.get(
            "/api/v1/participants",
            params={"referent_id": str(network.paul.id)},
            headers=auth(network.coordinator),
        )
        assert [p["id"] for p in by_referent.json()["items"]] == [str(paul_s.id)]

    async def test_facilitator_sees_people_referred_to_its_structure(
        self, client, auth, session, network, alice
    ):
        not_referred = await make_participant(session, network.paul)
        listing = await client.get("/api/v1/participants", headers=auth(network.facilitator))
        assert [p["id"] for p in listing.json()["items"]] == [str(alice.id)]
        hidden = await client.get(
            f"/api/v1/participants/{not_referred.id}", headers=auth(network.facilitator)
        )
        assert hidden.status_code == 404

    async def test_search_and_filters(self, client, auth, session, network, alice):
        await make_participant(session, network.nadia, last_name="Bernard")
        found = await client.get(
            "/api/v1/participants", params={"q": "dupre"}, headers=auth(network.nadia)
        )
        assert [p["last_name"] for p in found.json()["items"]] == ["Dupré"]
        without = await client.get(
            "/api/v1/participants", params={"pathway": "none"}, headers=auth(network.nadia)
        )
        assert [p["last_name"] for p in without.json()["items"]] == ["Bernard"]
        opened = await client.get(
            "/api/v1/participants", params={"pathway": "open"}, headers=auth(network.nadia)
        )
        assert [p["pathway_status"] for p in opened.json()["items"]] == ["open"]
        sensitive = await client.get(
            "/api/v1/participants",
            params={"criterion": "disabled_worker"},
            headers=auth(network.nadia),
        )
        assert sensitive.status_code == 422
        assert sensitive.json()["code"] == "criterion_sensitive_filter"


class TestUpdateAndTransfer:
    async def test_update_needs_if_match(self, client, auth, network, alice):
        url = f"/api/v1/participants/{alice.id}"
        missing = await client.patch(
            url, json={"phone": "06 12 34 56 78"}, headers=auth(network.nadia)
        )
        assert missing.status_code == 428
        etag = (await client.get(url, headers=auth(network.nadia))).headers["ETag"]
        ok = await client.patch(
            url, json={"phone": "06 12 34 56 78"}, headers=auth(network.nadia) | {"If-Match": etag}
        )
        assert ok.status_code == 200 and ok.json()["phone"] == "06 12 34 56 78"
        stale = await client.patch(
            url, json={"phone": "07 00 00 00 00"}, headers=auth(network.nadia) | {"If-Match": etag}
        )
        assert stale.status_code == 412

    async def test_identity_corrections_report_every_failure_at_once(
        self, client, auth, network, alice
    ):
        url = f"/api/v1/participants/{alice.id}"
        etag = (await client.get(url, headers=auth(network.nadia))).headers["ETag"]
        refused = await client.patch(
            url,
            json={"birth_date": "1890-05-01", "commune_code": "99999", "last_name": None},
            headers=auth(network.nadia) | {"If-Match": etag},
        )
        assert refused.status_code == 422
        assert {(e["field"], e["code"]) for e in refused.json()["errors"]} == {
            ("last_name", "field_required"),
            ("birth_date", "birth_date_implausible"),
            ("commune_code", "insee_code_invalid"),
        }
        fixed = await client.patch(
            url,
            json={"birth_date": "1990-05-01", "commune_code": "37261", "last_name": "Dupont"},
            headers=auth(network.nadia) | {"If-Match": etag},
        )
        assert fixed.status_code == 200, fixed.text
        assert (fixed.json()["last_name"], fixed.json()["commune_name"]) == ("Dupont", "Tours")

    async def test_transfer_is_logged_without_values(self, client, auth, session, network, alice):
        url = f"/api/v1/participants/{alice.id}"
        etag = (await client.get(url, headers=auth(network.nadia))).headers["ETag"]
        moved = await client.post(
            f"{url}/transfer",
            json={"referent_id": str(network.colleague.id)},
            headers=auth(network.nadia) | {"If-Match": etag},
        )
        assert moved.status_code == 200, moved.text
        assert moved.json()["referent"]["id"] == str(network.colleague.id)
        assert (await client.get(url, headers=auth(network.nadia))).status_code == 404
        assert (await client.get(url, headers=auth(network.colleague))).status_code == 200
        events = (
            (
                await session.execute(
                    select(AuditEvent).where(
                        AuditEvent.entity_id == alice.id,
                        AuditEvent.action == "updated",  # type: ignore[arg-type]
                    )
                )
            )
            .scalars()
            .all()
        )
        assert events[-1].changes == {"referent_id": "[changed]"}
        assert events[-1].actor_id == network.nadia.id

    async def test_referent_cannot_transfer_outside_the_organisation(
        self, client, auth, network, alice
    ):
        url = f"/api/v1/participants/{alice.id}"
        etag = (await client.get(url, headers=auth(network.nadia))).headers["ETag"]
        refused = await client.post(
            f"{url}/transfer",
            json={"referent_id": str(network.paul.id)},
            headers=auth(network.nadia) | {"If-Match": etag},
        )
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["field"] == "referent_id"

    async def test_coordinator_reassigns_across_the_network(self, client, auth, network, alice):
        url = f"/api/v1/participants/{alice.id}"
        etag = (await client.get(url, headers=auth(network.coordinator))).headers["ETag"]
        moved = await client.post(
            f"{url}/transfer",
            json={"referent_id": str(network.paul.id)},
            headers=auth(network.coordinator) | {"If-Match": etag},
        )
        assert moved.status_code == 200, moved.text
        assert moved.json()["organisation_id"] == str(network.france_travail.id)
        pathways = await client.get(f"{url}/pathways", headers=auth(network.paul))
        assert pathways.json()[0]["status"] == "open"


class TestFormOptions:
    async def test_referent_sees_colleagues_coordinator_sees_the_network(
        self, client, auth, network
    ):
        own = (
            await client.get("/api/v1/participants/form-options", headers=auth(network.nadia))
        ).json()
        assert [r["full_name"] for r in own["referents"]] == ["Collègue", "Nadia"]
        assert str(network.structure.id) in [s["id"] for s in own["structures"]]
        assert str(network.mission_locale.id) not in [s["id"] for s in own["structures"]]
        network_view = (
            await client.get("/api/v1/participants/form-options", headers=auth(network.coordinator))
        ).json()
        assert [r["full_name"] for r in network_view["referents"]] == [
            "Collègue",
            "Coordinatrice",
            "Nadia",
            "Paul",
        ]
