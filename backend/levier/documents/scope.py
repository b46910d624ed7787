"""Who reads which issued documents, applied inside the SQL, and the loaders routes use.

- a facilitator its structure's;
- a buyer the certificates of its lots and its monthly reports;
- an enterprise the certificates of the lots it was awarded (as a member);
- a referent the end-of-assignment reports of the people it sees;
- the admin those naming nobody;
and nobody a report on a person since anonymised.
An end-of-assignment report's PDF holds the facilitator's part (where the person stands): the
employer reads its own part through the report's read, not the PDF.
"""

# No `from __future__ import annotations`: FastAPI reads the loaders' annotations.
import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import false, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.permissions import Permission, Role
from levier.core.errors import NotFound
from levier.documents.constants import PERSONAL_KINDS, DocumentKind
from levier.documents.models import IssuedDocument
from levier.participants.models import Participant
from levier.participants.scope import Scope, caller_scope, scoped_loader
from levier.tenders.models import AwardMember, LotAward

NAMING_NOBODY = [kind.value for kind in DocumentKind if kind not in PERSONAL_KINDS]


def awarded_lots(enterprise_id: Any) -> Any:
    """The lots whose award names the enterprise as a member (a subquery)."""
    return (
        select(col(LotAward.lot_id))
        .join(AwardMember, col(AwardMember.award_id) == col(LotAward.id))
        .where(col(AwardMember.enterprise_id) == enterprise_id)
    )


def _not_anonymised() -> Any:
    """A document naming a person is read while the person is: once anonymised (erasure,
    retention), their report is no one's to read."""
    people = select(col(Participant.id)).where(col(Participant.anonymised_at).is_(None))
    return or_(
        col(IssuedDocument.kind).in_(NAMING_NOBODY), col(IssuedDocument.participant_id).in_(people)
    )


def readable(statement: Any, scope: Scope) -> Any:
    """`statement` (a select of issued documents) limited to those the caller may read."""
    user = scope.user
    kind = col(IssuedDocument.kind)
    if user.role == Role.facilitator:
        return statement.where(
            col(IssuedDocument.structure_id) == user.organisation_id, _not_anonymised()
        )
    if user.role == Role.buyer:
        return statement.where(
            col(IssuedDocument.buyer_id) == user.organisation_id, kind.in_(NAMING_NOBODY)
        )
    if user.role == Role.enterprise:
        return statement.where(
            kind == DocumentKind.completion_certificate,
            col(IssuedDocument.lot_id).in_(awarded_lots(user.organisation_id)),
        )
    if user.role == Role.referent:
        people = select(col(Participant.id)).where(
            scope.condition(), col(Participant.anonymised_at).is_(None)
        )
        return statement.where(
            kind == DocumentKind.assignment_report,
            col(IssuedDocument.participant_id).in_(people),
        )
    if user.role == Role.admin:
        return statement.where(kind.in_(NAMING_NOBODY))
    return statement.where(false())


async def get_document(
    session: AsyncSession, scope: Scope, document_id: uuid.UUID
) -> IssuedDocument:
    """An issued document the caller may read, or 404."""
    statement = readable(select(IssuedDocument).where(col(IssuedDocument.id) == document_id), scope)
    document = (await session.execute(statement)).scalar_one_or_none()
    if document is None:
        raise NotFound()
    return document


@dataclass(frozen=True)
class DocumentInScope:
    scope: Scope
    document: IssuedDocument


DocumentToRead = Annotated[
    DocumentInScope,
    Depends(scoped_loader(Permission.documents_read, "document_id", get_document, DocumentInScope)),
]
DocumentReader = Annotated[Scope, Depends(caller_scope(Permission.documents_read))]
DocumentIssuer = Annotated[Scope, Depends(caller_scope(Permission.documents_issue))]
