"""SIRET validation (INSEE): 14 digits, Luhn key; La Poste's establishments use a digit sum ÷ 5."""

from __future__ import annotations

LA_POSTE_SIREN = "356000000"


def luhn_valid(digits: str) -> bool:
    """Whether a digit string passes the Luhn check."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def normalise_siret(raw: str) -> str:
    """The SIRET without spaces (users paste "123 456 789 00012")."""
    return "".join(raw.split())


def is_valid_siret(siret: str) -> bool:
    """Whether a (normalised) SIRET is well formed with a valid key."""
    if len(siret) != 14 or not siret.isdigit():
        return False
    if siret.startswith(LA_POSTE_SIREN):
        return sum(int(c) for c in siret) % 5 == 0
    return luhn_valid(siret)
