"""Demo data: a small territory with one account per role (extended by later features)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from levier import (
    demo_followups,
    demo_fulfilment,
    demo_hours,
    demo_modes,
    demo_offers,
    demo_participants,
    demo_reminders,
    demo_story,
    demo_tenders,
)
from levier.auth.permissions import Role
from levier.core import clock
from levier.core.siret import luhn_valid
from levier.core.storage import Storage
from levier.organisations import service as organisations_service
from levier.organisations.constants import EnterpriseKind, OrganisationKind
from levier.organisations.models import Organisation
from levier.organisations.schemas import OrganisationCreate
from levier.territories.models import TerritoryLevel
from levier.territories.schemas import TerritoryRef
from levier.users import service as users_service
from levier.users.models import User
from levier.users.schemas import UserCreate

DEMO_PASSWORD = "levier-demo-2026"  # noqa: S105 - published demo accounts
AGGLO_COMMUNES = ["37261", "37122", "37195", "37214", "37233"]
# The day Levier was installed, before the story's first step (a pathway entered 459 days ago).
INSTALLED_DAYS_AGO = 480


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
    # The other employers of record, who declare the hours of their people on the lots.
    DemoAccount("interim@levier.demo", Role.enterprise, "Claire Dubois", "temp_agency"),
    DemoAccount("geiq@levier.demo", Role.enterprise, "Mamadou Sow", "geiq"),
    DemoAccount("insertion@levier.demo", Role.enterprise, "Lucie Garnier", "insertion_enterprise"),
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
    # Employers of record for the other fulfilment modes: temporary work and placements.
    "temp_agency": OrganisationCreate(
        name="Intérim Insertion Touraine (ETTI)",
        kind=OrganisationKind.enterprise,
        enterprise_kind=EnterpriseKind.ETTI,
        ess=True,
        siret=demo_siret(1370012),
        territory=_department("37"),
    ),
    "geiq": OrganisationCreate(
        name="GEIQ BTP Centre-Val de Loire",
        kind=OrganisationKind.enterprise,
        enterprise_kind=EnterpriseKind.GEIQ,
        ess=True,
        siret=demo_siret(1370013),
        territory=_department("37"),
    ),
}


# The PLIE coordinates its network's referents: both prescribers' portfolios.
COORDINATED_BY = {"france_travail": "plie", "mission_locale": "plie"}


# The roles as the app names them (frontend/src/i18n/fr.json, `roles`): a referent whose
# organisation coordinates a network is shown as that network's coordination.
ROLE_LABELS = {
    Role.admin: "Administrateur",
    Role.facilitator: "Facilitateur",
    Role.buyer: "Acheteur",
    Role.enterprise: "Entreprise",
    Role.referent: "Référent",
}
NETWORK_COORDINATION_LABEL = "Coordination du réseau de référents"


def coordinated(account: DemoAccount) -> list[str]:
    """The organisations whose referents the account's organisation coordinates (its network)."""
    if account.role != Role.referent:
        return []
    return [
        DEMO_ORGANISATIONS[key].name
        for key, coordinator in COORDINATED_BY.items()
        if coordinator == account.organisation
    ]


def account_lines() -> list[str]:
    """The demo accounts as `levier seed-demo` prints them, in aligned columns: the role as the
    app shows it, the e-mail to sign in with, the person and their organisation; under a
    network's coordinator, the organisations whose referents she coordinates."""
    rows = []
    for account in DEMO_ACCOUNTS:
        organisation = DEMO_ORGANISATIONS[account.organisation].name
        network = coordinated(account)
        role = NETWORK_COORDINATION_LABEL if network else ROLE_LABELS[account.role]
        person = f"{account.full_name} ({organisation})"
        more = [f"coordonne le réseau {organisation} : {', '.join(network)}"] if network else []
        rows.append((role, account.email, [person, *more]))
    role_width = max(len(role) for role, _, _ in rows)
    email_width = max(len(email) for _, email, _ in rows)
    lines = []
    for role, email, (person, *more) in rows:
        lines.append(f"  {role:<{role_width}}  {email:<{email_width}}  {person}")
        lines += [f"  {'':<{role_width}}  {'':<{email_width}}  {line}" for line in more]
    return lines


