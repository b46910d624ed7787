"""The figures of a whole fuzz session, across callers: one line for CI, a table for `make fuzz`."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from tests.fuzz.runner import CallerRun


@dataclass
class FuzzReport:
    profile: str
    database: str
    runs: list[CallerRun] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def add(self, run: CallerRun) -> None:
        self.runs.append(run)

    def summary(self) -> str:
        """One line: cases, 5xx answers, distinct failures and their classes."""
        cases = sum(run.cases for run in self.runs)
        server_errors = sum(
            count for run in self.runs for status, count in run.statuses.items() if status >= 500
        )
        findings = [finding for run in self.runs for finding in run.findings]
        per_check = Counter(finding.check for finding in findings)
        classes = ", ".join(f"{check}: {count}" for check, count in sorted(per_check.items()))
        errors = sum(len(run.errors) for run in self.runs)
        return (
            f"fuzz[{self.profile}/{self.database}]: {len(self.runs)} callers, {cases} cases in "
            f"{time.monotonic() - self.started:.0f} s, {server_errors} answered 5xx, "
            f"{len(findings)} distinct failures"
            + (f" ({classes})" if classes else "")
            + (f", {errors} run errors" if errors else "")
        )

    def per_caller(self) -> list[str]:
        """One line per caller: cases, time, status codes, failures per check."""
        lines = []
        for run in self.runs:
            statuses = " ".join(f"{status}×{n}" for status, n in sorted(run.statuses.items()))
            checks = Counter(finding.check for finding in run.findings)
            failures = ", ".join(f"{check}: {n}" for check, n in sorted(checks.items())) or "none"
            lines.append(
                f"  {run.caller:<17} {run.cases:>6} cases {run.seconds:>5.0f} s  "
                f"failures: {failures}  [{statuses}]"
            )
        return lines
