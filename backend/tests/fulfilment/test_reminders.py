"""The reminder job: who is reminded (awardees of lots behind, employers missing last month's
hours), not twice within the interval, in-app and by e-mail in each person's language, and
written on the lot's history.

The world's lot: awarded on 15 January 2025 for twelve months to Bâtir (Tremplin declared
subcontractor); the hire starts on 17 February. The job runs in its own session, as the CLI's."""

from __future__ import annotations

import logging
from datetime import date

import pytest
import time_machine
from sqlalchemy import func, select

from levier.auth.permissions import Role
from levier.notifications.models import Notification
from levier.organisations.constants import EnterpriseKind, OrganisationKind
from levier.reminders import service
from levier.reminders.models import Reminder
from levier.tenders.models import Lot, LotAward, Subcontractor
from tests.core.test_query_count import counting
from tests.factories import (
    award_lot,
    classic_subcontractor,
    make_organisation,
    make_tender,
    make_user,
)
from tests.fulfilment.test_compliance import validate
from tests.fulfilment.test_hours import declare, hire

INTERVAL = 14


@pytest.fixture(autouse=True)
async def _real_hours_only(session, world):
    """Tremplin as a classic subcontractor: its amount is not converted into hours, so a lot
    is behind or on track by the hours worked (tests/compliance covers conversions)."""
    await classic_subcontractor(session, world.insertion)


async def run(sessionmaker, dry_run=False) -> service.ReminderReport:
    async with sessionmaker() as session:
        report = await service.run_reminders(session, INTERVAL, dry_run=dry_run)
        await session.commit()
    return report


def summary(report) -> list[tuple[str, str, str | None, int]]:
    return sorted(
        (
            item.reason.value,
            item.enterprise_name,
            item.month and f"{item.month:%Y-%m}",
            item.recipients,
        )
        for item in report.items
    )


async def count(session, model) -> int:
    return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


async def set_required_hours(session, world, hours: int) -> None:
    lot = await session.get(Lot, world.lot.id, populate_existing=True)
    lot.override_hours = hours
    await session.flush()


class TestMissingHours:
    async def test_last_months_hours_not_declared_then_declared(
        self, client, auth, session, sessionmaker, world
    ):
        assignment = await hire(client, auth, world)
        with time_machine.travel(date(2025, 3, 5), tick=True):
            report = await run(sessionmaker)
            # February ran from the 17th and has no declaration; the lot has no hour yet while
            # hours are due (not_started, and late): its awardee is told of both.
            assert summary(report) == [
                ("behind", "Bâtir", None, 1),
                ("hours_missing", "Bâtir", "2025-02", 1),
            ]
            missing = select(Notification).where(Notification.kind == "reminder_hours_missing")
            [notification] = (await session.execute(missing)).scalars().all()
            assert notification.recipient_id == world.employer.id
            assert notification.kind == "reminder_hours_missing"
            assert notification.link == "/hours?month=2025-02"
            assert notification.title.startswith("Heures de février 2025 à déclarer : ")
            assert "1 contrat n'a pas encore d'heures déclarées pour février 2025" in (
                notification.body
            )
            reminders = select(Reminder).where(Reminder.reason == "hours_missing")
            [reminder] = (await session.execute(reminders)).scalars().all()
            assert (reminder.reason, reminder.month, reminder.recipients) == (
                "hours_missing",
                date(2025, 2, 1),
                1,
            )
            assert reminder.enterprise_id == world.builder.id and reminder.lot_id == world.lot.id

        with time_machine.travel(date(2025, 4, 2), tick=True):
            # March: declared this time. What is declared but not validated leaves the lot
            # behind, which its awardee is told again (the interval has passed).
            declared = await declare(client, auth(world.employer), assignment, month="2025-03")
            assert declared.status_code == 201, declared.text
            assert summary(await run(sessionmaker, dry_run=True)) == [("behind", "Bâtir", None, 1)]

    async def test_an_assignment_ended_before_last_month_is_not_counted(
        self, client, auth, session, sessionmaker, world
    ):
        await set_required_hours(session, world, 0)  # only missing hours to remind
        assignment = await hire(client, auth, world)
        with time_machine.travel(date(2025, 3, 3), tick=True):
            url = f"/api/v1/assignments/{assignment}"
            headers = auth(world.employer)
            etag = (await client.get(url, headers=headers)).headers["ETag"]
            ended = await client.post(
                f"{url}/end",
                json={"ended_on": "2025-02-28", "reason": "trial_period"},
                headers=headers | {"If-Match": etag},
            )
            assert ended.status_code == 200, ended.text
        with time_machine.travel(date(2025, 4, 3), tick=True):
            assert (await run(sessionmaker, dry_run=True)).items == []

    async def test_an_assignment_starting_after_last_month_is_not_counted(
        self, client, auth, session, sessionmaker, world
    ):
        await set_required_hours(session, world, 0)  # only missing hours to remind
        await hire(client, auth, world)  # from 17 February
        with time_machine.travel(date(2025, 2, 20), tick=True):
            assert (await run(sessionmaker, dry_run=True)).items == []  # January


