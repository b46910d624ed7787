"""Who sees which organisations: the directory is read whole by those allowed to read it
(admins, facilitators: organisations are not personal data), so `readable` adds no
condition; out-of-scope reads are unknown ids (404). The routes' loaders live in the router,
which may use auth's dependencies."""

from __future__ import annotations

from typing import Any


def readable(statement: Any, viewer: object) -> Any:
    """`statement` (a select of organisations) as the viewer may read it: the whole
    directory for anyone holding `organisations:read`."""
    return statement
