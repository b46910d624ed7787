"""Data-subject rights and retention: anonymisation and the retention job (the export of
everything held is in `access_export`).

Anonymisation (participants.md, Personal data) deletes names, birth date, contact, France
Travail id, address, free-text notes, evidence and consent records, and keeps a statistical
residue under a fresh random id: gender, age band at entry, department instead of commune,
QPV yes/no, entry and exit month, exit category, step kinds and durations, clause
assignments (compliance stays provable) and criterion categories with the health-related
ones collapsed into one flag.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.core import clock
from levier.core.audit.models import AuditEvent
from levier.core.models import utcnow
from levier.organisations.models import Organisation
from levier.participants import access_export
from levier.participants.constants import HEALTH_CRITERIA, AgeBand
from levier.participants.eligibility import add_months
from levier.participants.models import ClauseException, EligibilityValidation, Participant, Pathway
from levier.participants.scope import with_steps
from levier.users.models import User

logger = logging.getLogger("levier.retention")

HEALTH_FLAG = "health_related"


def age_band(birth_date: date | None, on: date) -> str | None:
    if birth_date is None:
        return None
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    if age < 26:
        return AgeBand.under_26.value
    return AgeBand.from_26_to_49.value if age < 50 else AgeBand.from_50.value


def _month(day: date | None) -> date | None:
    return day.replace(day=1) if day else None


async def anonymise(session: AsyncSession, participant: Participant) -> uuid.UUID:
    """Replace the person by a statistical residue under a fresh id; returns the new id."""
    entry = min((p.entry_date for p in participant.pathways), default=None)
    residue_id = uuid.uuid4()
    await session.execute(
        insert(Participant).values(
            id=residue_id,
            created_at=participant.created_at.replace(
                day=1, hour=0, minute=0, second=0, microsecond=0
            ),
            updated_at=utcnow(),
            version=1,
            organisation_id=participant.organisation_id,
            referent_id=participant.referent_id,
            structure_id=participant.structure_id,
            last_name="",
            first_names="",
            search_name="",
            identity_key=f"anonymised:{residue_id}",
            birth_date=None,
            gender=participant.gender,
            department_code=participant.department_code,
            qpv=participant.qpv,
            notes="",
            restricted=False,
            last_activity_on=_month(participant.last_activity_on),
            anonymised_at=utcnow(),
            age_band=age_band(participant.birth_date, entry or participant.created_at.date()),
        )
    )
    for pathway in participant.pathways:
        for step in pathway.steps:
            duration = (step.end_date - step.start_date) if step.end_date else None
            start = _month(step.start_date)
            step.start_date = start  # type: ignore[assignment]
            step.end_date = start + duration if start and duration is not None else None
            step.notes = ""
            if step.kind != "clause_assignment":
                step.employer = None
        pathway.entry_date = _month(pathway.entry_date)  # type: ignore[assignment]
        pathway.exit_date = _month(pathway.exit_date)
        pathway.follow_up_date = _month(pathway.follow_up_date)
        pathway.exit_notes = ""
    for validation in participant.eligibility:
        if validation.criterion in HEALTH_CRITERIA:
            validation.criterion = HEALTH_FLAG
        validation.minimum_income_kind = None
        validation.opinion_source = None
        validation.evidence_type = None
        validation.evidence_date = None
        validation.validated_by_id = None
        validation.withdrawn_by_id = None
        validation.withdrawal_reason = None
    await session.flush()
    old_id = participant.id
    for model in (Pathway, EligibilityValidation):
        await session.execute(
            update(model)
            .where(col(model.participant_id) == old_id)
            .values(participant_id=residue_id)
        )
    # An exception stays (the assignment it allowed still counts), its reason goes.
    await session.execute(
        update(ClauseException)
        .where(col(ClauseException.participant_id) == old_id)
        .values(participant_id=residue_id, reason="")
    )
    await _repoint_dependants(session, old_id, residue_id)
    session.add(
        AuditEvent(
            actor_id=session.info.get("actor_id"),
            owner_id=participant.organisation_id,
            client_address=session.info.get("client_address"),
            request_id=session.info.get("request_id"),
            action="anonymised",
            entity_type="participant",
            entity_id=old_id,
            changes={"fields": list(access_export.IDENTITY)},
        )
    )
    await session.flush()
    session.expunge(participant)
    await session.execute(delete(Participant).where(col(Participant.id) == old_id))
    return residue_id


# The records of this module's own tables, re-pointed above with what they lose.
_OWN_TABLES = frozenset({"pathways", "eligibility_validations", "clause_exceptions"})


async def _repoint_dependants(
    session: AsyncSession, old_id: uuid.UUID, residue_id: uuid.UUID
) -> None:
    """Records of the domains above (referrals, assignments…) follow the residue, so what
    they count stays counted; each model's `__anonymised__` names the values its free text
    takes then (this module knows no domain above it: the mappers say who points here)."""
    for mapper in Participant._sa_registry.mappers:  # type: ignore[attr-defined]
        table: Any = mapper.local_table
        if table.name in _OWN_TABLES or table.name == "participants":
            continue
        for foreign_key in table.foreign_keys:
            if foreign_key.column.table.name != "participants":
                continue
            cleared = getattr(mapper.class_, "__anonymised__", {})
            await session.execute(
                update(table)
                .where(foreign_key.parent == old_id)
                .values({foreign_key.parent.name: residue_id, **cleared})
            )


@dataclass
class RetentionWarning:
    """One referent to warn: how many of their people will be anonymised, from which day."""

    referent_id: uuid.UUID
    email: str
    full_name: str
    language: str
    count: int
    first_due_on: date


@dataclass
class RetentionReport:
    """What a retention run did (or would do, in a dry run)."""

    today: date
    default_months: int
    dry_run: bool
    # Organisations' own periods in force in this run (months → number of organisations).
    periods: dict[int, int] = field(default_factory=dict)
    anonymised: list[str] = field(default_factory=list)
    due_within_30_days: list[str] = field(default_factory=list)
    warnings: list[RetentionWarning] = field(default_factory=list)


async def retention(
    session: AsyncSession, default_months: int, today: date | None = None, dry_run: bool = True
) -> RetentionReport:
    """Anonymise people whose last activity is older than their controller's retention period.

    Each organisation owning a portfolio may set its own period (12–36 months); the others use
    `default_months`. People with an open pathway are kept whatever their last activity.
    Referents are warned 30 days ahead, once per person until new activity resets the clock
    (`retention_due_on`, cleared by `identity.touch`). Idempotent: anonymised residues are never
    selected again, and a dry run changes nothing.
    """
    today = today or clock.today()
    report = RetentionReport(today=today, default_months=default_months, dry_run=dry_run)
    open_pathway = select(col(Pathway.participant_id)).where(col(Pathway.exit_date).is_(None))
    own_periods = (
        await session.execute(
            select(col(Organisation.retention_months), func.count())
            .where(col(Organisation.retention_months).is_not(None))
            .group_by(col(Organisation.retention_months))
        )
    ).all()
    report.periods = {months: count for months, count in own_periods if months is not None}
    # One pass per period in force (at most 25 distinct values): set-based queries, no loop
    # over organisations.
    for months in sorted({default_months, *report.periods}):
        owners = select(col(Organisation.id)).where(
            col(Organisation.retention_months) == months
            if months != default_months
            else or_(
                col(Organisation.retention_months).is_(None),
                col(Organisation.retention_months) == months,
            )
        )
        cutoff = add_months(today, -months)
        candidates = select(Participant).where(
            col(Participant.anonymised_at).is_(None),
            col(Participant.organisation_id).in_(owners),
            col(Participant.id).not_in(open_pathway),
        )
        await _warn(session, report, candidates, cutoff, months)
        expired = (
            (
                await session.execute(
                    candidates.where(col(Participant.last_activity_on) < cutoff)
                    .options(*with_steps())
                    .execution_options(populate_existing=True)
                )
            )
            .scalars()
            .all()
        )
        for participant in expired:
            report.anonymised.append(str(participant.id))
            if not dry_run:
                await anonymise(session, participant)
    logger.info(
        "retention run: today=%s default_months=%s own_periods=%s dry_run=%s anonymised=%d "
        "due_within_30_days=%d referents_warned=%d",
        today,
        default_months,
        report.periods,
        dry_run,
        len(report.anonymised),
        len(report.due_within_30_days),
        len(report.warnings),
    )
    return report


async def _warn(
    session: AsyncSession, report: RetentionReport, candidates: Any, cutoff: date, months: int
) -> None:
    """List people due within 30 days; outside a dry run, mark the new ones and group them by
    referent for the warning e-mail (people already warned are not warned again)."""
    due = candidates.where(
        col(Participant.last_activity_on) >= cutoff,
        col(Participant.last_activity_on) < cutoff + timedelta(days=30),
    )
    rows = (
        await session.execute(
            due.with_only_columns(
                col(Participant.id),
                col(Participant.referent_id),
                col(Participant.last_activity_on),
                col(Participant.retention_due_on),
            )
        )
    ).all()
    report.due_within_30_days.extend(str(row.id) for row in rows)
    fresh = [row for row in rows if row.retention_due_on is None]
    if report.dry_run or not fresh:
        return
    by_referent: dict[uuid.UUID, list[date]] = {}
    by_due_day: dict[date, list[uuid.UUID]] = {}
    for row in fresh:
        due_on = add_months(row.last_activity_on, months)
        by_referent.setdefault(row.referent_id, []).append(due_on)
        by_due_day.setdefault(due_on, []).append(row.id)
    # One UPDATE per due day (at most 30 in the window), not one per person.
    for due_on, ids in by_due_day.items():
        await session.execute(
            update(Participant)
            .where(col(Participant.id).in_(ids))
            .values(retention_due_on=due_on)
            .execution_options(synchronize_session=False)
        )
    referents = (await session.execute(select(User).where(col(User.id).in_(by_referent)))).scalars()
    for referent in referents:
        days = by_referent[referent.id]
        report.warnings.append(
            RetentionWarning(
                referent_id=referent.id,
                email=referent.email,
                full_name=referent.full_name,
                language=referent.language,
                count=len(days),
                first_due_on=min(days),
            )
        )
