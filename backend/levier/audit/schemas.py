from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel


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
    changes: dict[str, Any]
