"""A domain's router: FastAPI walks every included router's routes to match a request (twice:
to match, then to handle), so a router whose prefix the path does not start with answers
"no match" at once instead of trying each of its routes."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.routing import Match
from starlette.types import Scope

API_PREFIX = "/api/v1"


class DomainRouter(APIRouter):
    """An APIRouter included under `API_PREFIX`, with a prefix of its own."""

    def __init__(self, *, prefix: str, **options: Any) -> None:
        super().__init__(prefix=prefix, **options)
        self._reach = API_PREFIX + prefix

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http" and not _route_path(scope).startswith(self._reach):
            return Match.NONE, {}
        return super().matches(scope)


def _route_path(scope: Scope) -> str:
    """The path the routes see: without the root path a proxy may put in front."""
    path: str = scope["path"]
    root_path: str = scope.get("root_path", "")
    return path[len(root_path) :] if root_path and path.startswith(root_path) else path
