from __future__ import annotations

from decimal import Decimal

import pytest

from levier.auth.permissions import Role
from levier.organisations.constants import OrganisationKind
from tests.factories import make_organisation, make_tender, make_user


@pytest.fixture
async def world(session):
    """A structure with a facilitator, a buyer organisation with a buyer user."""
    structure = await make_organisation(session, name="Service clauses")
    facilitator = await make_user(session, role=Role.facilitator, organisation=structure)
    buyer_org = await make_organisation(session, OrganisationKind.buyer, name="Bailleur")
    buyer = await make_user(session, role=Role.buyer, organisation=buyer_org)
    return structure, facilitator, buyer_org, buyer


def tender_body(**overrides):
    return {
        "reference": "2026-VOI-01",
        "object": "Requalification des voiries du quartier",
        "procedure": "open_tender",
        "ccag": "works",
        "price_form": "unit",
        "techniques": ["framework_agreement"],
        "cpv_code": "45233140-2",
        "place_of_execution": {"level": "commune", "code": "37261"},
        "publication_date": "2026-12-01",
        "deadline_date": "2027-01-15",
    } | overrides


def lot_body(**overrides):
    return {
        "number": 1,
        "title": "VRD",
        "trade": "VRD / voirie",
        "cpv_code": "45233140-2",
        "estimated_amount": "2400000",
        "duration_months": 18,
        "considerations": [{"kind": "insertion_clause"}],
    } | overrides


