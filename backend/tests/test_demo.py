"""The demo, loaded on any day, shows every stage of a tender's life and months of pathways,
none of it in the future and all of it accepted by the rules a user's input meets."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, time
from pathlib import Path

import pytest
import time_machine
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlmodel import col

from levier import demo
from levier.auth.permissions import Role
from levier.core import clock
from levier.organisations.models import Organisation
from levier.participants.models import ClauseException, Participant
from levier.territories.models import Territory, TerritoryLevel
from tests.factories import every_item, scratch_storage, seeded_demo

FRENCH = Path(__file__).resolve().parents[2] / "frontend" / "src" / "i18n" / "fr.json"

# An ordinary day, a leap day, a month's 31st, and New Year's Eve late in Paris.
DAYS = [date(2026, 12, 1), date(2028, 2, 29), date(2031, 7, 31), date(2030, 12, 31)]


def _noon_in_paris(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=clock.LOCAL_ZONE)


@pytest.mark.parametrize("day", DAYS, ids=str)
async def test_the_demo_is_current_whatever_the_day(session, client, auth, day):
    with time_machine.travel(_noon_in_paris(day), tick=False):
        headers = await seeded_demo(session, auth)
        facilitator = headers[Role.facilitator]

        tenders = await every_item(client, "/api/v1/tenders", facilitator)
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
        participants = await every_item(client, "/api/v1/participants", facilitator)
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
        # Three hires under way, one from an offer starting soon, and the six of the other
        # fulfilment modes (demo_modes); each is an assignment.
        assert len(assignments) == 10
        assert all(step["assignment_id"] for step in assignments)
        starts = sorted(date.fromisoformat(step["start_date"]) for step in assignments)
        assert all(notified < start <= day for start in starts[:9])
        assert day < starts[9]
        assert [step["exception"] is not None for step in assignments].count(True) == 1


class TestQpvResidence:
    async def test_whoever_has_the_qpv_criterion_lives_in_a_priority_neighbourhood(self, session):
        await demo.seed(session, scratch_storage())
        participants = (
            (
                await session.execute(
                    select(Participant).options(selectinload(Participant.eligibility))  # type: ignore[arg-type]
                )
            )
            .scalars()
            .all()
        )
        let_in = set((await session.execute(select(col(ClauseException.participant_id)))).scalars())
        communes = {
            territory.code: territory
            for territory in (
                await session.execute(
                    select(Territory).where(col(Territory.level) == TerritoryLevel.commune)
                )
            ).scalars()
            if territory.code in {p.commune_code for p in participants}
        }
        with_criterion = [
            p for p in participants if any(v.criterion == "qpv_resident" for v in p.eligibility)
        ]
        assert with_criterion and len(with_criterion) < len(participants)
        assert all(p.qpv for p in with_criterion)
        for resident in (p for p in participants if p.qpv):
            # An address in the commune the record names: its postal code and its name.
            commune = communes[resident.commune_code]
            assert resident.address and resident.address.endswith(commune.name)
            assert any(code in resident.address for code in commune.postal_codes.split())
        # The facilitator's exception lets in someone the operation's QPV rule leaves out.
        assert let_in
        for participant in (p for p in participants if p.id in let_in):
            assert not participant.qpv and participant not in with_criterion


class TestAccountsPrintout:
    async def test_roles_read_as_the_app_shows_them_and_the_coordinator_says_her_network(
        self, session, client
    ):
        await demo.seed(session, scratch_storage())
        await session.commit()
        labels = json.loads(FRENCH.read_text(encoding="utf-8"))["roles"]
        lines = demo.account_lines()
        for account in demo.DEMO_ACCOUNTS:
            signed_in = await client.post(
                "/api/v1/auth/token",
                data={"username": account.email, "password": demo.DEMO_PASSWORD},
            )
            assert signed_in.status_code == 200, signed_in.text
            token = signed_in.json()["access_token"]
            me = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
            # The label the app gives (frontend/src/lib/me.ts), on the account's own line.
            key = "networkCoordinator" if me.json()["coordinates_network"] else me.json()["role"]
            line = next(line for line in lines if account.email in line)
            assert line.split(account.email)[0].strip() == labels[key]
            assert account.full_name in line
            if me.json()["coordinates_network"]:
                # The line under hers names the organisations whose referents she coordinates.
                coordinated = (
                    await session.execute(
                        select(col(Organisation.name)).where(
                            col(Organisation.coordinator_id)
                            == uuid.UUID(me.json()["organisation"]["id"])
                        )
                    )
                ).scalars()
                network = lines[lines.index(line) + 1]
                assert network.strip().startswith("coordonne le réseau")
                assert all(name in network for name in coordinated)
        assert [labels["networkCoordinator"] in line for line in lines].count(True) == 1
        # Columns line up: every e-mail starts at the same place.
        starts = {
            line.index(a.email) for a in demo.DEMO_ACCOUNTS for line in lines if a.email in line
        }
        assert len(starts) == 1
