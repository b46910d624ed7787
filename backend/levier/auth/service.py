"""Sign-in, password change and password reset (sessions in `sessions`, limits in `throttle`)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth import sessions, throttle
from levier.auth.models import LoginAttempt, PasswordResetToken
from levier.core.audit import recorder
from levier.core.audit.models import AuditAction
from levier.core.config import Settings
from levier.core.errors import FieldInvalid
from levier.core.models import utcnow
from levier.core.security import (
    digest,
    hash_password,
    new_secret,
    password_is_weak,
    verify_password,
)
from levier.users import service as users_service
from levier.users.models import User


async def authenticate(
    session: AsyncSession, settings: Settings, email: str, password: str, client_address: str | None
) -> User | None:
    """The active user with these credentials, or None after recording the failure."""
    email = email.strip().lower()
    await throttle.check_login(session, settings, email, client_address)
    user = await users_service.get_by_email(session, email)
    valid = verify_password(password, user.password_hash if user else None)
    if user is None or not valid or not user.active or not user.organisation.active:
        throttle.record_login_failure(session, email, client_address)
        return None
    # The owner got in: the failures of this account and address no longer count.
    await session.execute(
        delete(LoginAttempt).where(
            col(LoginAttempt.email) == email, col(LoginAttempt.client_address) == client_address
        )
    )
    user.last_login_at = utcnow()
    recorder.record_access(session, user, "signed_in", {}, actor_id=user.id)
    return user


async def change_password(
    session: AsyncSession,
    user: User,
    current_password: str,
    new_password: str,
    keep_session: uuid.UUID | None,
) -> None:
    """Change one's password; every other sign-in session ends, with its access tokens."""
    if not verify_password(current_password, user.password_hash):
        raise FieldInvalid("current_password", "wrong_password")
    if new_password == current_password:
        raise FieldInvalid("new_password", "password_unchanged")
    if password_is_weak(new_password, user.email):
        raise FieldInvalid("new_password", "password_too_weak")
    user.password_hash = hash_password(new_password)
    await sessions.end_all(session, user.id, sessions.EndReason.password_changed, keep=keep_session)
    await _cancel_reset_tokens(session, user.id)


async def _cancel_reset_tokens(session: AsyncSession, user_id: uuid.UUID) -> None:
    """Spend every unused reset link of the user: only the newest one, if any, may serve."""
    await session.execute(
        update(PasswordResetToken)
        .where(
            col(PasswordResetToken.user_id) == user_id,
            col(PasswordResetToken.used_at).is_(None),
        )
        .values(used_at=utcnow())
    )


async def create_reset_token(
    session: AsyncSession, settings: Settings, user: User, *, invitation: bool = False
) -> str:
    """A single-use reset (or invitation) link for the user, cancelling any older one; only
    its digest is stored. An invitation lasts days (its person did not ask for it and may read
    it late), a reset an hour."""
    await _cancel_reset_tokens(session, user.id)
    secret = new_secret()
    lifetime = (
        timedelta(days=settings.invitation_days)
        if invitation
        else timedelta(minutes=settings.password_reset_minutes)
    )
    session.add(
        PasswordResetToken(
            user_id=user.id, token_hash=digest(secret), expires_at=utcnow() + lifetime
        )
    )
    return secret


async def invite(session: AsyncSession, settings: Settings, user: User) -> str:
    """A new invitation link for an account without a password (older links stop working),
    recorded in the account's history; the caller e-mails it."""
    secret = await create_reset_token(session, settings, user, invitation=True)
    recorder.record_access(session, user, AuditAction.invited, {})
    return secret


async def reinvite(
    session: AsyncSession, settings: Settings, user: User, client_address: str | None
) -> str:
    """`invite` again (the caller checked the account may be invited), counted with the reset
    requests of its e-mail: each mails a link, so both share one limit (429)."""
    await throttle.check_reset_request(
        session, settings, user.email, client_address, code="invitation_throttled"
    )
    return await invite(session, settings, user)


async def user_of_link(session: AsyncSession, secret: str) -> User:
    """The account of a reset or invitation link still valid (422 on `token` otherwise: used,
    expired, replaced by a newer link, or its account deactivated)."""
    token = (
        await session.execute(
            select(PasswordResetToken).where(col(PasswordResetToken.token_hash) == digest(secret))
        )
    ).scalar_one_or_none()
    if token is None or token.used_at is not None or token.expires_at <= utcnow():
        raise FieldInvalid("token", "invalid_reset_token")
    user = await users_service.get_by_id(session, token.user_id)
    if user is None or not user.active:
        raise FieldInvalid("token", "invalid_reset_token")
    return user


async def reset_password(session: AsyncSession, secret: str, new_password: str) -> None:
    """Set a new password from a valid reset link; every session of the user ends and every
    other link of theirs is cancelled. The person acts on their own account: the history
    names them."""
    user = await user_of_link(session, secret)
    session.info["actor_id"] = user.id
    if password_is_weak(new_password, user.email):
        raise FieldInvalid("new_password", "password_too_weak")
    user.password_hash = hash_password(new_password)
    user.token_version += 1
    await _cancel_reset_tokens(session, user.id)
    await sessions.end_all(session, user.id, sessions.EndReason.password_reset)
