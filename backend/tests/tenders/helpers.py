"""Helpers shared by the tender tests."""

from __future__ import annotations

from levier.organisations.constants import EnterpriseKind, OrganisationKind
from tests.factories import make_organisation


async def enterprise(session, kind=EnterpriseKind.ordinary, **fields):
    return await make_organisation(
        session, OrganisationKind.enterprise, enterprise_kind=kind, **fields
    )


async def put_award(client, auth, user, tender, lot, body):
    url = f"/api/v1/tenders/{tender.id}/lots/{lot.id}"
    etag = (await client.get(url, headers=auth(user))).headers["ETag"]
    return await client.put(f"{url}/award", json=body, headers=auth(user) | {"If-Match": etag})


async def move(client, auth, user, tender, status):
    """POST the tender's transition to `status` (with its current ETag)."""
    url = f"/api/v1/tenders/{tender.id}"
    etag = (await client.get(url, headers=auth(user))).headers["ETag"]
    return await client.post(
        f"{url}/transition", json={"status": status}, headers=auth(user) | {"If-Match": etag}
    )