class TestBehind:
    async def test_behind_then_on_track_once_validated(
        self, client, auth, session, sessionmaker, world
    ):
        await set_required_hours(session, world, 400)
        assignment = await hire(client, auth, world)
        with time_machine.travel(date(2025, 3, 5), tick=True):
            declared = await declare(client, auth(world.employer), assignment, hours="60")
            assert declared.status_code == 201, declared.text
            # 5 March: 49 days of 365, 53.70 hours of 400 due; 60 waiting, none validated.
            report = await run(sessionmaker)
            assert summary(report) == [("behind", "Bâtir", None, 1)]
            [notification] = (await session.execute(select(Notification))).scalars().all()
            assert notification.kind == "reminder_behind"
            assert notification.link == f"/tenders/{world.tender.id}/lots/{world.lot.id}"
            assert "0 heures validées, pour 54 attendues à ce jour (sur 400 requises)" in (
                notification.body
            )
        with time_machine.travel(date(2025, 3, 6), tick=True):
            await validate(client, auth, world, declared.json())
            # 60 validated ≥ 54.80 due on 6 March (50 days of 365): on track.
            assert (await run(sessionmaker, dry_run=True)).items == []

    async def test_every_active_user_of_the_awardee_in_their_language(
        self, client, auth, session, sessionmaker, world, settings, caplog
    ):
        english = await make_user(
            session, Role.enterprise, world.builder, full_name="Jane Doe", language="en"
        )
        gone = await make_user(session, Role.enterprise, world.builder, full_name="Parti")
        gone.active = False
        await session.flush()
        assignment = await hire(client, auth, world)
        with time_machine.travel(date(2025, 3, 5), tick=True):
            await declare(client, auth(world.employer), assignment, hours="60")
            report = await run(sessionmaker)
            with caplog.at_level(logging.WARNING, logger="levier.mail"):
                await service.deliver(settings, report)
        assert summary(report) == [("behind", "Bâtir", None, 2)]
        mails = [r.getMessage() for r in caplog.records if r.name == "levier.mail"]
        assert len(mails) == 2
        [french] = [m for m in mails if f"to={world.employer.email}" in m]
        [in_english] = [m for m in mails if f"to={english.email}" in m]
        reference = f"{world.tender.reference} · lot {world.lot.number}"
        link = f"http://levier.test/tenders/{world.tender.id}/lots/{world.lot.id}"
        assert f"subject=Levier : Clause d'insertion en retard : {reference}" in french
        assert f"Bonjour {world.employer.full_name}," in french and link in french
        assert "au plus tous les 14 jours" in french
        assert f"subject=Levier: Insertion clause behind schedule: {reference}" in in_english
        assert "Hello Jane Doe," in in_english and link in in_english
        assert "0 validated hours, where" in in_english
        titles = {
            n.recipient_id: n.title for n in (await session.execute(select(Notification))).scalars()
        }
        assert titles == {
            world.employer.id: f"Clause d'insertion en retard : {reference}",
            english.id: f"Insertion clause behind schedule: {reference}",
        }


