"""Two fuzzing budgets: `quick` runs in every `make test`, `long` in `make fuzz`.

Both are deterministic (derandomised Hypothesis, fixed seed, no example database): a failure
CI reports is the one a developer gets by running the same command.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.fuzz.dictionaries import DICTIONARIES, bindings

SEED = 20260417


@dataclass(frozen=True)
class Profile:
    name: str
    max_examples: int  # per operation and caller, fuzzing phase
    coverage: bool  # boundary and negative values derived from each schema
    shrink: bool  # minimise a failing case (slow when it fails)
    stateful_steps: int  # 0: no stateful run


PROFILES = {
    "quick": Profile("quick", max_examples=6, coverage=False, shrink=False, stateful_steps=0),
    "long": Profile("long", max_examples=100, coverage=True, shrink=True, stateful_steps=20),
}


def current() -> Profile:
    """LEVIER_FUZZ_PROFILE picks the budget; quick by default."""
    name = os.environ.get("LEVIER_FUZZ_PROFILE", "quick")
    if name not in PROFILES:
        raise RuntimeError(f"LEVIER_FUZZ_PROFILE={name!r}: expected one of {sorted(PROFILES)}")
    return PROFILES[name]


# The contract the API promises in its OpenAPI document, and nothing more.
CHECKS = (
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
)


def schemathesis_config(
    profile: Profile,
    headers: dict[str, str],
    ids: dict[str, list[str]],
    document: dict[str, Any],
) -> dict[str, Any]:
    """The run's configuration, as a `schemathesis.toml` would spell it."""
    return {
        "seed": SEED,
        # An operation's first failure must not hide the others (a 500 behind a content type).
        "continue-on-failure": True,
        "headers": headers,
        "generation": {
            "mode": "all",
            "max-examples": profile.max_examples,
            "deterministic": True,
            "database": "none",
            "no-shrink": not profile.shrink,
        },
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": profile.coverage},
            "fuzzing": {"enabled": True},
            "stateful": {
                "enabled": profile.stateful_steps > 0,
                "max-steps": max(2, profile.stateful_steps),
            },
        },
        "checks": {"enabled": False, **{check.__name__: {"enabled": True} for check in CHECKS}},
        "dictionaries": {
            **{name: {"values": values} for name, values in DICTIONARIES.items()},
            **{name: {"values": values} for name, values in ids.items() if values},
        },
        "parameters": {
            **{
                key: {"dictionary": name, "probability": probability}
                for key, (name, probability) in bindings(document).items()
            },
            # Real ids most of the time, so requests reach the records behind the 404s.
            **{
                f"path.{name}": {"dictionary": name, "probability": 0.8}
                for name, values in ids.items()
                if values
            },
        },
    }
