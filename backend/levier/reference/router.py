"""Reference vocabularies (public): CPV divisions and groups."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from levier.core.i18n import negotiate
from levier.reference import cpv
from levier.reference.schemas import CpvRead

router = APIRouter(prefix="/reference", tags=["reference"])


@router.get("/cpv", response_model=list[CpvRead])
async def list_cpv(
    request: Request,
    q: Annotated[
        str | None,
        Query(max_length=100, description="Leading digits of a code, or words of a label."),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[CpvRead]:
    """CPV 2008 divisions and groups (labels in French, or English by Accept-Language)."""
    language = negotiate(request.headers.get("accept-language"))
    return [
        CpvRead(code=entry.code, level=entry.level, label=entry.label(language))
        for entry in cpv.search(q, limit)
    ]