class TestInterval:
    async def test_not_repeated_within_the_interval_then_repeated(
        self, client, auth, session, sessionmaker, world
    ):
        await set_required_hours(session, world, 0)  # only missing hours to remind
        await hire(client, auth, world)
        with time_machine.travel(date(2025, 3, 3), tick=True):
            assert len((await run(sessionmaker)).items) == 1
            again = await run(sessionmaker)
            assert again.items == [] and again.mails == []
        with time_machine.travel(date(2025, 3, 16), tick=True):  # 13 days later
            assert (await run(sessionmaker)).items == []
        assert await count(session, Notification) == 1
        with time_machine.travel(date(2025, 3, 18), tick=True):  # 15 days later
            assert summary(await run(sessionmaker)) == [("hours_missing", "Bâtir", "2025-02", 1)]
        assert await count(session, Notification) == 2
        assert await count(session, Reminder) == 2

    async def test_a_dry_run_lists_and_writes_nothing(
        self, client, auth, session, sessionmaker, world
    ):
        await set_required_hours(session, world, 0)  # only missing hours to remind
        await hire(client, auth, world)
        with time_machine.travel(date(2025, 3, 3), tick=True):
            report = await run(sessionmaker, dry_run=True)
            assert summary(report) == [("hours_missing", "Bâtir", "2025-02", 1)]
            assert report.mails == []
            assert await count(session, Reminder) == 0
            assert await count(session, Notification) == 0
            # A dry run is no reminder: the real run still sends it.
            assert len((await run(sessionmaker)).items) == 1


class TestLotHistory:
    async def test_the_reminder_is_on_the_lots_history(self, client, auth, sessionmaker, world):
        await hire(client, auth, world)
        with time_machine.travel(date(2025, 3, 3), tick=True):
            await run(sessionmaker)
        history = await client.get(
            f"/api/v1/tenders/{world.tender.id}/lots/{world.lot.id}/history",
            headers=auth(world.facilitator),
        )
        assert history.status_code == 200, history.text
        entry = history.json()["items"][0]
        assert entry["action"] == "reminded" and entry["actor"] is None
        assert entry["changes"] == {
            "reminder": "hours_missing",
            "enterprise_id": str(world.builder.id),
            "recipients": 1,
            "month": "2025-02",
            "assignments": 1,
        }
        assert entry["names"][str(world.builder.id)] == "Bâtir"


class TestCost:
    async def test_the_same_statements_for_one_lot_behind_or_five(
        self, session, sessionmaker, engine, world
    ):
        """Each lot behind by a small EI subcontract (its amount converts into a few hours, far
        short of the share due): compliance is asked once for every candidate lot."""
        small = await make_organisation(
            session, OrganisationKind.enterprise, enterprise_kind=EnterpriseKind.EI
        )
        award = (
            await session.execute(select(LotAward).where(LotAward.lot_id == world.lot.id))
        ).scalar_one()
        session.add(Subcontractor(award_id=award.id, enterprise_id=small.id, amount=1000))
        await session.commit()
        counts, items = [], []
        for more_lots in (0, 4):  # the world's lot alone, then with four more
            for _ in range(more_lots):
                _tender, lot, _operation = await make_tender(session, world.structure)
                notified = date(2025, 1, 15)
                await award_lot(session, lot, world.builder, notified, [(small, "1000")])
            with time_machine.travel(date(2025, 3, 5), tick=True), counting(engine) as statements:
                report = await run(sessionmaker, dry_run=True)
            counts.append(len(statements))
            items.append(report.items)
        assert [len(found) for found in items] == [1, 5]
        assert {item.reason.value for item in items[1]} == {"behind"}
        assert counts[0] == counts[1], counts
