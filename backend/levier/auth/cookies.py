"""Browser sessions: the refresh token in an HttpOnly cookie no script can read.

The web app asks for this mode with the header `X-Levier-Session: cookie` on sign-in, refresh
and sign-out. The cookie is HttpOnly, SameSite=Strict, Secure (except over plain http on the
loopback address, for development) and sent only to /api/v1/auth. Requests that act on the
cookie must carry that header: a cross-site form or image cannot set a header, and a
cross-site script cannot either without a CORS preflight that Levier refuses unless the
origin is configured. Requests a browser marks as cross-site are refused outright.

API clients keep the plain OAuth2 exchange: the refresh token in the body, both ways.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Cookie, Header, Request, Response

from levier.auth.schemas import RefreshRequest, TokenPair
from levier.core.config import Settings
from levier.core.errors import FieldInvalid, Forbidden

COOKIE_NAME = "levier_refresh"
COOKIE_PATH = "/api/v1/auth"
COOKIE_MODE = "cookie"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

SessionMode = Annotated[
    Literal["cookie"] | None,
    Header(
        alias="X-Levier-Session",
        description="`cookie`: the web app's mode, the refresh token travels as an HttpOnly "
        "cookie instead of in the body.",
    ),
]
RefreshCookie = Annotated[
    str | None,
    Cookie(alias=COOKIE_NAME, max_length=200, description="Set by sign-in in cookie mode."),
]


def _secure(request: Request) -> bool:
    """Secure everywhere but plain http on the loopback address (a developer's machine)."""
    return request.url.scheme == "https" or request.url.hostname not in LOOPBACK_HOSTS


def deliver(
    request: Request, response: Response, settings: Settings, pair: TokenPair, *, browser: bool
) -> TokenPair:
    """The pair for the caller: for a browser, the refresh token goes into the cookie only."""
    if not browser:
        return pair
    response.set_cookie(
        COOKIE_NAME,
        pair.refresh_token or "",
        max_age=int(settings.refresh_lifetime.total_seconds()),
        path=COOKIE_PATH,
        secure=_secure(request),
        httponly=True,
        samesite="strict",
    )
    return pair.model_copy(update={"refresh_token": None})


def clearing_headers(request: Request) -> dict[str, str]:
    """The Set-Cookie header that removes the refresh cookie."""
    carrier = Response()
    carrier.delete_cookie(
        COOKIE_NAME, path=COOKIE_PATH, secure=_secure(request), httponly=True, samesite="strict"
    )
    return {"set-cookie": carrier.headers["set-cookie"]}


def refresh_secret(
    request: Request,
    data: RefreshRequest | None,
    cookie: str | None,
    mode: str | None,
) -> str | None:
    """The refresh token of this request: from the body, else from the cookie (cookie mode
    only, never from a cross-site request)."""
    if data is not None:
        return data.refresh_token
    if mode != COOKIE_MODE:
        raise FieldInvalid("refresh_token", "field_required")
    if request.headers.get("sec-fetch-site", "same-origin") not in {"same-origin", "none"}:
        raise Forbidden("cross_site_refused")
    return cookie
