"""The loaders follow-up routes use: the permission first (403), the item of the path's key in
the caller's scope and still to do (404), If-Match on decisions (412/428).

Every item is in scope through its own domain's rule, applied in SQL by `items`: a follow-up
is seen by exactly those who see what it is about."""

# No `from __future__ import annotations`: FastAPI reads the loaders' annotations.
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Path, Request

from levier.auth.permissions import Permission
from levier.core.db import SessionDep
from levier.core.etag import check_if_match
from levier.followups import service
from levier.followups.keys import parse
from levier.followups.queue import Entry
from levier.participants.scope import Scope, caller_scope

KeyPath = Annotated[str, Path(max_length=200, description="The item's `key`.")]


@dataclass(frozen=True)
class Versioned:
    """What an item's ETag is made of: its key and the version of what was decided about it
    (0 before the first decision)."""

    id: str
    version: int


def versioned(entry: Entry) -> Versioned:
    return Versioned(str(entry.item.key), entry.version)


@dataclass(frozen=True)
class FollowUpInScope:
    scope: Scope
    entry: Entry


def follow_up_loader(permission: Permission, *, write: bool = False) -> Any:
    async def load(
        request: Request,
        session: SessionDep,
        scope: Annotated[Scope, Depends(caller_scope(permission))],
        key: KeyPath,
    ) -> FollowUpInScope:
        entry = await service.entry_of(session, scope, parse(key))
        if write:
            check_if_match(request, versioned(entry))
        return FollowUpInScope(scope, entry)

    return load


FollowUpReader = Annotated[Scope, Depends(caller_scope(Permission.follow_ups_read))]
FollowUpToRead = Annotated[FollowUpInScope, Depends(follow_up_loader(Permission.follow_ups_read))]
FollowUpToDecide = Annotated[
    FollowUpInScope, Depends(follow_up_loader(Permission.follow_ups_manage, write=True))
]
