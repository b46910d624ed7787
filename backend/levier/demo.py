"""Demo data: a small territory with one account per role (extended by later features)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from levier import demo_participants, demo_tenders
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
    await demo_tenders.seed_scenario_a(session, created, users["facilitateur@levier.demo"])
    await demo_participants.seed_scenario_b(
        session,
        structure=created["facility"],
        facilitator=users["facilitateur@levier.demo"],
        referents=[users["referent@levier.demo"], users["conseiller@levier.demo"]],
        enterprise=created["builder"],
    )


async def seed_clause_contact(session: AsyncSession, facility: Organisation) -> None:
    """The facilitator the clause article names, as awardees will reach them."""
    from levier.clauses import service as clauses_service

    settings = await clauses_service.get_settings(session, facility.id)
    settings.contact_name = "Karim Benali, facilitateur des clauses sociales"
    settings.contact_email = "clauses@agglo-valdeloire.example"
    settings.contact_phone = "02 47 00 12 34"
