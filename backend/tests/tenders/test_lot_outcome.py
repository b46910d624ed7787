"""A tender is awarded once each lot is awarded or closed without an awardee (unsuccessful or
abandoned, with a date and a reason)."""

from __future__ import annotations

from levier.auth.permissions import Role
from tests.factories import make_organisation, make_tender, make_user
from tests.tenders.helpers import enterprise, put_award

AWARD = {"awarded_amount": "900000", "notification_date": "2027-02-01"}
CLOSED = {"outcome": "unsuccessful", "decided_on": "2027-02-10", "reason": "Aucune offre reçue."}


async def two_lot_tender(client, auth, session):
    """A published tender with two lots, and its facilitator."""
    structure = await make_organisation(session)
    facilitator = await make_user(session, Role.facilitator, structure)
    tender, lot, _operation = await make_tender(session, structure)
    url = f"/api/v1/tenders/{tender.id}"
    second = await client.post(
        f"{url}/lots",
        json={
            "number": 2,
            "title": "Peinture",
            "cpv_code": "45442100-8",
            "estimated_amount": "200000",
            "duration_months": 6,
            "considerations": [{"kind": "insertion_clause"}],
        },
        headers=auth(facilitator),
    )
    assert second.status_code == 201, second.text
    detail = await client.get(url, headers=auth(facilitator))
    published = await client.post(
        f"{url}/transition",
        json={"status": "published"},
        headers=auth(facilitator) | {"If-Match": detail.headers["ETag"]},
    )
    assert published.status_code == 200, published.text
    return facilitator, tender, lot, second.json()["id"]


async def put_outcome(client, auth, user, tender, lot_id, body):
    url = f"/api/v1/tenders/{tender.id}/lots/{lot_id}"
    etag = (await client.get(url, headers=auth(user))).headers["ETag"]
    return await client.put(f"{url}/outcome", json=body, headers=auth(user) | {"If-Match": etag})


async def move(client, auth, user, tender, status):
    url = f"/api/v1/tenders/{tender.id}"
    etag = (await client.get(url, headers=auth(user))).headers["ETag"]
    return await client.post(
        f"{url}/transition", json={"status": status}, headers=auth(user) | {"If-Match": etag}
    )


class TestLotOutcome:
    async def test_tender_awarded_only_once_every_lot_is_settled(self, client, auth, session):
        facilitator, tender, lot, second = await two_lot_tender(client, auth, session)
        builder = await enterprise(session)
        awarded = await put_award(
            client,
            auth,
            facilitator,
            tender,
            lot,
            AWARD | {"members": [{"enterprise_id": str(builder.id)}]},
        )
        assert awarded.status_code == 200, awarded.text
        early = await move(client, auth, facilitator, tender, "awarded")
        assert early.status_code == 409
        assert early.json()["code"] == "tender_lots_pending"
        assert "2" in early.json()["detail"]
        detail = (
            await client.get(f"/api/v1/tenders/{tender.id}", headers=auth(facilitator))
        ).json()
        assert detail["actions"]["mark_awarded"] is False
        closed = await put_outcome(client, auth, facilitator, tender, second, CLOSED)
        assert closed.status_code == 200, closed.text
        assert (closed.json()["outcome"], closed.json()["outcome_on"]) == (
            "unsuccessful",
            "2027-02-10",
        )
        assert closed.json()["actions"]["award"] is False
        assert (await move(client, auth, facilitator, tender, "awarded")).status_code == 200

    async def test_a_closed_lot_is_reopened_before_it_is_awarded(self, client, auth, session):
        facilitator, tender, _lot, second = await two_lot_tender(client, auth, session)
        await put_outcome(
            client, auth, facilitator, tender, second, CLOSED | {"outcome": "abandoned"}
        )

        class Lot:
            id = second

        builder = await enterprise(session)
        body = AWARD | {"members": [{"enterprise_id": str(builder.id)}]}
        refused = await put_award(client, auth, facilitator, tender, Lot, body)
        assert refused.status_code == 409
        assert refused.json()["code"] == "lot_closed_without_award"
        reopened = await put_outcome(client, auth, facilitator, tender, second, {"outcome": None})
        assert reopened.status_code == 200 and reopened.json()["outcome"] is None
        assert reopened.json()["actions"]["award"] is True
        assert (await put_award(client, auth, facilitator, tender, Lot, body)).status_code == 200

    async def test_the_decision_needs_its_date_and_reason(self, client, auth, session):
        facilitator, tender, _lot, second = await two_lot_tender(client, auth, session)
        for body, field in (
            ({"outcome": "unsuccessful", "reason": "Aucune offre reçue."}, "decided_on"),
            ({"outcome": "unsuccessful", "decided_on": "2027-02-10"}, "reason"),
        ):
            response = await put_outcome(client, auth, facilitator, tender, second, body)
            assert response.status_code == 422
            assert response.json()["errors"][0]["field"] == field

    async def test_a_draft_lot_cannot_be_closed(self, client, auth, session):
        structure = await make_organisation(session)
        facilitator = await make_user(session, Role.facilitator, structure)
        tender, lot, _operation = await make_tender(session, structure)
        response = await put_outcome(client, auth, facilitator, tender, lot.id, CLOSED)
        assert response.status_code == 409
        assert "brouillon" in response.json()["detail"]
