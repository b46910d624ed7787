from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field

from levier.auth.permissions import Permission, Role
from levier.core.i18n import Language
from levier.core.validation import STRICT_INPUT, Email, Name, Password
from levier.organisations.schemas import OrganisationSummary


class TokenPair(BaseModel):
    """An access token (JWT) and a rotating refresh token."""

    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int = Field(description="Access token lifetime in seconds.")
    refresh_token: str
    refresh_expires_in: int = Field(description="Refresh token lifetime in seconds.")


class RefreshRequest(BaseModel):
    model_config = STRICT_INPUT

    refresh_token: str = Field(min_length=10, max_length=200)


class Me(BaseModel):
    """The signed-in user and what they may do."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    full_name: str
    role: Role
    language: Language
    organisation: OrganisationSummary
    permissions: list[Permission]


class MeUpdate(BaseModel):
    model_config = STRICT_INPUT

    full_name: Name | None = None
    language: Language | None = None


class PasswordChange(BaseModel):
    model_config = STRICT_INPUT

    current_password: str = Field(min_length=1, max_length=256)
    new_password: Password


class PasswordResetRequest(BaseModel):
    model_config = STRICT_INPUT

    email: Email


class PasswordResetConfirm(BaseModel):
    model_config = STRICT_INPUT

    token: str = Field(min_length=10, max_length=200)
    new_password: Password
