"""The issuing structure's identity at the head of every document: its name, SIRET when
known, and the contact its clause settings name."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.clauses.models import ClauseSettings
from levier.organisations.models import Organisation


def siret_text(siret: str | None) -> str:
    """123 456 789 00012, as a SIRET is printed."""
    if not siret:
        return ""
    return f"SIRET {siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"


async def identity_lines(session: AsyncSession, organisation_id: uuid.UUID) -> list[str]:
    """Name, SIRET and contact of an organisation (one statement)."""
    statement = (
        select(
            col(Organisation.name),
            col(Organisation.siret),
            col(ClauseSettings.contact_name),
            col(ClauseSettings.contact_email),
            col(ClauseSettings.contact_phone),
        )
        .outerjoin(ClauseSettings, col(ClauseSettings.organisation_id) == col(Organisation.id))
        .where(col(Organisation.id) == organisation_id)
    )
    name, siret, contact, email, phone = (await session.execute(statement)).one()
    reach = " · ".join(part for part in (contact, email, phone) if part)
    return [name, siret_text(siret), f"Contact : {reach}" if reach else ""]
