"""Plain async builders of records, through the same services the API uses."""

from __future__ import annotations

import itertools
import tempfile
import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.models import AuthSession
from levier.auth.permissions import Role
from levier.core.models import utcnow
from levier.core.storage import LocalStorage, Storage
from levier.demo import demo_siret
from levier.organisations import service as organisations_service
from levier.organisations.constants import OrganisationKind
from levier.organisations.models import Organisation
from levier.organisations.schemas import OrganisationCreate
from levier.territories.schemas import TerritoryRef
from levier.users import service as users_service
from levier.users.models import User
from levier.users.schemas import UserCreate

PASSWORD = "correct-horse-battery-staple"
_sequence = itertools.count(1)

KIND_FOR_ROLE = {
    Role.admin: OrganisationKind.facilitation_structure,
    Role.facilitator: OrganisationKind.facilitation_structure,
    Role.buyer: OrganisationKind.buyer,
    Role.enterprise: OrganisationKind.enterprise,
    Role.referent: OrganisationKind.prescriber,
}


SESSIONS = uuid.UUID("5e55a0a0-0000-4000-8000-000000000000")


def session_id_of(user: User) -> uuid.UUID:
    """The open sign-in session every factory-made user has (its access tokens name it)."""
    return uuid.uuid5(SESSIONS, str(user.id))


def unique_siret() -> str:
    """A valid SIRET no other test uses."""
    return demo_siret(50_000_000 + next(_sequence) * 7)


async def make_organisation(
    session: AsyncSession,
    kind: OrganisationKind = OrganisationKind.facilitation_structure,
    name: str | None = None,
    territory: list[dict[str, str]] | None = None,
    **fields: Any,
) -> Organisation:
    number = next(_sequence)
    organisation = await organisations_service.create(
        session,
        OrganisationCreate(
            name=name or f"Organisation {number}",
            kind=kind,
            siret=fields.pop("siret", unique_siret()),
            territory=[TerritoryRef.model_validate(t) for t in (territory or [])],
            **fields,
        ),
    )
    await session.commit()
    return organisation


async def make_user(
    session: AsyncSession,
    role: Role = Role.facilitator,
    organisation: Organisation | None = None,
    email: str | None = None,
    password: str | None = None,
    **fields: Any,
) -> User:
    organisation = organisation or await make_organisation(session, KIND_FOR_ROLE[role])
    number = next(_sequence)
    user = await users_service.create(
        session,
        UserCreate(
            email=email or f"user{number}@example.org",
            full_name=fields.pop("full_name", f"Person {number}"),
            role=role,
            organisation_id=organisation.id,
            password=password,
            **fields,
        ),
    )
    session.add(
        AuthSession(
            id=session_id_of(user), user_id=user.id, expires_at=utcnow() + timedelta(days=3650)
        )
    )
    await session.commit()
    return user


async def make_tender(
    session: AsyncSession,
    structure: Organisation,
    buyer: Organisation | None = None,
    lot_amount: str = "1000000",
) -> tuple[Any, Any, Any]:
    """A draft tender of `buyer` followed by `structure`, in an operation, with one clause lot."""
    from levier.tenders import lifecycle, lots, operations
    from levier.tenders.constants import Ccag, ConsiderationKind, PriceForm, Procedure
    from levier.tenders.schemas import (
        ConsiderationIn,
        LotCreate,
        OperationCreate,
        TenderCreate,
    )
    from levier.users.models import User as UserModel

    buyer = buyer or await make_organisation(session, OrganisationKind.buyer)
    acting = UserModel(
        email="factory@example.org",
        full_name="Factory",
        search_name="factory",
        role=Role.facilitator.value,
        organisation_id=structure.id,
    )
    operation = await operations.create_operation(
        session, acting, OperationCreate(name=f"Opération {next(_sequence)}")
    )
    tender = await lifecycle.create_tender(
        session,
        acting,
        TenderCreate(
            buyer_id=buyer.id,
            reference=f"T{next(_sequence)}",
            object="Réhabilitation de 120 logements",
            procedure=Procedure.open_tender,
            ccag=Ccag.works,
            price_form=PriceForm.lump_sum,
            cpv_code="45000000-7",
            place_of_execution=TerritoryRef.model_validate({"level": "commune", "code": "37261"}),
            operation_id=operation.id,
        ),
    )
    lot = await lots.create_lot(
        session,
        acting,
        tender,
        LotCreate(
            number=1,
            title="Gros œuvre",
            cpv_code="45262500-6",
            estimated_amount=Decimal(lot_amount),
            duration_months=12,
            considerations=[ConsiderationIn(kind=ConsiderationKind.insertion_clause)],
        ),
    )
    await session.commit()
    return tender, lot, operation


async def make_participant(
    session: AsyncSession,
    referent: User,
    structure: Organisation | None = None,
    pathway: bool = False,
    **fields: Any,
) -> Any:
    """A participant in `referent`'s portfolio, referred to `structure`, maybe with a pathway."""
    from levier.participants import identity as participants_identity
    from levier.participants import pathways as pathways_service
    from levier.participants import scope as participants_scope
    from levier.participants.pathway_schemas import PathwayCreate
    from levier.participants.schemas import ParticipantCreate

    number = next(_sequence)
    scope = participants_scope.Scope(referent)
    participant = await participants_identity.create(
        session,
        scope,
        ParticipantCreate.model_validate(
            {
                "last_name": fields.pop("last_name", f"Nom{number}"),
                "first_names": fields.pop("first_names", f"Prénom{number}"),
                "birth_date": fields.pop("birth_date", date(1990, 1, 1 + number % 28)),
                "gender": fields.pop("gender", "female"),
                "structure_id": structure.id if structure else None,
                **fields,
            }
        ),
    )
    if pathway:
        participant = await participants_scope.get(session, scope, participant.id)
        await pathways_service.start(
            session, scope, participant, PathwayCreate(entry_date=date(2025, 1, 6))
        )
    await session.commit()
    return participant


