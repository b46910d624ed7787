"""Sign-in (OAuth2 password flow), token refresh, sign-out, profile and passwords."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from levier.auth import service
from levier.auth.dependencies import CurrentUser
from levier.auth.mails import password_mail
from levier.auth.permissions import permissions_of
from levier.auth.schemas import (
    Me,
    MeUpdate,
    PasswordChange,
    PasswordResetConfirm,
    PasswordResetRequest,
    RefreshRequest,
    TokenPair,
)
from levier.core.config import SettingsDep
from levier.core.db import SessionDep
from levier.core.errors import NotAuthenticated
from levier.core.mail import send_mail
from levier.core.security import decode_access_token
from levier.core.text import fold
from levier.organisations.schemas import OrganisationSummary
from levier.users import service as users_service
from levier.users.models import User

router = APIRouter(prefix="/auth", tags=["auth"])


def _me(user: User) -> Me:
    return Me(
        id=user.id,
        email=user.email,
        full_name=user.full_name,
        role=user.role,  # type: ignore[arg-type]
        language=user.language,  # type: ignore[arg-type]
        organisation=OrganisationSummary.model_validate(user.organisation),
        permissions=sorted(permissions_of(user.role)),
    )


@router.post("/token", response_model=TokenPair)
async def login(
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
) -> TokenPair:
    """Sign in with e-mail (`username`) and password; failures are throttled (429 + Retry-After)."""
    address = request.client.host if request.client else None
    user = await service.authenticate(session, settings, form.username, form.password, address)
    if user is None:
        # The failure must be counted even though the request fails: commit it first.
        await session.commit()
        raise NotAuthenticated("invalid_credentials")
    return await service.issue_tokens(session, settings, user)


@router.post("/refresh", response_model=TokenPair)
async def refresh(session: SessionDep, settings: SettingsDep, data: RefreshRequest) -> TokenPair:
    """Exchange a refresh token for a new pair; reusing a spent one ends that sign-in session."""
    pair, reused = await service.rotate(session, settings, data.refresh_token)
    if pair is None:
        if reused:
            await session.commit()  # keep the family's revocation
        raise NotAuthenticated("invalid_refresh_token")
    return pair


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(session: SessionDep, data: RefreshRequest) -> Response:
    """End the sign-in session of this refresh token."""
    await service.logout(session, data.refresh_token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/me", response_model=Me)
async def read_me(user: CurrentUser) -> Me:
    """The signed-in user, organisation and permissions."""
    return _me(user)


@router.patch("/me", response_model=Me)
async def update_me(session: SessionDep, user: CurrentUser, data: MeUpdate) -> Me:
    """Change one's own name or language."""
    if data.full_name is not None:
        user.full_name = data.full_name
        user.search_name = fold(data.full_name)
    if data.language is not None:
        user.language = data.language
    await session.flush()
    return _me(user)


@router.post("/password", status_code=status.HTTP_204_NO_CONTENT)
async def change_password(
    session: SessionDep,
    settings: SettingsDep,
    user: CurrentUser,
    data: PasswordChange,
    request: Request,
) -> Response:
    """Change one's password (the current one is required); other sessions are ended."""
    token = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
    claims = decode_access_token(settings, token)
    keep = claims.session_id if claims else None
    await service.change_password(session, user, data.current_password, data.new_password, keep)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/password-reset/request", status_code=status.HTTP_202_ACCEPTED)
async def request_password_reset(
    session: SessionDep,
    settings: SettingsDep,
    data: PasswordResetRequest,
    background: BackgroundTasks,
) -> Response:
    """E-mail a reset link if the account exists (the answer is the same either way)."""
    user = await users_service.get_by_email(session, data.email)
    if user is not None and user.active:
        secret = await service.create_reset_token(session, settings, user)
        subject, body = password_mail(settings, user, secret, invitation=False)
        background.add_task(send_mail, settings, user.email, subject, body)
    return Response(status_code=status.HTTP_202_ACCEPTED)


@router.post("/password-reset/confirm", status_code=status.HTTP_204_NO_CONTENT)
async def confirm_password_reset(session: SessionDep, data: PasswordResetConfirm) -> Response:
    """Choose a new password with the e-mailed token."""
    await service.reset_password(session, data.token, data.new_password)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
