"""The tenders of scenario A (domain/scenarios.md) as the demo plays them (`demo_tenders`):
their lots, each lot's trade and amount, and how each was decided (awarded, to whom and when,
or closed as unsuccessful). Days count back from the day the demo is loaded."""

from __future__ import annotations

from dataclasses import dataclass, field

from levier.tenders.constants import TenderStatus
from levier.tenders.schemas import HoursOverride


@dataclass(frozen=True)
class Award:
    """A lot's award: `members` are organisation keys, the first one the mandatary of a
    consortium; `days_ago` dates its notification."""

    amount: str
    days_ago: int
    members: tuple[str, ...]
    subcontractors: tuple[tuple[str, str], ...] = ()
    # A consortium member's share of the amount, in the members' order: an SIAE member's
    # hours are converted from it until its real hours are known (co-contracting).
    shares: tuple[str, ...] = ()


@dataclass(frozen=True)
class Unsuccessful:
    """A lot closed without an awardee (infructueux), `days_ago` dating the decision."""

    days_ago: int
    reason: str


@dataclass(frozen=True)
class DemoLot:
    """A lot: its title in the tender documents, and its trade (corps d'état) apart."""

    title: str
    trade: str
    cpv: str
    amount: str
    months: int
    decision: Award | Unsuccessful | None = None
    # The facilitator's own hours for the lot, with the reason (an override of the formula).
    override: HoursOverride | None = None


@dataclass(frozen=True)
class DemoTender:
    buyer: str
    reference: str
    title: str
    cpv: str
    place: str
    status: TenderStatus
    lots: list[DemoLot] = field(default_factory=list)
    published_days_ago: int | None = None  # the deadline for offers falls 40 days later
    drafted_days_ago: int = field(kw_only=True)  # by its buyer, or the facilitator for it
    in_operation: bool = True


SCENARIO_A = [
    DemoTender(
        "agglo",
        "NPNRU-RAB-01",
        "Requalification des espaces publics du quartier Rabière",
        "45233140-2",
        "37122",
        TenderStatus.published,
        [
            DemoLot(
                "VRD et voirie",
                "VRD / voirie",
                "45233140-2",
                "2400000",
                18,
                Award("2280000", 265, ("builder",), (("insertion_enterprise", "180000"),)),
            ),
            DemoLot("Espaces verts et plantations", "Espaces verts", "77310000-6", "380000", 12),
            DemoLot("Éclairage public", "Électricité", "45316110-9", "420000", 8),
        ],
        published_days_ago=330,
        drafted_days_ago=360,
    ),
    DemoTender(
        "landlord",
        "VLH-REHA-120",
        "Réhabilitation de 120 logements, résidence Les Tilleuls",
        "45453000-7",
        "37261",
        TenderStatus.in_execution,
        [
            DemoLot(
                "Gros œuvre, démolitions et reprises de structure",
                "Gros œuvre / maçonnerie",
                "45262500-6",
                "1800000",
                16,
                Award("1750000", 270, ("builder", "mason")),
                HoursOverride(
                    hours=1700,
                    reason="Chantier en site occupé : la charte ANRU du quartier vise 10 % "
                    "sur le gros œuvre.",
                ),
            ),
            DemoLot(
                "Doublages, cloisons et isolation thermique",
                "Plâtrerie / isolation",
                "45321000-3",
                "650000",
                10,
                # The SIAE leads a consortium with the builder (co-contracting).
                Award(
                    "628000",
                    268,
                    ("insertion_enterprise", "builder"),
                    shares=("348000", "280000"),
                ),
            ),
            DemoLot(
                "Peinture et revêtements muraux",
                "Peinture",
                "45442100-8",
                "320000",
                8,
                Unsuccessful(
                    275,
                    "Aucune offre reçue dans le délai : le lot sera relancé en procédure adaptée.",
                ),
            ),
            DemoLot(
                "Courants forts et faibles des logements",
                "Électricité",
                "45310000-3",
                "540000",
                8,  # its works are over: the clause ended short of its hours
                Award("512000", 268, ("builder",)),
            ),
            DemoLot(
                "Plomberie sanitaire, chauffage et ventilation",
                "Plomberie / CVC",
                "45330000-9",
                "610000",
                10,
                Award("596000", 266, ("builder",), (("adapted_enterprise", "45000"),)),
            ),
        ],
        published_days_ago=330,
        drafted_days_ago=355,
    ),
    DemoTender(
        "landlord_esh",
        "TL-SANITAS-24",
        "Construction de 24 logements locatifs sociaux, îlot Sanitas",
        "45211000-9",
        "37261",
        TenderStatus.awarded,
        [
            DemoLot(
                "Terrassement et fondations",
                "VRD / terrassement",
                "45112000-5",
                "290000",
                4,
                Award("281000", 40, ("mason",)),
            ),
            DemoLot(
                "Ossature et charpente des coursives",
                "Charpente métallique",
                "45223100-7",
                "460000",
                6,
                Award("447000", 70, ("builder",)),  # the first lot notified
            ),
            DemoLot(
                "Nettoyage de fin de chantier",
                "Nettoyage",
                "90910000-9",
                "60000",
                2,
                Award("58000", 38, ("insertion_enterprise",)),
            ),
        ],
        published_days_ago=120,
        drafted_days_ago=150,
    ),
    DemoTender(
        "agglo",
        "CAVL-EV-ENTR",
        "Entretien des espaces verts communautaires",
        "77310000-6",
        "37261",
        TenderStatus.draft,
        [DemoLot("Tonte et taille", "Espaces verts", "77310000-6", "260000", 24)],
        in_operation=False,
        drafted_days_ago=12,
    ),
]
