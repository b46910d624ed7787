"""Fixtures of the tender tests."""

from __future__ import annotations

import pytest

from levier.auth.permissions import Role
from tests.factories import make_organisation, make_tender, make_user


@pytest.fixture
async def published(session, client, auth):
    """A published tender with one clause lot (1 000 000 € → 833 h), and its facilitator."""
    structure = await make_organisation(session)
    facilitator = await make_user(session, role=Role.facilitator, organisation=structure)
    tender, lot, _op = await make_tender(session, structure)
    url = f"/api/v1/tenders/{tender.id}"
    etag = (await client.get(url, headers=auth(facilitator))).headers["ETag"]
    await client.post(
        f"{url}/transition",
        json={"status": "published"},
        headers=auth(facilitator) | {"If-Match": etag},
    )
    return facilitator, tender, lot
