"""The words of a reminder, in French or English: the in-app notification and the e-mail say
the same thing; the e-mail adds the greeting and the full link."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from levier.core.i18n import month_name
from levier.reminders.constants import ReminderReason


@dataclass(frozen=True)
class ReminderFacts:
    """What one reminder is about, as its texts name it."""

    reason: ReminderReason
    lot_label: str  # "2026-014 · lot 2"
    link: str  # a path in the app
    lot_title: str = ""
    month: date | None = None
    assignments: int = 0
    validated: Decimal | None = None
    expected: Decimal | None = None
    required: int | None = None


def _of_month(month: date) -> str:
    """ "de mars 2026", "d'avril 2026" (elision before a vowel)."""
    name = month_name(month, "fr")
    return f"d'{name}" if name[0] in "aeiouyéèâ" else f"de {name}"


def _lot_phrase(facts: ReminderFacts, language: str) -> str:
    if not facts.lot_title:
        return facts.lot_label
    quoted = f"“{facts.lot_title}”" if language == "en" else f"« {facts.lot_title} »"
    return f"{facts.lot_label} {quoted}"


def _hours(value: Decimal | int | None, language: str) -> str:
    number = Decimal(value or 0).quantize(Decimal("1"))
    text = f"{number:,}"
    return text if language == "en" else text.replace(",", "\u202f")


def title_and_body(facts: ReminderFacts, language: str) -> tuple[str, str]:
    """The notification's title and body in the language ("fr" unless "en")."""
    english = language == "en"
    if facts.reason == ReminderReason.behind:
        validated = _hours(facts.validated, language)
        expected = _hours(facts.expected, language)
        required = _hours(facts.required, language)
        lot = _lot_phrase(facts, language)
        if english:
            return (
                f"Insertion clause behind schedule: {facts.lot_label}",
                f"{lot}: {validated} validated hours, where {expected} were expected by now (out "
                f"of {required} required). Open job offers, or declare the hours already "
                "worked so the facilitator can validate them.",
            )
        return (
            f"Clause d'insertion en retard : {facts.lot_label}",
            f"{lot} : {validated} heures validées, pour {expected} attendues à ce jour (sur "
            f"{required} requises). Ouvrez des offres d'emploi, ou déclarez les heures déjà "
            "réalisées pour que le facilitateur les valide.",
        )
    assert facts.month is not None
    month = month_name(facts.month, language)
    count = facts.assignments
    lot = _lot_phrase(facts, language)
    if english:
        contracts = "assignment has" if count == 1 else "assignments have"
        return (
            f"Hours of {month} to declare: {facts.lot_label}",
            f"{lot}: {count} {contracts} no hours declared for {month} yet. Declare them "
            "so that they count towards the clause.",
        )
    contracts = "contrat n'a" if count <= 1 else "contrats n'ont"
    return (
        f"Heures {_of_month(facts.month)} à déclarer : {facts.lot_label}",
        f"{lot} : {count} {contracts} pas encore d'heures déclarées pour {month}. "
        "Déclarez-les pour qu'elles comptent dans la clause.",
    )


def mail(
    facts: ReminderFacts, language: str, full_name: str, base_url: str, interval_days: int
) -> tuple[str, str]:
    """Subject and body of the reminder e-mail."""
    title, body = title_and_body(facts, language)
    link = f"{base_url.rstrip('/')}{facts.link}"
    if language == "en":
        return (
            f"Levier: {title}",
            f"Hello {full_name},\n\n{body}\n\n{link}\n\nWhile this lasts, this reminder comes "
            f"back at most every {interval_days} days.\n",
        )
    return (
        f"Levier : {title}",
        f"Bonjour {full_name},\n\n{body}\n\n{link}\n\nTant que la situation dure, ce rappel "
        f"revient au plus tous les {interval_days} jours.\n",
    )
