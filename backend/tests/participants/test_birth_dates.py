"""The age rules on the one clock: exact calendar arithmetic on every month end and on
29 February (the minimum-age cut-off once used min(day, 28) and refused, from the 29th to
the 31st, people who had just turned 16)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine

from levier.core import clock
from levier.participants.constants import MAXIMUM_AGE, MINIMUM_AGE

MONTH_ENDS = [date(2026, month + 1, 1) - timedelta(days=1) for month in range(1, 12)] + [
    date(2026, 12, 31)
]
DAYS = [*MONTH_ENDS, date(2028, 2, 29), date(2027, 2, 28), date(2027, 3, 1)]


def person(birth_date: date, number: int) -> dict:
    return {
        "last_name": f"Anniversaire{number}",
        "first_names": "Camille",
        "birth_date": birth_date.isoformat(),
        "gender": "unspecified",
    }


def at_noon_in_paris(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=clock.LOCAL_ZONE)


class TestYearsBefore:
    @pytest.mark.parametrize(
        ("day", "years", "expected"),
        [
            (date(2026, 12, 31), 16, date(2010, 12, 31)),
            (date(2026, 4, 30), 16, date(2010, 4, 30)),
            (date(2028, 2, 29), 16, date(2012, 2, 29)),
            (date(2028, 2, 29), 1, date(2027, 2, 28)),
            (date(2027, 3, 1), 3, date(2024, 3, 1)),
        ],
    )
    def test_same_calendar_day(self, day, years, expected):
        assert clock.years_before(day, years) == expected


class TestMinimumAge:
    @pytest.mark.parametrize("today", DAYS, ids=[d.isoformat() for d in DAYS])
    async def test_sixteen_today_is_accepted_and_a_day_younger_is_refused(
        self, client, auth, network, today
    ):
        sixteenth_birthday_today = clock.years_before(today, MINIMUM_AGE)
        with time_machine.travel(at_noon_in_paris(today), tick=False):
            assert clock.today() == today
            old_enough = await client.post(
                "/api/v1/participants",
                json=person(sixteenth_birthday_today, 1),
                headers=auth(network.nadia),
            )
            assert old_enough.status_code == 201, old_enough.text
            too_young = await client.post(
                "/api/v1/participants",
                json=person(sixteenth_birthday_today + timedelta(days=1), 2),
                headers=auth(network.nadia),
            )
        assert too_young.status_code == 422
        assert too_young.json()["errors"][0]["code"] == "participant_too_young"

    async def test_the_day_follows_france_not_the_server(self, client, auth, network):
        # 23:30 UTC on 30 April is already 1 May in Paris: someone born on 1 May 2010 is 16.
        with time_machine.travel(datetime(2026, 4, 30, 23, 30, tzinfo=clock.UTC), tick=False):
            response = await client.post(
                "/api/v1/participants",
                json=person(date(2010, 5, 1), 3),
                headers=auth(network.nadia),
            )
        assert response.status_code == 201, response.text


class TestImplausibleAge:
    async def test_a_birth_year_like_1890_is_refused_naming_the_field(self, client, auth, network):
        with time_machine.travel(at_noon_in_paris(date(2026, 12, 1)), tick=False):
            refused = await client.post(
                "/api/v1/participants",
                json=person(date(1890, 6, 1), 4),
                headers=auth(network.nadia),
            )
            oldest = await client.post(
                "/api/v1/participants",
                json=person(date(2026 - MAXIMUM_AGE, 12, 1), 5),
                headers=auth(network.nadia),
            )
        assert refused.status_code == 422
        [error] = refused.json()["errors"]
        assert (error["field"], error["code"]) == ("birth_date", "birth_date_implausible")
        assert "100" in error["message"]
        assert oldest.status_code == 201, oldest.text
