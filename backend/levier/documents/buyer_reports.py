"""A buyer's monthly compliance report: each awarded clause lot of its tenders with where
its clause stands at the end of the month (today for the month under way), as a PDF to
read and an XLSX to work with. The facilitator issues it for its structure's tenders of the
buyer; the buyer for all its own."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.permissions import Role
from levier.compliance import service as compliance_service
from levier.compliance.schemas import LotCompliance
from levier.core import clock
from levier.core.errors import FieldInvalid
from levier.core.exports import spreadsheet_cell
from levier.core.storage import Storage
from levier.documents import archive, labels, rules
from levier.documents.certificates import awardees
from levier.documents.constants import PDF, XLSX, DocumentKind
from levier.documents.identity import identity_lines
from levier.documents.models import IssuedDocument
from levier.documents.pdf import PdfDocument
from levier.documents.schemas import BuyerReportCreate
from levier.hours.rules import month_end
from levier.tenders import scope as tenders_scope
from levier.tenders.models import Lot, Tender
from levier.users.models import User

HEADER = [
    "Marché",
    "Lot",
    "Titulaire",
    "Heures exigées",
    "Heures validées",
    "Heures comptées",
    "En attente de validation",
    "Attendues à date",
    "Personnes",
    "Situation",
]
FIGURES = (3, 4, 5, 6, 7, 8)  # hours, then the number of people: kept on one line in the PDF


@dataclass
class Row:
    tender: Tender
    lot: Lot
    compliance: LotCompliance


def month_of(text: str) -> date:
    year, month = text.split("-")
    return date(int(year), int(month), 1)


async def _rows(session: AsyncSession, user: User, buyer_id: object, on: date) -> list[Row]:
    statement = tenders_scope.tenders_readable(select(Tender), user).where(
        col(Tender.buyer_id) == buyer_id
    )
    statement = statement.options(*tenders_scope.tender_options()).order_by(
        col(Tender.reference), col(Tender.id)
    )
    tenders = list((await session.execute(statement)).scalars().unique())
    if not tenders:
        raise FieldInvalid("buyer_id", "buyer_report_no_tender")
    rows = []
    for tender in tenders:
        for lot in tender.lots:
            if lot.required_hours and lot.award is not None:
                compliance = await compliance_service.lot_compliance(session, user, tender, lot, on)
                rows.append(Row(tender, lot, compliance))
    return rows


def _cells(row: Row) -> list[object]:
    c = row.compliance
    return [
        f"{row.tender.reference} — {row.tender.object}",
        f"{row.lot.number} — {row.lot.title}",
        awardees(row.lot),
        c.required_hours,
        c.validated_hours,
        c.counted_hours,
        c.pending_hours,
        c.expected_by_now,
        c.participants,
        labels.STATUSES[c.status],
    ]


def _pdf_cells(row: Row) -> list[str]:
    """The XLSX's cells, written for reading: hours with their unit."""
    c = row.compliance
    first = [f"{row.tender.reference} — {row.tender.object}", f"{row.lot.number} — {row.lot.title}"]
    figures = [
        c.required_hours,
        c.validated_hours,
        c.counted_hours,
        c.pending_hours,
        c.expected_by_now,
    ]
    hours = [labels.hours(value) for value in figures]
    return [*first, awardees(row.lot), *hours, str(c.participants), labels.STATUSES[c.status]]


def _pdf(identity: list[str], buyer: str, month: date, on: date, rows: list[Row]) -> bytes:
    document = PdfDocument(f"Clauses sociales — {buyer} — {labels.month_name(month)}", wide=True)
    document.identity(identity)
    document.heading(f"Suivi des clauses sociales — {labels.month_name(month)}")
    document.paragraph(
        f"Acheteur : {buyer}. Heures déclarées par les employeurs et validées par la "
        f"structure d'accompagnement au {labels.day(on)} ; les heures comptées y ajoutent "
        "les sous-traitances converties et la globalisation entre lots d'une opération."
    )
    document.table(
        HEADER,
        [_pdf_cells(r) for r in rows] or [["—", "Aucun lot attribué avec une clause"] + [""] * 8],
        whole=FIGURES,
    )
    document.paragraph(f"Rapport établi le {labels.day(clock.today())}.")
    return document.render()


def _xlsx(identity: list[str], buyer: str, month: date, on: date, rows: list[Row]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Clauses"
    for line in [identity[0], f"Acheteur : {buyer}", f"Mois : {labels.month_name(month)}"]:
        sheet.append([spreadsheet_cell(line)])
    sheet.append([spreadsheet_cell(f"Heures validées au {labels.day(on)}")])
    sheet.append([])
    sheet.append(HEADER)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([spreadsheet_cell(value) for value in _cells(row)])
    for letter, width in zip("ABCDEFGHI", (40, 30, 30, 14, 14, 14, 14, 10, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    workbook.properties.creator = "Levier"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


async def issue_buyer_report(
    session: AsyncSession, storage: Storage, user: User, data: BuyerReportCreate
) -> tuple[list[IssuedDocument], int]:
    """Issue the month's report for the buyer, as a PDF and an XLSX (a new edition of each)."""
    rules.check_buyer_reporter(user, data.buyer_id)
    month = month_of(data.month)
    today = clock.today()
    if month > today:
        raise FieldInvalid("month", "buyer_report_month_in_future")
    on = min(month_end(month), today)
    rows = await _rows(session, user, data.buyer_id, on)
    buyer_name = await identity_lines(session, data.buyer_id)
    issuer = user.organisation_id if user.role == Role.facilitator else data.buyer_id
    assert issuer is not None
    identity = await identity_lines(session, issuer)
    pdf = _pdf(identity, buyer_name[0], month, on, rows)
    xlsx = _xlsx(identity, buyer_name[0], month, on, rows)
    about = {
        "structure_id": user.organisation_id if user.role == Role.facilitator else None,
        "buyer_id": data.buyer_id,
        "month": month,
    }
    subject = f"buyer:{data.buyer_id}:{data.month}:{about['structure_id'] or 'buyer'}"
    name = f"clauses-{data.month}-{buyer_name[0]}"
    documents = [
        await archive.issue(
            session,
            storage,
            user,
            kind=DocumentKind.buyer_monthly_report,
            subject=subject,
            content=content,
            media_type=media_type,
            name=name,
            **about,
        )
        for content, media_type in ((pdf, PDF), (xlsx, XLSX))
    ]
    return documents, len(rows)
