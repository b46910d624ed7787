"""A structure's operation with clause lots whose figures are easy to compute by hand: each lot
is notified on 1 January 2025 for 12 months (365 days: on 15 March 2025 exactly 20 % of it
has elapsed) and carries the required hours the test sets; hours are written as validated
or waiting declarations of real assignments (the API's own paths are tested in fulfilment/).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from levier.assignments.models import Assignment
from levier.auth.permissions import Role
from levier.core.models import utcnow
from levier.hours.models import HoursDeclaration
from levier.organisations.constants import EnterpriseKind, OrganisationKind
from levier.tenders import operations
from levier.tenders.schemas import OperationCreate
from tests.factories import (
    award_lot,
    make_organisation,
    make_participant,
    make_tender,
    make_user,
)

NOTIFIED = date(2025, 1, 1)
_numbers = itertools.count(1)


@dataclass
class Figures:
    session: Any
    structure: Any
    operation: Any
    facilitator: Any
    other_facilitator: Any
    buyer_org: Any
    buyer: Any
    other_buyer_org: Any
    alpha: Any  # the awardee
    alpha_user: Any
    beta: Any  # another awardee
    siae: Any  # an insertion enterprise (EI) subcontractor
    classic: Any  # a classic subcontractor
    agency: Any  # an ETTI
    geiq: Any
    referent: Any
    people: list[Any]
    tenders: dict[Any, Any]

    async def lot(
        self,
        required: int = 1000,
        awardee: Any = None,
        notified: date | None = NOTIFIED,
        subcontractors: tuple[tuple[Any, str], ...] = (),
        operation: Any = "same",
        buyer: Any = None,
        labour_share: str | None = None,
        hourly_cost: str | None = None,
        co_contractors: tuple[tuple[Any, str | None], ...] = (),
    ) -> Any:
        """A clause lot (its own tender) of the structure, awarded to `awardee` (alpha)."""
        session = self.session
        tender, lot, own_operation = await make_tender(
            session, self.structure, buyer=buyer or self.buyer_org
        )
        tender.reference = f"C{next(_numbers):03d}"
        tender.operation_id = (
            self.operation.id if operation == "same" else (operation or own_operation).id
        )
        lot.override_hours = required
        lot.labour_share = Decimal(labour_share) if labour_share else None
        lot.hourly_cost = Decimal(hourly_cost) if hourly_cost else None
        session.add_all([tender, lot])
        if notified is not None:
            await award_lot(
                session, lot, awardee or self.alpha, notified, subcontractors, co_contractors
            )
        await session.commit()
        self.tenders[lot.id] = tender
        return lot

    async def make_enterprise(self, name: str, kind: str | None = None) -> Any:
        return await make_organisation(
            self.session,
            OrganisationKind.enterprise,
            name=name,
            enterprise_kind=EnterpriseKind(kind) if kind else None,
        )

    async def worked(
        self,
        lot: Any,
        month: str,
        hours: str,
        mode: str = "direct_hire",
        status: str = "validated",
        employer: Any = None,
        host: Any = None,
        person: int = 0,
    ) -> None:
        """`hours` of one person in `month` (YYYY-MM) on the lot, declared and maybe
        validated: one assignment per person, lot and mode."""
        session = self.session
        participant = self.people[person]
        host_id = (host or self.alpha).id
        employer_id = None if mode == "training" else (employer or host or self.alpha).id
        assignment = Assignment(
            structure_id=self.structure.id,
            tender_id=lot.tender_id,
            lot_id=lot.id,
            participant_id=participant.id,
            host_id=host_id,
            employer_id=employer_id,
            mode=mode,
            start_date=date(2025, 1, 1),
            hours_per_week=Decimal("35"),
        )
        session.add(assignment)
        await session.flush()
        session.add(
            HoursDeclaration(
                assignment_id=assignment.id,
                structure_id=self.structure.id,
                lot_id=lot.id,
                employer_id=employer_id or host_id,
                participant_id=participant.id,
                month=date.fromisoformat(f"{month}-01"),
                hours=Decimal(hours),
                status=status,
                declared_at=utcnow(),
            )
        )
        await session.commit()


@pytest.fixture
async def figures(session) -> Figures:
    structure = await make_organisation(session, name="Facilitation")
    other = await make_organisation(session, name="Ailleurs")
    buyer_org = await make_organisation(session, OrganisationKind.buyer, name="Ville")
    other_buyer_org = await make_organisation(session, OrganisationKind.buyer, name="Bailleur")

    async def enterprise(name: str, kind: EnterpriseKind | None = None) -> Any:
        return await make_organisation(
            session, OrganisationKind.enterprise, name=name, enterprise_kind=kind
        )

    alpha = await enterprise("Alpha BTP")
    referent_org = await make_organisation(session, OrganisationKind.prescriber)
    referent = await make_user(session, Role.referent, referent_org)
    people = [
        await make_participant(session, referent, structure, gender=gender)
        for gender in ("female", "male", "female")
    ]
    facilitator = await make_user(session, Role.facilitator, structure)
    operation = await operations.create_operation(
        session,
        facilitator,
        OperationCreate(name="NPNRU Les Rives", target_kind="hours", target_value=Decimal(2000)),
    )
    await session.commit()
    return Figures(
        session=session,
        structure=structure,
        operation=operation,
        facilitator=facilitator,
        other_facilitator=await make_user(session, Role.facilitator, other),
        buyer_org=buyer_org,
        buyer=await make_user(session, Role.buyer, buyer_org),
        other_buyer_org=other_buyer_org,
        alpha=alpha,
        alpha_user=await make_user(session, Role.enterprise, alpha),
        beta=await enterprise("Beta Bâtiment"),
        siae=await enterprise("Solid'R", EnterpriseKind.EI),
        classic=await enterprise("Classique SARL"),
        agency=await enterprise("Intérim+", EnterpriseKind.ETTI),
        geiq=await enterprise("GEIQ BTP", EnterpriseKind.GEIQ),
        referent=referent,
        people=people,
        tenders={},
    )
