"""Reference vocabularies (public): searching the CPV 2008, any CPV code, and the ROME."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query, Request
from pydantic_core import PydanticCustomError

from levier.core.errors import FieldInvalid, NotFound
from levier.core.i18n import negotiate
from levier.core.routing import DomainRouter
from levier.reference import cpv, cpv_search, rome
from levier.reference.schemas import CpvCodeRead, CpvRead, RomeRead

router = DomainRouter(prefix="/reference", tags=["reference"])


def _read(entry: cpv.CpvEntry, language: str) -> CpvRead:
    return CpvRead(code=entry.code, level=entry.level, label=entry.label(language))


@router.get("/cpv", response_model=list[CpvRead])
async def list_cpv(
    request: Request,
    q: Annotated[
        str | None,
        Query(
            max_length=100,
            description="Leading digits of a code, or words of its label (accents, case and "
            "plurals ignored). Without it, the divisions and groups in code order.",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[CpvRead]:
    """CPV 2008 codes matching the query, best first (labels by Accept-Language: fr, en)."""
    language = negotiate(request.headers.get("accept-language"))
    return [_read(entry, language) for entry in cpv_search.search(q, limit, language)]


@router.get("/cpv/{cpv_code}", response_model=CpvCodeRead)
async def get_cpv(
    request: Request,
    cpv_code: Annotated[
        str,
        Path(pattern=cpv.CPV_PATTERN, description="Eight digits, with or without `-K`."),
    ],
) -> CpvCodeRead:
    """One CPV code: complete with its check digit, its own label, its division and group."""
    language = negotiate(request.headers.get("accept-language"))
    try:
        code = cpv.canonical(cpv_code)
    except PydanticCustomError as error:
        if error.type == "cpv_unknown":
            raise NotFound("cpv_unknown", cpv_code=cpv_code) from error
        raise FieldInvalid(
            "cpv_code", error.type, location="path", **(error.context or {})
        ) from error
    entry = cpv.entries()[code[:8]]
    division, group = cpv.lookup(code)
    assert division is not None  # every code of the list belongs to a shipped division
    return CpvCodeRead(
        code=code,
        level=entry.level,
        label=entry.label(language),
        division=_read(division, language),
        group=_read(group, language) if group else None,
    )


@router.get("/rome", response_model=list[RomeRead])
async def list_rome(
    q: Annotated[
        str | None,
        Query(
            max_length=100,
            description="Leading characters of a code (`F17`), or words of a job sheet's label "
            "or of its job titles (accents, case and plurals ignored). Without it, the sheets "
            "in code order.",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[RomeRead]:
    """ROME 4.0 job sheets matching the query, best first (French labels)."""
    return [
        RomeRead(code=m.entry.code, label=m.entry.label, appellation=m.appellation)
        for m in rome.search(q, limit)
    ]
