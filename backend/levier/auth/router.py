"""Sign-in (OAuth2 password flow), token refresh, sign-out, profile and passwords."""

from __future__ import annotations

from typing import Annotated

from fastapi import BackgroundTasks, Form, Request, Response, status

from levier.auth import cookies, service, sessions, throttle
from levier.auth.cookies import COOKIE_MODE, RefreshCookie, SessionMode
from levier.auth.dependencies import CurrentUser
from levier.auth.mails import password_mail
from levier.auth.permissions import permissions_of
from levier.auth.schemas import (
    LoginForm,
    Me,
    MeUpdate,
    PasswordChange,
    PasswordResetCheck,
    PasswordResetConfirm,
    PasswordResetRequest,
    RefreshRequest,
    TokenPair,
)
from levier.core.config import SettingsDep
from levier.core.db import SessionDep
from levier.core.errors import NotAuthenticated
from levier.core.mail import send_mail
from levier.core.routing import DomainRouter
from levier.core.text import fold
from levier.organisations.schemas import OrganisationSummary
from levier.users import service as users_service
from levier.users.models import User

router = DomainRouter(prefix="/auth", tags=["auth"])


def _me(user: User, request: Request) -> Me:
    return Me(
        id=user.id,
        email=user.email,
        full_name=user.full_name,
        role=user.role,  # type: ignore[arg-type]
        language=user.language,  # type: ignore[arg-type]
        organisation=OrganisationSummary.model_validate(user.organisation),
        permissions=sorted(permissions_of(user.role)),
        coordinates_network=bool(getattr(request.state, "coordinates_network", False)),
    )


@router.post("/token", response_model=TokenPair)
async def login(
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
    response: Response,
    form: Annotated[LoginForm, Form()],
    mode: SessionMode = None,
) -> TokenPair:
    """Sign in with e-mail (`username`) and password; failures are throttled (429 + Retry-After).

    With `X-Levier-Session: cookie` (the web app), the refresh token is set as an HttpOnly
    cookie and left out of the body.
    """
    address = request.client.host if request.client else None
    user = await service.authenticate(session, settings, form.username, form.password, address)
    if user is None:
        # The failure must be counted even though the request fails: commit it first.
        await session.commit()
        raise NotAuthenticated("invalid_credentials")
    session.info["actor_id"] = user.id  # what signing in changes is the person's own doing
    pair = await sessions.start(session, settings, user, address)
    return cookies.deliver(request, response, settings, pair, browser=mode == COOKIE_MODE)


@router.post("/refresh", response_model=TokenPair)
async def refresh(
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
    response: Response,
    data: RefreshRequest | None = None,
    refresh_cookie: RefreshCookie = None,
    mode: SessionMode = None,
) -> TokenPair:
    """Exchange a refresh token (body, or the cookie in browser-session mode) for a new pair;
    reusing a spent one ends that sign-in session."""
    secret = cookies.refresh_secret(request, data, refresh_cookie, mode)
    pair, reused = await sessions.rotate(session, settings, secret) if secret else (None, False)
    if pair is None:
        if reused:
            await session.commit()  # keep the session's end
        raise NotAuthenticated("invalid_refresh_token", headers=cookies.clearing_headers(request))
    return cookies.deliver(request, response, settings, pair, browser=data is None)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT, response_class=Response)
async def logout(
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
    data: RefreshRequest | None = None,
    refresh_cookie: RefreshCookie = None,
    mode: SessionMode = None,
) -> Response:
    """End the sign-in session of this refresh token (body, or the cookie); its access tokens
    stop working at once."""
    secret = cookies.refresh_secret(request, data, refresh_cookie, mode)
    if secret:
        await sessions.end_by_refresh_token(session, secret)
    return Response(
        status_code=status.HTTP_204_NO_CONTENT,
        headers=cookies.clearing_headers(request),
    )


@router.get("/me", response_model=Me)
async def read_me(user: CurrentUser, request: Request) -> Me:
    """The signed-in user, organisation and permissions."""
    return _me(user, request)


@router.patch("/me", response_model=Me)
async def update_me(session: SessionDep, user: CurrentUser, data: MeUpdate, request: Request) -> Me:
    """Change one's own name or language."""
    if data.full_name is not None:
        user.full_name = data.full_name
        user.search_name = fold(data.full_name)
    if data.language is not None:
        user.language = data.language
    await session.flush()
    return _me(user, request)


@router.post("/password", status_code=status.HTTP_204_NO_CONTENT, response_class=Response)
async def change_password(
    session: SessionDep,
    settings: SettingsDep,
    user: CurrentUser,
    data: PasswordChange,
    request: Request,
) -> Response:
    """Change one's password (the current one is required); other sessions are ended."""
    keep = request.state.session_id
    await service.change_password(session, user, data.current_password, data.new_password, keep)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/password-reset/request", status_code=status.HTTP_202_ACCEPTED, response_class=Response
)
async def request_password_reset(
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
    data: PasswordResetRequest,
    background: BackgroundTasks,
) -> Response:
    """E-mail a reset link if the account exists (the answer is the same either way); a new
    link cancels the older ones; requests are limited per e-mail and per address (429)."""
    address = request.client.host if request.client else None
    await throttle.check_reset_request(session, settings, data.email, address)
    user = await users_service.get_by_email(session, data.email)
    if user is not None and user.active:
        secret = await service.create_reset_token(session, settings, user)
        subject, body = password_mail(settings, user, secret, invitation=False)
        background.add_task(send_mail, settings, user.email, subject, body)
    return Response(status_code=status.HTTP_202_ACCEPTED)


@router.post(
    "/password-reset/check", status_code=status.HTTP_204_NO_CONTENT, response_class=Response
)
async def check_password_reset(session: SessionDep, data: PasswordResetCheck) -> Response:
    """Whether an e-mailed link still works (204), before its person types a password (422
    on `token` when it was used, expired or replaced by a newer one)."""
    await service.user_of_link(session, data.token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/password-reset/confirm", status_code=status.HTTP_204_NO_CONTENT, response_class=Response
)
async def confirm_password_reset(session: SessionDep, data: PasswordResetConfirm) -> Response:
    """Choose a new password with the e-mailed token."""
    await service.reset_password(session, data.token, data.new_password)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
