"""Pooling ("globalisation", domain clauses.md §3): the facilitator lets an awardee's hours
beyond one lot's requirement count for its short lots of the same operation."""

import uuid
from typing import ClassVar

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, Relationship

from levier.core.models import Entity
from levier.organisations.models import Organisation


class Pooling(Entity, table=True):
    """Pooling enabled for one awardee within one operation (its absence: hours count only
    on their lot). Enabling and disabling are audited as the row's creation and deletion."""

    __tablename__ = "compliance_poolings"
    __entity_type__: ClassVar[str] = "compliance_pooling"
    __audit_owner__: ClassVar[str] = "structure_id"
    __table_args__ = (
        UniqueConstraint("operation_id", "enterprise_id", name="uq_compliance_poolings"),
        Index("ix_compliance_poolings_structure", "structure_id", "created_at", "id"),
    )

    structure_id: uuid.UUID = Field(foreign_key="organisations.id")
    operation_id: uuid.UUID = Field(foreign_key="operations.id", ondelete="CASCADE")
    enterprise_id: uuid.UUID = Field(foreign_key="organisations.id")
    enabled_by_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")

    enterprise: Organisation = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "[Pooling.enterprise_id]"}
    )
