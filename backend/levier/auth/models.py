"""Sign-in sessions, refresh tokens, password-reset tokens, and the failed sign-ins and reset
requests that throttling counts (secrets stored hashed)."""

import uuid
from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from levier.core.models import timestamp_field, utcnow


class AuthSession(SQLModel, table=True):
    """One sign-in. Its refresh tokens rotate inside it (their `family_id` is its id) and its
    access tokens name it (`sid`): once it has ended, none of them opens anything."""

    __tablename__ = "auth_sessions"
    __table_args__ = (Index("ix_auth_sessions_user", "user_id", "created_at"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(foreign_key="users.id", ondelete="CASCADE")
    created_at: datetime = timestamp_field(default_factory=utcnow, nullable=False)
    # Moves with each refresh: a session lasts as long as its newest refresh token.
    expires_at: datetime = timestamp_field(nullable=False)
    ended_at: datetime | None = timestamp_field(default=None, nullable=True)
    end_reason: str | None = Field(default=None, max_length=32)
    client_address: str | None = Field(default=None, max_length=64)


class RefreshToken(SQLModel, table=True):
    """A rotating refresh token; a reused (spent) one revokes its whole family."""

    __tablename__ = "refresh_tokens"
    __table_args__ = (
        Index("ix_refresh_tokens_family", "family_id"),
        Index("ix_refresh_tokens_user", "user_id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(foreign_key="users.id", ondelete="CASCADE")
    family_id: uuid.UUID
    # The user's token_version when issued: a bump (deactivation, reset) voids the token.
    token_version: int
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = timestamp_field(default_factory=utcnow, nullable=False)
    expires_at: datetime = timestamp_field(nullable=False)
    used_at: datetime | None = timestamp_field(default=None, nullable=True)
    revoked_at: datetime | None = timestamp_field(default=None, nullable=True)


class PasswordResetToken(SQLModel, table=True):
    """A single-use password reset token sent by e-mail."""

    __tablename__ = "password_reset_tokens"
    __table_args__ = (Index("ix_password_reset_tokens_user", "user_id"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = Field(foreign_key="users.id", ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = timestamp_field(default_factory=utcnow, nullable=False)
    expires_at: datetime = timestamp_field(nullable=False)
    used_at: datetime | None = timestamp_field(default=None, nullable=True)


class LoginAttempt(SQLModel, table=True):
    """A failed sign-in, counted per account and per client address to throttle guessing."""

    __tablename__ = "login_failures"
    __table_args__ = (
        Index("ix_login_failures_email", "email", "at"),
        Index("ix_login_failures_address", "client_address", "at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    at: datetime = timestamp_field(default_factory=utcnow, nullable=False)
    email: str = Field(max_length=254)
    client_address: str | None = Field(default=None, max_length=64)


class ResetRequest(SQLModel, table=True):
    """A password-reset request, counted per address and per e-mail (known or not, so the
    answer tells nothing about which accounts exist)."""

    __tablename__ = "password_reset_requests"
    __table_args__ = (
        Index("ix_password_reset_requests_email", "email", "at"),
        Index("ix_password_reset_requests_address", "client_address", "at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    at: datetime = timestamp_field(default_factory=utcnow, nullable=False)
    email: str = Field(max_length=254)
    client_address: str | None = Field(default=None, max_length=64)
