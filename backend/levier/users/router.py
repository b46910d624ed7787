"""User accounts: list, read, create, update (admins manage; facilitators read their own)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import BackgroundTasks, Depends, Query, Request, Response, status

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
from levier.core.routing import DomainRouter
from levier.users import scope, service
from levier.users.constants import ROLE_ORGANISATION_KINDS
from levier.users.models import User
from levier.users.schemas import RoleOption, UserCreate, UserRead, UserUpdate

router = DomainRouter(prefix="/users", tags=["users"])
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
    coordinating = await service.coordinating_organisations(
        session, {row.organisation_id for row in rows if row.role == Role.referent}
    )
    items = [_read(viewer, row, coordinating, with_actions=False) for row in rows]
    return Page(items=items, next_cursor=next_cursor)


@router.post("", response_model=UserRead, status_code=status.HTTP_201_CREATED)
async def create_user(
    session: SessionDep,
    settings: SettingsDep,
    admin: Manager,
    data: UserCreate,
    response: Response,
    background: BackgroundTasks,
) -> UserRead:
    """Create an account; without a password the person is e-mailed a link to choose one."""
    user = await service.create(session, data)
    if not data.password:
        secret = await auth_service.invite(session, settings, user)
        subject, body = password_mail(settings, user, secret, invitation=True)
        background.add_task(send_mail, settings, user.email, subject, body)
    set_etag(response, user)
    response.headers["Location"] = f"/api/v1/users/{user.id}"
    return await _read_one(session, admin, user)


def _user_loader(permission: Permission, *, write: bool = False) -> Any:
    # A default, not an annotation: annotations are strings here and cannot see `permission`.
    async def load(
        session: SessionDep,
        request: Request,
        user_id: uuid.UUID,
        viewer: User = Depends(require(permission)),
    ) -> tuple[User, User]:
        user = await scope.get_visible(session, viewer, user_id)
        if write:
            check_if_match(request, user)
        return viewer, user

    return load


# (viewer, account) for the account routes: permission (403), scope (404), If-Match.
UserToRead = Annotated[tuple[User, User], Depends(_user_loader(Permission.users_read))]
UserToChange = Annotated[
    tuple[User, User], Depends(_user_loader(Permission.users_manage, write=True))
]
UserToManage = Annotated[tuple[User, User], Depends(_user_loader(Permission.users_manage))]


def _read(
    viewer: User, user: User, coordinating: set[uuid.UUID], *, with_actions: bool = True
) -> UserRead:
    update: dict[str, Any] = {
        "coordinates_network": service.coordinates_network(user, coordinating)
    }
    if with_actions:
        update["actions"] = service.user_actions(viewer, user)
    return UserRead.model_validate(user).model_copy(update=update)


async def _read_one(session: SessionDep, viewer: User, user: User) -> UserRead:
    coordinating = await service.coordinating_organisations(session, {user.organisation_id})
    return _read(viewer, user, coordinating)


@router.get("/role-options", response_model=list[RoleOption])
async def role_options(_reader: Reader) -> list[RoleOption]:
    """Each role and the kinds of organisation its people belong to (the account form offers
    only those; the API refuses the others; the accounts list filters by them)."""
    return [
        RoleOption(role=role, organisation_kinds=sorted(kinds))
        for role, kinds in ROLE_ORGANISATION_KINDS.items()
    ]


@router.get("/{user_id}", response_model=UserRead)
async def get_user(session: SessionDep, target: UserToRead, response: Response) -> UserRead:
    """One account, with what the caller may do with it (and its ETag)."""
    viewer, user = target
    set_etag(response, user)
    return await _read_one(session, viewer, user)


@router.post("/{user_id}/invitation", status_code=status.HTTP_202_ACCEPTED, response_class=Response)
async def resend_invitation(
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
    target: UserToManage,
    background: BackgroundTasks,
) -> Response:
    """E-mail a new invitation link to an account whose person never chose a password (409
    otherwise); the older link stops working. Limited like reset requests (429)."""
    admin, user = target
    service.check_invitable(admin, user)
    address = request.client.host if request.client else None
    secret = await auth_service.reinvite(session, settings, user, address)
    subject, body = password_mail(settings, user, secret, invitation=True)
    background.add_task(send_mail, settings, user.email, subject, body)
    return Response(status_code=status.HTTP_202_ACCEPTED)


@router.patch("/{user_id}", response_model=UserRead)
async def update_user(
    session: SessionDep, target: UserToChange, data: UserUpdate, response: Response
) -> UserRead:
    """Change an account (requires If-Match); `active: false` deactivates it, ending sessions."""
    admin, user = target
    was_active = user.active
    user = await service.update(session, admin, user, data)
    if was_active and not user.active:
        await auth_sessions.end_all(session, user.id, auth_sessions.EndReason.deactivated)
    set_etag(response, user)
    return await _read_one(session, admin, user)
