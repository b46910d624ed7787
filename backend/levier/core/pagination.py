"""Keyset (cursor) pagination: `?limit=&cursor=` → `{items, next_cursor}`."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel
from sqlalchemy import Select, literal, tuple_

from levier.core.errors import DomainError

T = TypeVar("T")
MAX_LIMIT = 200


class Page(BaseModel, Generic[T]):
    """One page of results and the cursor of the next one (null on the last page)."""

    items: list[T]
    next_cursor: str | None = None


class PageParams(BaseModel):
    limit: int
    cursor: str | None


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (1–200).")] = 50,
    cursor: Annotated[
        str | None, Query(max_length=512, description="`next_cursor` of the previous page.")
    ] = None,
) -> PageParams:
    """Common pagination query parameters."""
    return PageParams(limit=limit, cursor=cursor)


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return {"uuid": str(value)}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict) and "dt" in value:
        return datetime.fromisoformat(value["dt"])
    if isinstance(value, dict) and "uuid" in value:
        return uuid.UUID(value["uuid"])
    return value


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([_encode_value(v) for v in values], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, width: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(values, list) or len(values) != width:
            raise ValueError("cursor width")
        return [_decode_value(v) for v in values]
    except (ValueError, TypeError) as exc:
        raise DomainError("invalid_cursor", status_code=400) from exc


def _after(columns: Sequence[Any], values: Sequence[Any], descending: bool) -> Any:
    """Rows strictly after `values`: a row-value comparison, which an index on the columns serves
    (PostgreSQL, and SQLite ≥ 3.15)."""
    row = tuple_(*columns)
    bound = tuple_(
        *[literal(value, type_=column.type) for column, value in zip(columns, values, strict=True)]
    )
    return row < bound if descending else row > bound


async def paginate(
    session: Any,
    statement: Select[Any],
    params: PageParams,
    order_by: Sequence[Any],
    key: Any,
    descending: bool = False,
) -> tuple[list[Any], str | None]:
    """Run `statement` ordered by `order_by` (unique with its last column) after the cursor.

    `key(row)` returns the row's values for `order_by`, which become the next cursor.
    """
    if params.cursor:
        values = decode_cursor(params.cursor, len(order_by))
        statement = statement.where(_after(order_by, values, descending))
    ordering = [column.desc() if descending else column.asc() for column in order_by]
    statement = statement.order_by(*ordering).limit(params.limit + 1)
    rows = list((await session.execute(statement)).scalars().all())
    next_cursor = None
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        next_cursor = encode_cursor(key(rows[-1]))
    return rows, next_cursor
