"""One clock: "today" and "now" come from `levier.core.clock` everywhere, in the app and in
its tests. A test comparing the API's day (France) with the machine's own (UTC here) fails
every evening between 23:00 and midnight, Paris time; this test fails first."""

from __future__ import annotations

import re
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[2]
OWN_CLOCK = re.compile(r"\b(date\.today|datetime\.(now|utcnow|today))\(")
ALLOWED = {BACKEND / "levier" / "core" / "clock.py", Path(__file__).resolve()}


def test_nothing_reads_the_machine_clock_but_the_one_clock():
    offenders = [
        f"{path.relative_to(BACKEND)}:{number}"
        for folder in ("levier", "tests")
        for path in sorted((BACKEND / folder).rglob("*.py"))
        if path not in ALLOWED
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if OWN_CLOCK.search(line)
    ]
    assert offenders == []
