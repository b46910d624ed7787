"""What the participant routes answer: lists and details with their allowed actions, and the
names shown beside eligibility rows and access-log entries (one query each)."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.core import clock
from levier.participants import eligibility, pathways, portfolio
from levier.participants.actions import (
    eligibility_actions,
    participant_actions,
    pathway_actions,
    step_actions,
)
from levier.participants.models import Participant, Pathway
from levier.participants.pathway_schemas import PathwayRead, StepRead
from levier.participants.schemas import (
    AccessLogEntry,
    EligibilityRead,
    ParticipantRead,
    ParticipantSummary,
)
from levier.participants.scope import Scope
from levier.users.models import User
from levier.users.schemas import UserSummary

_DERIVED = frozenset({"eligibility", "referent", "structure", "actions"})
# The columns each read copies from the record, worked out once.
_COPIED = {
    model: tuple(
        name
        for name in model.model_fields
        if name not in _DERIVED and name in Participant.model_fields
    )
    for model in (ParticipantSummary, ParticipantRead)
}


def _fields(participant: Any, model: type[ParticipantSummary]) -> dict[str, Any]:
    return {name: getattr(participant, name) for name in _COPIED[model]}


def _summary(
    participant: Any,  # a Participant, or a list row with the same columns
    referent: Any,
    latest: Pathway | portfolio.LatestPathway | None,
    eligible_until: Any,
    model: type[ParticipantSummary],
) -> dict[str, Any]:
    return {
        **_fields(participant, model),
        "referent": UserSummary.model_validate(referent, from_attributes=True),
        "pathway_status": portfolio.pathway_status(latest),
        "exit_category": latest.exit_category if latest else None,
        "eligible_until": eligible_until,
        "anonymised": participant.anonymised_at is not None,
    }


_SUMMARIES = TypeAdapter(list[ParticipantSummary])


def summaries(rows: list[Any]) -> list[ParticipantSummary]:
    """A page of list rows (`portfolio.summary_rows`, which carry the referent, the latest
    pathway and the current eligibility): no further query, and one validation for the page."""
    return _SUMMARIES.validate_python([_row_summary(row._mapping) for row in rows])


def _row_summary(row: Any) -> dict[str, Any]:
    """A list row's summary as plain values (the row's mapping: name → value)."""
    has_pathway = row["latest_pathway_id"] is not None
    return {
        **{name: row[name] for name in _COPIED[ParticipantSummary]},
        "referent": {
            "id": row["referent_id"],
            "full_name": row["referent_full_name"],
            "organisation_id": row["referent_organisation_id"],
        },
        "pathway_status": portfolio.pathway_status(
            portfolio.LatestPathway(row["latest_exit_date"], None) if has_pathway else None
        ),
        "exit_category": row["latest_exit_category"] if has_pathway else None,
        "eligible_until": row["eligible_until"],
        "anonymised": row["anonymised_at"] is not None,
    }


def latest_pathway(participant: Participant) -> Pathway | None:
    """The most recent pathway (the loaded pathways, newest entry first)."""
    return max(participant.pathways, key=lambda p: (p.entry_date, p.created_at), default=None)


def read(scope: Scope, participant: Participant) -> ParticipantRead:
    """One participant from what its loader loaded (referent, eligibility, pathways): no
    further query, and what the caller may do with them."""
    today = clock.today()
    status = eligibility.status(participant, today)
    return ParticipantRead.model_validate(
        {
            **_summary(
                participant,
                participant.referent,
                latest_pathway(participant),
                status.valid_until,
                ParticipantRead,
            ),
            "eligibility": status,
            "structure": participant.structure,
            "actions": participant_actions(scope, participant),
        }
    )


_STEP_COPIED = tuple(name for name in StepRead.model_fields if name != "actions")


def pathway_read(scope: Scope, participant: Participant, pathway: Pathway) -> PathwayRead:
    """A pathway with its steps (by start date) and what the caller may do with each."""
    steps = [
        {
            **{name: getattr(step, name) for name in _STEP_COPIED},
            "actions": step_actions(scope, participant, pathway, step).model_dump(),
        }
        for step in sorted(pathway.steps, key=lambda s: (s.start_date, s.created_at))
    ]
    return PathwayRead.model_validate(
        {
            **{
                name: getattr(pathway, name)
                for name in PathwayRead.model_fields
                if name not in {"status", "steps", "actions", "follow_up_due"}
            },
            "status": portfolio.pathway_status(pathway),
            "follow_up_due": pathways.follow_up_due(pathway),
            "steps": steps,
            "actions": pathway_actions(scope, participant, pathway),
        }
    )


async def _users(session: AsyncSession, ids: set[uuid.UUID]) -> dict[uuid.UUID, UserSummary]:
    if not ids:
        return {}
    rows = await session.execute(select(User).where(col(User.id).in_(ids)))
    return {user.id: UserSummary.model_validate(user) for user in rows.scalars()}


async def eligibility_rows(
    session: AsyncSession, scope: Scope, participant: Participant, rows: list[dict[str, Any]]
) -> list[EligibilityRead]:
    """Eligibility rows with the names of who validated (and withdrew) them, and what the
    caller may do with each."""
    authors = {r["validated_by_id"] for r in rows} | {r["withdrawn_by_id"] for r in rows}
    names = await _users(session, authors - {None})
    validations = {v.id: v for v in participant.eligibility}
    return [
        EligibilityRead.model_validate(
            {
                **row,
                "validated_by": names.get(row["validated_by_id"]),
                "withdrawn_by": names.get(row["withdrawn_by_id"]),
                "actions": eligibility_actions(scope, participant, validations[row["id"]]),
            }
        )
        for row in rows
    ]


async def access_log_entries(
    session: AsyncSession, entries: list[dict[str, Any]]
) -> list[AccessLogEntry]:
    """Access-log entries with the names of their authors."""
    actors = await _users(session, {uuid.UUID(e["actor_id"]) for e in entries if e["actor_id"]})
    by_text = {str(key): value for key, value in actors.items()}
    return [
        AccessLogEntry.model_validate({**e, "actor": by_text.get(e["actor_id"] or "")})
        for e in entries
    ]
