"""The words of a hand-over notification, in the recipient's language."""

from __future__ import annotations

from levier.followups.constants import FollowUpKind
from levier.followups.items import Item

KIND_LABELS: dict[FollowUpKind, tuple[str, str]] = {
    FollowUpKind.offer_missing: ("Offre d'emploi à ouvrir", "Job offer to open"),
    FollowUpKind.referral_answer: ("Candidature à laquelle répondre", "Candidate to answer"),
    FollowUpKind.hours_missing: ("Heures à déclarer", "Hours to declare"),
    FollowUpKind.hours_to_correct: ("Heures refusées à corriger", "Rejected hours to correct"),
    FollowUpKind.hours_to_validate: ("Heures à valider", "Hours to validate"),
    FollowUpKind.clause_behind: ("Clause en retard à relancer", "Clause behind to follow up"),
    FollowUpKind.report_due: ("Bilan de fin de mission à établir", "End-of-assignment report due"),
}


def subject_label(item: Item) -> str:
    """What the item is about, the same in both languages: the lot, and the person or the
    employer where it names one."""
    parts = []
    if item.tender_reference is not None:
        parts.append(f"{item.tender_reference} · lot {item.lot_number}")
    elif item.offer_title:
        parts.append(item.offer_title)
    if item.person_name:
        parts.append(item.person_name)
    elif item.enterprise_name:
        parts.append(item.enterprise_name)
    return " — ".join(parts)


def handed_over(item: Item, actor: str, note: str, language: str) -> tuple[str, str]:
    """(title, body) of the notification telling someone an item is now theirs."""
    french, english = KIND_LABELS[item.key.kind]
    label = english if language == "en" else french
    subject = subject_label(item)
    if language == "en":
        return f"{actor} handed you a follow-up", f"{label}: {subject}.\nNote: {note}"
    return f"{actor} vous a transmis un suivi", f"{label} : {subject}.\nNote : {note}"
