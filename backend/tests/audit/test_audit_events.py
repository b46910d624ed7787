"""The admin's audit log: filters by record, author and days (in France), keyset pages."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from levier.auth.permissions import Role
from levier.core.audit.models import AuditEvent
from tests.factories import make_user


async def _event(session, at: datetime, actor_id=None, entity_type="tender") -> AuditEvent:
    event = AuditEvent(
        at=at,
        actor_id=actor_id,
        action="updated",
        entity_type=entity_type,
        entity_id=uuid.uuid4(),
        changes={"object": ["a", "b"]},
    )
    session.add(event)
    await session.commit()
    return event


class TestListAuditEvents:
    async def test_days_are_french_days_inclusive(self, client, auth, session):
        admin = await make_user(session, Role.admin)
        # 23:30 UTC on 1 June is 01:30 on 2 June in Paris.
        late = await _event(session, datetime(2026, 6, 1, 23, 30, tzinfo=UTC))
        early = await _event(session, datetime(2026, 6, 1, 8, 0, tzinfo=UTC))
        later = await _event(session, datetime(2026, 6, 3, 21, 59, tzinfo=UTC))

        async def ids(**params: str) -> list[str]:
            response = await client.get("/api/v1/audit-events", params=params, headers=auth(admin))
            assert response.status_code == 200, response.text
            return [item["id"] for item in response.json()["items"]]

        assert await ids(since="2026-06-01", until="2026-06-01") == [str(early.id)]
        assert await ids(since="2026-06-02", until="2026-06-03") == [str(later.id), str(late.id)]
        assert await ids(until="2026-06-01") == [str(early.id)]

    async def test_filters_combine_with_keyset_pages(self, client, auth, session):
        admin = await make_user(session, Role.admin)
        author = await make_user(session, Role.facilitator)
        for hour in range(5):
            await _event(session, datetime(2026, 7, 1, 8 + hour, tzinfo=UTC), actor_id=author.id)
        await _event(session, datetime(2026, 7, 1, 12, 30, tzinfo=UTC), entity_type="lot")
        seen: list[str] = []
        cursor = None
        while True:
            params = {"actor_id": str(author.id), "since": "2026-07-01", "limit": "2"}
            response = await client.get(
                "/api/v1/audit-events",
                params=params | ({"cursor": cursor} if cursor else {}),
                headers=auth(admin),
            )
            body = response.json()
            seen += [item["at"] for item in body["items"]]
            assert all(item["actor"]["id"] == str(author.id) for item in body["items"])
            cursor = body["next_cursor"]
            if not cursor:
                break
        assert len(seen) == 5 and seen == sorted(seen, reverse=True)

    async def test_a_malformed_day_names_the_parameter(self, client, auth, session):
        admin = await make_user(session, Role.admin)
        response = await client.get(
            "/api/v1/audit-events", params={"since": "31/12/2026"}, headers=auth(admin)
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "since"
