"""Rules an award and its amendments keep once a lot is awarded (issue 3, bad input)."""

from __future__ import annotations

import pytest

from levier.auth.permissions import Role
from levier.organisations.constants import EnterpriseKind
from tests.factories import make_user
from tests.tenders.helpers import enterprise, put_award

AWARD = {"awarded_amount": "1000000", "notification_date": "2027-02-01"}


def lot_url(tender, lot) -> str:
    return f"/api/v1/tenders/{tender.id}/lots/{lot.id}"


async def awarded(client, auth, session, published):
    facilitator, tender, lot = published
    builder = await enterprise(session, name="Bâtir")
    response = await put_award(
        client,
        auth,
        facilitator,
        tender,
        lot,
        AWARD | {"members": [{"enterprise_id": str(builder.id)}]},
    )
    assert response.status_code == 200, response.text
    return facilitator, tender, lot, builder


async def write(client, auth, user, method, url, body, record_url=None):
    """A write with the ETag of the record it changes (`url` itself unless said)."""
    etag = (await client.get(record_url or url, headers=auth(user))).headers["ETag"]
    return await client.request(method, url, json=body, headers=auth(user) | {"If-Match": etag})


async def amend(client, auth, user, tender, lot, signed_on, amount):
    return await write(
        client,
        auth,
        user,
        "POST",
        f"{lot_url(tender, lot)}/amendments",
        {"signed_on": signed_on, "reason": "Travaux supplémentaires", "new_amount": amount},
        record_url=lot_url(tender, lot),
    )


class TestReservationAfterAward:
    async def test_lot_cannot_become_reserved_for_a_kind_its_awardee_is_not(
        self, client, auth, session, published
    ):
        facilitator, tender, lot, _builder = await awarded(client, auth, session, published)
        response = await write(
            client,
            auth,
            facilitator,
            "PATCH",
            lot_url(tender, lot),
            {"considerations": [{"kind": "insertion_clause"}, {"kind": "reserved_siae"}]},
        )
        assert response.status_code == 422, response.text
        error = response.json()["errors"][0]
        assert (error["field"], error["code"]) == ("considerations", "reservation_excludes_awardee")
        after = await client.get(lot_url(tender, lot), headers=auth(facilitator))
        assert [c["kind"] for c in after.json()["considerations"]] == ["insertion_clause"]


class TestAwardInput:
    @pytest.mark.parametrize(
        ("date", "code"),
        [("2027-12-02", "date_in_future"), ("1899-02-01", "date_too_early")],
    )
    async def test_a_notification_is_not_in_the_future_nor_a_century_ago(
        self, client, auth, session, published, date, code
    ):
        """An award records what happened: tomorrow (the tests' today is 01/12/2027) or 1899
        is a typo, refused with the reason."""
        facilitator, tender, lot = published
        builder = await enterprise(session)
        body = AWARD | {"notification_date": date, "members": [{"enterprise_id": str(builder.id)}]}
        response = await put_award(client, auth, facilitator, tender, lot, body)
        assert response.status_code == 422, response.text
        error = response.json()["errors"][0]
        assert (error["field"], error["code"]) == ("notification_date", code)
        assert (await client.get(lot_url(tender, lot), headers=auth(facilitator))).json()[
            "award"
        ] is None

    async def test_notification_before_the_deadline_is_refused(
        self, client, auth, session, published
    ):
        facilitator, tender, lot = published
        tender_url = f"/api/v1/tenders/{tender.id}"
        dated = await write(
            client,
            auth,
            facilitator,
            "PATCH",
            tender_url,
            {"publication_date": "2027-01-05", "deadline_date": "2027-02-15"},
        )
        assert dated.status_code == 200, dated.text
        builder = await enterprise(session)
        response = await put_award(
            client,
            auth,
            facilitator,
            tender,
            lot,
            AWARD | {"members": [{"enterprise_id": str(builder.id)}]},
        )
        assert response.status_code == 422
        error = response.json()["errors"][0]
        assert (error["field"], error["code"]) == ("notification_date", "award_before_deadline")
        assert "15/02/2027" in error["message"]  # dates as people read them
        assert (await client.get(lot_url(tender, lot), headers=auth(facilitator))).json()[
            "award"
        ] is None

    async def test_awardee_is_not_its_own_subcontractor_nor_declared_twice(
        self, client, auth, session, published
    ):
        facilitator, tender, lot = published
        insertion = await enterprise(session, EnterpriseKind.EI, name="Tremplin")
        partner = await enterprise(session, EnterpriseKind.EI, name="Relais")
        cases = [
            ([{"enterprise_id": str(insertion.id), "amount": "1000"}], "subcontractor_is_awardee"),
            (
                [
                    {"enterprise_id": str(partner.id), "amount": "1000"},
                    {"enterprise_id": str(partner.id), "amount": "2000"},
                ],
                "subcontractor_duplicate",
            ),
        ]
        for subcontractors, code in cases:
            response = await put_award(
                client,
                auth,
                facilitator,
                tender,
                lot,
                AWARD
                | {
                    "members": [{"enterprise_id": str(insertion.id)}],
                    "subcontractors": subcontractors,
                },
            )
            assert response.status_code == 422, response.text
            error = response.json()["errors"][0]
            index = len(subcontractors) - 1
            assert (error["field"], error["code"]) == (
                f"subcontractors.{index}.enterprise_id",
                code,
            )


