"""The demo, loaded on any day, shows every stage of a tender's life and months of pathways,
none of it in the future and all of it accepted by the rules a user's input meets."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
import time_machine

from levier.auth.permissions import Role
from levier.core import clock
from tests.factories import seeded_demo

# An ordinary day, a leap day, a month's 31st, and New Year's Eve late in Paris.
DAYS = [date(2026, 12, 1), date(2028, 2, 29), date(2031, 7, 31), date(2030, 12, 31)]


def _noon_in_paris(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=clock.LOCAL_ZONE)


async def _all(client, path: str, headers: dict[str, str]) -> list[dict]:
    items, cursor = [], None
    while True:
        params = {"limit": 100} | ({"cursor": cursor} if cursor else {})
        page = await client.get(path, params=params, headers=headers)
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        cursor = page.json().get("next_cursor")
        if not cursor:
            return items


@pytest.mark.parametrize("day", DAYS, ids=str)
async def test_the_demo_is_current_whatever_the_day(session, client, auth, day):
    with time_machine.travel(_noon_in_paris(day), tick=False):
        headers = await seeded_demo(session, auth)
        facilitator = headers[Role.facilitator]

        tenders = await _all(client, "/api/v1/tenders", facilitator)
        statuses = {tender["reference"]: tender["status"] for tender in tenders}
        assert sorted(statuses.values()) == ["awarded", "draft", "in_execution", "published"]
        for tender in tenders:
            if tender["publication_date"]:
                assert date.fromisoformat(tender["publication_date"]) < day

        # The tender in execution: every lot settled, one unsuccessful, awards months old.
        running = next(tender for tender in tenders if tender["status"] == "in_execution")
        detail = (await client.get(f"/api/v1/tenders/{running['id']}", headers=facilitator)).json()
        outcomes = [lot["outcome"] for lot in detail["lots"]]
        assert outcomes.count("unsuccessful") == 1
        lot = (
            await client.get(
                f"/api/v1/tenders/{running['id']}/lots/{detail['lots'][0]['id']}",
                headers=facilitator,
            )
        ).json()
        notified = date.fromisoformat(lot["award"]["notification_date"])
        assert (day - notified).days > 180

        # Clause assignments start after the notification, one on the facilitator's exception.
        participants = await _all(client, "/api/v1/participants", facilitator)
        assert len(participants) == 40
        assignments = []
        for participant in participants:
            read = await client.get(
                f"/api/v1/participants/{participant['id']}/pathways", headers=facilitator
            )
            assert read.status_code == 200, read.text
            for pathway in read.json():
                assignments += [
                    step for step in pathway["steps"] if step["kind"] == "clause_assignment"
                ]
        assert len(assignments) == 3
        assert all(notified < date.fromisoformat(step["start_date"]) <= day for step in assignments)
        assert [step["exception"] is not None for step in assignments].count(True) == 1
