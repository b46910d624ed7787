"""User accounts: one person, one organisation, one role."""

import uuid
from datetime import datetime
from typing import ClassVar

from sqlalchemy import Index
from sqlmodel import Field, Relationship

from levier.core.db import trigram_index
from levier.core.models import Entity, timestamp_field
from levier.organisations.models import Organisation


class User(Entity, table=True):
    """A person who signs in to Levier. The email is stored lower-case and unique."""

    __tablename__ = "users"
    __entity_type__: ClassVar[str] = "user"
    __audit_owner__: ClassVar[str] = "organisation_id"
    __audit_exclude__: ClassVar[frozenset[str]] = frozenset({"password_hash"})
    # A sign-in is its own entry (signed_in), not a change to the account. The token version
    # and the search key only follow a change that is recorded (a deactivation, a new
    # password, a new name): people reading the history have nothing to learn from them.
    __audit_ignore__: ClassVar[frozenset[str]] = frozenset(
        {"last_login_at", "token_version", "search_name"}
    )
    __table_args__ = (
        Index("ix_users_organisation", "organisation_id", "email"),
        Index("ix_users_role", "role", "email"),
        trigram_index("ix_users_search_trgm", "search_name"),
        trigram_index("ix_users_email_trgm", "email"),
    )

    email: str = Field(max_length=254, unique=True)
    full_name: str = Field(max_length=200)
    search_name: str = Field(max_length=200)
    role: str = Field(max_length=32)
    organisation_id: uuid.UUID = Field(foreign_key="organisations.id", ondelete="RESTRICT")
    active: bool = Field(default=True)
    language: str = Field(default="fr", max_length=2)
    password_hash: str | None = Field(default=None, max_length=255)
    # Bumped when the password changes or the account is deactivated: older access tokens die.
    token_version: int = Field(default=1)
    last_login_at: datetime | None = timestamp_field(default=None, nullable=True)

    organisation: Organisation = Relationship(sa_relationship_kwargs={"lazy": "raise"})
