"""Field rules checked together: a form's every refusal comes in one 422, not one per try."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from levier.core.errors import FieldChecks, FieldInvalid


@contextmanager
def collecting(checks: FieldChecks) -> Iterator[None]:
    """Run a field rule; its failure joins the others, raised together by `raise_if_any`."""
    try:
        yield
    except FieldInvalid as error:
        checks.add(error)
