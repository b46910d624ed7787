"""End-of-assignment reports (bilan de fin de mission): the employer's part and the
facilitator's, each written by its author until the facilitator issues the report as a PDF
(domain clauses.md §5). Free texts are cleaned by `FreeText`; no field takes health data."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.assignments.models import Assignment
from levier.auth.permissions import Role
from levier.core import clock
from levier.core.actions import allowed
from levier.core.errors import Conflict, NotFound
from levier.core.storage import Storage
from levier.documents import archive, labels, rules
from levier.documents.constants import PDF, DocumentKind, ReportStatus
from levier.documents.identity import identity_lines
from levier.documents.models import AssignmentReport, IssuedDocument
from levier.documents.pdf import PdfDocument
from levier.documents.schemas import (
    AssignmentReportRead,
    EmployerPart,
    EmployerPartRead,
    FacilitatorPart,
    FacilitatorPartRead,
    ReportActions,
)
from levier.hours.constants import HoursStatus
from levier.hours.models import HoursDeclaration
from levier.participants.scope import Scope
from levier.tenders.models import Tender


def _may_see(scope: Scope, report: AssignmentReport | None) -> None:
    """A referent reads the report once issued (a draft is its authors' business)."""
    if scope.user.role == Role.referent and (
        report is None or report.status != ReportStatus.issued
    ):
        raise NotFound()


async def read(
    session: AsyncSession, scope: Scope, assignment: Assignment, report: AssignmentReport | None
) -> AssignmentReportRead:
    """The report as the caller may read it (an empty draft before any part is written)."""
    _may_see(scope, report)
    document = None
    employer_only = scope.user.role == Role.enterprise
    anonymised = assignment.participant.anonymised_at is not None
    if report is not None and report.document_id is not None and not (employer_only or anonymised):
        document = await session.get(IssuedDocument, report.document_id)
    return AssignmentReportRead(
        assignment_id=assignment.id,
        status=ReportStatus(report.status) if report else ReportStatus.draft,
        version=report.version if report else 0,
        ended_on=assignment.ended_on,
        employer_part=EmployerPartRead(
            skills_acquired=report.skills_acquired if report else "",
            tasks=report.tasks if report else "",
            attendance=report.attendance if report else None,  # type: ignore[arg-type]
            recommendation=report.recommendation if report else None,  # type: ignore[arg-type]
            comment=report.employer_comment if report else "",
            written_at=report.employer_at if report else None,
        ),
        facilitator_part=None
        if employer_only
        else FacilitatorPartRead(
            outcome=report.outcome if report else None,  # type: ignore[arg-type]
            next_step=report.next_step if report else "",
            written_at=report.facilitator_at if report else None,
        ),
        document=archive.document_read(document) if document else None,
        actions=ReportActions(
            edit_employer_part=allowed(rules.check_employer_author, scope, assignment, report),
            edit_facilitator_part=allowed(
                rules.check_facilitator_author, scope, assignment, report
            ),
            issue=allowed(rules.check_issuable, scope, assignment, report),
        ),
    )


async def _save(session: AsyncSession, report: AssignmentReport) -> None:
    """Flush a part; a first write creates the report in a savepoint, so that another first
    write at the same moment is refused (409) by the one-report-per-assignment constraint."""
    if inspect(report).persistent:
        await session.flush()
        return
    try:
        async with session.begin_nested():
            session.add(report)
            await session.flush()
    except IntegrityError:
        raise Conflict("report_written_meanwhile") from None


def _draft(assignment: Assignment) -> AssignmentReport:
    return AssignmentReport(
        assignment_id=assignment.id,
        structure_id=assignment.structure_id,
        participant_id=assignment.participant_id,
        status=ReportStatus.draft.value,
    )


async def write_employer_part(
    session: AsyncSession,
    scope: Scope,
    assignment: Assignment,
    report: AssignmentReport | None,
    data: EmployerPart,
) -> AssignmentReport:
    """The employer writes (or rewrites) its part of a report still in draft."""
    rules.check_employer_author(scope, assignment, report)
    report = report or _draft(assignment)
    report.skills_acquired = data.skills_acquired
    report.tasks = data.tasks
    report.attendance = data.attendance.value
    report.recommendation = data.recommendation.value
    report.employer_comment = data.comment
    report.employer_by_id = scope.user.id
    report.employer_at = clock.now()
    await _save(session, report)
    return report


async def write_facilitator_part(
    session: AsyncSession,
    scope: Scope,
    assignment: Assignment,
    report: AssignmentReport | None,
    data: FacilitatorPart,
) -> AssignmentReport:
    """The facilitator writes (or rewrites) its part of a report still in draft."""
    rules.check_facilitator_author(scope, assignment, report)
    report = report or _draft(assignment)
    report.outcome = data.outcome.value
    report.next_step = data.next_step
    report.facilitator_by_id = scope.user.id
    report.facilitator_at = clock.now()
    await _save(session, report)
    return report


async def _validated_hours(session: AsyncSession, assignment: Assignment) -> Decimal:
    statement = select(func.sum(HoursDeclaration.hours)).where(
        col(HoursDeclaration.assignment_id) == assignment.id,
        col(HoursDeclaration.status) == HoursStatus.validated,
    )
    return Decimal((await session.execute(statement)).scalar() or 0)


async def _pdf(
    session: AsyncSession, scope: Scope, assignment: Assignment, report: AssignmentReport
) -> bytes:
    identity = await identity_lines(session, assignment.structure_id)
    tender = (
        await session.execute(
            select(col(Tender.reference), col(Tender.object)).where(
                col(Tender.id) == assignment.tender_id
            )
        )
    ).one()
    person, lot = assignment.participant, assignment.lot
    employer = assignment.employer or assignment.host
    document = PdfDocument("Bilan de fin de mission")
    document.identity(identity)
    document.heading("Bilan de fin de mission")
    document.fields(
        [
            ("Personne", f"{person.first_names} {person.last_name}"),
            ("Poste", assignment.job_title),
            ("Entreprise d'accueil", assignment.host.name),
            ("Employeur", employer.name),
            ("Modalité", labels.MODES.get(assignment.mode, assignment.mode)),
            ("Contrat", labels.CONTRACTS.get(assignment.contract_kind or "", "—")),
            ("Marché", f"{tender.reference} — {tender.object}"),
            ("Lot", f"n° {lot.number} — {lot.title}"),
            ("Période", labels.period(assignment.start_date, assignment.ended_on)),
            ("Fin de mission", labels.END_REASONS.get(assignment.end_reason or "", "—")),
            ("Heures validées", labels.hours(await _validated_hours(session, assignment))),
        ]
    )
    document.heading("Partie de l'employeur", 2)
    document.fields(
        [
            ("Compétences acquises", report.skills_acquired),
            ("Tâches réalisées", report.tasks),
            ("Assiduité", labels.ATTENDANCE[report.attendance or ""]),
            ("Recommandation", labels.RECOMMENDATION[report.recommendation or ""]),
            ("Observations", report.employer_comment),
        ]
    )
    document.heading("Partie de la structure d'accompagnement", 2)
    document.fields(
        [
            ("Situation à l'issue", labels.OUTCOMES[report.outcome or ""]),
            ("Suite du parcours", report.next_step),
        ]
    )
    document.paragraph(f"Bilan établi le {labels.day(clock.today())}.")
    document.signatures(
        [(f"Pour {employer.name}", ""), (f"Pour {identity[0]}", scope.user.full_name)]
    )
    return document.render()


async def issue_report(
    session: AsyncSession,
    storage: Storage,
    scope: Scope,
    assignment: Assignment,
    report: AssignmentReport | None,
) -> AssignmentReport:
    """The facilitator issues the report: archived as a PDF, then never changed."""
    rules.check_issuable(scope, assignment, report)
    assert report is not None  # check_issuable refuses a report with no part written
    content = await _pdf(session, scope, assignment, report)
    document = await archive.issue(
        session,
        storage,
        scope.user,
        kind=DocumentKind.assignment_report,
        subject=f"assignment:{assignment.id}",
        content=content,
        media_type=PDF,
        name=f"bilan-fin-de-mission-{assignment.ended_on}-{str(assignment.id)[:8]}",
        structure_id=assignment.structure_id,
        assignment_id=assignment.id,
        lot_id=assignment.lot_id,
        participant_id=assignment.participant_id,
    )
    report.status = ReportStatus.issued.value
    report.document_id = document.id
    await session.flush()
    return report
