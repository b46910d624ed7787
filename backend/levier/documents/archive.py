"""Issuing a file: its bytes stored once under a key of Levier's own, its row with the size
and SHA-256; and reading it back, checked against that digest.

A file is stored before its row is flushed: should the request then fail, its transaction
leaves no row and the file is an orphan nobody can reach (its key holds a fresh id), never a
row without its file."""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
import uuid
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.core import clock
from levier.core.audit.recorder import record_read
from levier.core.errors import Conflict, DomainError
from levier.core.storage import Storage
from levier.documents.constants import EXTENSIONS, PERSONAL_KINDS, DocumentKind
from levier.documents.models import IssuedDocument
from levier.documents.schemas import DocumentRead
from levier.users.models import User


def slug(text: str) -> str:
    """ASCII lowercase words joined by hyphens: a file name every system accepts."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:120] or "document"


class DocumentAltered(DomainError):
    """The stored file no longer has the digest recorded when it was issued."""

    status_code = 500


async def next_edition(session: AsyncSession, kind: str, subject: str, media_type: str) -> int:
    statement = select(func.max(IssuedDocument.edition)).where(
        col(IssuedDocument.kind) == kind,
        col(IssuedDocument.subject) == subject,
        col(IssuedDocument.media_type) == media_type,
    )
    return int((await session.execute(statement)).scalar() or 0) + 1


async def issue(
    session: AsyncSession,
    storage: Storage,
    user: User,
    *,
    kind: DocumentKind,
    subject: str,
    content: bytes,
    media_type: str,
    name: str,
    **about: Any,
) -> IssuedDocument:
    """Archive `content` as the next edition of the subject's document of this kind.

    `name` is the file's name without extension (never a person's name: it travels in
    mail attachments and download folders); `about` the subject's ids (lot_id, buyer_id…)."""
    edition = await next_edition(session, kind, subject, media_type)
    name = slug(name)
    now = clock.now()
    document_id = uuid.uuid4()
    extension = EXTENSIONS[media_type]
    key = f"{kind.value}/{now.year}/{document_id}.{extension}"
    await storage.put(key, content, media_type)
    document = IssuedDocument(
        id=document_id,
        kind=kind.value,
        subject=subject,
        edition=edition,
        issued_by_id=user.id,
        issued_at=now,
        filename=f"{name}-v{edition}.{extension}" if edition > 1 else f"{name}.{extension}",
        media_type=media_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        storage_key=key,
        **about,
    )
    try:
        # In a savepoint: two issues of one subject at once both take the same edition, and
        # the second is refused by the unique constraint, not left as a failed transaction.
        async with session.begin_nested():
            session.add(document)
            await session.flush()
    except IntegrityError:
        raise Conflict("document_issued_meanwhile") from None
    return document


async def content_of(session: AsyncSession, storage: Storage, document: IssuedDocument) -> bytes:
    """The archived bytes, checked against their digest; the read of a document naming a
    person is audited."""
    content = await storage.get(document.storage_key)
    if hashlib.sha256(content).hexdigest() != document.sha256:
        raise DocumentAltered("document_altered")
    if document.kind in PERSONAL_KINDS:
        record_read(session, document, ["file"], reason="download")
    return content


def digest_headers(document: IssuedDocument) -> dict[str, str]:
    """ETag (the SHA-256) and the digest in both headers clients know: `Content-Digest`
    (RFC 9530) and the older `Digest` (RFC 3230)."""
    encoded = base64.b64encode(bytes.fromhex(document.sha256)).decode("ascii")
    return {
        "ETag": f'"{document.sha256}"',
        "Content-Digest": f"sha-256=:{encoded}:",
        "Digest": f"sha-256={encoded}",
    }


def month_text(month: date | None) -> str | None:
    return month.strftime("%Y-%m") if month is not None else None


def document_read(document: IssuedDocument) -> DocumentRead:
    return DocumentRead(
        id=document.id,
        kind=DocumentKind(document.kind),
        edition=document.edition,
        lot_id=document.lot_id,
        assignment_id=document.assignment_id,
        buyer_id=document.buyer_id,
        month=month_text(document.month),
        filename=document.filename,
        media_type=document.media_type,
        size=document.size,
        sha256=document.sha256,
        issued_at=document.issued_at,
        download_url=f"/api/v1/documents/{document.id}/file",
    )
