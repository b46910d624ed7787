from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class Actor(BaseModel):
    id: uuid.UUID
    full_name: str


class AuditEventRead(BaseModel):
    """One audited change or sensitive read."""

    id: uuid.UUID
    at: datetime
    actor: Actor | None
    action: str
    entity_type: str
    entity_id: uuid.UUID
    entity_name: str | None = Field(
        default=None,
        description="The record's name as it is now (an account's, an organisation's, a "
        "tender's reference and subject, a lot's title; an award or an amendment reads as its "
        "lot's); none for participants' records, which are personal, or a deleted record.",
    )
    changes: dict[str, Any]
    names: dict[str, str] = Field(
        default_factory=dict,
        description="The names of the records that `changes` refers to by id "
        "(organisation_id, coordinator_id, operation_id…): id → name.",
    )
