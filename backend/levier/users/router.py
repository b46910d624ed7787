"""User accounts: list, read, create, update (admins manage; facilitators read their own)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Query, Request, Response, status

from levier.auth import service as auth_service
from levier.auth import sessions as auth_sessions
from levier.auth.dependencies import require
from levier.auth.mails import password_mail
from levier.auth.permissions import Permission, Role
from levier.core.config import SettingsDep
from levier.core.db import SessionDep
from levier.core.etag import check_if_match, set_etag
from levier.core.mail import send_mail
from levier.core.pagination import Page, PageParams, page_params
from levier.users import service
from levier.users.models import User
from levier.users.schemas import UserCreate, UserRead, UserUpdate

router = APIRouter(prefix="/users", tags=["users"])
Reader = Annotated[User, Depends(require(Permission.users_read))]
Manager = Annotated[User, Depends(require(Permission.users_manage))]


@router.get("", response_model=Page[UserRead])
async def list_users(
    session: SessionDep,
    viewer: Reader,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=200, description="Name or e-mail.")] = None,
    role: Role | None = None,
    organisation_id: uuid.UUID | None = None,
    active: bool | None = None,
) -> Page[UserRead]:
    """Accounts in the caller's scope, by e-mail."""
    rows, next_cursor = await service.list_page(
        session, viewer, page, q, role, organisation_id, active
    )
    return Page(items=[UserRead.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post("", response_model=UserRead, status_code=status.HTTP_201_CREATED)
async def create_user(
    session: SessionDep,
    settings: SettingsDep,
    _admin: Manager,
    data: UserCreate,
    response: Response,
    background: BackgroundTasks,
) -> UserRead:
    """Create an account; without a password the person is e-mailed a link to choose one."""
    user = await service.create(session, data)
    if not data.password:
        secret = await auth_service.create_reset_token(session, settings, user)
        subject, body = password_mail(settings, user, secret, invitation=True)
        background.add_task(send_mail, settings, user.email, subject, body)
    set_etag(response, user)
    response.headers["Location"] = f"/api/v1/users/{user.id}"
    return UserRead.model_validate(user)


@router.get("/{user_id}", response_model=UserRead)
async def get_user(
    session: SessionDep, viewer: Reader, user_id: uuid.UUID, response: Response
) -> UserRead:
    """One account (with its ETag)."""
    user = await service.get_visible(session, viewer, user_id)
    set_etag(response, user)
    return UserRead.model_validate(user)


@router.patch("/{user_id}", response_model=UserRead)
async def update_user(
    session: SessionDep,
    admin: Manager,
    user_id: uuid.UUID,
    data: UserUpdate,
    request: Request,
    response: Response,
) -> UserRead:
    """Change an account (requires If-Match); `active: false` deactivates it, ending sessions."""
    user = await service.get_visible(session, admin, user_id)
    check_if_match(request, user)
    was_active = user.active
    user = await service.update(session, admin, user, data)
    if was_active and not user.active:
        await auth_sessions.end_all(session, user.id, auth_sessions.EndReason.deactivated)
    set_etag(response, user)
    return UserRead.model_validate(user)
