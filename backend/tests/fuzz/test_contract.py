"""Every operation of the OpenAPI document, fuzzed by every kind of caller, keeps its contract.

No 5xx; the status code, the content type and the body are the ones the document declares.
A caller's test fails on any distinct failure, each listed with a request reproducing it.
"""

from __future__ import annotations

import pytest

from tests.fuzz.report import FuzzReport
from tests.fuzz.runner import CALLERS, fuzz
from tests.fuzz.seeding import Seeded


@pytest.mark.parametrize("caller", list(CALLERS))
def test_caller_gets_what_the_contract_promises(
    caller: str, fuzz_template: Seeded, fuzz_report: FuzzReport
) -> None:
    run = fuzz(caller, fuzz_template)
    fuzz_report.add(run)
    if run.findings or run.errors:
        pytest.fail(run.explain(), pytrace=False)
