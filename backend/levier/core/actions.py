"""Allowed actions on reads: the same rule a service checks before acting says whether the
action is offered, so the interface never restates a rule (and never offers a refusal).

A rule is a function that raises a `DomainError` when the action is refused; `allowed`
runs it without acting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from levier.core.errors import DomainError


def allowed(rule: Callable[..., Any], *args: Any) -> bool:
    """Whether `rule(*args)` lets the action through."""
    try:
        rule(*args)
    except DomainError:
        return False
    return True
