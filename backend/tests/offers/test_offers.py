"""Job offers through the API: the rules of opening one, who sees it, filters and actions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine

from levier.auth.permissions import Role
from levier.organisations.constants import OrganisationKind
from tests.factories import award_lot, make_organisation, make_tender, make_user

TODAY = date(2027, 3, 10)
URL = "/api/v1/offers"


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(date(2027, 3, 10), tick=False):
        yield


@pytest.fixture
async def world(session, auth):
    """A structure and its facilitator, an awarded lot (awardee + subcontractor), an unawarded
    lot, another enterprise, a buyer, and referents in and out of the territory."""
    structure = await make_organisation(session, territory=[{"level": "commune", "code": "37261"}])
    buyer_org = await make_organisation(session, OrganisationKind.buyer)
    awardee = await make_organisation(session, OrganisationKind.enterprise, name="Bâtir SA")
    subcontractor = await make_organisation(session, OrganisationKind.enterprise)
    stranger = await make_organisation(session, OrganisationKind.enterprise)
    tender, lot, _operation = await make_tender(session, structure, buyer=buyer_org)
    _other_tender, unawarded, _ = await make_tender(session, structure, buyer=buyer_org)
    notified = TODAY - timedelta(days=30)
    await award_lot(
        session, lot, awardee, notified, [(subcontractor, "1000")], awarded_amount="900000"
    )
    local = await make_organisation(
        session, OrganisationKind.prescriber, territory=[{"level": "department", "code": "37"}]
    )
    far = await make_organisation(
        session, OrganisationKind.prescriber, territory=[{"level": "department", "code": "75"}]
    )
    users = {
        "facilitator": await make_user(session, Role.facilitator, structure),
        "awardee": await make_user(session, Role.enterprise, awardee),
        "subcontractor": await make_user(session, Role.enterprise, subcontractor),
        "stranger": await make_user(session, Role.enterprise, stranger),
        "buyer": await make_user(session, Role.buyer, buyer_org),
        "referent": await make_user(session, Role.referent, local),
        "far_referent": await make_user(session, Role.referent, far),
        "other_facilitator": await make_user(session, Role.facilitator),
    }
    headers = {key: auth(user) for key, user in users.items()}
    return {
        "headers": headers,
        "lot": lot,
        "tender": tender,
        "unawarded": unawarded,
        "awardee": awardee,
        "subcontractor": subcontractor,
        "stranger": stranger,
    }


def body(lot_id, **changes):
    data = {
        "lot_id": str(lot_id) if lot_id else None,
        "rome_code": "F1703",
        "commune_code": "37261",
        "start_date": (TODAY + timedelta(days=14)).isoformat(),
        "duration_months": 6,
        "hours_per_week": "35",
        "posts": 2,
        "contract_kind": "cdd",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


async def open_offer(client, world, who="facilitator", **changes):
    response = await client.post(
        URL, json=body(world["lot"].id, **changes), headers=world["headers"][who]
    )
    assert response.status_code == 201, response.text
    return response


class TestOpenOffer:
    async def test_facilitator_opens_for_the_awardee(self, client, world):
        offer = (await open_offer(client, world)).json()
        assert offer["enterprise"]["id"] == str(world["awardee"].id)
        assert offer["title"] == "Maçon / Maçonne"  # the ROME sheet's label by default
        assert offer["rome_label"] == "Maçon / Maçonne"
        assert offer["commune_name"]
        assert offer["status"] == "open"
        assert offer["lot"]["id"] == str(world["lot"].id)
        assert offer["actions"] == {"edit": True, "fill": True, "close": True, "reopen": False}

    async def test_awardee_and_subcontractor_open_their_own(self, client, world):
        own = (await open_offer(client, world, "awardee")).json()
        assert own["enterprise"]["id"] == str(world["awardee"].id)
        sub = (await open_offer(client, world, "subcontractor", rome_code="f1704")).json()
        assert sub["enterprise"]["id"] == str(world["subcontractor"].id)
        assert sub["rome_code"] == "F1704"

    async def test_enterprise_cannot_open_for_another(self, client, world):
        response = await client.post(
            URL,
            json=body(world["lot"].id, enterprise_id=str(world["subcontractor"].id)),
            headers=world["headers"]["awardee"],
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "enterprise_id"

    async def test_facilitator_names_only_the_lots_employers(self, client, world):
        response = await client.post(
            URL,
            json=body(world["lot"].id, enterprise_id=str(world["stranger"].id)),
            headers=world["headers"]["facilitator"],
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["code"] == "offer_enterprise_not_on_lot"

    async def test_lot_must_be_awarded(self, client, world):
        response = await client.post(
            URL, json=body(world["unawarded"].id), headers=world["headers"]["facilitator"]
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["code"] == "offer_lot_not_awarded"

    async def test_lot_outside_scope_is_unknown(self, client, world):
        for who in ("stranger", "other_facilitator"):
            response = await client.post(
                URL, json=body(world["lot"].id), headers=world["headers"][who]
            )
            assert response.status_code == 422, who
            assert response.json()["errors"][0]["code"] == "offer_lot_unknown"

    async def test_every_bad_field_at_once(self, client, world):
        response = await client.post(
            URL,
            json=body(
                world["lot"].id,
                rome_code="Z9999",
                hours_per_week="0",
                posts=0,
                duration_months=0,
                start_date="1999-01-01",
            ),
            headers={**world["headers"]["facilitator"], "Accept-Language": "fr"},
        )
        assert response.status_code == 422
        fields = {error["field"] for error in response.json()["errors"]}
        assert {"rome_code", "hours_per_week", "posts", "duration_months", "start_date"} <= fields

    async def test_more_than_48_hours_refused(self, client, world):
        response = await client.post(
            URL,
            json=body(world["lot"].id, hours_per_week="48.5"),
            headers=world["headers"]["facilitator"],
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "hours_per_week"

    async def test_rules_of_the_service_together(self, client, world):
        response = await client.post(
            URL,
            json=body(
                world["lot"].id,
                commune_code="99999",
                start_date=(TODAY - timedelta(days=1)).isoformat(),
            ),
            headers=world["headers"]["facilitator"],
        )
        assert response.status_code == 422
        codes = {error["code"] for error in response.json()["errors"]}
        assert codes == {"insee_code_invalid", "offer_start_in_past"}

    async def test_without_lot_only_the_facilitator(self, client, world):
        general = body(None, enterprise_id=str(world["stranger"].id))
        refused = await client.post(URL, json=general, headers=world["headers"]["awardee"])
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["code"] == "offer_lot_required"
        opened = await client.post(URL, json=general, headers=world["headers"]["facilitator"])
        assert opened.status_code == 201, opened.text
        assert opened.json()["lot"] is None

    async def test_buyer_and_referent_cannot_open(self, client, world):
        for who in ("buyer", "referent"):
            response = await client.post(
                URL, json=body(world["lot"].id), headers=world["headers"][who]
            )
            assert response.status_code == 403


class TestWhoSeesOffers:
    async def test_scope_per_role(self, client, world):
        offer = (await open_offer(client, world)).json()
        path = f"{URL}/{offer['id']}"
        for who in ("facilitator", "awardee", "buyer", "referent"):
            response = await client.get(path, headers=world["headers"][who])
            assert response.status_code == 200, who
            assert response.json()["actions"]["edit"] is (who in ("facilitator", "awardee"))
        for who in ("subcontractor", "stranger", "far_referent", "other_facilitator"):
            assert (await client.get(path, headers=world["headers"][who])).status_code == 404, who
            listing = await client.get(URL, headers=world["headers"][who])
            assert listing.json()["items"] == [], who

    async def test_referents_see_open_offers_only(self, client, world):
        offer = await open_offer(client, world)
        path = f"{URL}/{offer.json()['id']}"
        closed = await client.post(
            f"{path}/status",
            json={"status": "closed"},
            headers={**world["headers"]["facilitator"], "If-Match": offer.headers["ETag"]},
        )
        assert closed.status_code == 200
        assert (await client.get(path, headers=world["headers"]["referent"])).status_code == 404
        assert (await client.get(path, headers=world["headers"]["awardee"])).status_code == 200


class TestFilters:
    async def test_rome_place_start_status_lot(self, client, world):
        await open_offer(client, world)
        await open_offer(
            client,
            world,
            rome_code="A1203",
            commune_code="37122",
            start_date=(TODAY + timedelta(days=60)).isoformat(),
        )
        headers = world["headers"]["referent"]

        async def titles(**params):
            page = await client.get(URL, params=params, headers=headers)
            assert page.status_code == 200, page.text
            return [item["rome_code"] for item in page.json()["items"]]

        assert await titles() == ["F1703", "A1203"]  # soonest start first
        assert await titles(rome="F17") == ["F1703"]
        assert await titles(rome="a1203") == ["A1203"]
        assert await titles(commune="37122") == ["A1203"]
        assert await titles(start_from=(TODAY + timedelta(days=30)).isoformat()) == ["A1203"]
        assert await titles(start_to=(TODAY + timedelta(days=30)).isoformat()) == ["F1703"]
        assert await titles(status="closed") == []
        assert await titles(lot_id=str(world["lot"].id)) == ["F1703", "A1203"]

    async def test_pages_follow_each_other(self, client, world):
        for days in (5, 6, 7):
            await open_offer(client, world, start_date=(TODAY + timedelta(days=days)).isoformat())
        headers = world["headers"]["facilitator"]
        first = (await client.get(URL, params={"limit": 2}, headers=headers)).json()
        second = (
            await client.get(
                URL, params={"limit": 2, "cursor": first["next_cursor"]}, headers=headers
            )
        ).json()
        assert len(first["items"]) == 2 and len(second["items"]) == 1
        assert second["next_cursor"] is None


class TestChangeOffer:
    async def test_patch_needs_if_match_and_keeps_rules(self, client, world):
        offer = await open_offer(client, world, "awardee")
        path = f"{URL}/{offer.json()['id']}"
        headers = world["headers"]["awardee"]
        assert (await client.patch(path, json={"posts": 3}, headers=headers)).status_code == 428
        changed = await client.patch(
            path,
            json={"posts": 3, "commune_code": "37122"},
            headers={**headers, "If-Match": offer.headers["ETag"]},
        )
        assert changed.status_code == 200, changed.text
        assert changed.json()["posts"] == 3
        assert changed.json()["commune_code"] == "37122"
        refused = await client.patch(
            path,
            json={"hours_per_week": "60", "posts": None},
            headers={**headers, "If-Match": changed.headers["ETag"]},
        )
        assert refused.status_code == 422
        assert {e["field"] for e in refused.json()["errors"]} == {"hours_per_week"} or {
            e["field"] for e in refused.json()["errors"]
        } == {"hours_per_week", "posts"}

    async def test_status_moves(self, client, world):
        offer = await open_offer(client, world)
        path = f"{URL}/{offer.json()['id']}"
        headers = world["headers"]["facilitator"]
        etag = offer.headers["ETag"]

        async def move(status):
            nonlocal etag
            response = await client.post(
                f"{path}/status", json={"status": status}, headers={**headers, "If-Match": etag}
            )
            if response.status_code == 200:
                etag = response.headers["ETag"]
            return response

        closed = await move("closed")
        assert closed.json()["actions"] == {
            "edit": False,
            "fill": False,
            "close": False,
            "reopen": True,
        }
        assert (await move("open")).status_code == 200
        filled = await move("filled")
        assert filled.json()["actions"] == {
            "edit": False,
            "fill": False,
            "close": False,
            "reopen": False,
        }
        refused = await move("open")
        assert refused.status_code == 409
        assert refused.json()["code"] == "offer_transition_refused"
        # States are named in the caller's language, never as codes.
        assert "« pourvue » à « ouverte »" in refused.json()["detail"], refused.json()
        edit = await client.patch(path, json={"posts": 1}, headers={**headers, "If-Match": etag})
        assert edit.status_code == 409
        assert edit.json()["code"] == "offer_not_open"
        assert "(pourvue)" in edit.json()["detail"], edit.json()


class TestFormOptions:
    async def test_who_may_open_on_a_lot(self, client, world):
        params = {"lot_id": str(world["lot"].id)}
        facilitator = (
            await client.get(
                f"{URL}/form-options", params=params, headers=world["headers"]["facilitator"]
            )
        ).json()
        assert facilitator["create"] is True
        assert [e["id"] for e in facilitator["enterprises"]] == [
            str(world["awardee"].id),
            str(world["subcontractor"].id),
        ]
        awardee = (
            await client.get(
                f"{URL}/form-options", params=params, headers=world["headers"]["awardee"]
            )
        ).json()
        assert [e["id"] for e in awardee["enterprises"]] == [str(world["awardee"].id)]
        for who in ("buyer", "stranger"):
            options = await client.get(
                f"{URL}/form-options", params=params, headers=world["headers"][who]
            )
            assert options.json() == {"create": False, "enterprises": []}, who
        unawarded = await client.get(
            f"{URL}/form-options",
            params={"lot_id": str(world["unawarded"].id)},
            headers=world["headers"]["facilitator"],
        )
        assert unawarded.json()["create"] is False


class TestAudit:
    async def test_opening_is_audited(self, client, world, session):
        from sqlalchemy import select

        from levier.core.audit.models import AuditEvent

        offer = (await open_offer(client, world)).json()
        rows = (
            (
                await session.execute(
                    select(AuditEvent).where(AuditEvent.entity_type == "offer")  # type: ignore[arg-type]
                )
            )
            .scalars()
            .all()
        )
        assert [str(row.entity_id) for row in rows] == [offer["id"]]
