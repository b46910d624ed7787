from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from levier.auth.permissions import Permission, Role
from levier.core.i18n import Language
from levier.core.validation import Email, Input, Name, Password
from levier.organisations.schemas import OrganisationSummary


class TokenPair(BaseModel):
    """An access token (JWT) and a rotating refresh token."""

    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int = Field(description="Access token lifetime in seconds.")
    refresh_token: str | None = Field(
        description="The refresh token; null in browser-session mode, where it is set as an "
        "HttpOnly cookie instead (`X-Levier-Session: cookie`)."
    )
    refresh_expires_in: int = Field(description="Refresh token lifetime in seconds.")


class LoginForm(Input):
    """OAuth2 password grant: `username` is the e-mail address."""

    grant_type: Annotated[str, StringConstraints(pattern="^password$")] | None = None
    username: Annotated[str, StringConstraints(min_length=1, max_length=254)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=256)]
    scope: Annotated[str, StringConstraints(max_length=200)] = ""
    client_id: Annotated[str, StringConstraints(max_length=200)] | None = None
    client_secret: Annotated[str, StringConstraints(max_length=200)] | None = None


class RefreshRequest(Input):
    """A refresh token sent in the body (API clients); browsers send the cookie instead."""

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
    # A referent of the organisation that coordinates a network (a PLIE): sees its portfolios.
    coordinates_network: bool = False


class MeUpdate(Input):
    full_name: Name | None = None
    language: Language | None = None


class PasswordChange(Input):
    current_password: str = Field(min_length=1, max_length=256)
    new_password: Password


class PasswordResetRequest(Input):
    email: Email


class PasswordResetCheck(Input):
    token: str = Field(min_length=10, max_length=200)


class PasswordResetConfirm(PasswordResetCheck):
    new_password: Password
