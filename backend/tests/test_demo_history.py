"""The demo's history tells its story: each entry dated on the day the story gives the step and
signed by the demo account who took it, as the history pages and the audit log show them."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

import time_machine
from sqlalchemy import select

from levier.auth.permissions import Role
from levier.core import clock
from levier.users.models import User
from tests.factories import every_item, seeded_demo

# Early in the morning in Paris: the steps the story dates today must not be dated later.
LOADED_AT = datetime.combine(date(2026, 12, 1), time(7, 30), tzinfo=clock.LOCAL_ZONE)


def _day(moment: str) -> date:
    """The day in France of a recorded moment."""
    return datetime.fromisoformat(moment).astimezone(clock.LOCAL_ZONE).date()


class TestDemoHistory:
    async def test_each_step_is_dated_and_signed_as_the_story_tells(self, session, client, auth):
        with time_machine.travel(LOADED_AT, tick=False):
            headers = await seeded_demo(session, auth)
            admin, facilitator = headers[Role.admin], headers[Role.facilitator]
            users = {u.id: u for u in (await session.execute(select(User))).scalars()}
            trail = await every_item(client, "/api/v1/audit-events", admin)

            def history(entity_id: str) -> list[dict]:
                return [e for e in trail if e["entity_id"] == entity_id]

            def author(entry: dict) -> User:
                assert entry["actor"], f"{entry['entity_type']} {entry['action']} by nobody"
                return users[uuid.UUID(entry["actor"]["id"])]

            # Months of history, none of it later than the loading; "Système" only installed
            # Levier (the structure running it and its administrator), before anything else.
            days = sorted(_day(e["at"]) for e in trail)
            assert all(datetime.fromisoformat(e["at"]) <= LOADED_AT for e in trail)
            assert (days[-1] - days[0]).days > 365
            by_nobody = [e for e in trail if e["actor"] is None and e["action"] != "reminded"]
            assert sorted(e["entity_type"] for e in by_nobody) == ["organisation", "user"]
            assert {_day(e["at"]) for e in by_nobody} == {days[0]}
            # The reminder job ("Système" too) ran on the first of each month: on 1 November
            # October's hours were not declared yet (they were on the 3rd). On the morning of
            # 1 December, November's were already declared; that morning's run reminded the
            # awardees of their lots that are late (behind in demo_modes, or not started while
            # hours are due).
            reminded = [e for e in trail if e["action"] == "reminded"]
            missing = [e for e in reminded if e["changes"]["reminder"] == "hours_missing"]
            assert [(e["entity_type"], e["actor"], e["changes"]["month"]) for e in missing] == [
                ("lot", None, "2026-10")
            ]
            assert _day(missing[0]["at"]) == date(2026, 11, 1)
            behind = [e for e in reminded if e["changes"]["reminder"] == "behind"]
            assert len(behind) >= 2
            assert {(e["entity_type"], e["actor"], _day(e["at"])) for e in behind} == {
                ("lot", None, LOADED_AT.date())
            }

            tenders = await every_item(client, "/api/v1/tenders", facilitator)
            for tender in tenders:
                entries = history(tender["id"])
                created = next(e for e in entries if e["action"] == "created")
                drafter = author(created)
                # A buyer drafts her own tenders; the facilitator those of the others.
                assert drafter.role == Role.facilitator or (
                    drafter.role == Role.buyer
                    and str(drafter.organisation_id) == tender["buyer"]["id"]
                )
                if tender["publication_date"] is None:
                    continue
                published_on = date.fromisoformat(tender["publication_date"])
                assert _day(created["at"]) < published_on
                published = next(
                    e for e in entries if e["changes"].get("status") == ["draft", "published"]
                )
                assert _day(published["at"]) == published_on
                assert author(published).role == Role.facilitator
                await self._check_lots(client, facilitator, tender, published_on, author)

            await self._check_pathways(client, facilitator, trail, author)

    async def _check_lots(self, client, facilitator, tender, published_on, author) -> None:
        """An award is recorded on its notification day by the facilitator; an override of the
        hours is decided when the clause is written, before publication and award."""
        detail = await client.get(f"/api/v1/tenders/{tender['id']}", headers=facilitator)
        for summary in detail.json()["lots"]:
            path = f"/api/v1/tenders/{tender['id']}/lots/{summary['id']}"
            lot = (await client.get(path, headers=facilitator)).json()
            entries = await every_item(client, f"{path}/history", facilitator)
            if lot["award"]:
                notified_on = date.fromisoformat(lot["award"]["notification_date"])
                awarded = next(e for e in entries if "current_amount" in e["changes"])
                assert _day(awarded["at"]) == notified_on
                assert author(awarded).role == Role.facilitator
            if lot["override_hours"] is not None:
                overridden = next(e for e in entries if "override_hours" in e["changes"])
                assert author(overridden).role == Role.facilitator
                assert _day(overridden["at"]) == _day(lot["override_at"]) < published_on
                assert overridden["changes"]["override_at"][1] == lot["override_at"].replace(
                    "Z", "+00:00"
                )
                if lot["award"]:
                    assert _day(lot["override_at"]) < notified_on

    async def _check_pathways(self, client, facilitator, trail, author) -> None:
        """Each person is registered by their referent, before entering; the facilitator
        validates their eligibility; each step is recorded by the referent on its day."""
        participants = await every_item(client, "/api/v1/participants", facilitator)
        steps = 0
        for participant in participants:
            registered = next(
                e for e in trail if e["entity_id"] == participant["id"] and e["action"] == "created"
            )
            assert author(registered).role == Role.referent
            read = await client.get(
                f"/api/v1/participants/{participant['id']}/pathways", headers=facilitator
            )
            for pathway in read.json():
                assert _day(registered["at"]) < date.fromisoformat(pathway["entry_date"])
                for step in pathway["steps"]:
                    created = next(
                        e
                        for e in trail
                        if e["entity_id"] == step["id"] and e["action"] == "created"
                    )
                    start = date.fromisoformat(step["start_date"])
                    if step["assignment_id"] and start > _day(created["at"]):
                        # A hire from an offer, recorded by the employer before the start.
                        assert author(created).role == Role.enterprise
                    else:
                        assert _day(created["at"]) == start
                        # An assignment of another mode is recorded by the facilitator.
                        assert author(created).role == (
                            Role.facilitator
                            if step["assignment_id"] and step["contract_kind"] != "cdd"
                            else Role.referent
                        )
                    steps += 1
        assert steps > 60
        validations = [e for e in trail if e["entity_type"] == "eligibility_validation"]
        assert validations and all(author(e).role == Role.facilitator for e in validations)
