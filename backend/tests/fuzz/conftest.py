"""Fuzzing harness: the real app, its own OpenAPI document, the demo data, every kind of caller.

Each caller (anonymous, then one account per role) fuzzes its own copy of a database seeded
with the demo, so what one caller's requests change (a deactivated account, a deleted lot)
never decides what the next one sees, and any caller's run can be replayed alone:

    pytest tests/fuzz                                 # quick profile (part of `make test`)
    pytest tests/fuzz -k admin                        # one caller
    LEVIER_FUZZ_PROFILE=long pytest tests/fuzz        # what `make fuzz` runs on each database
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.databases import backend
from tests.fuzz import profiles
from tests.fuzz.report import FuzzReport
from tests.fuzz.seeding import Seeded, seeded_template

REPORT = pytest.StashKey[FuzzReport]()


@pytest.fixture(scope="session")
def fuzz_report(request: pytest.FixtureRequest) -> FuzzReport:
    report = FuzzReport(profile=profiles.current().name, database=backend())
    request.config.stash[REPORT] = report
    return report


@pytest.fixture(scope="session")
def fuzz_template(fuzz_report: FuzzReport) -> Iterator[Seeded]:
    """The demo, migrated and seeded once per run; each caller fuzzes a copy."""
    with seeded_template() as seeded:
        yield seeded


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    report = config.stash.get(REPORT, None)
    if report is None:
        return
    terminalreporter.write_line(report.summary())
    if report.profile != "quick":
        for line in report.per_caller():
            terminalreporter.write_line(line)
