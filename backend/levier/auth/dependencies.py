"""Authentication and permission dependencies: every route declares one of them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import cache
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy import bindparam, exists, select
from sqlalchemy.orm import joinedload
from sqlmodel import col

from levier.auth.models import AuthSession
from levier.auth.permissions import Permission, permissions_of
from levier.core.config import SettingsDep
from levier.core.db import SessionDep
from levier.core.errors import Forbidden, NotAuthenticated
from levier.core.models import utcnow
from levier.core.security import decode_access_token
from levier.organisations.models import Organisation
from levier.users.models import User

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


@cache
def _principal_statement() -> Any:
    """The user, their organisation and whether it coordinates a network, if the token's
    session is still open (built once: building it cost more than running it)."""
    # Whether the user's organisation coordinates a network (a PLIE): participants' scope
    # needs it, and asking here saves that domain a statement on every request.
    coordinates = (
        exists()
        .where(col(Organisation.coordinator_id) == col(User.organisation_id))
        .correlate(User)
        .label("coordinates_network")
    )
    return (
        select(User, coordinates)
        .join(AuthSession, col(AuthSession.user_id) == col(User.id))
        .where(
            col(User.id) == bindparam("user_id"),
            col(AuthSession.id) == bindparam("session_id"),
            col(AuthSession.ended_at).is_(None),
            col(AuthSession.expires_at) > bindparam("now"),
        )
        .options(joinedload(User.organisation))  # type: ignore[arg-type]
    )


async def current_user(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    token: Annotated[str | None, Depends(oauth2_scheme)],
) -> User:
    """The signed-in, active user behind the bearer token (401 otherwise).

    One statement: the user, their organisation and the token's session, which must still be
    open, so that signing out (or any other end of the session) ends its access tokens too.
    """
    if not token:
        raise NotAuthenticated()
    claims = decode_access_token(settings, token)
    if claims is None or claims.session_id is None:
        raise NotAuthenticated("invalid_token")
    parameters = {"user_id": claims.user_id, "session_id": claims.session_id, "now": utcnow()}
    row = (await session.execute(_principal_statement(), parameters)).one_or_none()
    user = row[0] if row else None
    if user is None or not user.active or user.token_version != claims.token_version:
        raise NotAuthenticated("invalid_token")
    if not user.organisation.active:
        raise NotAuthenticated("invalid_token")
    session.info["actor_id"] = user.id
    request.state.user = user
    request.state.session_id = claims.session_id
    request.state.coordinates_network = bool(row[1]) if row else False
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def require(permission: Permission) -> Callable[..., Awaitable[User]]:
    """A dependency admitting only users whose role grants `permission` (403 otherwise)."""

    async def _check(user: CurrentUser) -> User:
        if permission not in permissions_of(user.role):
            raise Forbidden()
        return user

    _check.__name__ = f"require_{permission.value.replace(':', '_')}"
    return _check
