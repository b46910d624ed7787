"""Right of access: everything held on one person, as JSON (the machine form) or as a PDF the
person can read (French labels and values, dates as dd/mm/yyyy, no internal identifier), and
the "who accessed this person" log."""

from __future__ import annotations

import json
import re
import uuid
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.core import clock, documents
from levier.core.audit.models import AuditEvent
from levier.core.audit.recorder import jsonable, record_read
from levier.core.models import utcnow
from levier.core.numbers import french_quantity
from levier.organisations.models import Organisation
from levier.participants import clause_entry
from levier.participants.eligibility import logged_fields
from levier.participants.models import Participant
from levier.participants.scope import Scope, check_revealable
from levier.tenders.models import Lot, Tender

LABELS_FILE = Path(__file__).parent / "data" / "labels.fr.json"

IDENTITY = (
    "last_name",
    "first_names",
    "birth_date",
    "gender",
    "commune_code",
    "commune_name",
    "department_code",
    "qpv",
    "address",
    "email",
    "phone",
    "france_travail_id",
    "notes",
    "restricted",
    "health_consent_on",
    "last_activity_on",
    "created_at",
)


def file_name(participant: Participant, on: date) -> str:
    """The export's file name, without extension: the person's names and the day
    (`données-alice-dupré-2026-12-03`; the download's ASCII name drops the accents)."""
    words = re.findall(r"\w+", f"{participant.first_names} {participant.last_name}".lower())
    return "-".join(["données", *words, on.isoformat()])


def _plain(entity: Any, names: tuple[str, ...] | list[str]) -> dict[str, Any]:
    return {name: jsonable(getattr(entity, name)) for name in names}


async def access_log(session: AsyncSession, participant: Participant) -> list[dict[str, Any]]:
    """Who touched or read this person's records (names of fields only, never values)."""
    ids = [participant.id, *(v.id for v in participant.eligibility)]
    for pathway in participant.pathways:
        ids += [pathway.id, *(s.id for s in pathway.steps)]
    events = list(
        (
            await session.execute(select(AuditEvent).where(col(AuditEvent.entity_id).in_(ids)))
        ).scalars()
    )
    # A step deleted from a pathway is no current record: its own entries (its creation, its
    # changes, its deletion) are found through the pathway's entry naming it, which itself
    # only says that a step went.
    gone = [uuid.UUID(step_id) for step_id in map(_removed_step, events) if step_id]
    if gone:
        events += (
            await session.execute(select(AuditEvent).where(col(AuditEvent.entity_id).in_(gone)))
        ).scalars()
    kept = [event for event in events if _removed_step(event) is None]
    return [
        {
            "at": jsonable(event.at),
            "actor_id": jsonable(event.actor_id),
            "action": event.action,
            "record": event.entity_type,
            "fields": logged_fields(event.action, event.changes),
        }
        for event in sorted(kept, key=lambda event: event.at)
    ]


def _removed_step(event: AuditEvent) -> str | None:
    """The id of the step a pathway's entry says was removed, if it says so."""
    steps = (event.changes or {}).get("steps") if event.entity_type == "pathway" else None
    return steps.get("removed") if isinstance(steps, dict) else None


async def export(session: AsyncSession, scope: Scope, participant: Participant) -> dict[str, Any]:
    """Everything held on one person (right of access), with the access log; audited."""
    check_revealable(scope, participant)
    document = {
        "participant": {"id": str(participant.id), **_plain(participant, IDENTITY)},
        "eligibility": [
            _plain(
                v,
                [
                    "criterion",
                    "minimum_income_kind",
                    "opinion_source",
                    "evidence_type",
                    "evidence_date",
                    "validated_on",
                    "valid_until",
                    "withdrawn_on",
                    "withdrawal_reason",
                ],
            )
            for v in participant.eligibility
        ],
        "pathways": [
            {
                **_plain(
                    p,
                    [
                        "entry_date",
                        "objective_rome_codes",
                        "exit_date",
                        "exit_situation",
                        "exit_category",
                        "exit_notes",
                        "follow_up_date",
                        "follow_up_situation",
                        "follow_up_category",
                    ],
                ),
                "steps": [
                    _plain(
                        s,
                        [
                            "kind",
                            "start_date",
                            "end_date",
                            "qualification_level",
                            "contract_kind",
                            "employer",
                            "hours_per_week",
                            "lot_id",
                            "enterprise_id",
                            "notes",
                        ],
                    )
                    for s in p.steps
                ],
            }
            for p in participant.pathways
        ],
        "clause_exceptions": [
            _plain(e, ["lot_id", "reason", "granted_on"])
            for e in await clause_entry.exceptions_of(session, participant)
        ],
        "access_log": await access_log(session, participant),
        "exported_at": jsonable(utcnow()),
    }
    record_read(session, participant, ["*"], reason="export")
    return document


