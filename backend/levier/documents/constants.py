"""Kinds of issued documents, report statuses and the choices of an end-of-assignment report."""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    completion_certificate = "completion_certificate"  # attestation de fin de clause
    assignment_report = "assignment_report"  # bilan de fin de mission (names a person)
    buyer_monthly_report = "buyer_monthly_report"  # a buyer's lots' compliance for a month


# Documents that name a person: only those who follow the person or employ them read them,
# and every download is audited.
PERSONAL_KINDS = frozenset({DocumentKind.assignment_report})

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXTENSIONS = {PDF: "pdf", XLSX: "xlsx"}


class ReportStatus(StrEnum):
    draft = "draft"  # each part editable by its author
    issued = "issued"  # archived as a PDF: never changed again


class Attendance(StrEnum):
    """Assiduité, as the employer saw it."""

    regular = "regular"
    mostly_regular = "mostly_regular"
    irregular = "irregular"


class Recommendation(StrEnum):
    recommended = "recommended"
    recommended_with_reservations = "recommended_with_reservations"
    not_recommended = "not_recommended"


class ReportOutcome(StrEnum):
    """Where the person stands at the end of the assignment (exit categories, IAE / PLIE
    practice). No `neutralised`: its situations (illness, maternity…) are health data, which a
    report never holds."""

    lasting_employment = "lasting_employment"
    transitional_employment = "transitional_employment"
    positive_exit = "positive_exit"
    other_exit = "other_exit"


MONTH_PATTERN = r"^20\d{2}-(0[1-9]|1[0-2])$"