class TestAwardErrorsTogether:
    async def test_every_award_rule_is_reported_in_one_problem(
        self, client, auth, session, published
    ):
        """A notification before the deadline, the awardee declared as its own subcontractor,
        a subcontractor declared twice and more subcontracted than awarded: one 422 names them
        all, so the form shows them at once."""
        facilitator, tender, lot = published
        dated = await write(
            client,
            auth,
            facilitator,
            "PATCH",
            f"/api/v1/tenders/{tender.id}",
            {"publication_date": "2027-01-05", "deadline_date": "2027-02-15"},
        )
        assert dated.status_code == 200, dated.text
        builder = await enterprise(session, name="Bâtir")
        partner = await enterprise(session, EnterpriseKind.EI, name="Tremplin")
        response = await put_award(
            client,
            auth,
            facilitator,
            tender,
            lot,
            AWARD
            | {
                "members": [{"enterprise_id": str(builder.id)}],
                "subcontractors": [
                    {"enterprise_id": str(builder.id), "amount": "600000"},
                    {"enterprise_id": str(partner.id), "amount": "300000"},
                    {"enterprise_id": str(partner.id), "amount": "200000"},
                ],
            },
        )
        assert response.status_code == 422, response.text
        found = {(e["field"], e["code"]) for e in response.json()["errors"]}
        assert found == {
            ("notification_date", "award_before_deadline"),
            ("subcontractors.0.enterprise_id", "subcontractor_is_awardee"),
            ("subcontractors.2.enterprise_id", "subcontractor_duplicate"),
            ("subcontractors", "subcontracting_exceeds_award"),
        }


class TestAmendmentRules:
    async def test_amendments_follow_each_other_in_time(self, client, auth, session, published):
        facilitator, tender, lot, _builder = await awarded(client, auth, session, published)
        first = await amend(client, auth, facilitator, tender, lot, "2027-06-01", "1200000")
        assert first.status_code == 201, first.text
        earlier = await amend(client, auth, facilitator, tender, lot, "2027-05-15", "1300000")
        assert earlier.status_code == 422
        error = earlier.json()["errors"][0]
        assert (error["field"], error["code"]) == ("signed_on", "amendment_before_previous")
        lot_body = (await client.get(lot_url(tender, lot), headers=auth(facilitator))).json()
        assert len(lot_body["amendments"]) == 1
        assert lot_body["current_amount"] == "1200000.00"

    async def test_award_cannot_be_replaced_once_amended(self, client, auth, session, published):
        facilitator, tender, lot, builder = await awarded(client, auth, session, published)
        await amend(client, auth, facilitator, tender, lot, "2027-06-01", "1200000")
        response = await put_award(
            client,
            auth,
            facilitator,
            tender,
            lot,
            AWARD | {"awarded_amount": "2000000", "members": [{"enterprise_id": str(builder.id)}]},
        )
        assert response.status_code == 409
        assert response.json()["code"] == "award_has_amendments"
        body = (await client.get(lot_url(tender, lot), headers=auth(facilitator))).json()
        assert body["award"]["awarded_amount"] == "1000000.00"

    async def test_cancelled_tender_takes_no_amendment(self, client, auth, session, published):
        facilitator, tender, lot, _builder = await awarded(client, auth, session, published)
        cancelled = await write(
            client,
            auth,
            facilitator,
            "POST",
            f"/api/v1/tenders/{tender.id}/transition",
            {"status": "cancelled"},
            record_url=f"/api/v1/tenders/{tender.id}",
        )
        assert cancelled.status_code == 200, cancelled.text
        response = await amend(client, auth, facilitator, tender, lot, "2027-06-01", "1200000")
        assert response.status_code == 409
        assert response.json()["code"] == "tender_frozen"
        body = (await client.get(lot_url(tender, lot), headers=auth(facilitator))).json()
        assert (body["amendments"], body["current_amount"]) == ([], "1000000.00")


