"""Data-subject rights on one person: who accessed the record, the export of everything held
(right of access) and erasure."""

from __future__ import annotations

import json
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response, status

from levier.core import clock
from levier.core.db import SessionDep
from levier.core.responses import attachment, download_responses
from levier.participants import access_export, privacy, reads
from levier.participants.schemas import AccessLogEntry
from levier.participants.scope import (
    ParticipantToErase,
    ParticipantToExport,
    ParticipantWithSteps,
    check_manageable,
    check_revealable,
)

router = APIRouter()


@router.get("/{participant_id}/access-log", response_model=list[AccessLogEntry])
async def participant_access_log(
    session: SessionDep, target: ParticipantWithSteps
) -> list[AccessLogEntry]:
    """Who accessed this person: writes and sensitive reads (referent and facilitator only)."""
    check_revealable(target.scope, target.participant)
    entries = await access_export.access_log(session, target.participant)
    return await reads.access_log_entries(session, entries)


@router.get(
    "/{participant_id}/export",
    responses=download_responses(
        "Everything held on the person, with the access log.", "application/json", "application/pdf"
    ),
    response_class=Response,
)
async def export_participant(
    session: SessionDep,
    target: ParticipantToExport,
    format: Annotated[Literal["json", "pdf"], Query()] = "json",
) -> Response:
    """Right of access: everything held on one person, as JSON or PDF (audited)."""
    participant = target.participant
    document = await access_export.export(session, target.scope, participant)
    name = access_export.file_name(participant, clock.today())
    if format == "pdf":
        pdf = await access_export.export_pdf(session, document)
        return attachment(pdf, "application/pdf", f"{name}.pdf")
    return attachment(
        json.dumps(document, ensure_ascii=False, indent=2).encode(),
        "application/json",
        f"{name}.json",
    )


@router.post(
    "/{participant_id}/anonymise",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
)
async def anonymise_participant(session: SessionDep, target: ParticipantToErase) -> Response:
    """Right to erasure: replace the person by an anonymous statistical residue at once."""
    check_manageable(target.scope, target.participant)
    await privacy.anonymise(session, target.participant)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
