"""Reads carry the actions the caller may take, computed by the very rules the API applies:
every action a read offers succeeds, every action it withholds is refused."""

from __future__ import annotations

from levier.auth.permissions import Role
from levier.organisations.constants import OrganisationKind
from tests.factories import make_organisation, make_tender, make_user
from tests.tenders.helpers import enterprise, put_award

AWARD = {"awarded_amount": "1000000", "notification_date": "2027-02-01"}


def member(enterprise_org) -> dict[str, str]:
    return {"enterprise_id": str(enterprise_org.id)}


def url_of(tender, lot=None) -> str:
    base = f"/api/v1/tenders/{tender.id}"
    return f"{base}/lots/{lot.id}" if lot else base


async def read(client, auth, user, url):
    response = await client.get(url, headers=auth(user))
    assert response.status_code == 200, response.text
    return response.json(), response.headers["ETag"]


async def attempt(client, auth, session, user, tender, lot, action):
    """Try the action the read names, as the interface would; its status code."""
    _body, etag = await read(client, auth, user, url_of(tender, lot))
    headers = auth(user) | {"If-Match": etag}
    lot_url = url_of(tender, lot)
    if action == "edit":
        return (
            await client.patch(lot_url, json={"trade": "Gros œuvre"}, headers=headers)
        ).status_code
    if action == "override_hours":
        body = {"hours": 900, "reason": "Chantier en site occupé, charte locale."}
        return (
            await client.put(f"{lot_url}/hours-override", json=body, headers=headers)
        ).status_code
    if action == "award":
        builder = await enterprise(session)
        body = AWARD | {"members": [{"enterprise_id": str(builder.id)}]}
        return (await client.put(f"{lot_url}/award", json=body, headers=headers)).status_code
    if action == "close_without_award":
        body = {"outcome": "unsuccessful", "decided_on": "2027-03-01", "reason": "Aucune offre."}
        return (await client.put(f"{lot_url}/outcome", json=body, headers=headers)).status_code
    if action == "delete":
        return (await client.delete(lot_url, headers=headers)).status_code
    raise AssertionError(action)


class TestLotActions:
    async def test_each_offered_action_succeeds_and_each_withheld_one_is_refused(
        self, client, auth, session
    ):
        structure = await make_organisation(session)
        facilitator = await make_user(session, Role.facilitator, structure)
        buyer_org = await make_organisation(session, OrganisationKind.buyer, name="Bailleur")
        buyer = await make_user(session, Role.buyer, buyer_org)
        checked = 0
        for status in ("draft", "published"):
            for user in (facilitator, buyer):
                tender, lot, _operation = await make_tender(session, structure, buyer_org)
                if status == "published":
                    _body, etag = await read(client, auth, facilitator, url_of(tender))
                    await client.post(
                        f"{url_of(tender)}/transition",
                        json={"status": "published"},
                        headers=auth(facilitator) | {"If-Match": etag},
                    )
                offered = (await read(client, auth, user, url_of(tender, lot)))[0]["actions"]
                for action in ("edit", "override_hours", "award", "close_without_award"):
                    code = await attempt(client, auth, session, user, tender, lot, action)
                    if offered[action]:
                        assert code in (200, 201), (status, user.role, action, code)
                    else:
                        assert code in (403, 409), (status, user.role, action, code)
                    checked += 1
                    if offered[action] and action in ("award", "close_without_award"):
                        break  # the lot has moved on: its other actions changed
        assert checked >= 12

    async def test_a_draft_offers_no_award_and_says_why_in_french(self, client, auth, session):
        structure = await make_organisation(session)
        facilitator = await make_user(session, Role.facilitator, structure)
        tender, lot, _operation = await make_tender(session, structure)
        body, _etag = await read(client, auth, facilitator, url_of(tender, lot))
        assert body["actions"]["award"] is False
        assert body["actions"]["delete"] is True and body["actions"]["edit"] is True
        builder = await enterprise(session)
        refused = await put_award(
            client,
            auth,
            facilitator,
            tender,
            lot,
            AWARD | {"members": [{"enterprise_id": str(builder.id)}]},
        )
        assert refused.status_code == 409
        assert "brouillon" in refused.json()["detail"] and "draft" not in refused.json()["detail"]

    async def test_an_awardee_reads_but_may_change_nothing(self, client, auth, session):
        structure = await make_organisation(session)
        facilitator = await make_user(session, Role.facilitator, structure)
        tender, lot, _operation = await make_tender(session, structure)
        _body, etag = await read(client, auth, facilitator, url_of(tender))
        await client.post(
            f"{url_of(tender)}/transition",
            json={"status": "published"},
            headers=auth(facilitator) | {"If-Match": etag},
        )
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
        worker = await make_user(session, Role.enterprise, builder)
        body, _etag = await read(client, auth, worker, url_of(tender, lot))
        assert {name for name, on in body["actions"].items() if on} == {"clause_article"}
        detail, _etag = await read(client, auth, worker, url_of(tender))
        assert not any(detail["actions"].values())


class TestTenderActions:
    async def test_transitions_offered_match_the_lifecycle(self, client, auth, session):
        structure = await make_organisation(session)
        facilitator = await make_user(session, Role.facilitator, structure)
        tender, _lot, _operation = await make_tender(session, structure)
        body, _etag = await read(client, auth, facilitator, url_of(tender))
        assert body["actions"] == {
            "edit": True,
            "add_lot": True,
            "publish": True,
            "mark_awarded": False,
            "start_execution": False,
            "close": False,
            "cancel": True,
        }
        assert body["operation_name"]
