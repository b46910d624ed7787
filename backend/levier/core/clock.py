"""The one clock: every "now" and "today" of the domain comes from here.

`now()` is a UTC timestamp. `today()` is the calendar day in France (Europe/Paris), the day
on which people date a hire, a validation or an exit, whatever the server's own zone. Tests
move this clock with time-machine instead of skipping assertions on some days.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LOCAL_ZONE = ZoneInfo("Europe/Paris")


def now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


def today() -> date:
    """Today's date in France."""
    return datetime.now(LOCAL_ZONE).date()


def years_after(day: date, years: int) -> date:
    """The same calendar day `years` later (29 February becomes 28 February)."""
    return years_before(day, -years)


def years_before(day: date, years: int) -> date:
    """The same calendar day `years` earlier; 29 February becomes 28 February in a common
    year (a person born on 28 February has had that birthday by then)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February → a common year
        return day.replace(year=day.year - years, day=28)


def months_after(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
