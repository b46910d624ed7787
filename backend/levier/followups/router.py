"""The caller's queue ("my day"): items, their counts, one item with its history, and the
decisions: snooze, wake, hand over."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Response

from levier.core import clock
from levier.core.db import SessionDep
from levier.core.etag import set_etag
from levier.core.pagination import Page, PageParams, page_params
from levier.core.routing import DomainRouter
from levier.followups import reads, service
from levier.followups.constants import FollowUpKind, FollowUpView
from levier.followups.items import Context
from levier.followups.queue import Entry, derive, entries, in_view, page
from levier.followups.schemas import (
    Candidates,
    FollowUpCounts,
    FollowUpDetail,
    FollowUpEventRead,
    FollowUpRead,
    HandOver,
    Snooze,
)
from levier.followups.scope import (
    FollowUpInScope,
    FollowUpReader,
    FollowUpToDecide,
    FollowUpToRead,
    versioned,
)
from levier.participants.scope import Scope

router = DomainRouter(prefix="/follow-ups", tags=["follow-ups"])


async def _queue(session: SessionDep, scope: Scope, kinds: list[FollowUpKind]) -> list[Entry]:
    ctx = Context(scope, clock.today())
    return await entries(session, await derive(session, ctx, kinds))


@router.get("", response_model=Page[FollowUpRead])
async def list_follow_ups(
    session: SessionDep,
    scope: FollowUpReader,
    params: Annotated[PageParams, Depends(page_params)],
    view: FollowUpView | None = None,
    kind: Annotated[list[FollowUpKind] | None, Query()] = None,
) -> Page[FollowUpRead]:
    """The items of the caller's scope, next action first (overdue first): `view=mine` those
    the caller acts on next, `view=following` those waiting on someone else."""
    user = scope.user
    rows = [
        e
        for e in await _queue(session, scope, kind or list(FollowUpKind))
        if in_view(e, user, view)
    ]
    chosen, next_cursor = page(rows, params.limit, params.cursor)
    today = clock.today()
    return Page(items=[reads.read(e, user, today) for e in chosen], next_cursor=next_cursor)


@router.get("/counts", response_model=FollowUpCounts)
async def follow_up_counts(session: SessionDep, scope: FollowUpReader) -> FollowUpCounts:
    """How many items are the caller's (overdue, today, later) and how many they follow."""
    rows = await _queue(session, scope, list(FollowUpKind))
    return reads.counts(rows, scope.user, clock.today())


async def _detail(
    session: SessionDep, target: FollowUpInScope, response: Response
) -> FollowUpDetail:
    entry = target.entry
    base = reads.read(entry, target.scope.user, clock.today())
    events = await service.history(session, entry)
    history = [
        FollowUpEventRead(
            action=event.action,  # type: ignore[arg-type]
            at=event.at,
            actor_name=actor,
            until=event.until,
            assignee_name=assignee,
            note=event.note,
        )
        for event, actor, assignee in events
    ]
    set_etag(response, versioned(entry))
    return FollowUpDetail(**base.model_dump(), history=history)


@router.get("/{key}", response_model=FollowUpDetail)
async def get_follow_up(
    session: SessionDep, target: FollowUpToRead, response: Response
) -> FollowUpDetail:
    """One item and what was decided about it."""
    return await _detail(session, target, response)


@router.get("/{key}/candidates", response_model=Candidates)
async def follow_up_candidates(session: SessionDep, target: FollowUpToRead) -> Candidates:
    """Who the item may be handed to: the active people of the organisation acting next and of
    the structure following it, who decide about items."""
    people = await service.candidates(session, target.entry)
    return Candidates(items=[reads.person(user, name) for user, name in people])


async def _reloaded(
    session: SessionDep, target: FollowUpInScope, response: Response
) -> FollowUpDetail:
    entry = await service.entry_of(session, target.scope, target.entry.item.key)
    return await _detail(session, FollowUpInScope(target.scope, entry), response)


@router.post("/{key}/snooze", response_model=FollowUpDetail)
async def snooze_follow_up(
    session: SessionDep, target: FollowUpToDecide, body: Snooze, response: Response
) -> FollowUpDetail:
    """Move the next action to a later day (If-Match)."""
    await service.snooze(session, target.scope.user, target.entry, body.until, body.note)
    return await _reloaded(session, target, response)


@router.post("/{key}/wake", response_model=FollowUpDetail)
async def wake_follow_up(
    session: SessionDep, target: FollowUpToDecide, response: Response
) -> FollowUpDetail:
    """Cancel a snooze: the item is due on its own day again (If-Match)."""
    await service.wake(session, target.scope.user, target.entry)
    return await _reloaded(session, target, response)


@router.post("/{key}/hand-over", response_model=FollowUpDetail)
async def hand_over_follow_up(
    session: SessionDep, target: FollowUpToDecide, body: HandOver, response: Response
) -> FollowUpDetail:
    """Name who acts next, with a note they are notified of (If-Match)."""
    await service.hand_over(session, target.scope.user, target.entry, body.assignee_id, body.note)
    return await _reloaded(session, target, response)
