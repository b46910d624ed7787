"""The one shape of a route's record loader: the permission first (403), the record loaded in
the caller's scope (404 outside it), and If-Match on writes (412 on a stale version).

Each domain's `scope.py` names its loaders with this factory and its own scoped `get`, so a
router's body is one service call and no domain writes the checks again.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from inspect import Parameter, Signature
from typing import Annotated, Any

from fastapi import Depends, Request

from levier.auth.dependencies import require
from levier.auth.permissions import Permission
from levier.core.db import SessionDep
from levier.core.etag import check_if_match
from levier.users.models import User

Fetch = Callable[[Any, Any, uuid.UUID], Awaitable[Any]]


def path_loader(
    permission: Permission,
    path_parameter: str,
    fetch: Fetch,
    wrap: Callable[[Any, Any], Any],
    *,
    write: bool = False,
    principal: Callable[[Request, User], Any] | None = None,
) -> Callable[..., Awaitable[Any]]:
    """A dependency: the record named by the path parameter, for a caller with `permission`.

    `principal(request, user)` gives what scope rules take (the user by default, or a
    participants' `Scope`); `fetch(session, principal, id)` loads the record in scope or
    raises 404; `wrap(principal, record)` is what the route receives."""

    async def load(session: Any, request: Request, user: User, **path: uuid.UUID) -> Any:
        who = principal(request, user) if principal is not None else user
        record = await fetch(session, who, path[path_parameter])
        if write:
            check_if_match(request, record)
        return wrap(who, record)

    # FastAPI reads a dependency's parameters from its signature: the path parameter's name
    # differs per domain, so the signature is written here rather than in each domain.
    load.__signature__ = Signature(  # type: ignore[attr-defined]
        [
            Parameter("session", Parameter.KEYWORD_ONLY, annotation=SessionDep),
            Parameter("request", Parameter.KEYWORD_ONLY, annotation=Request),
            Parameter(path_parameter, Parameter.KEYWORD_ONLY, annotation=uuid.UUID),
            Parameter(
                "user",
                Parameter.KEYWORD_ONLY,
                annotation=Annotated[User, Depends(require(permission))],
            ),
        ]
    )
    return load
