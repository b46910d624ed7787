"""ETag on reads, If-Match on writes of shared records (optimistic locking)."""

from __future__ import annotations

from typing import Any

from fastapi import Request, Response

from levier.core.errors import PreconditionFailed, PreconditionRequired


def etag_of(entity: Any) -> str:
    """The strong ETag of a versioned record."""
    return f'"{entity.id}.{entity.version}"'


def set_etag(response: Response, entity: Any) -> None:
    """Expose the record's version to the caller."""
    response.headers["ETag"] = etag_of(entity)


def check_if_match(request: Request, entity: Any) -> None:
    """Refuse a write without If-Match (428) or based on another version (412)."""
    header = request.headers.get("if-match")
    if not header:
        raise PreconditionRequired()
    candidates = {value.strip().removeprefix("W/") for value in header.split(",")}
    if "*" not in candidates and etag_of(entity) not in candidates:
        raise PreconditionFailed()
