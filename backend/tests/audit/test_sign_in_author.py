"""What signing in writes to the audit log is the person's own doing, not the system's."""

from __future__ import annotations

from sqlalchemy import select

from levier.core.audit.models import AuditEvent
from tests.auth.test_auth import login
from tests.factories import PASSWORD, make_user


async def test_events_written_by_a_sign_in_name_the_person(client, session):
    user = await make_user(session, email="author@example.org", password=PASSWORD)
    before = set((await session.execute(select(AuditEvent.id))).scalars())
    assert (await login(client, "author@example.org")).status_code == 200
    events = [
        event
        for event in (await session.execute(select(AuditEvent))).scalars()
        if event.id not in before
    ]
    assert events, "a sign-in is recorded"
    assert {event.actor_id for event in events} == {user.id}
