"""A lot's figures at a date, derived from the grouped rows of `queries` (no hour row is read
here: these loops run over per-lot aggregates). Domain clauses.md §3–§4.

What counts toward a lot's clause, in order:
1. validated hours by fulfilment mode, training capped at the structure's share of the
   required hours (`validated`);
2. the subcontracting conversion: for each declared SIAE / EA / ESAT subcontractor, and each
   SIAE / EA consortium member with a declared share of the amount (co-contracting), with no
   validated hour of its own on the lot (as employer of record or as host), its amount ×
   labour share ÷ hourly cost. The labour share and hourly cost are the lot's own when set,
   else those its hours were computed with (generic method), else the structure's defaults.
   The converted hours are spread over time pro rata of the execution period elapsed (the
   subcontracted work is assumed even over the contract: none before the notification, all
   of it at the end), so a conversion neither makes a lot look done on its first day nor
   behind for ever. Once validated hours exist for that enterprise on the lot they replace
   its conversion entirely (they are counted under their own mode);
3. pooling (an awardee's lots of one operation, when the facilitator enabled it): see
   `pool`. Pooled hours move between lots, so totals over lots count every hour once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from levier.assignments.constants import FulfilmentMode
from levier.compliance.constants import EXCEEDED_SHARE, ComplianceStatus
from levier.compliance.queries import HoursRow, LotRow, Settings, SubcontractRow
from levier.core import clock
from levier.hours.constants import HoursStatus

ZERO = Decimal("0")
CENT = Decimal("0.01")
SHARE = Decimal("0.0001")
VALIDATED = HoursStatus.validated.value
DECLARED = HoursStatus.declared.value
MODES = [(mode, mode.value) for mode in FulfilmentMode]  # iterating the enum is slow per lot


@dataclass
class Conversion:
    enterprise_id: uuid.UUID
    enterprise_name: str
    subcontract_amount: Decimal
    labour_share: Decimal
    labour_share_source: str
    hourly_cost: Decimal
    hourly_cost_source: str
    total_hours: Decimal  # the whole conversion, reached at the end of the execution period
    formula: str


@dataclass
class ModeFigure:
    mode: FulfilmentMode
    validated: Decimal
    pending: Decimal
    counted: Decimal
    converted: bool = False
    conversion: Conversion | None = None


@dataclass
class LotFigures:
    row: LotRow
    on: date
    start: date | None
    end: date | None
    elapsed: Decimal | None
    by_mode: list[ModeFigure]
    validated: Decimal  # validated hours that count (training capped)
    pending: Decimal
    converted: Decimal
    training_cap: Decimal | None
    training_excess: Decimal
    pooled_in: Decimal = ZERO
    pooled_out: Decimal = ZERO
    expected: Decimal | None = None
    projected: Decimal | None = None
    status: ComplianceStatus | None = None
    month_validated: Decimal = ZERO  # the raw validated hours of the date's month (series)

    @property
    def required(self) -> int | None:
        return self.row.required_hours

    @property
    def late(self) -> bool:
        """Behind, or not started while hours are already due by now: `not_started` says no
        hour was worked, not that none was due, and someone must act on it all the same."""
        if self.status == ComplianceStatus.behind:
            return True
        due = self.expected is not None and self.expected > 0
        return self.status == ComplianceStatus.not_started and due

    @property
    def own(self) -> Decimal:
        """What counts from the lot's own work (validated and converted), before pooling."""
        return self.validated + self.converted

    @property
    def counted(self) -> Decimal:
        return self.own + self.pooled_in - self.pooled_out


def execution_period(row: LotRow) -> tuple[date | None, date | None]:
    """The award's notification for the lot's duration (amendments included)."""
    start = row.notification_date
    return start, clock.months_after(start, row.duration_months) if start is not None else None


def elapsed_share(start: date | None, end: date | None, on: date) -> Decimal | None:
    if start is None or end is None or end <= start:
        return None
    days = Decimal((end - start).days)
    return min(max(Decimal((on - start).days) / days, ZERO), Decimal(1)).quantize(SHARE)


