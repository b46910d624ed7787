"""Account rules: unique e-mail, role fitting the organisation, scope, deactivation."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload
from sqlmodel import col

from levier.auth.permissions import Permission, Role, check_permission
from levier.core.actions import allowed
from levier.core.errors import Conflict, FieldInvalid, NotFound
from levier.core.pagination import PageParams, paginate
from levier.core.security import hash_password, password_is_weak
from levier.core.text import fold, like_contains
from levier.organisations import service as organisations_service
from levier.organisations.models import Organisation
from levier.users.constants import ROLE_ORGANISATION_KINDS
from levier.users.models import User
from levier.users.schemas import UserActions, UserCreate, UserUpdate
from levier.users.scope import readable


def _with_organisation() -> Any:
    return joinedload(User.organisation)  # type: ignore[arg-type]


async def get_by_email(session: AsyncSession, email: str) -> User | None:
    """The account with this e-mail (case-insensitive), with its organisation."""
    statement = select(User).where(col(User.email) == email.strip().lower())
    return (await session.execute(statement.options(_with_organisation()))).scalar_one_or_none()


async def list_page(
    session: AsyncSession,
    viewer: User,
    params: PageParams,
    query: str | None = None,
    role: Role | None = None,
    organisation_id: uuid.UUID | None = None,
    active: bool | None = None,
) -> tuple[list[User], str | None]:
    """Accounts in e-mail order within the viewer's scope, filtered."""
    statement = readable(select(User).options(_with_organisation()), viewer)
    if query:
        pattern = like_contains(query)
        statement = statement.where(
            col(User.search_name).like(pattern, escape="\\")
            | col(User.email).like(pattern, escape="\\")
        )
    if role is not None:
        statement = statement.where(col(User.role) == role.value)
    if organisation_id is not None:
        statement = statement.where(col(User.organisation_id) == organisation_id)
    if active is not None:
        statement = statement.where(col(User.active) == active)
    return await paginate(
        session, statement, params, [col(User.email), col(User.id)], key=lambda u: [u.email, u.id]
    )


async def _organisation_for(
    session: AsyncSession, organisation_id: uuid.UUID, role: Role
) -> Organisation:
    try:
        organisation = await organisations_service.get(session, organisation_id)
    except NotFound:
        raise FieldInvalid("organisation_id", "organisation_not_found") from None
    if not organisation.active:
        raise FieldInvalid("organisation_id", "organisation_inactive")
    if organisation.kind not in ROLE_ORGANISATION_KINDS[role]:
        raise FieldInvalid(
            "role", "role_not_allowed_for_organisation", role=role.value, kind=organisation.kind
        )
    return organisation


def _set_password(user: User, password: str) -> None:
    if password_is_weak(password, user.email):
        raise FieldInvalid("password", "password_too_weak")
    user.password_hash = hash_password(password)


async def create(session: AsyncSession, data: UserCreate) -> User:
    """Create an account (409 if the e-mail is taken)."""
    if await get_by_email(session, data.email) is not None:
        raise Conflict("email_taken", field="email")
    organisation = await _organisation_for(session, data.organisation_id, data.role)
    user = User(
        email=data.email,
        full_name=data.full_name,
        search_name=fold(data.full_name),
        role=data.role.value,
        organisation_id=organisation.id,
        language=data.language,
    )
    if data.password:
        _set_password(user, data.password)
    user.organisation = organisation
    session.add(user)
    await session.flush()
    return user


def check_manageable(actor: User, user: User) -> None:
    """Accounts are changed by an admin (403 otherwise)."""
    check_permission(actor.role, Permission.users_manage)


def check_deactivatable(actor: User, user: User) -> None:
    """An admin deactivates an active account other than their own."""
    check_manageable(actor, user)
    if user.id == actor.id:
        raise FieldInvalid("active", "cannot_deactivate_self")
    if not user.active:
        raise Conflict("user_inactive")


def check_invitable(actor: User, user: User) -> None:
    """An admin sends a new invitation to an active account whose person never chose a
    password (a password reset serves the others)."""
    check_manageable(actor, user)
    if not user.active:
        raise Conflict("invitation_account_inactive")
    if user.password_hash is not None:
        raise Conflict("password_already_chosen")


def user_actions(actor: User, user: User) -> UserActions:
    """What the caller may do with the account now."""
    return UserActions(
        edit=allowed(check_manageable, actor, user),
        deactivate=allowed(check_deactivatable, actor, user),
        reactivate=allowed(check_manageable, actor, user) and not user.active,
        resend_invitation=allowed(check_invitable, actor, user),
    )


async def coordinating_organisations(
    session: AsyncSession, organisation_ids: set[uuid.UUID]
) -> set[uuid.UUID]:
    """Those of these organisations that coordinate a network (a PLIE): their referents are
    the network's coordination."""
    if not organisation_ids:
        return set()
    statement = (
        select(col(Organisation.coordinator_id))
        .where(col(Organisation.coordinator_id).in_(organisation_ids))
        .distinct()
    )
    return {found for found in (await session.execute(statement)).scalars() if found}


def coordinates_network(user: User, coordinating: set[uuid.UUID]) -> bool:
    """Whether the account is a referent of an organisation coordinating a network."""
    return user.role == Role.referent and user.organisation_id in coordinating


async def update(session: AsyncSession, actor: User, user: User, data: UserUpdate) -> User:
    """Apply the sent fields (the loader checked If-Match); deactivation ends every session."""
    check_manageable(actor, user)
    sent = data.model_dump(exclude_unset=True)
    if user.id == actor.id and (
        sent.get("active") is False or ("role" in sent and data.role != actor.role)
    ):
        raise FieldInvalid("active" if "active" in sent else "role", "cannot_deactivate_self")
    role = data.role or Role(user.role)
    if "role" in sent or "organisation_id" in sent:
        organisation = await _organisation_for(
            session, data.organisation_id or user.organisation_id, role
        )
        user.organisation_id = organisation.id
        user.organisation = organisation
        user.role = role.value
    if data.full_name is not None:
        user.full_name = data.full_name
        user.search_name = fold(data.full_name)
    if data.language is not None:
        user.language = data.language
    if data.password is not None:
        _set_password(user, data.password)
        user.token_version += 1
    if data.active is not None and data.active != user.active:
        user.active = data.active
        if not data.active:
            user.token_version += 1
    await session.flush()
    return user


async def get_by_id(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    """An account by id with its organisation (no scope: for authentication only)."""
    statement = select(User).where(col(User.id) == user_id).options(_with_organisation())
    return (await session.execute(statement)).scalar_one_or_none()
