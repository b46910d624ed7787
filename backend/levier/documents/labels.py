"""French words the issued documents use (the documents are French: they go to public buyers,
enterprises and the people concerned)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from levier.core import i18n
from levier.core.numbers import french_quantity

MODES = {
    "direct_hire": "Embauche directe",
    "temporary_work": "Travail temporaire (ETTI, agence d'intérim)",
    "placement": "Mise à disposition (AI, GEIQ)",
    "subcontracting": "Sous-traitance (SIAE, EA, ESAT)",
    "co_contracting": "Co-traitance (SIAE, EA)",
    "training": "Formation",
}
STATUSES = {
    "not_started": "Non démarrée",
    "on_track": "Dans les temps",
    "behind": "En retard",
    "fulfilled": "Réalisée",
    "exceeded": "Dépassée",
    "defaulted": "Défaillante",
    None: "Sans clause chiffrée",
}
ATTENDANCE = {
    "regular": "Assidu·e",
    "mostly_regular": "Globalement assidu·e",
    "irregular": "Irrégulier·ère",
}
RECOMMENDATION = {
    "recommended": "Recommande la personne",
    "recommended_with_reservations": "Recommande la personne, avec des réserves",
    "not_recommended": "Ne recommande pas la personne",
}
OUTCOMES = {
    "lasting_employment": "Emploi durable",
    "transitional_employment": "Emploi de transition",
    "positive_exit": "Sortie positive (formation, embauche en SIAE)",
    "other_exit": "Autre situation",
}
END_REASONS = {
    "contract_end": "Fin de contrat prévue",
    "hired_permanently": "Embauche durable",
    "trial_period": "Fin pendant la période d'essai",
    "resignation": "Démission",
    "dismissal": "Licenciement",
    "mutual_agreement": "Rupture d'un commun accord",
    "work_finished": "Fin des travaux du lot",
    "other": "Autre",
}
CONTRACTS = {
    "cdi": "CDI",
    "cdd": "CDD",
    "interim": "Contrat de mission (intérim)",
    "cddi": "CDDI",
    "apprenticeship": "Contrat d'apprentissage",
    "professionalisation": "Contrat de professionnalisation",
    "subsidised": "Contrat aidé",
}


def day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else "—"


def month_name(value: date) -> str:
    return i18n.month_name(value, "fr")


def hours(value: Decimal | int | None) -> str:
    return "—" if value is None else f"{french_quantity(value)} h"


def period(start: date | None, end: date | None) -> str:
    if start is None:
        return "—"
    return f"du {day(start)} au {day(end)}" if end is not None else f"depuis le {day(start)}"