def _parameter(row: LotRow, name: str) -> Decimal | None:
    calculation = row.calculation or {}
    if calculation.get("method") != "generic":
        return None
    for parameter in calculation.get("parameters") or []:
        if parameter.get("name") == name:
            return Decimal(str(parameter["value"]))
    return None


def _input(row: LotRow, name: str, own: Decimal | None, default: Decimal) -> tuple[Decimal, str]:
    if own is not None:
        return own, "lot"
    computed = _parameter(row, name)
    if computed is not None:
        return computed, "calculation"
    return default, "structure_default"


def conversion_of(row: LotRow, settings: Settings, subcontract: SubcontractRow) -> Conversion:
    """amount × labour share ÷ hourly cost, with where each input comes from."""
    share, share_source = _input(
        row, "labour_share", row.labour_share, settings.default_labour_share
    )
    cost, cost_source = _input(row, "hourly_cost", row.hourly_cost, settings.hourly_cost)
    total = (subcontract.amount * share / cost).quantize(CENT)
    return Conversion(
        enterprise_id=subcontract.enterprise_id,
        enterprise_name=subcontract.enterprise_name,
        subcontract_amount=subcontract.amount,
        labour_share=share,
        labour_share_source=share_source,
        hourly_cost=cost,
        hourly_cost_source=cost_source,
        total_hours=total,
        formula=f"{subcontract.amount.normalize():f} × {share.normalize():f}"
        f" ÷ {cost.normalize():f} = {total} h",
    )


def lot_figures(
    row: LotRow,
    on: date,
    hours: list[HoursRow],
    subcontracts: list[SubcontractRow],
    settings: Settings,
) -> LotFigures:
    """The lot's own figures on `on` from its hour sums (those of months begun by `on`)."""
    sums: dict[tuple[str, str], Decimal] = {}
    worked_by: set[uuid.UUID] = set()
    month_validated = ZERO
    for hour in hours:
        if hour.month is not None and hour.month > on:
            continue
        sums[(hour.mode, hour.status)] = sums.get((hour.mode, hour.status), ZERO) + hour.hours
        if hour.status == VALIDATED:
            worked_by.add(hour.host_id)
            if hour.employer_id is not None:
                worked_by.add(hour.employer_id)
            if hour.month is not None and (hour.month.year, hour.month.month) == (
                on.year,
                on.month,
            ):
                month_validated += hour.hours
    required = row.required_hours
    cap = (Decimal(required) * settings.training_cap_share).quantize(CENT) if required else None
    by_mode: list[ModeFigure] = []
    validated = pending = excess = ZERO
    for mode, value in MODES:
        done = sums.get((value, VALIDATED), ZERO)
        waiting = sums.get((value, DECLARED), ZERO)
        if done == 0 and waiting == 0:
            continue
        counts = done
        if mode == FulfilmentMode.training and cap is not None and done > cap:
            counts, excess = cap, done - cap
        by_mode.append(ModeFigure(mode=mode, validated=done, pending=waiting, counted=counts))
        validated += counts
        pending += waiting
    start, end = execution_period(row)
    elapsed = elapsed_share(start, end, on)
    converted = ZERO
    for subcontract in subcontracts:
        if subcontract.enterprise_id in worked_by:
            continue  # its real hours replace the conversion
        conversion = conversion_of(row, settings, subcontract)
        counts = (conversion.total_hours * (elapsed or ZERO)).quantize(CENT)
        by_mode.append(
            ModeFigure(
                mode=FulfilmentMode(subcontract.mode),
                validated=ZERO,
                pending=ZERO,
                counted=counts,
                converted=True,
                conversion=conversion,
            )
        )
        converted += counts
    return LotFigures(
        row=row,
        on=on,
        start=start,
        end=end,
        elapsed=elapsed,
        by_mode=by_mode,
        validated=validated,
        pending=pending,
        converted=converted,
        training_cap=cap,
        training_excess=excess,
        month_validated=month_validated,
    )


