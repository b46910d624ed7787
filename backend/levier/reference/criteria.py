"""Clause-eligibility criteria (participants.md): a stable code list.

Reference data shared by the structures' settings (which criteria they validate against) and
the participants domain (validations), so it sits below both.
"""

from __future__ import annotations

from enum import StrEnum


class Criterion(StrEnum):
    """Clause-eligible publics (codes are stable)."""

    long_term_jobseeker = "long_term_jobseeker"
    minimum_income = "minimum_income"
    disability_income = "disability_income"
    disabled_worker = "disabled_worker"
    young_unqualified = "young_unqualified"
    senior_jobseeker = "senior_jobseeker"
    qpv_resident = "qpv_resident"
    insertion_employee = "insertion_employee"
    facilitator_validated = "facilitator_validated"


ALL_CRITERIA: tuple[str, ...] = tuple(c.value for c in Criterion)