async def is_empty(session: AsyncSession) -> bool:
    """Whether the database holds no organisation yet."""
    return (await session.execute(select(func.count()).select_from(Organisation))).scalar_one() == 0


async def seed(session: AsyncSession, storage: Storage) -> None:
    """Create the demo organisations, accounts and scenarios A and B, each step by the account
    that would have taken it on the story's day; issued documents go to `storage` (the caller
    commits)."""
    story = demo_story.Story(session)
    installed = clock.today() - timedelta(days=INSTALLED_DAYS_AGO)
    admin_account, *accounts = DEMO_ACCOUNTS
    # As `levier create-admin` installs Levier: the structure running it and its administrator.
    async with story.step(installed, None):
        facility = await organisations_service.create(session, DEMO_ORGANISATIONS["facility"])
        created = {"facility": facility}
        admin = await _create_account(session, admin_account, created)
    async with story.step(installed, admin):
        for key, data in DEMO_ORGANISATIONS.items():
            if key in created:
                continue
            coordinator = created[COORDINATED_BY[key]].id if key in COORDINATED_BY else None
            created[key] = await organisations_service.create(
                session, data.model_copy(update={"coordinator_id": coordinator})
            )
    users = {admin.email: admin}
    async with story.step(installed, admin):
        for account in accounts:
            users[account.email] = await _create_account(session, account, created)
    async with story.step(installed, admin):
        await seed_clause_contact(session, facility)
    await demo_tenders.seed_scenario_a(
        story,
        created,
        facilitator=users["facilitateur@levier.demo"],
        buyers={"agglo": users["acheteur@levier.demo"]},
    )
    await demo_participants.seed_scenario_b(
        story,
        structure=facility,
        facilitator=users["facilitateur@levier.demo"],
        referents=[users["referent@levier.demo"], users["conseiller@levier.demo"]],
        enterprise=created["builder"],
    )
    employers = {
        account.organisation: users[account.email]
        for account in reversed(DEMO_ACCOUNTS)
        if account.role == Role.enterprise
    }
    assignments = await demo_modes.seed_modes(
        story,
        created,
        users["facilitateur@levier.demo"],
        [users["referent@levier.demo"], users["conseiller@levier.demo"]],
        employers,
    )
    await demo_offers.seed_offers(
        story,
        users["facilitateur@levier.demo"],
        users["entreprise@levier.demo"],
        users["referent@levier.demo"],
    )
    await demo_hours.seed_hours(
        story, users["facilitateur@levier.demo"], users["entreprise@levier.demo"]
    )
    await demo_fulfilment.seed_documents(
        story, storage, users["facilitateur@levier.demo"], assignments, employers["temp_agency"]
    )
    await demo_reminders.seed_reminders(story, users["entreprise@levier.demo"])
    await demo_followups.seed_decisions(
        story,
        users["entreprise@levier.demo"],
        users["insertion@levier.demo"],
        users["facilitateur@levier.demo"],
    )


async def _create_account(
    session: AsyncSession, account: DemoAccount, organisations: dict[str, Organisation]
) -> User:
    return await users_service.create(
        session,
        UserCreate(
            email=account.email,
            full_name=account.full_name,
            role=account.role,
            organisation_id=organisations[account.organisation].id,
            password=DEMO_PASSWORD,
        ),
    )


async def seed_clause_contact(session: AsyncSession, facility: Organisation) -> None:
    """The facilitator the clause article names, as awardees will reach them."""
    from levier.clauses import service as clauses_service

    settings = await clauses_service.get_settings(session, facility.id)
    settings.contact_name = "Karim Benali, facilitateur des clauses sociales"
    settings.contact_email = "clauses@agglo-valdeloire.example"
    settings.contact_phone = "02 47 00 12 34"
