"""What the tender routes answer: lots and tenders with their allowed actions."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from levier.organisations.models import Organisation
from levier.organisations.schemas import OrganisationSummary
from levier.tenders.actions import lot_actions
from levier.tenders.lifecycle import names_by_id, tender_actions
from levier.tenders.models import Lot, Tender
from levier.tenders.schemas import LotRead, TenderDetail, TenderRead
from levier.tenders.scope import visible_lots
from levier.territories.schemas import TerritoryRefRead
from levier.users.models import User

_DERIVED_LOT_FIELDS = frozenset({"override_by_name", "actions"})
_DERIVED_TENDER_FIELDS = frozenset({"buyer", "place_of_execution", "operation_name"})


def lot_read(user: User, tender: Tender, lot: Lot) -> LotRead:
    """A lot as the caller sees it, with what they may do with it."""
    fields = {
        name: getattr(lot, name) for name in LotRead.model_fields if name not in _DERIVED_LOT_FIELDS
    }
    return LotRead.model_validate(
        {
            **fields,
            "override_by_name": lot.override_by.full_name if lot.override_by else None,
            "actions": lot_actions(user, tender, lot),
        },
        from_attributes=True,
    )


def tender_read(tender: Tender, buyer: Organisation, operation_name: str | None) -> TenderRead:
    """A tender in a list (no lots, no actions: those come with its detail)."""
    return TenderRead(
        **{
            name: getattr(tender, name)
            for name in TenderRead.model_fields
            if name not in _DERIVED_TENDER_FIELDS
        },
        buyer=OrganisationSummary.model_validate(buyer),
        operation_name=operation_name,
        place_of_execution=TerritoryRefRead(
            level=tender.place_level,  # type: ignore[arg-type]
            code=tender.place_code,
            name=tender.place_name,
        ),
    )


async def tender_reads(session: AsyncSession, tenders: list[Tender]) -> list[TenderRead]:
    """A page of tenders with their buyers and operations (two queries for the page)."""
    buyers, operations = await names_by_id(
        session, [t.buyer_id for t in tenders], [t.operation_id for t in tenders]
    )
    return [
        tender_read(
            t, buyers[t.buyer_id], operations.get(t.operation_id) if t.operation_id else None
        )
        for t in tenders
    ]


async def tender_detail(session: AsyncSession, user: User, tender: Tender) -> TenderDetail:
    """A tender with the lots the caller may see and the actions allowed on each."""
    [summary] = await tender_reads(session, [tender])
    return TenderDetail(
        **summary.model_dump(),
        lots=[lot_read(user, tender, lot) for lot in visible_lots(user, tender)],
        actions=tender_actions(user, tender),
    )
