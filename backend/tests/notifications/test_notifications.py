"""Each user's own notifications: newest first, the unread ones, marked read one by one or
all at once; another user's are not found, whoever asks."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from levier.auth.permissions import Role
from levier.notifications import service
from levier.notifications.constants import NotificationKind
from levier.notifications.schemas import NotificationDraft
from tests.core.test_query_count import counting
from tests.factories import make_user

URL = "/api/v1/notifications"


async def tell(session, user, titles: list[str]) -> list:
    """One notification per title, a minute apart (the last one newest)."""
    rows = []
    for minute, title in enumerate(titles):
        draft = NotificationDraft(
            recipient_id=user.id,
            kind=NotificationKind.reminder_hours_missing,
            title=title,
            body=f"{title}.",
            link="/hours?month=2025-02",
        )
        at = datetime(2025, 3, 3, 8, minute, tzinfo=UTC)
        rows += service.notify(session, [draft], at=at)
    await session.flush()
    return rows


class TestList:
    async def test_mine_newest_first_paged_and_unread(self, client, auth, session):
        me = await make_user(session, Role.enterprise)
        other = await make_user(session, Role.enterprise)
        await tell(session, me, ["Premier", "Deuxième", "Troisième"])
        await tell(session, other, ["Pas à moi"])
        first = await client.get(URL, params={"limit": 2}, headers=auth(me))
        assert first.status_code == 200, first.text
        assert [n["title"] for n in first.json()["items"]] == ["Troisième", "Deuxième"]
        assert first.json()["items"][0]["read_at"] is None
        assert first.json()["items"][0]["link"] == "/hours?month=2025-02"
        rest = await client.get(
            URL, params={"limit": 2, "cursor": first.json()["next_cursor"]}, headers=auth(me)
        )
        assert [n["title"] for n in rest.json()["items"]] == ["Premier"]
        assert rest.json()["next_cursor"] is None

        newest = first.json()["items"][0]["id"]
        with time_machine.travel(datetime(2025, 3, 4, 10, tzinfo=UTC)):
            read = await client.post(f"{URL}/{newest}/read", headers=auth(me))
        assert read.status_code == 200, read.text
        assert read.json()["read_at"].startswith("2025-03-04T10:00")
        # Read again: it keeps its first reading.
        again = await client.post(f"{URL}/{newest}/read", headers=auth(me))
        assert again.json()["read_at"] == read.json()["read_at"]
        unread = await client.get(URL, params={"unread": "true"}, headers=auth(me))
        assert [n["title"] for n in unread.json()["items"]] == ["Deuxième", "Premier"]
        count = await client.get(f"{URL}/unread-count", headers=auth(me))
        assert count.json() == {"unread": 2}

    async def test_read_all_marks_only_mine(self, client, auth, session):
        me = await make_user(session, Role.facilitator)
        other = await make_user(session, Role.referent)
        await tell(session, me, ["Un", "Deux"])
        await tell(session, other, ["Trois"])
        marked = await client.post(f"{URL}/read-all", headers=auth(me))
        assert marked.status_code == 200 and marked.json() == {"marked": 2}
        assert (await client.post(f"{URL}/read-all", headers=auth(me))).json() == {"marked": 0}
        assert (await client.get(f"{URL}/unread-count", headers=auth(me))).json() == {"unread": 0}
        assert (await client.get(f"{URL}/unread-count", headers=auth(other))).json() == {
            "unread": 1
        }

    async def test_the_list_costs_the_same_for_one_or_fifty(self, client, auth, session, engine):
        me = await make_user(session, Role.buyer)
        await tell(session, me, [f"N{n}" for n in range(12)])
        counts = []
        for limit in (1, 50):
            with counting(engine) as statements:
                response = await client.get(URL, params={"limit": limit}, headers=auth(me))
            assert response.status_code == 200
            counts.append(len(statements))
        assert counts[0] == counts[1]


class TestScope:
    async def test_another_users_notification_is_not_found(self, client, auth, session):
        me = await make_user(session, Role.enterprise)
        admin = await make_user(session, Role.admin)
        [theirs] = await tell(session, await make_user(session, Role.enterprise), ["Secret"])
        for who in (me, admin):
            refused = await client.post(f"{URL}/{theirs.id}/read", headers=auth(who))
            assert refused.status_code == 404, who.role
            assert (await client.get(URL, headers=auth(who))).json()["items"] == []
        assert theirs.read_at is None

    async def test_anonymous_is_refused(self, client):
        assert (await client.get(URL)).status_code == 401
        assert (await client.get(f"{URL}/unread-count")).status_code == 401
