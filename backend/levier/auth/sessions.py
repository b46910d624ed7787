"""Sign-in sessions: started at sign-in, extended by each refresh, ended by sign-out, by a
refresh token coming back after use, by a password change elsewhere, a reset or a
deactivation. Ending a session ends its access tokens at once: each request checks it."""

from __future__ import annotations

import uuid
from datetime import timedelta
from enum import StrEnum

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.models import (
    AuthSession,
    LoginAttempt,
    PasswordResetToken,
    RefreshToken,
    ResetRequest,
)
from levier.auth.schemas import TokenPair
from levier.core.config import Settings
from levier.core.models import utcnow
from levier.core.security import create_access_token, digest, new_secret
from levier.users import service as users_service
from levier.users.models import User


class EndReason(StrEnum):
    logout = "logout"
    refresh_reused = "refresh_reused"
    password_changed = "password_changed"  # noqa: S105 - a reason, not a secret
    password_reset = "password_reset"  # noqa: S105 - a reason, not a secret
    deactivated = "deactivated"


async def start(
    session: AsyncSession, settings: Settings, user: User, client_address: str | None
) -> TokenPair:
    """A new session for the user, and its first token pair."""
    auth_session = AuthSession(
        user_id=user.id,
        expires_at=utcnow() + settings.refresh_lifetime,
        client_address=client_address,
    )
    session.add(auth_session)
    return _issue(session, settings, user, auth_session)


def _issue(
    session: AsyncSession, settings: Settings, user: User, auth_session: AuthSession
) -> TokenPair:
    secret = new_secret()
    expires_at = utcnow() + settings.refresh_lifetime
    auth_session.expires_at = expires_at
    session.add(
        RefreshToken(
            user_id=user.id,
            family_id=auth_session.id,
            token_version=user.token_version,
            token_hash=digest(secret),
            expires_at=expires_at,
        )
    )
    access, expires_in = create_access_token(settings, user.id, user.token_version, auth_session.id)
    return TokenPair(
        access_token=access,
        expires_in=expires_in,
        refresh_token=secret,
        refresh_expires_in=int(settings.refresh_lifetime.total_seconds()),
    )


async def _token(session: AsyncSession, secret: str) -> RefreshToken | None:
    statement = select(RefreshToken).where(col(RefreshToken.token_hash) == digest(secret))
    return (await session.execute(statement)).scalar_one_or_none()


async def rotate(
    session: AsyncSession, settings: Settings, secret: str
) -> tuple[TokenPair | None, bool]:
    """Exchange a refresh token for a new pair in the same session.

    Returns (pair, False) on success, (None, reused) on failure; `reused` is True when a spent
    token came back: its session has then been ended (the caller must commit that before
    answering 401), since either the thief or the owner holds a copy.
    """
    token = await _token(session, secret)
    if token is None:
        return None, False
    now = utcnow()
    if token.used_at is not None or token.revoked_at is not None:
        await end(session, token.family_id, EndReason.refresh_reused)
        return None, True
    auth_session = await session.get(AuthSession, token.family_id)
    if auth_session is None or auth_session.ended_at is not None or token.expires_at <= now:
        return None, False
    user = await users_service.get_by_id(session, token.user_id)
    if (
        user is None
        or not user.active
        or not user.organisation.active
        or user.token_version != token.token_version
    ):
        return None, False
    token.used_at = now
    return _issue(session, settings, user, auth_session), False


async def end(session: AsyncSession, session_id: uuid.UUID, reason: EndReason) -> None:
    """End one session: its refresh tokens are revoked and its access tokens refused."""
    now = utcnow()
    await session.execute(
        update(AuthSession)
        .where(col(AuthSession.id) == session_id, col(AuthSession.ended_at).is_(None))
        .values(ended_at=now, end_reason=reason.value)
    )
    await session.execute(
        update(RefreshToken)
        .where(col(RefreshToken.family_id) == session_id, col(RefreshToken.revoked_at).is_(None))
        .values(revoked_at=now)
    )


async def end_all(
    session: AsyncSession,
    user_id: uuid.UUID,
    reason: EndReason,
    keep: uuid.UUID | None = None,
) -> None:
    """End every session of a user, except `keep` (the one changing its own password)."""
    now = utcnow()
    sessions = update(AuthSession).where(
        col(AuthSession.user_id) == user_id, col(AuthSession.ended_at).is_(None)
    )
    tokens = update(RefreshToken).where(
        col(RefreshToken.user_id) == user_id, col(RefreshToken.revoked_at).is_(None)
    )
    if keep is not None:
        sessions = sessions.where(col(AuthSession.id) != keep)
        tokens = tokens.where(col(RefreshToken.family_id) != keep)
    await session.execute(sessions.values(ended_at=now, end_reason=reason.value))
    await session.execute(tokens.values(revoked_at=now))


async def end_by_refresh_token(session: AsyncSession, secret: str) -> None:
    """Sign out: end the session this refresh token belongs to (silently if unknown)."""
    token = await _token(session, secret)
    if token is not None:
        await end(session, token.family_id, EndReason.logout)


PURGE_AFTER = timedelta(days=30)


async def purge(session: AsyncSession) -> dict[str, int]:
    """Delete what sign-in no longer needs: sessions and tokens ended or expired a month ago,
    reset links spent or expired, and counted failures and reset requests older than a day.
    Daily and idempotent (`levier purge-auth`)."""
    now = utcnow()
    month_ago, day_ago = now - PURGE_AFTER, now - timedelta(days=1)
    statements = {
        "sessions": delete(AuthSession).where(
            or_(col(AuthSession.ended_at) < month_ago, col(AuthSession.expires_at) < month_ago)
        ),
        "refresh_tokens": delete(RefreshToken).where(
            or_(col(RefreshToken.revoked_at) < month_ago, col(RefreshToken.expires_at) < month_ago)
        ),
        "reset_links": delete(PasswordResetToken).where(
            or_(
                col(PasswordResetToken.used_at) < month_ago,
                col(PasswordResetToken.expires_at) < month_ago,
            )
        ),
        "login_failures": delete(LoginAttempt).where(col(LoginAttempt.at) < day_ago),
        "reset_requests": delete(ResetRequest).where(col(ResetRequest.at) < day_ago),
    }
    counts = {}
    for name, statement in statements.items():
        result = await session.execute(statement)
        counts[name] = result.rowcount or 0  # type: ignore[attr-defined]
    return counts