def scratch_storage() -> Storage:
    """Where a test's demo files go when the test reads none of them back."""
    return LocalStorage(Path(tempfile.gettempdir()) / "levier-test-demo-documents")


async def seeded_demo(
    session: AsyncSession, auth: Any, storage: Storage | None = None
) -> dict[Role, dict[str, str]]:
    """Load the demo (dated from the clock's today) and give a bearer header per role: the
    first demo account of each role, with an open sign-in session as factory users have.
    Its documents go to `storage` (pass the app's to download them)."""
    from levier import demo

    await demo.seed(session, storage or scratch_storage())
    await session.commit()
    accounts = {account.role: account.email for account in reversed(demo.DEMO_ACCOUNTS)}
    users = (
        await session.execute(select(User).where(col(User.email).in_(accounts.values())))
    ).scalars()
    by_email = {user.email: user for user in users}
    for user in by_email.values():
        session.add(
            AuthSession(
                id=session_id_of(user), user_id=user.id, expires_at=utcnow() + timedelta(days=1)
            )
        )
    await session.commit()
    return {role: auth(by_email[email]) for role, email in accounts.items()}


async def every_item(client: Any, path: str, headers: dict[str, str], **params: str) -> list[dict]:
    """Every item of a keyset-paginated list, following `next_cursor` page after page."""
    items: list[dict] = []
    cursor = None
    while True:
        query = {"limit": 100, **params} | ({"cursor": cursor} if cursor else {})
        page = await client.get(path, params=query, headers=headers)
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        cursor = page.json().get("next_cursor")
        if not cursor:
            return items


async def award_lot(
    session: AsyncSession,
    lot: Any,
    awardee: Organisation,
    notified_on: date,
    subcontractors: Sequence[tuple[Organisation, str]] = (),
    co_contractors: Sequence[tuple[Organisation, str | None]] = (),
    awarded_amount: str = "1000000",
) -> Any:
    """`lot` awarded to `awardee` (the mandatary when co-contractors join it) with its declared
    subcontractors (enterprise, amount), written as rows: the award's own rules and route are
    tested in tests/tenders (`award_through_api` goes through them)."""
    from levier.tenders.models import AwardMember, LotAward, Subcontractor

    award = LotAward(
        lot_id=lot.id,
        awarded_amount=Decimal(awarded_amount),
        notification_date=notified_on,
        consortium_type="joint" if co_contractors else "none",
        members=[
            AwardMember(enterprise_id=awardee.id, is_mandatary=True),
            *(
                AwardMember(enterprise_id=member.id, amount=Decimal(amount) if amount else None)
                for member, amount in co_contractors
            ),
        ],
        subcontractors=[
            Subcontractor(enterprise_id=enterprise.id, amount=Decimal(amount))
            for enterprise, amount in subcontractors
        ],
    )
    session.add(award)
    await session.commit()
    return award


async def _move_tender(client: Any, headers: dict[str, str], url: str, target: str) -> None:
    etag = (await client.get(url, headers=headers)).headers["ETag"]
    moved = await client.post(
        f"{url}/transition", json={"status": target}, headers=headers | {"If-Match": etag}
    )
    assert moved.status_code == 200, moved.text


async def award_through_api(
    client: Any,
    headers: dict[str, str],
    tender: Any,
    lot: Any,
    awardee: Organisation,
    subcontractors: Sequence[tuple[Organisation, str]] = (),
    notified_on: str = "2025-01-15",
) -> None:
    """The draft tender published, `lot` awarded (1 000 000 €) to `awardee` with its declared
    subcontractors (enterprise, amount) by the facilitator whose `headers` these are, and the
    tender moved to awarded: what a structure does through the API."""
    url = f"/api/v1/tenders/{tender.id}"
    await _move_tender(client, headers, url, "published")
    lot_url = f"{url}/lots/{lot.id}"
    etag = (await client.get(lot_url, headers=headers)).headers["ETag"]
    awarded = await client.put(
        f"{lot_url}/award",
        json={
            "awarded_amount": "1000000",
            "notification_date": notified_on,
            "members": [{"enterprise_id": str(awardee.id), "is_mandatary": True}],
            "subcontractors": [
                {"enterprise_id": str(enterprise.id), "amount": amount}
                for enterprise, amount in subcontractors
            ],
        },
        headers=headers | {"If-Match": etag},
    )
    assert awarded.status_code == 200, awarded.text
    await _move_tender(client, headers, url, "awarded")


async def classic_subcontractor(session: AsyncSession, enterprise: Organisation) -> None:
    """An SIAE subcontractor (the fulfilment world's EI) made a classic enterprise: its amount
    is no longer converted into hours (tests/compliance covers the conversion), so a lot's
    figures are its real hours."""
    enterprise.enterprise_kind = None
    session.add(enterprise)
    await session.commit()
