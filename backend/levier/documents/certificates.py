"""Completion certificates (attestation de réalisation): issued to the awardee by the
facilitator once the lot's clause is fulfilled (domain clauses.md §4), each issue a new
edition archived unchanged."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.compliance import service as compliance_service
from levier.compliance.schemas import LotCompliance
from levier.core import clock
from levier.core.actions import allowed
from levier.core.numbers import french_number
from levier.core.storage import Storage
from levier.documents import archive, labels, rules
from levier.documents.constants import PDF, DocumentKind
from levier.documents.identity import identity_lines
from levier.documents.models import IssuedDocument
from levier.documents.pdf import PdfDocument
from levier.documents.schemas import LotDocumentActions, LotDocuments
from levier.documents.scope import readable
from levier.participants.scope import Scope
from levier.tenders.models import Lot, Tender
from levier.users.models import User


def subject_of(lot: Lot) -> str:
    return f"lot:{lot.id}"


def awardees(lot: Lot) -> str:
    """The awardee, or the consortium's members with the mandatary first."""
    if lot.award is None:
        return "—"
    members = sorted(lot.award.members, key=lambda m: (not m.is_mandatary, m.enterprise.name))
    names = [
        f"{m.enterprise.name} (mandataire)"
        if m.is_mandatary and len(members) > 1
        else m.enterprise.name
        for m in members
    ]
    return ", ".join(names)


async def lot_documents(
    session: AsyncSession, user: User, tender: Tender, lot: Lot
) -> LotDocuments:
    """The lot's certificates the caller may read, and whether it may issue one now (the
    compliance is computed only for the structure's facilitator)."""
    statement = readable(
        select(IssuedDocument).where(
            col(IssuedDocument.kind) == DocumentKind.completion_certificate,
            col(IssuedDocument.lot_id) == lot.id,
        ),
        Scope(user),
    ).order_by(col(IssuedDocument.issued_at).desc(), col(IssuedDocument.id).desc())
    documents = list((await session.execute(statement)).scalars())
    issue = False
    if allowed(rules.check_certifier, user, tender):
        compliance = await compliance_service.lot_compliance(session, user, tender, lot)
        issue = allowed(rules.check_certifiable, user, tender, compliance)
    return LotDocuments(
        items=[archive.document_read(d) for d in documents],
        actions=LotDocumentActions(issue_certificate=issue),
    )


def _pdf(
    identity: list[str], tender: Tender, lot: Lot, compliance: LotCompliance, user: User
) -> bytes:
    structure = identity[0]
    document = PdfDocument(f"Attestation de réalisation — lot {lot.number}")
    document.identity(identity)
    document.heading("Attestation de réalisation de la clause sociale d'insertion")
    document.paragraph(
        f"{structure}, structure d'accompagnement de la clause, atteste que le titulaire du "
        "lot désigné ci-dessous a réalisé l'action d'insertion professionnelle prévue par le "
        "marché, au vu des heures déclarées par les employeurs et validées par la structure."
    )
    required = compliance.required_hours or 0
    share = compliance.counted_hours / required * 100 if required else 0
    document.fields(
        [
            ("Acheteur", tender.buyer.name),
            ("Marché", f"{tender.reference} — {tender.object}"),
            ("Lot", f"n° {lot.number} — {lot.title}"),
            ("Titulaire", awardees(lot)),
            (
                "Période d'exécution",
                labels.period(compliance.execution_start, compliance.execution_end),
            ),
            ("Heures d'insertion exigées", labels.hours(compliance.required_hours)),
            ("Heures réalisées et validées", labels.hours(compliance.validated_hours)),
            ("Heures comptées pour la clause", labels.hours(compliance.counted_hours)),
            (
                "Réalisation",
                f"{labels.STATUSES[compliance.status]} ({french_number(share, 1)} %)",
            ),
            ("Personnes en insertion", str(compliance.participants)),
        ]
    )
    document.heading("Heures par modalité", 2)
    document.table(
        ["Modalité", "Heures validées", "Heures retenues"],
        [
            [labels.MODES[m.mode], labels.hours(m.validated), labels.hours(m.counted)]
            for m in compliance.by_mode
        ],
        whole=(1, 2),
    )
    if compliance.training_excess > 0:
        document.paragraph(
            f"Les heures de formation ne sont retenues que jusqu'à "
            f"{labels.hours(compliance.training_cap)} : "
            f"{labels.hours(compliance.training_excess)} n'ont pas été comptées."
        )
    document.paragraph(
        f"Attestation établie le {labels.day(clock.today())}, pour servir et valoir ce que de "
        "droit, sur les heures validées au "
        f"{labels.day(compliance.on)}."
    )
    document.signatures([(f"Pour {structure}", user.full_name)])
    return document.render()


async def issue_certificate(
    session: AsyncSession, storage: Storage, user: User, tender: Tender, lot: Lot
) -> IssuedDocument:
    """Issue the lot's certificate (a new edition each time), once its clause is fulfilled."""
    rules.check_certifier(user, tender)
    compliance = await compliance_service.lot_compliance(session, user, tender, lot)
    rules.check_certifiable(user, tender, compliance)
    identity = await identity_lines(session, tender.structure_id)
    content = _pdf(identity, tender, lot, compliance, user)
    return await archive.issue(
        session,
        storage,
        user,
        kind=DocumentKind.completion_certificate,
        subject=subject_of(lot),
        content=content,
        media_type=PDF,
        name=f"attestation-{tender.reference}-lot-{lot.number}",
        structure_id=tender.structure_id,
        buyer_id=tender.buyer_id,
        lot_id=lot.id,
    )
