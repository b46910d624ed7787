"""Numbers as French texts write them (documents people read: articles, exports)."""

from __future__ import annotations

from decimal import Decimal


def french_number(value: Decimal | int | float, places: int = 2) -> str:
    """2 280 000,00: a no-break space between thousands and a decimal comma."""
    return f"{Decimal(str(value)):,.{places}f}".replace(",", "\u00a0").replace(".", ",")


def french_quantity(value: Decimal | int | float) -> str:
    """A quantity with only the decimals it has: 35 for 35.00, 35,5 for 35.50."""
    number = Decimal(str(value)).normalize()
    places = max(0, -number.as_tuple().exponent)  # type: ignore[operator]
    return french_number(number, places)
