"""Checks every request passes before any route runs: no control character in the path or the
query string, and a body no larger than its route allows (413 before the body is read)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from levier.core.errors import RequestTooLarge, problem, request_language
from levier.core.field_errors import field_errors
from levier.core.text import has_control_characters

# A route whose body may be larger than the default declares it in its OpenAPI extension,
# so the contract says the limit too: `openapi_extra={BODY_LIMIT_KEY: bytes}`.
BODY_LIMIT_KEY = "x-body-limit"


class RequestGuard:
    """Pure ASGI middleware: refuses hostile paths, query strings and oversized bodies."""

    def __init__(
        self,
        app: ASGIApp,
        default_body_limit: int,
        route_limits: Iterable[tuple[re.Pattern[str], int]] = (),
    ) -> None:
        self.app = app
        self.default_body_limit = default_body_limit
        self.route_limits = list(route_limits)

    def body_limit(self, path: str) -> int:
        for pattern, limit in self.route_limits:
            if pattern.match(path):
                return limit
        return self.default_body_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        limit = self.body_limit(scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            exc = RequestTooLarge(limit)
            response = problem(
                Request(scope), 413, exc.code, params=exc.params, headers={"Connection": "close"}
            )
            await response(scope, receive, send)
            return
        await self.app(scope, _limited(receive, limit), send)

    def _refusal(self, scope: Scope) -> Any:
        request = Request(scope)
        if has_control_characters(scope["path"]):
            return problem(request, 404, "not_found")
        raw = scope.get("query_string", b"")
        if not raw:
            return None
        try:
            pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True)
        except ValueError:
            return problem(request, 400, "bad_request")
        errors = [
            {"type": "control_character", "loc": ("query", name)}
            for name, value in pairs
            if has_control_characters(name) or has_control_characters(value)
        ]
        if errors:
            items = field_errors(errors, request_language(request))
            return problem(request, 422, "validation_failed", errors=items)
        return None


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _limited(receive: Receive, limit: int) -> Receive:
    """`receive`, raising 413 as soon as the body read so far passes the limit (a chunked body
    has no Content-Length to check beforehand)."""
    received = 0

    async def wrapped() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise RequestTooLarge(limit)
        return message

    return wrapped
