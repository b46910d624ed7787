"""Refresh tokens, password-reset tokens and login attempts (secrets stored hashed)."""

import uuid
from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from levier.core.models import timestamp_field, utcnow


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
