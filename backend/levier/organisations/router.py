"""Organisations: list, read, create, update (admins manage; facilitators read)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import Depends, Query, Request, Response, status

from levier.auth.dependencies import current_user, require
from levier.auth.permissions import Permission, check_permission
from levier.core.actions import allowed
from levier.core.db import SessionDep
from levier.core.etag import check_if_match, set_etag
from levier.core.pagination import Page, PageParams, page_params
from levier.core.routing import DomainRouter
from levier.organisations import service
from levier.organisations.constants import OrganisationKind
from levier.organisations.models import Organisation
from levier.organisations.schemas import (
    OrganisationActions,
    OrganisationCreate,
    OrganisationRead,
    OrganisationSummary,
    OrganisationUpdate,
)
from levier.users.models import User

router = DomainRouter(prefix="/organisations", tags=["organisations"])
Reader = Annotated[User, Depends(require(Permission.organisations_read))]
Manager = Annotated[User, Depends(require(Permission.organisations_manage))]
SignedIn = Annotated[User, Depends(current_user)]


@router.get("", response_model=Page[OrganisationRead])
async def list_organisations(
    session: SessionDep,
    _user: Reader,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=200, description="Name or SIRET.")] = None,
    kind: OrganisationKind | None = None,
    active: bool | None = None,
) -> Page[OrganisationRead]:
    """Organisations by name, filtered by text, kind and active flag."""
    rows, next_cursor = await service.list_page(session, page, q, kind, active)
    return Page(items=[OrganisationRead.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get("/structures", response_model=list[OrganisationSummary])
async def list_structures(session: SessionDep, _user: SignedIn) -> list[OrganisationSummary]:
    """Active facilitation structures, for anyone signed in who refers a tender or a person."""
    rows = await service.active_structures(session)
    return [OrganisationSummary.model_validate(row) for row in rows]


@router.post("", response_model=OrganisationRead, status_code=status.HTTP_201_CREATED)
async def create_organisation(
    session: SessionDep, _user: Manager, data: OrganisationCreate, response: Response
) -> OrganisationRead:
    """Create an organisation."""
    organisation = await service.create(session, data)
    set_etag(response, organisation)
    response.headers["Location"] = f"/api/v1/organisations/{organisation.id}"
    return OrganisationRead.model_validate(organisation)


def _loader(permission: Permission, *, write: bool = False) -> Any:
    # A default, not an annotation: annotations are strings here and cannot see `permission`.
    async def load(
        session: SessionDep,
        request: Request,
        organisation_id: uuid.UUID,
        viewer: User = Depends(require(permission)),
    ) -> tuple[User, Organisation]:
        organisation = await service.get(session, organisation_id)
        if write:
            check_if_match(request, organisation)
        return viewer, organisation

    return load


OrganisationToRead = Annotated[
    tuple[User, Organisation], Depends(_loader(Permission.organisations_read))
]
OrganisationToChange = Annotated[
    tuple[User, Organisation], Depends(_loader(Permission.organisations_manage, write=True))
]


def _read(viewer: User, organisation: Organisation) -> OrganisationRead:
    actions = OrganisationActions(
        edit=allowed(check_permission, viewer.role, Permission.organisations_manage)
    )
    return OrganisationRead.model_validate(organisation).model_copy(update={"actions": actions})


@router.get("/{organisation_id}", response_model=OrganisationRead)
async def get_organisation(target: OrganisationToRead, response: Response) -> OrganisationRead:
    """One organisation, with what the caller may do with it (and its ETag)."""
    viewer, organisation = target
    set_etag(response, organisation)
    return _read(viewer, organisation)


@router.patch("/{organisation_id}", response_model=OrganisationRead)
async def update_organisation(
    session: SessionDep, target: OrganisationToChange, data: OrganisationUpdate, response: Response
) -> OrganisationRead:
    """Change an organisation (requires If-Match); `active: false` deactivates it."""
    viewer, organisation = target
    organisation = await service.update(session, organisation, data)
    set_etag(response, organisation)
    return _read(viewer, organisation)
