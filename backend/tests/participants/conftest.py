"""A PLIE network: a coordinating PLIE, two prescriber organisations, their referents, and the
facilitation structure participants are referred to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from levier.auth.permissions import Role
from levier.organisations.constants import OrganisationKind
from tests.factories import make_organisation, make_participant, make_user


@dataclass
class Network:
    structure: Any
    plie: Any
    mission_locale: Any
    france_travail: Any
    facilitator: Any
    coordinator: Any
    nadia: Any  # referent at the Mission Locale
    paul: Any  # referent at France Travail
    colleague: Any  # another referent at the Mission Locale


@pytest.fixture
async def network(session) -> Network:
    structure = await make_organisation(session, name="Facilitation")
    plie = await make_organisation(session, name="PLIE")
    mission_locale = await make_organisation(
        session, OrganisationKind.prescriber, name="Mission Locale", coordinator_id=plie.id
    )
    france_travail = await make_organisation(
        session, OrganisationKind.prescriber, name="France Travail", coordinator_id=plie.id
    )
    return Network(
        structure=structure,
        plie=plie,
        mission_locale=mission_locale,
        france_travail=france_travail,
        facilitator=await make_user(session, Role.facilitator, structure),
        coordinator=await make_user(session, Role.referent, plie, full_name="Coordinatrice"),
        nadia=await make_user(session, Role.referent, mission_locale, full_name="Nadia"),
        paul=await make_user(session, Role.referent, france_travail, full_name="Paul"),
        colleague=await make_user(session, Role.referent, mission_locale, full_name="Collègue"),
    )


@pytest.fixture
async def alice(session, network):
    """A participant of Nadia's, referred to the structure, with an open pathway."""
    return await make_participant(
        session,
        network.nadia,
        network.structure,
        pathway=True,
        last_name="Dupré",
        first_names="Alice Marie",
        commune_code="37261",
        health_consent=True,
    )
