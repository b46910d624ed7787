"""Lots are added only while their tender is a draft; a lot is declared unsuccessful once
the offers are in; a lot closed without an awardee is not forecast in its operation."""

from __future__ import annotations

from levier.auth.permissions import Role
from tests.factories import make_organisation, make_tender, make_user
from tests.tenders.helpers import enterprise, move, put_award

LOT_2 = {
    "number": 2,
    "title": "Peinture des halls",
    "trade": "Peinture",
    "cpv_code": "45442100-8",
    "estimated_amount": "200000",
    "duration_months": 6,
    "considerations": [{"kind": "insertion_clause"}],
}
# Published on 1 December 2026, offers until 15 January 2027 (the tests run in December 2027).
DATES = {"publication_date": "2026-12-01", "deadline_date": "2027-01-15"}


async def dated_tender(client, auth, session, *, second_lot=True):
    """A published tender with its dates and one or two clause lots, and its facilitator."""
    structure = await make_organisation(session)
    facilitator = await make_user(session, Role.facilitator, structure)
    tender, lot, operation = await make_tender(session, structure)
    url = f"/api/v1/tenders/{tender.id}"
    etag = (await client.get(url, headers=auth(facilitator))).headers["ETag"]
    dated = await client.patch(url, json=DATES, headers=auth(facilitator) | {"If-Match": etag})
    assert dated.status_code == 200, dated.text
    second = None
    if second_lot:
        added = await client.post(f"{url}/lots", json=LOT_2, headers=auth(facilitator))
        assert added.status_code == 201, added.text
        second = added.json()["id"]
    assert (await move(client, auth, facilitator, tender, "published")).status_code == 200
    return facilitator, tender, lot, operation, second


async def put_outcome(client, auth, user, tender, lot_id, body):
    url = f"/api/v1/tenders/{tender.id}/lots/{lot_id}"
    etag = (await client.get(url, headers=auth(user))).headers["ETag"]
    return await client.put(f"{url}/outcome", json=body, headers=auth(user) | {"If-Match": etag})


class TestAddLot:
    async def test_a_draft_takes_lots_and_says_so(self, client, auth, session):
        structure = await make_organisation(session)
        facilitator = await make_user(session, Role.facilitator, structure)
        tender, _lot, _operation = await make_tender(session, structure)
        url = f"/api/v1/tenders/{tender.id}"
        assert (await client.get(url, headers=auth(facilitator))).json()["actions"]["add_lot"]
        added = await client.post(f"{url}/lots", json=LOT_2, headers=auth(facilitator))
        assert added.status_code == 201, added.text

    async def test_no_lot_is_added_once_published_nor_awarded(self, client, auth, session):
        facilitator, tender, lot, _operation, _second = await dated_tender(
            client, auth, session, second_lot=False
        )
        url = f"/api/v1/tenders/{tender.id}"
        third = LOT_2 | {"number": 3}
        for state in ("published", "awarded"):
            if state == "awarded":
                builder = await enterprise(session)
                award = {
                    "awarded_amount": "900000",
                    "notification_date": "2027-02-01",
                    "members": [{"enterprise_id": str(builder.id)}],
                }
                assert (await put_award(client, auth, facilitator, tender, lot, award)).is_success
                assert (await move(client, auth, facilitator, tender, "awarded")).is_success
            detail = (await client.get(url, headers=auth(facilitator))).json()
            assert (detail["status"], detail["actions"]["add_lot"]) == (state, False)
            assert detail["actions"]["edit"] is True  # the tender itself is still corrected
            refused = await client.post(
                f"{url}/lots",
                json=third,
                headers=auth(facilitator) | {"Accept-Language": "en"},
            )
            assert refused.status_code == 409
            assert refused.json()["code"] == "lot_added_after_publication"
            assert "draft" in refused.json()["detail"]
        lots = (await client.get(url, headers=auth(facilitator))).json()["lots"]
        assert [item["number"] for item in lots] == [1]


class TestOutcomeDate:
    async def test_unsuccessful_is_declared_after_the_deadline(self, client, auth, session):
        facilitator, tender, _lot, _operation, second = await dated_tender(client, auth, session)
        early = await put_outcome(
            client,
            auth,
            facilitator,
            tender,
            second,
            {"outcome": "unsuccessful", "decided_on": "2027-01-10", "reason": "Aucune offre."},
        )
        assert early.status_code == 422
        error = early.json()["errors"][0]
        assert (error["field"], error["code"]) == ("decided_on", "outcome_before_deadline")
        assert "15/01/2027" in error["message"]
        on_time = await put_outcome(
            client,
            auth,
            facilitator,
            tender,
            second,
            {"outcome": "unsuccessful", "decided_on": "2027-01-20", "reason": "Aucune offre."},
        )
        assert on_time.status_code == 200, on_time.text

    async def test_a_procedure_is_abandoned_at_any_time_once_published(self, client, auth, session):
        facilitator, tender, _lot, _operation, second = await dated_tender(client, auth, session)
        body = {"outcome": "abandoned", "reason": "Programme reporté par le conseil."}
        before = await put_outcome(
            client, auth, facilitator, tender, second, body | {"decided_on": "2026-11-20"}
        )
        assert before.status_code == 422
        error = before.json()["errors"][0]
        assert (error["field"], error["code"]) == ("decided_on", "outcome_before_publication")
        during = await put_outcome(
            client, auth, facilitator, tender, second, body | {"decided_on": "2027-01-10"}
        )
        assert during.status_code == 200, during.text