@cache
def labels() -> dict[str, dict[str, str]]:
    """French labels of the export's fields and values (the web app's own vocabulary)."""
    return json.loads(LABELS_FILE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


VALUE_VOCABULARIES = {
    "gender": "genders",
    "criterion": "criteria",
    "evidence_type": "evidenceTypes",
    "minimum_income_kind": "incomeKinds",
    "opinion_source": "opinionSources",
    "kind": "stepKinds",
    "contract_kind": "contractKinds",
    "exit_situation": "exitSituations",
    "follow_up_situation": "exitSituations",
    "exit_category": "exitCategories",
    "follow_up_category": "exitCategories",
}
# Identifiers and the keys Levier derives for its own use: nothing a person reads.
HIDDEN = frozenset(
    {
        "id",
        "participant_id",
        "lot_id",
        "enterprise_id",
        "commune_code",
        "department_code",
        "identity_key",
        "search_name",
    }
)


# The numbers of the document (written as text by the JSON form), shown the French way.
QUANTITIES = frozenset({"hours_per_week"})


def _shown(name: str, value: Any) -> str:
    vocabulary = VALUE_VOCABULARIES.get(name)
    if vocabulary and isinstance(value, str):
        return labels()[vocabulary].get(value, value)
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            if "T" in value:
                moment = datetime.fromisoformat(value).astimezone(clock.LOCAL_ZONE)
                return moment.strftime("%d/%m/%Y à %H:%M")
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if name in QUANTITIES and value is not None:
        return french_quantity(Decimal(str(value)))  # 35 h, 17,5 h (stored as "35.00")
    return str(value)


def _lines(item: dict[str, Any]) -> list[str]:
    """One record as "Label : value" lines, empty values and identifiers left out."""
    fields = labels()["fields"]
    return [
        f"- **{fields.get(name, name)}** : {_shown(name, value)}"
        for name, value in item.items()
        if name not in HIDDEN and value not in (None, "", [])
    ]


async def _names(session: AsyncSession, document: dict[str, Any]) -> dict[str, str]:
    """What the steps and exceptions point at, named: lots and enterprises (two queries)."""
    steps = [s for p in document["pathways"] for s in p["steps"]]
    lot_ids = {s["lot_id"] for s in steps if s.get("lot_id")}
    lot_ids |= {e["lot_id"] for e in document["clause_exceptions"]}
    names: dict[str, str] = {}
    if lot_ids:
        lots = await session.execute(
            select(col(Lot.id), col(Lot.number), col(Lot.title), col(Tender.reference))
            .join(Tender, col(Tender.id) == Lot.tender_id)
            .where(col(Lot.id).in_([uuid.UUID(i) for i in lot_ids]))
        )
        names |= {str(i): f"{ref}, lot {n} « {t} »" for i, n, t, ref in lots.all()}
    enterprise_ids = {s["enterprise_id"] for s in steps if s.get("enterprise_id")}
    if enterprise_ids:
        enterprises = await session.execute(
            select(col(Organisation.id), col(Organisation.name)).where(
                col(Organisation.id).in_([uuid.UUID(i) for i in enterprise_ids])
            )
        )
        names |= {str(i): name for i, name in enterprises.all()}
    return names


async def export_pdf(session: AsyncSession, document: dict[str, Any]) -> bytes:
    """The export as a PDF the person can read: the same content as the JSON, in French."""
    names = await _names(session, document)
    person = document["participant"]
    vocab = labels()
    title = f"{person['first_names']} {person['last_name']}"
    lines = [
        f"# Données détenues sur {title}",
        "",
        f"Document établi le {_shown('exported_at', document['exported_at'])}, au titre du "
        "droit d'accès (article 15 du RGPD).",
        "",
        "## Identité et coordonnées",
        *_lines(person),
        "",
        "## Éligibilité aux clauses d'insertion",
    ]
    for validation in document["eligibility"]:
        lines += ["", *_lines(validation)]
    if not document["eligibility"]:
        lines.append("Aucune validation enregistrée.")
    lines += ["", "## Parcours"]
    for pathway in document["pathways"]:
        lines += ["", *_lines({k: v for k, v in pathway.items() if k != "steps"})]
        for step in pathway["steps"]:
            where = [names[step[k]] for k in ("lot_id", "enterprise_id") if step.get(k) in names]
            lines.append(
                f"  - {_shown('kind', step['kind'])} : "
                + "; ".join(line.removeprefix("- ") for line in _lines(step) if "Étape" not in line)
                + (f" ({', '.join(where)})" if where else "")
            )
    if not document["pathways"]:
        lines.append("Aucun parcours.")
    if document["clause_exceptions"]:
        lines += ["", "## Dérogations accordées par le facilitateur"]
        for exception in document["clause_exceptions"]:
            lot = names.get(exception["lot_id"], "")
            lines.append(
                f"- {lot} : {exception['reason']} (accordée le "
                f"{_shown('granted_on', exception['granted_on'])})"
            )
    lines += ["", "## Qui a consulté ou modifié ces données"]
    for entry in document["access_log"]:
        action = vocab["actions"].get(entry["action"], entry["action"])
        record = vocab["recordTypes"].get(entry["record"], entry["record"])
        fields = ", ".join(vocab["fields"].get(f, f) for f in entry["fields"] if f not in HIDDEN)
        lines.append(f"- {_shown('at', entry['at'])} — {action} — {record} — {fields}")
    return documents.pdf("\n".join(lines), f"Données détenues — {title}")
