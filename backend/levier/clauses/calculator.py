"""The hours calculator: pure functions, exact decimals, results that explain themselves.

Generic method (domain/clauses.md §2):
    hours = amount_excl_tax × labour_share × insertion_rate ÷ hourly_cost
rounded to the nearest whole hour, half up (1 000 000 × 0.50 × 0.05 ÷ 30 = 833 h).

Cleaning trade method ("PACT Propreté"):
    P = 1 − (S × C) ÷ (A ÷ N);  hours = P × (A ÷ C) × T   (no hours when P ≤ 0)
with A the amount, N the duration in months, S monthly hours of staff taken over,
T the insertion rate and C the trade's hourly cost (25 €). Under the trade's minimum
(150 h) the calculator advises no clause: advice, not a refusal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from levier.clauses.constants import CalculationMethod, ParameterSource


@dataclass(frozen=True)
class Parameter:
    name: str
    value: Decimal | int
    source: ParameterSource
    detail: str | None = None  # e.g. the matched CPV prefix and trade


@dataclass(frozen=True)
class Estimate:
    method: CalculationMethod
    hours: int
    exact_hours: Decimal
    formula: str
    parameters: list[Parameter]
    labour_hours: int  # all hours of work the amount pays for (an operation's denominator)
    advice: list[str] = field(default_factory=list)


def number(value: Decimal | int) -> str:
    """A parameter as people write it: no exponent, no trailing zeros (0.5000 → 0.5)."""
    text = format(Decimal(value).normalize(), "f")
    return text


def money(value: Decimal | int) -> str:
    """An amount in euros: whole euros as they are, else with its two decimals (398500.50)."""
    amount = Decimal(value)
    return number(amount) if amount == amount.to_integral_value() else f"{amount:.2f}"


def round_hours(value: Decimal) -> int:
    """Whole hours, half up; never negative."""
    return max(0, int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP)))


def generic_hours(
    amount: Parameter, labour_share: Parameter, rate: Parameter, hourly_cost: Parameter
) -> Estimate:
    """amount × labour share × rate ÷ hourly cost."""
    exact = (Decimal(amount.value) * Decimal(labour_share.value) * Decimal(rate.value)) / Decimal(
        hourly_cost.value
    )
    return Estimate(
        method=CalculationMethod.generic,
        hours=round_hours(exact),
        exact_hours=exact,
        formula=(
            f"{money(amount.value)} × {number(labour_share.value)} × {number(rate.value)}"
            f" ÷ {money(hourly_cost.value)}"
            f" = {exact.quantize(Decimal('0.01'))} → {round_hours(exact)} h"
        ),
        parameters=[amount, labour_share, rate, hourly_cost],
        labour_hours=round_hours(
            Decimal(amount.value) * Decimal(labour_share.value) / Decimal(hourly_cost.value)
        ),
    )


def cleaning_hours(
    amount: Parameter,
    duration_months: Parameter,
    taken_over_monthly_hours: Parameter,
    rate: Parameter,
    hourly_cost: Parameter,
    minimum_hours: int,
) -> Estimate:
    """The cleaning trade's method, deducting the hours of staff taken over."""
    a = Decimal(amount.value)
    n = Decimal(duration_months.value)
    s = Decimal(taken_over_monthly_hours.value)
    c = Decimal(hourly_cost.value)
    t = Decimal(rate.value)
    weight = Decimal(1) - (s * c) / (a / n)
    exact = weight * (a / c) * t if weight > 0 else Decimal(0)
    hours = round_hours(exact)
    advice = []
    if weight <= 0:
        advice.append("no_hours_staff_taken_over")
    elif hours < minimum_hours:
        advice.append("below_trade_minimum")
    return Estimate(
        method=CalculationMethod.cleaning,
        hours=hours,
        exact_hours=exact,
        formula=(
            f"P = 1 − ({number(s)} × {money(c)}) ÷ ({money(a)} ÷ {number(n)})"
            f" = {weight.quantize(Decimal('0.0001'))}; "
            f"{max(weight, Decimal(0)).quantize(Decimal('0.0001'))} × ({money(a)} ÷ {money(c)})"
            f" × {number(t)}"
            f" = {exact.quantize(Decimal('0.01'))} → {hours} h"
        ),
        parameters=[amount, duration_months, taken_over_monthly_hours, rate, hourly_cost],
        labour_hours=round_hours(a / c),
        advice=advice,
    )
