"""Sign-in, token rotation, throttling, password change and reset."""

from __future__ import annotations

import math
import uuid
from datetime import timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.models import LoginAttempt, PasswordResetToken, RefreshToken
from levier.auth.schemas import TokenPair
from levier.core.config import Settings
from levier.core.errors import FieldInvalid, TooManyRequests
from levier.core.models import utcnow
from levier.core.security import (
    create_access_token,
    digest,
    hash_password,
    new_secret,
    password_is_weak,
    verify_password,
)
from levier.users import service as users_service
from levier.users.models import User


async def check_throttle(
    session: AsyncSession, settings: Settings, email: str, client_address: str | None
) -> None:
    """429 with Retry-After when an account or an address has failed too often recently."""
    since = utcnow() - timedelta(minutes=settings.login_failure_window_minutes)
    checks = [(col(LoginAttempt.email) == email, settings.login_max_failures)]
    if client_address:
        checks.append(
            (
                col(LoginAttempt.client_address) == client_address,
                settings.login_max_failures_per_address,
            )
        )
    for condition, limit in checks:
        count, oldest = (
            await session.execute(
                select(func.count(), func.min(LoginAttempt.at)).where(
                    condition, col(LoginAttempt.at) > since
                )
            )
        ).one()
        if count >= limit and oldest is not None:
            oldest_at = oldest if oldest.tzinfo else oldest.replace(tzinfo=since.tzinfo)
            wait = oldest_at + timedelta(minutes=settings.login_failure_window_minutes) - utcnow()
            seconds = max(1, math.ceil(wait.total_seconds()))
            raise TooManyRequests(
                "login_throttled",
                headers={"Retry-After": str(seconds)},
                minutes=math.ceil(seconds / 60),
            )


async def authenticate(
    session: AsyncSession, settings: Settings, email: str, password: str, client_address: str | None
) -> User | None:
    """The active user with these credentials, or None after recording the failure."""
    email = email.strip().lower()
    await check_throttle(session, settings, email, client_address)
    user = await users_service.get_by_email(session, email)
    valid = verify_password(password, user.password_hash if user else None)
    if user is None or not valid or not user.active or not user.organisation.active:
        session.add(LoginAttempt(email=email, client_address=client_address))
        return None
    await session.execute(delete(LoginAttempt).where(col(LoginAttempt.email) == email))
    user.last_login_at = utcnow()
    return user


async def issue_tokens(
    session: AsyncSession, settings: Settings, user: User, family_id: uuid.UUID | None = None
) -> TokenPair:
    """A fresh access token and a refresh token (a new family unless rotating one)."""
    family = family_id or uuid.uuid4()
    secret = new_secret()
    lifetime = timedelta(days=settings.refresh_token_days)
    session.add(
        RefreshToken(
            user_id=user.id,
            family_id=family,
            token_version=user.token_version,
            token_hash=digest(secret),
            expires_at=utcnow() + lifetime,
        )
    )
    access, expires_in = create_access_token(settings, user.id, user.token_version, family)
    return TokenPair(
        access_token=access,
        expires_in=expires_in,
        refresh_token=secret,
        refresh_expires_in=int(lifetime.total_seconds()),
    )


async def revoke_family(session: AsyncSession, family_id: uuid.UUID) -> None:
    """Revoke every refresh token of one sign-in session."""
    await session.execute(
        update(RefreshToken)
        .where(col(RefreshToken.family_id) == family_id, col(RefreshToken.revoked_at).is_(None))
        .values(revoked_at=utcnow())
    )


async def revoke_user_sessions(
    session: AsyncSession, user_id: uuid.UUID, keep_family: uuid.UUID | None = None
) -> None:
    """Revoke all refresh tokens of a user, except those of `keep_family`."""
    statement = update(RefreshToken).where(
        col(RefreshToken.user_id) == user_id, col(RefreshToken.revoked_at).is_(None)
    )
    if keep_family is not None:
        statement = statement.where(col(RefreshToken.family_id) != keep_family)
    await session.execute(statement.values(revoked_at=utcnow()))


async def rotate(
    session: AsyncSession, settings: Settings, secret: str
) -> tuple[TokenPair | None, bool]:
    """Exchange a refresh token for a new pair.

    Returns (pair, False) on success, (None, reuse) on failure; `reuse` is True when a
    spent token came back, in which case its whole family has been revoked (the caller
    must commit that before answering 401).
    """
    token = (
        await session.execute(
            select(RefreshToken).where(col(RefreshToken.token_hash) == digest(secret))
        )
    ).scalar_one_or_none()
    if token is None:
        return None, False
    now = utcnow()
    if token.used_at is not None or token.revoked_at is not None:
        await revoke_family(session, token.family_id)
        return None, True
    if token.expires_at <= now:
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
    return await issue_tokens(session, settings, user, family_id=token.family_id), False


async def logout(session: AsyncSession, secret: str) -> None:
    """End the sign-in session the refresh token belongs to (silently if unknown)."""
    token = (
        await session.execute(
            select(RefreshToken).where(col(RefreshToken.token_hash) == digest(secret))
        )
    ).scalar_one_or_none()
    if token is not None:
        await revoke_family(session, token.family_id)


async def change_password(
    session: AsyncSession,
    user: User,
    current_password: str,
    new_password: str,
    keep_family: uuid.UUID | None,
) -> None:
    """Change one's password; every other sign-in session is ended."""
    if not verify_password(current_password, user.password_hash):
        raise FieldInvalid("current_password", "wrong_password")
    if password_is_weak(new_password, user.email):
        raise FieldInvalid("new_password", "password_too_weak")
    user.password_hash = hash_password(new_password)
    await revoke_user_sessions(session, user.id, keep_family=keep_family)


async def create_reset_token(session: AsyncSession, settings: Settings, user: User) -> str:
    """A single-use reset (or invitation) token for the user; only its digest is stored."""
    secret = new_secret()
    session.add(
        PasswordResetToken(
            user_id=user.id,
            token_hash=digest(secret),
            expires_at=utcnow() + timedelta(minutes=settings.password_reset_minutes),
        )
    )
    return secret


async def reset_password(session: AsyncSession, secret: str, new_password: str) -> None:
    """Set a new password from a valid reset token; every session of the user ends."""
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
    if password_is_weak(new_password, user.email):
        raise FieldInvalid("new_password", "password_too_weak")
    user.password_hash = hash_password(new_password)
    user.token_version += 1
    token.used_at = utcnow()
    await revoke_user_sessions(session, user.id)