class TestLotHistory:
    async def test_hours_changes_are_kept_with_their_author(self, client, auth, session, published):
        facilitator, tender, lot = published
        url = lot_url(tender, lot)
        override = await write(
            client,
            auth,
            facilitator,
            "PUT",
            f"{url}/hours-override",
            {"hours": 900, "reason": "Chantier en site occupé : lot pilote"},
            record_url=url,
        )
        assert override.status_code == 200, override.text
        cleared = await write(
            client, auth, facilitator, "PUT", f"{url}/hours-override", {"hours": None}, url
        )
        assert cleared.json()["override_hours"] is None
        history = await client.get(f"{url}/history", headers=auth(facilitator))
        assert history.status_code == 200, history.text
        events = history.json()["items"]
        overrides = [
            e for e in events if e["action"] == "updated" and "override_hours" in e["changes"]
        ]
        assert [e["changes"]["override_hours"] for e in overrides] == [[900, None], [None, 900]]
        assert {e["actor"]["full_name"] for e in overrides} == {facilitator.full_name}
        assert (
            overrides[1]["changes"]["override_reason"][1] == "Chantier en site occupé : lot pilote"
        )

    async def test_history_is_scoped_like_the_lot(self, client, auth, session, published):
        _facilitator, tender, lot = published
        stranger = await make_user(session, role=Role.facilitator)
        outsider = await make_user(
            session, role=Role.enterprise, organisation=await enterprise(session)
        )
        for user in (stranger, outsider):
            response = await client.get(f"{lot_url(tender, lot)}/history", headers=auth(user))
            assert response.status_code in (403, 404), user.role
        assert (
            await client.get(f"{lot_url(tender, lot)}/history", headers=auth(stranger))
        ).status_code == 404, "another structure's facilitator: out of scope"

    async def test_awardees_do_not_read_the_trail(self, client, auth, session, published):
        _facilitator, tender, lot, builder = await awarded(client, auth, session, published)
        member = await make_user(session, role=Role.enterprise, organisation=builder)
        url = lot_url(tender, lot)
        assert (await client.get(url, headers=auth(member))).status_code == 200
        response = await client.get(f"{url}/history", headers=auth(member))
        assert response.status_code == 403
        assert response.json()["code"] == "forbidden"


class TestNumbersInMessages:
    @pytest.mark.parametrize(
        ("language", "bound"), [("fr", "10\u202f000\u202f000"), ("en", "10,000,000")]
    )
    async def test_a_bound_is_written_with_its_thousands_apart(
        self, client, auth, published, language, bound
    ):
        """A bound reads "10 000 000", as the amounts next to it, not "10000000"."""
        facilitator, tender, lot = published
        url = lot_url(tender, lot)
        etag = (await client.get(url, headers=auth(facilitator))).headers["ETag"]
        response = await client.put(
            f"{url}/hours-override",
            json={"hours": 20_000_000, "reason": "Chantier en site occupé : lot pilote"},
            headers=auth(facilitator) | {"If-Match": etag, "Accept-Language": language},
        )
        assert response.status_code == 422, response.text
        error = response.json()["errors"][0]
        assert error["field"] == "hours"
        assert bound in error["message"], error["message"]
