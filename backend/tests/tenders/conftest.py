"""Fixtures of the tender tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
import time_machine

from levier.auth.permissions import Role
from levier.core import clock
from tests.factories import make_organisation, make_tender, make_user

# The tender tests tell one story: a tender published on 1 December 2026, its deadline in
# January, its lots notified in February 2027, amended in June. An award or an amendment is
# not dated in the future, so these tests run on a day after all of it.
STORY_DAY = datetime(2027, 12, 1, 12, tzinfo=clock.LOCAL_ZONE)


@pytest.fixture(autouse=True)
def after_the_story() -> Iterator[None]:
    with time_machine.travel(STORY_DAY, tick=True):
        yield


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
