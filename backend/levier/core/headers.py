"""Security headers on every response (the same policy is written in frontend/nginx.conf).

- The single-page app gets a strict Content-Security-Policy: its own scripts only, no inline
  script, no framing. Styles allow 'unsafe-inline' because the component library injects its
  CSS variables in <style> elements at run time; no script can come from there.
- The API documentation page runs the bundled Swagger UI from our own origin.
- API responses are data, never documents: `default-src 'none'`, and `no-store` so no proxy or
  browser cache keeps personal data (a route may set its own Cache-Control).
- HSTS only when the request came over TLS (directly or through a trusted proxy).
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SPA_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
API_POLICY = "default-src 'none'; frame-ancestors 'none'"
DOCS_PREFIX = "/api/docs"

COMMON = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
HSTS = "max-age=31536000; includeSubDomains"


def policy_for(path: str) -> str:
    """The Content-Security-Policy of a path."""
    if path.startswith(DOCS_PREFIX):
        return DOCS_POLICY
    if path.startswith("/api/"):
        return API_POLICY
    return SPA_POLICY


class SecurityHeaders:
    """Pure ASGI middleware adding the headers above (never replacing a route's own)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        is_api = path.startswith("/api/") and not path.startswith(DOCS_PREFIX)
        tls = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in COMMON.items():
                    headers.setdefault(name, value)
                headers.setdefault("Content-Security-Policy", policy_for(path))
                if tls:
                    headers.setdefault("Strict-Transport-Security", HSTS)
                if is_api:
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        await self.app(scope, receive, send_with_headers)
