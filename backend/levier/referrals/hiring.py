"""The hire: the employer (or the facilitator for it) takes on a proposed person.

On an offer tied to a lot's clause, the hire enters the person into the clause: the
assignment and its clause-assignment step are written in the same transaction as the
referral's move, under the clause's entry rules (eligibility valid on the start date and the
operation's restriction, or the facilitator's recorded exception; `assignments.service`), so
a refused hire writes nothing. On an offer without a lot, the hire is an employment step of
the pathway. The offer is filled once it has as many hires as posts.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.assignments import service as assignments_service
from levier.assignments.constants import ContractKind, FulfilmentMode
from levier.assignments.schemas import AssignmentTerms
from levier.core import clock
from levier.core.errors import Conflict, FieldChecks, FieldInvalid
from levier.offers.constants import OfferStatus
from levier.offers.models import Offer
from levier.participants import pathways
from levier.participants.constants import StepKind
from levier.participants.identity import touch
from levier.participants.models import Participant, PathwayStep
from levier.participants.scope import Scope
from levier.referrals import rules
from levier.referrals.constants import ReferralStatus
from levier.referrals.models import Referral
from levier.referrals.schemas import ReferralHire
from levier.referrals.scope import get_referral
from levier.referrals.service import record_move


def terms_of(offer: Offer, data: ReferralHire) -> AssignmentTerms:
    """The hire's terms: what the request says, else the offer's."""
    contract = data.contract_kind or ContractKind(offer.contract_kind)
    default_mode = (
        FulfilmentMode.temporary_work
        if contract == ContractKind.interim
        else FulfilmentMode.direct_hire
    )
    values: dict[str, Any] = {
        "mode": data.mode or default_mode,
        "host_id": offer.enterprise_id,
        "employer_id": data.employer_id,
        "contract_kind": contract,
        "start_date": data.start_date or offer.start_date,
        "planned_end_date": data.planned_end_date,
        "hours_per_week": data.hours_per_week or offer.hours_per_week,
        "job_title": data.job_title if data.job_title is not None else offer.title,
    }
    return AssignmentTerms.model_validate(values)


def _employment_step(participant: Participant, offer: Offer, terms: AssignmentTerms) -> PathwayStep:
    """An offer without a clause: the hire is the pathway's employment step."""
    checks = FieldChecks()
    if terms.contract_kind is None:
        checks.add(FieldInvalid("contract_kind", "field_required"))
    pathway = assignments_service.pathway_for(participant, terms, checks)
    checks.raise_if_any()
    return PathwayStep(
        pathway_id=pathway.id,
        organisation_id=pathway.organisation_id,
        kind=StepKind.employment.value,
        start_date=terms.start_date,
        end_date=terms.planned_end_date,
        contract_kind=terms.contract_kind.value if terms.contract_kind else None,
        employer=offer.enterprise.name,
        hours_per_week=terms.hours_per_week,
    )


async def _fill_when_complete(session: AsyncSession, offer: Offer) -> None:
    hires = await session.execute(
        select(func.count())
        .select_from(Referral)
        .where(col(Referral.offer_id) == offer.id, col(Referral.status) == ReferralStatus.hired)
    )
    if int(hires.scalar_one()) >= offer.posts:
        offer.status = OfferStatus.filled.value


async def hire(
    session: AsyncSession, scope: Scope, referral: Referral, data: ReferralHire
) -> Referral:
    """Hire the person on the offer's terms (or those given), all rules checked first."""
    rules.check_move(scope, referral, ReferralStatus.hired)
    offer = referral.offer
    if offer.status != OfferStatus.open:
        raise Conflict("referral_offer_not_open", status=OfferStatus(offer.status))
    if data.mode is not None and offer.lot_id is None and data.mode != FulfilmentMode.direct_hire:
        raise FieldInvalid("mode", "referral_mode_needs_clause")
    terms = terms_of(offer, data)
    participant = await assignments_service.person(session, referral.participant_id)
    if participant is None:
        raise FieldInvalid("participant_id", "participant_not_found")
    if offer.lot_id is not None:
        assignment = await assignments_service.open_assignment(
            session, scope.user.id, participant, offer.lot_id, terms, offer_id=offer.id
        )
        referral.assignment_id = assignment.id
    else:
        step = _employment_step(participant, offer, terms)
        pathway = pathways.open_pathway(participant)
        assert pathway is not None  # checked by `_employment_step`
        pathway.steps.append(step)
        pathways.sort_steps(pathway)
        touch(participant, clock.today())
    record_move(session, scope, referral, ReferralStatus.hired, clock.today())
    await session.flush()
    await _fill_when_complete(session, offer)
    await session.flush()
    return await get_referral(session, scope, referral.id, refresh=True)