class TestTenders:
    async def test_facilitator_creates_a_tender_for_a_buyer(self, client, auth, world):
        _structure, facilitator, buyer_org, buyer = world
        response = await client.post(
            "/api/v1/tenders",
            json=tender_body(buyer_id=str(buyer_org.id)),
            headers=auth(facilitator),
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["status"] == "draft"
        assert body["buyer"]["name"] == "Bailleur"
        assert body["place_of_execution"] == {"level": "commune", "code": "37261", "name": "Tours"}
        # the buyer sees it, another buyer does not
        assert (
            await client.get(f"/api/v1/tenders/{body['id']}", headers=auth(buyer))
        ).status_code == 200

    async def test_buyer_creates_its_own_draft_for_a_structure(self, client, auth, world, session):
        structure, facilitator, _buyer_org, buyer = world
        response = await client.post(
            "/api/v1/tenders", json=tender_body(structure_id=str(structure.id)), headers=auth(buyer)
        )
        assert response.status_code == 201, response.text
        listed = (await client.get("/api/v1/tenders", headers=auth(facilitator))).json()
        assert [t["reference"] for t in listed["items"]] == ["2026-VOI-01"]
        stranger = await make_user(session, role=Role.buyer)
        hidden = await client.get(
            f"/api/v1/tenders/{response.json()['id']}", headers=auth(stranger)
        )
        assert hidden.status_code == 404

    @pytest.mark.parametrize(
        ("overrides", "field", "says"),
        [
            ({"cpv_code": "4523"}, "cpv_code", "8 chiffres"),
            ({"cpv_code": "abc"}, "cpv_code", "8 chiffres"),
            ({"procedure": "auction"}, "procedure", None),
            ({"deadline_date": "2026-11-01"}, "deadline_date", None),
            ({"publication_date": "1890-01-01"}, "publication_date", "au plus tôt le 01/01/2000"),
            ({"deadline_date": "2034-01-01"}, "deadline_date", "cinq ans"),
            (
                {"place_of_execution": {"level": "commune", "code": "00000"}},
                "place_of_execution.code",
                None,
            ),
            ({"reference": "has space"}, "reference", "sans espace"),
            ({"reference": "AB\U0001f600C"}, "reference", "lettres, chiffres"),
            ({"reference": "N°1;2"}, "reference", "sans espace"),
        ],
    )
    async def test_bad_input_names_the_field_and_says_what_is_expected(
        self, client, auth, world, overrides, field, says
    ):
        _structure, facilitator, buyer_org, _buyer = world
        response = await client.post(
            "/api/v1/tenders",
            json=tender_body(buyer_id=str(buyer_org.id), **overrides),
            headers=auth(facilitator),
        )
        assert response.status_code == 422, response.text
        error = response.json()["errors"][0]
        assert error["field"] == field
        assert says is None or says in error["message"]

    async def test_a_reference_with_accents_and_signs_is_taken(self, client, auth, world):
        _structure, facilitator, buyer_org, _buyer = world
        response = await client.post(
            "/api/v1/tenders",
            json=tender_body(buyer_id=str(buyer_org.id), reference="MÉD-2026/04(b)"),
            headers=auth(facilitator),
        )
        assert response.status_code == 201, response.text

    @pytest.mark.parametrize(
        ("techniques", "code", "message"),
        [
            (["framework_agreement", "framework_agreement"], "technique_duplicate", "une fois"),
            (["none", "framework_agreement"], "technique_none_alone", "Sans objet"),
            ([], "too_short", "Au moins 1 élément"),
        ],
    )
    async def test_techniques_are_distinct_and_none_stands_alone(
        self, client, auth, world, techniques, code, message
    ):
        _structure, facilitator, buyer_org, _buyer = world
        response = await client.post(
            "/api/v1/tenders",
            json=tender_body(buyer_id=str(buyer_org.id), techniques=techniques),
            headers=auth(facilitator),
        )
        assert response.status_code == 422, response.text
        error = response.json()["errors"][0]
        assert (error["field"], error["code"]) == ("techniques", code)
        assert message in error["message"]

    async def test_buyer_id_must_be_a_buyer(self, client, auth, world, session):
        _structure, facilitator, _buyer_org, _buyer = world
        enterprise = await make_organisation(session, OrganisationKind.enterprise)
        response = await client.post(
            "/api/v1/tenders",
            json=tender_body(buyer_id=str(enterprise.id)),
            headers=auth(facilitator),
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "buyer_id"

    async def test_duplicate_reference_for_a_buyer_is_409(self, client, auth, world):
        _structure, facilitator, buyer_org, _buyer = world
        body = tender_body(buyer_id=str(buyer_org.id))
        await client.post("/api/v1/tenders", json=body, headers=auth(facilitator))
        again = await client.post("/api/v1/tenders", json=body, headers=auth(facilitator))
        assert again.status_code == 409
        assert again.json()["errors"][0]["field"] == "reference"


async def _award(client, auth, user, tender, lot, session):
    awardee = await make_organisation(session, OrganisationKind.enterprise)
    url = f"/api/v1/tenders/{tender.id}/lots/{lot.id}"
    etag = (await client.get(url, headers=auth(user))).headers["ETag"]
    response = await client.put(
        f"{url}/award",
        json={
            "awarded_amount": "1000000",
            "notification_date": "2027-02-01",
            "members": [{"enterprise_id": str(awardee.id)}],
        },
        headers=auth(user) | {"If-Match": etag},
    )
    assert response.status_code == 200, response.text


class TestLifecycle:
    async def test_allowed_path_and_refused_moves(self, client, auth, world, session):
        structure, facilitator, buyer_org, buyer = world
        tender, _lot, _operation = await make_tender(session, structure, buyer_org)
        url = f"/api/v1/tenders/{tender.id}"

        async def move(target, headers=None):
            etag = (await client.get(url, headers=auth(facilitator))).headers["ETag"]
            return await client.post(
                f"{url}/transition",
                json={"status": target},
                headers=(headers or auth(facilitator)) | {"If-Match": etag},
            )

        refused = await move("closed")
        assert refused.status_code == 409
        assert refused.json()["code"] == "transition_not_allowed"
        assert refused.json()["errors"][0]["field"] == "status"
        assert (await move("published", auth(buyer))).status_code == 403
        for target in ["published", "awarded", "in_execution", "closed"]:
            if target == "awarded":
                premature = await move(target)
                assert premature.status_code == 409, "no lot is awarded yet"
                assert premature.json()["code"] == "tender_has_no_award"
                await _award(client, auth, facilitator, tender, _lot, session)
            response = await move(target)
            assert response.status_code == 200, response.text
            assert response.json()["status"] == target
        frozen = await client.patch(
            url,
            json={"object": "Changed"},
            headers=auth(facilitator)
            | {"If-Match": (await client.get(url, headers=auth(facilitator))).headers["ETag"]},
        )
        assert frozen.status_code == 409

    async def test_tender_without_lots_cannot_be_published(self, client, auth, world):
        _structure, facilitator, buyer_org, _buyer = world
        created = await client.post(
            "/api/v1/tenders",
            json=tender_body(buyer_id=str(buyer_org.id)),
            headers=auth(facilitator),
        )
        response = await client.post(
            f"/api/v1/tenders/{created.json()['id']}/transition",
            json={"status": "published"},
            headers=auth(facilitator) | {"If-Match": created.headers["ETag"]},
        )
        assert response.status_code == 409
        assert response.json()["code"] == "tender_has_no_lots"

    async def test_buyer_cannot_edit_once_published(self, client, auth, world, session):
        structure, facilitator, buyer_org, buyer = world
        tender, _lot, _op = await make_tender(session, structure, buyer_org)
        url = f"/api/v1/tenders/{tender.id}"
        etag = (await client.get(url, headers=auth(facilitator))).headers["ETag"]
        await client.post(
            f"{url}/transition",
            json={"status": "published"},
            headers=auth(facilitator) | {"If-Match": etag},
        )
        etag = (await client.get(url, headers=auth(buyer))).headers["ETag"]
        response = await client.patch(
            url, json={"object": "Autre"}, headers=auth(buyer) | {"If-Match": etag}
        )
        assert response.status_code == 409
        assert response.json()["code"] == "tender_not_draft"


class TestLots:
    async def test_clause_lot_gets_explained_hours(self, client, auth, world, session):
        structure, facilitator, buyer_org, _buyer = world
        tender, _lot, _op = await make_tender(session, structure, buyer_org)
        response = await client.post(
            f"/api/v1/tenders/{tender.id}/lots", json=lot_body(number=2), headers=auth(facilitator)
        )
        assert response.status_code == 201, response.text
        lot = response.json()
        # 2 400 000 × 0.25 (VRD, table row 45233) × 0.05 ÷ 30 = 1000 h
        assert lot["computed_hours"] == 1000
        assert lot["required_hours"] == 1000
        assert lot["calculation"]["formula"].endswith("→ 1000 h")
        labour = next(p for p in lot["calculation"]["parameters"] if p["name"] == "labour_share")
        assert labour["source"] == "structure_table"

    async def test_a_lot_runs_twenty_years_at_most(self, client, auth, world, session):
        """600 months was accepted and printed in the clause article: a typo, refused."""
        structure, facilitator, buyer_org, _buyer = world
        tender, _lot, _op = await make_tender(session, structure, buyer_org)
        url = f"/api/v1/tenders/{tender.id}/lots"
        refused = await client.post(
            url, json=lot_body(number=2, duration_months=600), headers=auth(facilitator)
        )
        assert refused.status_code == 422, refused.text
        error = refused.json()["errors"][0]
        assert (error["field"], error["message"]) == ("duration_months", "Au plus 240.")
        taken = await client.post(
            url, json=lot_body(number=2, duration_months=240), headers=auth(facilitator)
        )
        assert taken.status_code == 201, taken.text

    async def test_lot_without_clause_has_no_hours(self, client, auth, world, session):
        structure, facilitator, buyer_org, _buyer = world
        tender, _lot, _op = await make_tender(session, structure, buyer_org)
        response = await client.post(
            f"/api/v1/tenders/{tender.id}/lots",
            json=lot_body(number=2, considerations=[{"kind": "reserved_siae"}]),
            headers=auth(facilitator),
        )
        assert response.json()["computed_hours"] is None

    @pytest.mark.parametrize(
        ("considerations", "field", "code"),
        [
            (
                [{"kind": "social_award_criterion"}],
                "considerations.0.criterion_weight",
                "criterion_weight_range",
            ),
            (
                [{"kind": "social_award_criterion", "criterion_weight": "120"}],
                "considerations.0.criterion_weight",
                "criterion_weight_range",
            ),
            (
                [{"kind": "insertion_clause", "criterion_weight": "10"}],
                "considerations.0.criterion_weight",
                "weight_not_applicable",
            ),
            (
                [{"kind": "reserved_siae"}, {"kind": "reserved_disability"}],
                "considerations",
                "reservations_exclusive",
            ),
            (
                [{"kind": "insertion_clause"}, {"kind": "insertion_clause"}],
                "considerations",
                "consideration_duplicate",
            ),
        ],
    )
    async def test_consideration_rules(
        self, client, auth, world, session, considerations, field, code
    ):
        structure, facilitator, buyer_org, _buyer = world
        tender, _lot, _op = await make_tender(session, structure, buyer_org)
        response = await client.post(
            f"/api/v1/tenders/{tender.id}/lots",
            json=lot_body(number=2, considerations=considerations),
            headers=auth(facilitator),
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == field
        assert response.json()["errors"][0]["code"] == code

    async def test_social_criterion_and_clause_together(self, client, auth, world, session):
        structure, facilitator, buyer_org, _buyer = world
        tender, _lot, _op = await make_tender(session, structure, buyer_org)
        response = await client.post(
            f"/api/v1/tenders/{tender.id}/lots",
            json=lot_body(
                number=2,
                considerations=[
                    {"kind": "insertion_clause"},
                    {"kind": "social_award_criterion", "criterion_weight": "15"},
                ],
            ),
            headers=auth(facilitator),
        )
        assert response.status_code == 201
        assert {c["kind"] for c in response.json()["considerations"]} == {
            "insertion_clause",
            "social_award_criterion",
        }

    async def test_amount_change_recomputes_and_override_is_kept_with_author(
        self, client, auth, world, session
    ):
        structure, facilitator, buyer_org, _buyer = world
        tender, lot, _op = await make_tender(session, structure, buyer_org)
        url = f"/api/v1/tenders/{tender.id}/lots/{lot.id}"
        first = await client.get(url, headers=auth(facilitator))
        assert first.json()["computed_hours"] == 833  # 1 000 000 × 0.50 × 0.05 ÷ 30
        changed = await client.patch(
            url,
            json={"estimated_amount": "1200000"},
            headers=auth(facilitator) | {"If-Match": first.headers["ETag"]},
        )
        assert changed.json()["computed_hours"] == 1000
        no_reason = await client.put(
            f"{url}/hours-override",
            json={"hours": 1100},
            headers=auth(facilitator) | {"If-Match": changed.headers["ETag"]},
        )
        assert no_reason.status_code == 422
        assert no_reason.json()["errors"][0]["field"] == "reason"
        override = await client.put(
            f"{url}/hours-override",
            json={
                "hours": 1100,
                "reason": "Chantier en site occupé : besoins de main-d'œuvre accrus",
            },
            headers=auth(facilitator) | {"If-Match": changed.headers["ETag"]},
        )
        assert override.status_code == 200, override.text
        body = override.json()
        assert (body["computed_hours"], body["override_hours"], body["required_hours"]) == (
            1000,
            1100,
            1100,
        )
        assert body["override_by_id"] == str(facilitator.id)
        assert body["override_by_name"] == facilitator.full_name
        assert body["override_at"] is not None
        reread = await client.get(url, headers=auth(facilitator))
        assert reread.json()["override_by_name"] == facilitator.full_name

    async def test_buyer_cannot_override_hours(self, client, auth, world, session):
        structure, _facilitator, buyer_org, buyer = world
        tender, lot, _op = await make_tender(session, structure, buyer_org)
        response = await client.put(
            f"/api/v1/tenders/{tender.id}/lots/{lot.id}/hours-override",
            json={"hours": 1, "reason": "no reason given here"},
            headers=auth(buyer) | {"If-Match": "*"},
        )
        assert response.status_code == 403

    async def test_negative_amount_changes_nothing(self, client, auth, world, session):
        structure, facilitator, buyer_org, _buyer = world
        tender, lot, _op = await make_tender(session, structure, buyer_org)
        url = f"/api/v1/tenders/{tender.id}/lots/{lot.id}"
        etag = (await client.get(url, headers=auth(facilitator))).headers["ETag"]
        response = await client.patch(
            url, json={"estimated_amount": "-5"}, headers=auth(facilitator) | {"If-Match": etag}
        )
        assert response.status_code == 422
        after = await client.get(url, headers=auth(facilitator))
        assert Decimal(after.json()["estimated_amount"]) == Decimal("1000000")
        assert after.headers["ETag"] == etag


class TestOperations:
    async def test_create_with_target_and_scope(self, client, auth, world, session):
        _structure, facilitator, _buyer_org, _buyer = world
        response = await client.post(
            "/api/v1/operations",
            json={
                "name": "NPNRU Quartier Nord",
                "target_kind": "hours_share",
                "target_value": "0.05",
                "eligibility_restriction": "qpv_residents",
            },
            headers=auth(facilitator),
        )
        assert response.status_code == 201, response.text
        other = await make_user(session, role=Role.facilitator)
        hidden = await client.get(
            f"/api/v1/operations/{response.json()['id']}", headers=auth(other)
        )
        assert hidden.status_code == 404

    async def test_target_needs_kind_and_value(self, client, auth, world):
        _structure, facilitator, _buyer_org, _buyer = world
        response = await client.post(
            "/api/v1/operations",
            json={"name": "X", "target_kind": "hours"},
            headers=auth(facilitator),
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "target_value"

    async def test_hours_target_is_whole_hours(self, client, auth, world):
        _structure, facilitator, _buyer_org, _buyer = world
        response = await client.post(
            "/api/v1/operations",
            json={"name": "X", "target_kind": "hours", "target_value": "1000.5"},
            headers=auth(facilitator),
        )
        assert response.status_code == 422
        error = response.json()["errors"][0]
        assert (error["field"], error["code"]) == ("target_value", "target_hours_whole")
        whole = await client.post(
            "/api/v1/operations",
            json={"name": "Y", "target_kind": "hours", "target_value": "1000"},
            headers=auth(facilitator),
        )
        assert whole.status_code == 201, whole.text


class TestOperationSummary:
    async def test_an_operation_without_lots_is_not_judged(self, client, auth, world):
        """Before any tender, the target is neither met nor missed: there is nothing yet."""
        _structure, facilitator, _buyer_org, _buyer = world
        created = await client.post(
            "/api/v1/operations",
            json={"name": "NPNRU Sud", "target_kind": "hours_share", "target_value": "0.05"},
            headers=auth(facilitator),
        )
        assert created.status_code == 201, created.text
        summary = (
            await client.get(
                f"/api/v1/operations/{created.json()['id']}/summary", headers=auth(facilitator)
            )
        ).json()
        assert (summary["lots"], summary["hours_share"], summary["target_met"]) == (0, None, None)

    async def test_roll_up_against_the_five_percent_target(self, client, auth, world, session):
        structure, facilitator, buyer_org, _buyer = world
        tender, lot, operation = await make_tender(session, structure, buyer_org)
        etag = (
            await client.get(f"/api/v1/operations/{operation.id}", headers=auth(facilitator))
        ).headers["ETag"]
        await client.patch(
            f"/api/v1/operations/{operation.id}",
            json={"target_kind": "hours_share", "target_value": "0.05"},
            headers=auth(facilitator) | {"If-Match": etag},
        )
        await client.post(
            f"/api/v1/tenders/{tender.id}/lots",
            json=lot_body(
                number=2,
                cpv_code="30000000-9",
                estimated_amount="500000",
                considerations=[{"kind": "reserved_siae"}],
            ),
            headers=auth(facilitator),
        )
        summary = (
            await client.get(
                f"/api/v1/operations/{operation.id}/summary", headers=auth(facilitator)
            )
        ).json()
        # lot 1: 833 h required, 16 667 h worked; lot 2 (no clause): 8 333 h worked
        assert summary | {"hours_share": summary["hours_share"]} == {
            "tenders": 1,
            "lots": 2,
            "lots_with_clause": 1,
            "lots_closed_without_award": 0,
            "required_hours": 833,
            "labour_hours": 25000,
            "hours_share": "0.0333",
            "target_kind": "hours_share",
            "target_value": "0.0500",
            "target_met": False,
        }
        lot_url = f"/api/v1/tenders/{tender.id}/lots/{lot.id}"
        etag = (await client.get(lot_url, headers=auth(facilitator))).headers["ETag"]
        await client.put(
            f"{lot_url}/hours-override",
            json={"hours": 1300, "reason": "Objectif NPNRU porté par le gros œuvre"},
            headers=auth(facilitator) | {"If-Match": etag},
        )
        summary = (
            await client.get(
                f"/api/v1/operations/{operation.id}/summary", headers=auth(facilitator)
            )
        ).json()
        assert (summary["required_hours"], summary["hours_share"], summary["target_met"]) == (
            1300,
            "0.0520",
            True,
        )
