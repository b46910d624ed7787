"""Whose clause settings a caller reads and changes: their own structure's, always (the
structure is the caller's organisation; another structure's rows are unknown ids, 404).
The routes' loaders live in the router, which may use auth's dependencies."""

from __future__ import annotations

import uuid

from levier.users.models import User


def structure_of(user: User) -> uuid.UUID:
    """The facilitation structure whose settings the caller works on."""
    return user.organisation_id
