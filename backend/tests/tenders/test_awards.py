from __future__ import annotations

import pytest

from levier.auth.permissions import Role
from levier.organisations.constants import EnterpriseKind, OrganisationKind
from tests.factories import make_organisation, make_tender, make_user
from tests.tenders.helpers import enterprise, move, put_award


class TestAward:
    async def test_consortium_with_subcontractor_and_hours_on_awarded_amount(
        self, client, auth, session, published
    ):
        facilitator, tender, lot = published
        builder = await enterprise(session, name="Bâtir")
        partner = await enterprise(session, name="Partenaire")
        insertion = await enterprise(session, EnterpriseKind.EI, name="Tremplin")
        response = await put_award(
            client,
            auth,
            facilitator,
            tender,
            lot,
            {
                "awarded_amount": "1200000",
                "notification_date": "2027-02-01",
                "consortium_type": "several",
                "members": [
                    {"enterprise_id": str(builder.id), "is_mandatary": True},
                    {"enterprise_id": str(partner.id)},
                ],
                "subcontractors": [{"enterprise_id": str(insertion.id), "amount": "80000"}],
            },
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["computed_hours"] == 1000  # recomputed on 1 200 000 €
        assert body["current_amount"] == "1200000.00"
        award = body["award"]
        assert award["consortium_type"] == "several"
        assert [(m["enterprise"]["name"], m["is_mandatary"]) for m in award["members"]] == [
            ("Bâtir", True),
            ("Partenaire", False),
        ]
        assert award["subcontractors"][0]["enterprise"]["enterprise_kind"] == "EI"

    async def test_a_consortium_members_share_is_kept_within_the_award(
        self, client, auth, session, published
    ):
        facilitator, tender, lot = published
        builder = await enterprise(session, name="Bâtir")
        workshop = await enterprise(session, EnterpriseKind.EA, name="Atelier")
        body = {
            "awarded_amount": "1000000",
            "notification_date": "2027-02-01",
            "consortium_type": "joint",
            "members": [
                {"enterprise_id": str(builder.id), "is_mandatary": True},
                {"enterprise_id": str(workshop.id), "amount": "1000000.01"},
            ],
        }
        refused = await put_award(client, auth, facilitator, tender, lot, body)
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["code"] == "member_amounts_exceed_award"
        body["members"][1]["amount"] = "120000"
        response = await put_award(client, auth, facilitator, tender, lot, body)
        assert response.status_code == 200, response.text
        members = response.json()["award"]["members"]
        assert {m["enterprise"]["name"]: m["amount"] for m in members} == {
            "Bâtir": None,
            "Atelier": "120000.00",
        }

    async def test_frozen_hours_stay_on_the_estimate(self, client, auth, session, published):
        facilitator, tender, lot = published
        builder = await enterprise(session)
        response = await put_award(
            client,
            auth,
            facilitator,
            tender,
            lot,
            {
                "awarded_amount": "1200000",
                "notification_date": "2027-02-01",
                "members": [{"enterprise_id": str(builder.id)}],
                "freeze_hours": True,
            },
        )
        assert response.json()["computed_hours"] == 833

    async def test_consortium_needs_one_mandatary(self, client, auth, session, published):
        facilitator, tender, lot = published
        a, b = await enterprise(session), await enterprise(session)
        response = await put_award(
            client,
            auth,
            facilitator,
            tender,
            lot,
            {
                "awarded_amount": "900000",
                "notification_date": "2027-02-01",
                "consortium_type": "joint",
                "members": [{"enterprise_id": str(a.id)}, {"enterprise_id": str(b.id)}],
            },
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["code"] == "consortium_needs_one_mandatary"

    async def test_buyer_organisation_is_not_an_awardee(self, client, auth, session, published):
        facilitator, tender, lot = published
        buyer = await make_organisation(session, OrganisationKind.buyer)
        response = await put_award(
            client,
            auth,
            facilitator,
            tender,
            lot,
            {
                "awarded_amount": "900000",
                "notification_date": "2027-02-01",
                "members": [{"enterprise_id": str(buyer.id)}],
            },
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "members.0.enterprise_id"

    async def test_draft_tender_lot_cannot_be_awarded(self, client, auth, session):
        structure = await make_organisation(session)
        facilitator = await make_user(session, role=Role.facilitator, organisation=structure)
        tender, lot, _op = await make_tender(session, structure)
        builder = await enterprise(session)
        response = await put_award(
            client,
            auth,
            facilitator,
            tender,
            lot,
            {
                "awarded_amount": "900000",
                "notification_date": "2027-02-01",
                "members": [{"enterprise_id": str(builder.id)}],
            },
        )
        assert response.status_code == 409
        assert response.json()["code"] == "award_needs_published_tender"


class TestReservedLots:
    @pytest.mark.parametrize(
        ("reservation", "kind", "admitted"),
        [
            ("reserved_siae", EnterpriseKind.EI, True),
            ("reserved_siae", EnterpriseKind.ACI, True),
            ("reserved_siae", EnterpriseKind.EA, False),
            ("reserved_siae", EnterpriseKind.ordinary, False),
            ("reserved_disability", EnterpriseKind.ESAT, True),
            ("reserved_disability", EnterpriseKind.ETTI, False),
            ("reserved_both", EnterpriseKind.EA, True),
            ("reserved_both", EnterpriseKind.AI, True),
            ("reserved_both", EnterpriseKind.GEIQ, False),
        ],
    )
    async def test_only_admitted_kinds_win_a_reserved_lot(
        self, client, auth, session, reservation, kind, admitted
    ):
        structure = await make_organisation(session)
        facilitator = await make_user(session, role=Role.facilitator, organisation=structure)
        tender, lot, _op = await make_tender(session, structure)
        url = f"/api/v1/tenders/{tender.id}"
        lot_url = f"{url}/lots/{lot.id}"
        etag = (await client.get(lot_url, headers=auth(facilitator))).headers["ETag"]
        await client.patch(
            lot_url,
            json={"considerations": [{"kind": reservation}]},
            headers=auth(facilitator) | {"If-Match": etag},
        )
        etag = (await client.get(url, headers=auth(facilitator))).headers["ETag"]
        await client.post(
            f"{url}/transition",
            json={"status": "published"},
            headers=auth(facilitator) | {"If-Match": etag},
        )
        candidate = await enterprise(session, kind)
        response = await put_award(
            client,
            auth,
            facilitator,
            tender,
            lot,
            {
                "awarded_amount": "900000",
                "notification_date": "2027-02-01",
                "members": [{"enterprise_id": str(candidate.id)}],
            },
        )
        if admitted:
            assert response.status_code == 200, response.text
        else:
            assert response.status_code == 422
            error = response.json()["errors"][0]
            assert (error["field"], error["code"]) == (
                "members.0.enterprise_id",
                "awardee_not_admitted",
            )
            after = await client.get(lot_url, headers=auth(facilitator))
            assert after.json()["award"] is None


class TestAmendments:
    async def test_amendment_changes_amount_and_hours_with_history(
        self, client, auth, session, published
    ):
        facilitator, tender, lot = published
        builder = await enterprise(session)
        await put_award(
            client,
            auth,
            facilitator,
            tender,
            lot,
            {
                "awarded_amount": "1200000",
                "notification_date": "2027-02-01",
                "members": [{"enterprise_id": str(builder.id)}],
            },
        )
        lot_url = f"/api/v1/tenders/{tender.id}/lots/{lot.id}"
        etag = (await client.get(lot_url, headers=auth(facilitator))).headers["ETag"]
        response = await client.post(
            f"{lot_url}/amendments",
            json={
                "signed_on": "2027-06-01",
                "reason": "Travaux supplémentaires",
                "new_amount": "1500000",
                "new_duration_months": 15,
            },
            headers=auth(facilitator) | {"If-Match": etag},
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["computed_hours"] == 1250
        assert body["duration_months"] == 15
        assert body["amendments"] == [
            body["amendments"][0]
            | {
                "number": 1,
                "amount_before": "1200000.00",
                "amount_after": "1500000.00",
                "duration_before": 12,
                "duration_after": 15,
                "hours_before": 1000,
                "hours_after": 1250,
            }
        ]

    async def test_amendment_needs_an_award_and_a_change(self, client, auth, session, published):
        facilitator, tender, lot = published
        lot_url = f"/api/v1/tenders/{tender.id}/lots/{lot.id}"
        etag = (await client.get(lot_url, headers=auth(facilitator))).headers["ETag"]
        early = await client.post(
            f"{lot_url}/amendments",
            json={
                "signed_on": "2027-06-01",
                "reason": "Travaux supplémentaires",
                "new_amount": "1500000",
            },
            headers=auth(facilitator) | {"If-Match": etag},
        )
        assert early.status_code == 409
        assert early.json()["code"] == "amendment_needs_award"


class TestEnterpriseSeesItsAwardedLots:
    """An enterprise user reads the lots its organisation was awarded, and nothing else."""

    async def _awarded(self, client, auth, session):
        structure = await make_organisation(session)
        facilitator = await make_user(session, role=Role.facilitator, organisation=structure)
        tender, lot, _op = await make_tender(session, structure)
        second = await client.post(
            f"/api/v1/tenders/{tender.id}/lots",
            json={
                "number": 2,
                "title": "Peinture",
                "trade": "Peinture",
                "cpv_code": "45442100-8",
                "estimated_amount": "200000",
                "duration_months": 6,
            },
            headers=auth(facilitator),
        )
        assert second.status_code == 201, second.text
        assert (await move(client, auth, facilitator, tender, "published")).status_code == 200
        builder = await enterprise(session, name="Bâtir")
        insertion = await enterprise(session, EnterpriseKind.EI, name="Tremplin")
        response = await put_award(
            client,
            auth,
            facilitator,
            tender,
            lot,
            {
                "awarded_amount": "1000000",
                "notification_date": "2027-02-01",
                "members": [{"enterprise_id": str(builder.id)}],
                "subcontractors": [{"enterprise_id": str(insertion.id), "amount": "50000"}],
            },
        )
        assert response.status_code == 200, response.text
        return tender, lot, second.json()["id"], builder, insertion

    async def test_member_and_subcontractor_see_the_lot_only(self, client, auth, session):
        tender, lot, other_lot, builder, insertion = await self._awarded(client, auth, session)
        for organisation in (builder, insertion):
            user = await make_user(session, role=Role.enterprise, organisation=organisation)
            listing = await client.get("/api/v1/tenders", headers=auth(user))
            assert [t["id"] for t in listing.json()["items"]] == [str(tender.id)]
            detail = await client.get(f"/api/v1/tenders/{tender.id}", headers=auth(user))
            assert [lo["id"] for lo in detail.json()["lots"]] == [str(lot.id)]
            own = await client.get(f"/api/v1/tenders/{tender.id}/lots/{lot.id}", headers=auth(user))
            assert own.status_code == 200
            article = await client.get(
                f"/api/v1/tenders/{tender.id}/lots/{lot.id}/clause-article", headers=auth(user)
            )
            assert article.status_code == 200
            other = await client.get(
                f"/api/v1/tenders/{tender.id}/lots/{other_lot}", headers=auth(user)
            )
            assert other.status_code == 404

    async def test_enterprise_cannot_change_anything(self, client, auth, session):
        tender, lot, _other, builder, _insertion = await self._awarded(client, auth, session)
        user = await make_user(session, role=Role.enterprise, organisation=builder)
        url = f"/api/v1/tenders/{tender.id}/lots/{lot.id}"
        etag = (await client.get(url, headers=auth(user))).headers["ETag"]
        response = await client.patch(
            url, json={"title": "Changé"}, headers=auth(user) | {"If-Match": etag}
        )
        assert response.status_code == 403

    async def test_other_enterprise_sees_nothing(self, client, auth, session):
        tender, _lot, _other, _builder, _insertion = await self._awarded(client, auth, session)
        stranger = await make_user(
            session, role=Role.enterprise, organisation=await enterprise(session)
        )
        listing = await client.get("/api/v1/tenders", headers=auth(stranger))
        assert listing.json()["items"] == []
        detail = await client.get(f"/api/v1/tenders/{tender.id}", headers=auth(stranger))
        assert detail.status_code == 404
