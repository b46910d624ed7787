"""Hours not worked yet are refused everywhere (the dialog, the grid, the import and the
facilitator's decision): a month after the current one, an assignment starting after today.
The current month stays declarable once the assignment has started (declared at month end)."""

from __future__ import annotations

import time_machine

from tests.fulfilment.test_hours import URL, declare, etag, hire, stored
from tests.fulfilment.test_hours_import import send


class TestNotWorkedYet:
    async def test_an_assignment_not_started_declares_nothing(self, client, auth, session, world):
        assignment = await hire(client, auth, world, start_date="2025-02-17")
        headers = auth(world.employer)
        for language, words in (("fr", "ne commence que le 17/02/2025"), ("en", "only starts")):
            refused = await declare(client, headers | {"Accept-Language": language}, assignment)
            assert refused.status_code == 422, refused.text
            error = refused.json()["errors"][0]
            assert (error["field"], error["code"]) == ("month", "hours_assignment_not_started")
            assert words in error["message"], error
        grid = await client.get(f"{URL}/grid", params={"month": "2025-02"}, headers=headers)
        assert [row["declarable"] for row in grid.json()["items"]] == [False]
        imported = await send(client, headers, f"mission;mois;heures\n{assignment};2025-02;20\n")
        line = imported.json()["errors"][0]
        assert line["line"] == 2 and line["errors"][0]["code"] == "hours_assignment_not_started"
        assert line["errors"][0]["column"] == "mois"
        template = await client.get(f"{URL}/template", params={"month": "2025-02"}, headers=headers)
        assert template.text.removeprefix("\ufeff").splitlines() == [
            "mission;nom;prenoms;lot;mois;heures;note"
        ]
        assert await stored(session) == 0

    async def test_the_current_month_once_started_but_never_the_next(self, client, auth, world):
        assignment = await hire(client, auth, world)  # starts today, 3 February
        headers = auth(world.employer)
        grid = await client.get(f"{URL}/grid", params={"month": "2025-02"}, headers=headers)
        assert [row["declarable"] for row in grid.json()["items"]] == [True]
        march = await client.get(f"{URL}/grid", params={"month": "2025-03"}, headers=headers)
        assert [row["declarable"] for row in march.json()["items"]] == [False]
        refused = await declare(client, headers, assignment, month="2025-03")
        assert refused.json()["errors"][0]["code"] == "hours_month_in_future"
        imported = await send(client, headers, f"mission;mois;heures\n{assignment};2025-03;20\n")
        assert imported.json()["errors"][0]["errors"][0]["code"] == "hours_month_in_future"
        assert (await declare(client, headers, assignment)).status_code == 201

    async def test_a_declaration_of_hours_not_worked_is_never_validated(self, client, auth, world):
        assignment = await hire(client, auth, world, start_date="2025-02-17")
        with time_machine.travel("2025-02-20", tick=True):
            declared = (await declare(client, auth(world.employer), assignment)).json()
        # Back on 3 February (a declaration made before the rule): rejected, not validated.
        facilitator = auth(world.facilitator)
        read = await client.get(f"{URL}/{declared['id']}", headers=facilitator)
        assert read.json()["actions"] == {"edit": False, "validate": False, "reject": True}
        refused = await client.post(
            f"{URL}/{declared['id']}/validate",
            headers=facilitator | {"If-Match": await etag(client, facilitator, declared)},
        )
        assert refused.status_code == 422, refused.text
        assert refused.json()["errors"][0]["code"] == "hours_assignment_not_started"
        month = await client.post(
            f"{URL}/validate-month", json={"month": "2025-02"}, headers=facilitator
        )
        assert month.status_code == 200, month.text
        assert month.json()["validated"] == 0
