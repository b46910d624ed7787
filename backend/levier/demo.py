"""Demo data: a small territory with one account per role (extended by later features)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from levier import demo_participants
from levier.auth.permissions import Role
from levier.core.siret import luhn_valid
from levier.organisations import service as organisations_service
from levier.organisations.constants import EnterpriseKind, OrganisationKind
from levier.organisations.models import Organisation
from levier.organisations.schemas import OrganisationCreate
from levier.territories.models import TerritoryLevel
from levier.territories.schemas import TerritoryRef
from levier.users import service as users_service
from levier.users.schemas import UserCreate

DEMO_PASSWORD = "levier-demo-2026"  # noqa: S105 - published demo accounts
AGGLO_COMMUNES = ["37261", "37122", "37195", "37214", "37233"]


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: Role
    full_name: str
    organisation: str


DEMO_ACCOUNTS = [
    DemoAccount("admin@levier.demo", Role.admin, "Alice Martin", "facility"),
    DemoAccount("facilitateur@levier.demo", Role.facilitator, "Karim Benali", "facility"),
    DemoAccount("acheteur@levier.demo", Role.buyer, "Sophie Leroy", "agglo"),
    DemoAccount("entreprise@levier.demo", Role.enterprise, "Julien Moreau", "builder"),
    DemoAccount("referent@levier.demo", Role.referent, "Nadia Haddad", "mission_locale"),
    # Scenario B: a second referent's portfolio and the PLIE coordinator who sees both.
    DemoAccount("conseiller@levier.demo", Role.referent, "Thomas Girard", "france_travail"),
    DemoAccount("coordination@levier.demo", Role.referent, "Élodie Petit", "plie"),
]


def demo_siret(siren_seed: int, nic: int = 1) -> str:
    """A SIRET with valid SIREN and SIRET keys, built from a seed (fictional organisations)."""
    base = f"{siren_seed:08d}"
    siren = next(base + str(d) for d in range(10) if luhn_valid(base + str(d)))
    prefix = f"{siren}{nic:04d}"
    return next(prefix + str(d) for d in range(10) if luhn_valid(prefix + str(d)))


def _communes(codes: list[str]) -> list[TerritoryRef]:
    return [TerritoryRef(level=TerritoryLevel.commune, code=code) for code in codes]


def _department(code: str) -> list[TerritoryRef]:
    return [TerritoryRef(level=TerritoryLevel.department, code=code)]


DEMO_ORGANISATIONS: dict[str, OrganisationCreate] = {
    "facility": OrganisationCreate(
        name="Agglo Val de Loire — Service clauses sociales",
        kind=OrganisationKind.facilitation_structure,
        siret=demo_siret(1370001),
        territory=_communes(AGGLO_COMMUNES),
    ),
    "agglo": OrganisationCreate(
        name="Communauté d'agglomération Val de Loire",
        kind=OrganisationKind.buyer,
        siret=demo_siret(1370002),
        territory=_communes(AGGLO_COMMUNES),
    ),
    "landlord": OrganisationCreate(
        name="Val de Loire Habitat (OPH)",
        kind=OrganisationKind.buyer,
        siret=demo_siret(1370003),
        territory=_department("37"),
    ),
    "plie": OrganisationCreate(
        name="PLIE Val de Loire",
        kind=OrganisationKind.facilitation_structure,
        siret=demo_siret(1370004),
        territory=_communes(AGGLO_COMMUNES),
    ),
    "france_travail": OrganisationCreate(
        name="France Travail — Agence de Tours Nord",
        kind=OrganisationKind.prescriber,
        siret=demo_siret(1370005),
        territory=_communes(["37261", "37214"]),
    ),
    "mission_locale": OrganisationCreate(
        name="Mission Locale de Touraine",
        kind=OrganisationKind.prescriber,
        siret=demo_siret(1370006),
        territory=_department("37"),
    ),
    "builder": OrganisationCreate(
        name="Bâtir Ligérien SAS",
        kind=OrganisationKind.enterprise,
        siret=demo_siret(1370007),
        territory=_department("37"),
    ),
    "insertion_enterprise": OrganisationCreate(
        name="Tremplin Bâtiment (entreprise d'insertion)",
        kind=OrganisationKind.enterprise,
        enterprise_kind=EnterpriseKind.EI,
        ess=True,
        siret=demo_siret(1370008),
        territory=_department("37"),
    ),
    "landlord_esh": OrganisationCreate(
        name="Touraine Logement (ESH)",
        kind=OrganisationKind.buyer,
        siret=demo_siret(1370010),
        territory=_department("37"),
    ),
    "mason": OrganisationCreate(
        name="Maçonnerie de Touraine SARL",
        kind=OrganisationKind.enterprise,
        siret=demo_siret(1370011),
        territory=_department("37"),
    ),
    "adapted_enterprise": OrganisationCreate(
        name="Atelier Adapté de Touraine (entreprise adaptée)",
        kind=OrganisationKind.enterprise,
        enterprise_kind=EnterpriseKind.EA,
        siret=demo_siret(1370009),
        territory=_department("37"),
    ),
}


async def is_empty(session: AsyncSession) -> bool:
    """Whether the database holds no organisation yet."""
    return (await session.execute(select(func.count()).select_from(Organisation))).scalar_one() == 0


async def seed(session: AsyncSession) -> None:
    """Create the demo organisations, accounts and scenario A (the caller commits)."""
    created: dict[str, Organisation] = {}
    for key, data in DEMO_ORGANISATIONS.items():
        created[key] = await organisations_service.create(session, data)
    for key in ("mission_locale", "france_travail"):
        created[key].coordinator = created["plie"]
    users = {}
    for account in DEMO_ACCOUNTS:
        users[account.email] = await users_service.create(
            session,
            UserCreate(
                email=account.email,
                full_name=account.full_name,
                role=account.role,
                organisation_id=created[account.organisation].id,
                password=DEMO_PASSWORD,
            ),
        )
    await seed_clause_contact(session, created["facility"])
    await seed_scenario_a(session, created, users["facilitateur@levier.demo"])
    await demo_participants.seed_scenario_b(
        session,
        structure=created["facility"],
        facilitator=users["facilitateur@levier.demo"],
        referents=[users["referent@levier.demo"], users["conseiller@levier.demo"]],
        enterprise=created["builder"],
    )


# Scenario A (domain/scenarios.md): an NPNRU operation with a 5 % target, tenders of the
# agglomeration and of two social landlords, lots of different trades, some awarded (a
# consortium, an SIAE subcontractor).
SCENARIO_A_TENDERS = [
    (
        "agglo",
        "NPNRU-2027-01",
        "Requalification des espaces publics du quartier Rabière",
        "45233140-2",
        "37122",
        [
            ("VRD et voirie", "45233140-2", "2400000", 18),
            ("Espaces verts et plantations", "77310000-6", "380000", 12),
            ("Éclairage public", "45316110-9", "420000", 8),
        ],
    ),
    (
        "landlord",
        "VLH-27-REHA",
        "Réhabilitation de 120 logements, résidence Les Tilleuls",
        "45453000-7",
        "37261",
        [
            ("Gros œuvre / maçonnerie", "45262500-6", "1800000", 16),
            ("Plâtrerie / isolation", "45321000-3", "650000", 10),
            ("Peinture et revêtements", "45442100-8", "320000", 8),
            ("Électricité", "45310000-3", "540000", 10),
            ("Plomberie / chauffage", "45330000-9", "610000", 10),
        ],
    ),
    (
        "landlord_esh",
        "TL-2027-012",
        "Construction de 24 logements locatifs sociaux, îlot Sanitas",
        "45211000-9",
        "37261",
        [
            ("Terrassement et fondations", "45112000-5", "290000", 4),
            ("Charpente métallique", "45223100-7", "460000", 6),
            ("Nettoyage de fin de chantier", "90910000-9", "60000", 2),
        ],
    ),
]


async def seed_clause_contact(session: AsyncSession, facility: Organisation) -> None:
    """The facilitator the clause article names, as awardees will reach them."""
    from levier.clauses import service as clauses_service

    settings = await clauses_service.get_settings(session, facility.id)
    settings.contact_name = "Karim Benali, facilitateur des clauses sociales"
    settings.contact_email = "clauses@agglo-valdeloire.example"
    settings.contact_phone = "02 47 00 12 34"


async def seed_scenario_a(
    session: AsyncSession, organisations: dict[str, Organisation], facilitator: object
) -> None:
    """The operation, its tenders and lots, published and partly awarded."""
    from datetime import date
    from decimal import Decimal

    from levier.tenders import awards, lifecycle, lots, operations
    from levier.tenders.constants import Ccag, ConsiderationKind, PriceForm, Procedure, TenderStatus
    from levier.tenders.schemas import (
        AwardIn,
        AwardMemberIn,
        ConsiderationIn,
        HoursOverride,
        LotCreate,
        OperationCreate,
        SubcontractorIn,
        TenderCreate,
    )

    operation = await operations.create_operation(
        session,
        facilitator,  # type: ignore[arg-type]
        OperationCreate(
            name="NPNRU Quartiers Nord — Val de Loire",
            description="Projet de renouvellement urbain : 5 % des heures travaillées réservées "
            "à l'insertion (charte ANRU), publics résidant en QPV prioritaires.",
            target_kind="hours_share",  # type: ignore[arg-type]
            target_value=Decimal("0.05"),
            eligibility_restriction="qpv_residents",
        ),
    )
    created = {}
    for buyer_key, reference, title, cpv, place, lot_specs in SCENARIO_A_TENDERS:
        tender = await lifecycle.create_tender(
            session,
            facilitator,  # type: ignore[arg-type]
            TenderCreate(
                buyer_id=organisations[buyer_key].id,
                operation_id=operation.id,
                reference=reference,
                object=title,
                procedure=Procedure.open_tender,
                ccag=Ccag.works,
                price_form=PriceForm.lump_sum,
                cpv_code=cpv,
                place_of_execution=TerritoryRef(level=TerritoryLevel.commune, code=place),
                publication_date=date(2027, 1, 15),
                deadline_date=date(2027, 2, 28),
            ),
        )
        for number, (lot_title, lot_cpv, amount, months) in enumerate(lot_specs, start=1):
            cleaning = lot_cpv.startswith("9091")
            lot = await lots.create_lot(
                session,
                facilitator,  # type: ignore[arg-type]
                tender,
                LotCreate(
                    number=number,
                    title=lot_title,
                    trade=lot_title,
                    cpv_code=lot_cpv,
                    estimated_amount=Decimal(amount),
                    duration_months=months,
                    considerations=[ConsiderationIn(kind=ConsiderationKind.insertion_clause)],
                    calculation_method="cleaning" if cleaning else "generic",  # type: ignore[arg-type]
                    taken_over_monthly_hours=Decimal("150") if cleaning else None,
                    penalty_per_missing_hour=Decimal("45"),
                ),
            )
            created[(reference, number)] = (tender, lot)
    # The facilitator adjusts one lot by override, with a reason.
    tender, lot = created[("VLH-27-REHA", 1)]
    await lots.override_hours(
        session,
        facilitator,  # type: ignore[arg-type]
        tender,
        lot,
        HoursOverride(
            hours=1700,
            reason="Chantier en site occupé : la charte ANRU du quartier vise 10 % "
            "sur le gros œuvre.",
        ),
    )
    # Tenders of the landlord and the agglomeration are published; two lots are awarded.
    for reference in ("NPNRU-2027-01", "VLH-27-REHA"):
        tender = created[(reference, 1)][0]
        await lifecycle.transition(session, tender, TenderStatus.published)
    tender, lot = created[("VLH-27-REHA", 1)]
    await awards.award_lot(
        session,
        facilitator,  # type: ignore[arg-type]
        tender,
        lot,
        AwardIn(
            awarded_amount=Decimal("1750000"),
            notification_date=date(2027, 4, 2),
            consortium_type="several",  # type: ignore[arg-type]
            members=[
                AwardMemberIn(enterprise_id=organisations["builder"].id, is_mandatary=True),
                AwardMemberIn(enterprise_id=organisations["mason"].id),
            ],
        ),
    )
    tender, lot = created[("NPNRU-2027-01", 1)]
    await awards.award_lot(
        session,
        facilitator,  # type: ignore[arg-type]
        tender,
        lot,
        AwardIn(
            awarded_amount=Decimal("2280000"),
            notification_date=date(2027, 4, 10),
            members=[AwardMemberIn(enterprise_id=organisations["builder"].id)],
            subcontractors=[
                SubcontractorIn(
                    enterprise_id=organisations["insertion_enterprise"].id,
                    amount=Decimal("180000"),
                )
            ],
        ),
    )
