"""Demo data: the documents at the end of the fulfilment (domain clauses.md §5), issued today
on what the demo holds: the completion certificate of the lot whose clause is fulfilled, and
the end-of-assignment report of the temp worker whose mission ended with the lot's works,
the agency's part written and the facilitator's still to write (the report is due)."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import col

from levier.assignments import scope as assignments_scope
from levier.assignments.constants import FulfilmentMode
from levier.assignments.models import Assignment
from levier.compliance import service as compliance_service
from levier.compliance.constants import ComplianceStatus
from levier.core import clock
from levier.core.storage import Storage
from levier.demo_story import Story
from levier.documents import certificates, reports
from levier.documents.constants import Attendance, Recommendation
from levier.documents.report_scope import report_of
from levier.documents.schemas import EmployerPart
from levier.participants import scope as participants_scope
from levier.tenders import scope as tenders_scope
from levier.tenders.models import Lot, Tender
from levier.users.models import User

# The lot the certificate is issued for (its clause is fulfilled by co-contracting).
CERTIFIED_LOT = ("VLH-REHA-120", 2)


async def seed_documents(
    story: Story, storage: Storage, facilitator: User, assignments: list[Assignment], agency: User
) -> None:
    """The facilitator issues the fulfilled lot's certificate; the temp agency writes its part
    of the report of its ended mission (the caller commits)."""
    session, today = story.session, clock.today()
    reference, number = CERTIFIED_LOT
    tender_id, lot_id = (
        await session.execute(
            select(col(Tender.id), col(Lot.id))
            .join(Lot, col(Lot.tender_id) == col(Tender.id))
            .where(col(Tender.reference) == reference, col(Lot.number) == number)
        )
    ).one()
    tender = await tenders_scope.get_tender(session, facilitator, tender_id)
    lot = tenders_scope.get_lot(facilitator, tender, lot_id)
    compliance = await compliance_service.lot_compliance(session, facilitator, tender, lot)
    assert compliance.status == ComplianceStatus.fulfilled, compliance.status
    async with story.step(today, facilitator):
        await certificates.issue_certificate(session, storage, facilitator, tender, lot)
    scope = participants_scope.Scope(agency)
    ended = next(
        a
        for a in assignments
        if a.mode == FulfilmentMode.temporary_work
        and a.employer_id == agency.organisation_id
        and a.ended_on is not None
    )
    assignment = await assignments_scope.get_assignment(session, scope, ended.id)
    assert assignment.ended_on is not None
    async with story.step(min(assignment.ended_on, today), agency):
        await reports.write_employer_part(
            session,
            scope,
            assignment,
            await report_of(session, assignment.id),
            EmployerPart(
                skills_acquired="Tirage de câbles, pose d'appareillages, lecture de plans "
                "électriques simples ; habilitation électrique BS obtenue pendant la mission.",
                tasks="Aide à l'électricien sur les logements en site occupé : saignées, "
                "passage des gaines, repérage des circuits.",
                attendance=Attendance.regular,
                recommendation=Recommendation.recommended,
                comment="Une nouvelle mission lui sera proposée sur le prochain chantier.",
            ),
        )
