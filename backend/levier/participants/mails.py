"""Texts of the participants' e-mails (retention warnings), in the referent's language.

They name no one: the link opens the referent's portfolio filtered on the people concerned.
"""

from __future__ import annotations

from levier.core.config import Settings
from levier.participants.privacy import RetentionWarning


def retention_link(settings: Settings) -> str:
    """The portfolio filtered on people the retention job warned about."""
    return f"{settings.base_url.rstrip('/')}/participants?retention_due=1"


def retention_mail(settings: Settings, warning: RetentionWarning) -> tuple[str, str]:
    """Subject and body of the 30-day retention warning."""
    link = retention_link(settings)
    if warning.language == "en":
        day = warning.first_due_on.isoformat()
        return (
            "Levier: records due for anonymisation",
            f"Hello {warning.full_name},\n\n{warning.count} person(s) in your portfolio have "
            f"had no activity for almost the retention period. Their records will be "
            f"anonymised from {day} unless you record new activity (a pathway step, an exit, "
            f"a follow-up, an update of their record).\n\n{link}\n",
        )
    day = warning.first_due_on.strftime("%d/%m/%Y")
    return (
        "Levier : dossiers bientôt anonymisés",
        f"Bonjour {warning.full_name},\n\n{warning.count} personne(s) de votre portefeuille "
        f"n'ont plus d'activité depuis presque toute la durée de conservation. Leurs dossiers "
        f"seront anonymisés à partir du {day}, sauf nouvelle activité (étape de parcours, "
        f"sortie, suivi, mise à jour de la fiche).\n\n{link}\n",
    )
