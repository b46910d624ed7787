from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from levier.auth.permissions import Role
from levier.core.i18n import Language
from levier.core.validation import Email, Input, Name, Password
from levier.organisations.constants import OrganisationKind
from levier.organisations.schemas import OrganisationSummary


class UserCreate(Input):
    """A new account; without a password, an e-mail invites the person to choose one."""

    email: Email
    full_name: Name
    role: Role
    organisation_id: uuid.UUID
    language: Language = "fr"
    password: Password | None = None


class UserUpdate(Input):
    """Changes to an account (only the fields sent); `active: false` deactivates it."""

    full_name: Name | None = None
    role: Role | None = None
    organisation_id: uuid.UUID | None = None
    language: Language | None = None
    active: bool | None = None
    password: Password | None = None


class UserActions(BaseModel):
    """What the caller may do with the account now."""

    edit: bool
    deactivate: bool
    reactivate: bool
    resend_invitation: bool = Field(
        description="E-mail a new invitation link (the account's person never chose a "
        "password); the older link stops working."
    )


class RoleOption(BaseModel):
    """A role and the kinds of organisation its people belong to."""

    role: Role
    organisation_kinds: list[OrganisationKind]


class UserRead(BaseModel):
    """An account."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    full_name: str
    role: Role
    language: Language
    active: bool
    organisation: OrganisationSummary
    created_at: datetime
    updated_at: datetime
    last_login_at: datetime | None
    version: int
    coordinates_network: bool = Field(
        default=False,
        description="A referent of an organisation that coordinates a network of referents "
        "(a PLIE): the network's coordination, who sees its portfolios.",
    )
    actions: UserActions | None = Field(
        default=None, description="In a single account's read (not in lists)."
    )


class UserSummary(BaseModel):
    """A user as named next to a record they follow or acted on."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    full_name: str
    organisation_id: uuid.UUID
