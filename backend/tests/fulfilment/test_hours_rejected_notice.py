"""A rejection is told to the employer of record's active users in-app, in each one's
language, with the person, the month and the reason, linking to the month's grid."""

from __future__ import annotations

from sqlalchemy import select

from levier.auth.permissions import Role
from levier.notifications.models import Notification
from tests.factories import make_user
from tests.fulfilment.test_hours import URL, declare, etag, hire

REASON = "Le relevé de l'intérim dit 52 h"


async def notices(client, headers) -> list[dict]:
    found = await client.get("/api/v1/notifications", headers=headers)
    assert found.status_code == 200, found.text
    return [n for n in found.json()["items"] if n["kind"] == "hours_rejected"]


class TestRejectedNotice:
    async def test_the_employers_active_users_are_told_in_their_language(
        self, client, auth, session, world
    ):
        english = await make_user(session, Role.enterprise, world.builder, language="en")
        gone = await make_user(session, Role.enterprise, world.builder)
        gone.active = False
        session.add(gone)
        await session.commit()
        assignment = await hire(client, auth, world)
        declared = (await declare(client, auth(world.employer), assignment)).json()
        assert await notices(client, auth(world.employer)) == []  # declaring tells nobody
        facilitator = auth(world.facilitator)
        rejected = await client.post(
            f"{URL}/{declared['id']}/reject",
            json={"reason": REASON},
            headers=facilitator | {"If-Match": await etag(client, facilitator, declared)},
        )
        assert rejected.status_code == 200, rejected.text
        [french] = await notices(client, auth(world.employer))
        assert french["title"] == "Heures refusées : Alice Dupré, février 2025"
        assert "Alice Dupré en février 2025" in french["body"]
        assert f"« {REASON} »" in french["body"]
        assert french["link"] == "/hours?month=2025-02"
        assert french["subject_id"] == declared["id"]
        [in_english] = await notices(client, auth(english))
        assert in_english["title"] == "Hours rejected: Alice Dupré, February 2025"
        assert REASON in in_english["body"] and "Correct the declaration" in in_english["body"]
        told = select(Notification.recipient_id).where(Notification.kind == "hours_rejected")
        recipients = set((await session.execute(told)).scalars())
        assert recipients == {world.employer.id, english.id}  # not the inactive user
