"""What the tender routes answer: lots and tenders with their allowed actions."""

from __future__ import annotations

from levier.organisations.schemas import OrganisationSummary
from levier.tenders.actions import lot_actions
from levier.tenders.lifecycle import tender_actions
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


def tender_read(tender: Tender) -> TenderRead:
    """A tender in a list (no lots, no actions: those come with its detail); its buyer and
    operation are loaded with it."""
    return TenderRead(
        **{
            name: getattr(tender, name)
            for name in TenderRead.model_fields
            if name not in _DERIVED_TENDER_FIELDS
        },
        buyer=OrganisationSummary.model_validate(tender.buyer),
        operation_name=tender.operation.name if tender.operation else None,
        place_of_execution=TerritoryRefRead(
            level=tender.place_level,  # type: ignore[arg-type]
            code=tender.place_code,
            name=tender.place_name,
        ),
    )


def tender_detail(user: User, tender: Tender) -> TenderDetail:
    """A tender with the lots the caller may see and the actions allowed on each."""
    return TenderDetail(
        **tender_read(tender).model_dump(),
        lots=[lot_read(user, tender, lot) for lot in visible_lots(user, tender)],
        actions=tender_actions(user, tender),
    )