class TestClosedLotsAreNotForecast:
    async def test_an_unsuccessful_lot_leaves_the_operation_summary(self, client, auth, session):
        facilitator, tender, _lot, operation, second = await dated_tender(client, auth, session)
        summary_url = f"/api/v1/operations/{operation.id}/summary"
        before = (await client.get(summary_url, headers=auth(facilitator))).json()
        # lot 1: 1 000 000 € → 833 h of 16 667 h worked; lot 2: 200 000 € → 233 h of 4 667 h
        # (painting: 70 % labour).
        assert (before["lots"], before["required_hours"], before["labour_hours"]) == (
            2,
            833 + 233,
            16667 + 4667,
        )
        closed = await put_outcome(
            client,
            auth,
            facilitator,
            tender,
            second,
            {"outcome": "unsuccessful", "decided_on": "2027-01-20", "reason": "Aucune offre."},
        )
        assert closed.status_code == 200, closed.text
        after = (await client.get(summary_url, headers=auth(facilitator))).json()
        assert (
            after["lots"],
            after["lots_with_clause"],
            after["lots_closed_without_award"],
            after["required_hours"],
            after["labour_hours"],
        ) == (1, 1, 1, 833, 16667)
        reopened = await put_outcome(client, auth, facilitator, tender, second, {"outcome": None})
        assert reopened.status_code == 200
        again = (await client.get(summary_url, headers=auth(facilitator))).json()
        assert (again["lots"], again["lots_closed_without_award"]) == (2, 0)


def fields_of(response) -> dict[str, str]:
    assert response.status_code == 422, response.text
    return {error["field"]: error["code"] for error in response.json()["errors"]}


class TestEveryRefusalAtOnce:
    """A form's refused fields come in one answer, each named, not one per try."""

    async def test_award(self, client, auth, session):
        facilitator, tender, lot, _operation, _second = await dated_tender(client, auth, session)
        builder, subcontractor = await enterprise(session), await enterprise(session)
        response = await put_award(
            client,
            auth,
            facilitator,
            tender,
            lot,
            {
                "awarded_amount": "100000",
                "notification_date": "2027-01-10",
                "members": [{"enterprise_id": str(builder.id)}],
                "subcontractors": [{"enterprise_id": str(subcontractor.id), "amount": "150000"}],
            },
        )
        assert fields_of(response) == {
            "notification_date": "award_before_deadline",
            "subcontractors": "subcontracting_exceeds_award",
        }
        messages = [error["message"] for error in response.json()["errors"]]
        assert "Les montants sous-traités dépassent le montant attribué." in messages

    async def test_amendment(self, client, auth, session):
        facilitator, tender, lot, _operation, _second = await dated_tender(client, auth, session)
        builder = await enterprise(session)
        award = {
            "awarded_amount": "900000",
            "notification_date": "2027-02-01",
            "members": [{"enterprise_id": str(builder.id)}],
        }
        assert (await put_award(client, auth, facilitator, tender, lot, award)).is_success
        url = f"/api/v1/tenders/{tender.id}/lots/{lot.id}"
        etag = (await client.get(url, headers=auth(facilitator))).headers["ETag"]
        response = await client.post(
            f"{url}/amendments",
            json={"signed_on": "2027-01-20", "reason": "Travaux supplémentaires"},
            headers=auth(facilitator) | {"If-Match": etag},
        )
        assert fields_of(response) == {
            "new_amount": "amendment_changes_nothing",
            "signed_on": "amendment_before_notification",
        }
        assert "01/02/2027" in response.json()["errors"][1]["message"]

    async def test_outcome(self, client, auth, session):
        facilitator, tender, _lot, _operation, second = await dated_tender(client, auth, session)
        response = await put_outcome(
            client, auth, facilitator, tender, second, {"outcome": "unsuccessful"}
        )
        assert fields_of(response) == {"decided_on": "field_required", "reason": "field_required"}

    async def test_tender(self, client, auth, session):
        structure = await make_organisation(session)
        facilitator = await make_user(session, Role.facilitator, structure)
        tender, _lot, _operation = await make_tender(session, structure)
        url = f"/api/v1/tenders/{tender.id}"
        etag = (await client.get(url, headers=auth(facilitator))).headers["ETag"]
        other_structure = await make_organisation(session)
        _other, _other_lot, foreign_operation = await make_tender(session, other_structure)
        response = await client.patch(
            url,
            json={
                "publication_date": "2027-03-01",
                "deadline_date": "2027-02-01",
                "operation_id": str(foreign_operation.id),
            },
            headers=auth(facilitator) | {"If-Match": etag},
        )
        assert fields_of(response) == {
            "deadline_date": "dates_out_of_order",
            "operation_id": "operation_not_found",
        }