def _pool_order(figures: LotFigures) -> tuple[Any, ...]:
    row = figures.row
    return (figures.end or date.max, row.tender_reference, row.number, str(row.id))


def pool(lots: list[LotFigures]) -> None:
    """Pooling within each pool (one awardee's lots of one operation, pooling enabled):
    the hours that count beyond a lot's requirement go to the pool's lots that fall short of
    theirs, the lots due first served first (execution end, then tender reference, lot
    number); the surplus is taken from the donors in the same order. A donor keeps its
    requirement, so it stays fulfilled. Shortfalls are against the whole requirement, at
    the date. Lots without required hours neither give nor receive."""
    pools: dict[uuid.UUID, list[LotFigures]] = {}
    for figures in lots:
        if figures.row.pooling_id is not None and figures.required:
            pools.setdefault(figures.row.pooling_id, []).append(figures)
    for members in pools.values():
        members.sort(key=_pool_order)
        available = sum((max(ZERO, f.own - f.required) for f in members if f.required), ZERO)
        given = ZERO
        for figures in members:
            assert figures.required is not None
            short = max(ZERO, figures.required - figures.own)
            figures.pooled_in = min(short, available - given) or ZERO
            given += figures.pooled_in
        for figures in members:
            assert figures.required is not None
            surplus = max(ZERO, figures.own - figures.required)
            figures.pooled_out = min(surplus, given) or ZERO
            given -= figures.pooled_out


def status_of(
    required: int | None, counted: Decimal, pending: Decimal, elapsed: Decimal | None, ended: bool
) -> ComplianceStatus | None:
    if not required:
        return None
    if counted >= required * EXCEEDED_SHARE:
        return ComplianceStatus.exceeded
    if counted >= required:
        return ComplianceStatus.fulfilled
    if ended:
        return ComplianceStatus.defaulted
    if counted == 0 and pending == 0:
        return ComplianceStatus.not_started
    expected = required * (elapsed or ZERO)
    return ComplianceStatus.on_track if counted >= expected else ComplianceStatus.behind


def settle(figures: LotFigures) -> None:
    """Expected-by-now, projection and status once pooling is known."""
    required, elapsed, counted = figures.required, figures.elapsed, figures.counted
    if elapsed is not None:
        if required:
            figures.expected = (required * elapsed).quantize(CENT)
        if elapsed > 0:
            figures.projected = (counted / elapsed).quantize(CENT)
    ended = figures.end is not None and figures.on > figures.end
    figures.status = status_of(required, counted, figures.pending, elapsed, ended)


@dataclass
class Inputs:
    """Every grouped row the figures of a set of lots need."""

    lots: list[LotRow]
    hours: list[HoursRow]
    subcontracts: list[SubcontractRow]
    settings: dict[uuid.UUID, Settings]
    by_lot_hours: dict[uuid.UUID, list[HoursRow]] = field(default_factory=dict)
    by_lot_subcontracts: dict[uuid.UUID, list[SubcontractRow]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for hour in self.hours:
            self.by_lot_hours.setdefault(hour.lot_id, []).append(hour)
        for subcontract in self.subcontracts:
            self.by_lot_subcontracts.setdefault(subcontract.lot_id, []).append(subcontract)


def figures_at(inputs: Inputs, on: date) -> dict[uuid.UUID, LotFigures]:
    """Every lot's figures on `on`, pooling applied."""
    lots = [
        lot_figures(
            row,
            on,
            inputs.by_lot_hours.get(row.id, []),
            inputs.by_lot_subcontracts.get(row.id, []),
            inputs.settings[row.structure_id],
        )
        for row in inputs.lots
    ]
    pool(lots)
    for figures in lots:
        settle(figures)
    return {figures.row.id: figures for figures in lots}
