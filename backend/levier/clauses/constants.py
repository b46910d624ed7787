"""Clause kinds, calculation methods and the indicative defaults of domain/clauses.md.

Every default here is only the initial value of a structure's settings (data an admin
changes); values marked [to confirm] in the domain guide stay configurable.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum


class CalculationMethod(StrEnum):
    """How a lot's insertion hours are computed (domain/clauses.md §2)."""

    generic = "generic"  # amount × labour share × rate ÷ hourly cost
    cleaning = "cleaning"  # the cleaning trade's PACT Propreté method (staff taken over)


class ParameterSource(StrEnum):
    """Where a calculation parameter came from, shown with the result."""

    given = "given"  # set on the lot / in the request
    structure_table = "structure_table"  # the structure's labour-share table (CPV prefix)
    structure_default = "structure_default"  # the structure's default setting


# Initial settings of a facilitation structure [to confirm: domain/clauses.md §2–3].
DEFAULT_HOURLY_COST = Decimal("30")
DEFAULT_INSERTION_RATE = Decimal("0.05")
DEFAULT_LABOUR_SHARE = Decimal("0.50")
DEFAULT_MONTHLY_CEILING_HOURS = 210
DEFAULT_TRAINING_CAP_SHARE = Decimal("0.30")
DEFAULT_CLEANING_HOURLY_COST = Decimal("25")
DEFAULT_CLEANING_MIN_HOURS = 150

# Indicative labour shares by trade, keyed by CPV prefix (longest prefix wins). A prefix
# holds the significant digits of its code only (4532 for class 45320000 and the codes
# under it): a trailing zero would match the class's own code and none of its children.
# (prefix, French trade, English trade, share)
INDICATIVE_LABOUR_SHARES: list[tuple[str, str, str, Decimal]] = [
    ("45112", "VRD / terrassement", "Earthworks and site networks", Decimal("0.25")),
    ("45233", "VRD / voirie", "Roads and site networks", Decimal("0.25")),
    ("45262", "Gros œuvre / maçonnerie", "Structural works / masonry", Decimal("0.50")),
    ("45223", "Charpente métallique", "Steel structures", Decimal("0.20")),
    ("4532", "Plâtrerie / isolation", "Plastering / insulation", Decimal("0.60")),
    ("4541", "Plâtrerie", "Plastering", Decimal("0.60")),
    ("45442", "Peinture", "Painting", Decimal("0.70")),
    ("4531", "Électricité", "Electrical works", Decimal("0.45")),
    ("4533", "Plomberie / CVC", "Plumbing / HVAC", Decimal("0.40")),
    ("45331", "Chauffage, ventilation, climatisation", "HVAC", Decimal("0.40")),
    ("7731", "Espaces verts", "Green spaces", Decimal("0.65")),
    ("9091", "Nettoyage", "Cleaning", Decimal("0.85")),
    (
        "71",
        "Services intellectuels (architecture, ingénierie)",
        "Intellectual services",
        Decimal("0.30"),
    ),
]
