"""Demo data: people's decisions about the items of their day (`followups`), made today on
what the demo holds: the builder snoozes a candidate's answer until after the site manager's
return, and the insertion company hands the facilitator the job offer it has not opened yet."""

from __future__ import annotations

from datetime import timedelta

from levier.core import clock
from levier.demo_story import Story
from levier.followups import service
from levier.followups.constants import FollowUpKind
from levier.followups.items import Context
from levier.followups.queue import Entry, derive, entries
from levier.participants.scope import scope_of
from levier.users.models import User


async def _first(story: Story, user: User, kind: FollowUpKind) -> Entry | None:
    """The first item of this kind the user acts on, with what was decided about it."""
    ctx = Context(await scope_of(story.session, user), clock.today())
    rows = await entries(story.session, await derive(story.session, ctx, [kind]))
    mine = sorted((row for row in rows if row.acts_next(user)), key=lambda row: row.sort_key())
    return mine[0] if mine else None


async def seed_decisions(story: Story, builder: User, insertion: User, facilitator: User) -> None:
    """Two decisions of today (the caller commits); none when the demo holds no such item."""
    today = clock.today()
    answer = await _first(story, builder, FollowUpKind.referral_answer)
    if answer is not None:
        async with story.step(today, builder):
            await service.snooze(
                story.session,
                builder,
                answer,
                today + timedelta(days=4),
                "Entretien après le retour du chef de chantier.",
            )
    offer = await _first(story, insertion, FollowUpKind.offer_missing)
    if offer is not None:
        async with story.step(today, insertion):
            await service.hand_over(
                story.session,
                insertion,
                offer,
                facilitator.id,
                "Pouvez-vous ouvrir l'offre pour nous ? Nous n'avons pas encore de fiche de poste.",
            )
