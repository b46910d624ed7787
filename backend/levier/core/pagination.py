"""Keyset (cursor) pagination: `?limit=&cursor=` → `{items, next_cursor}`."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel
from sqlalchemy import Select, TypeDecorator, bindparam, tuple_

from levier.core.errors import DomainError
from levier.core.text import has_control_characters

T = TypeVar("T")
MAX_LIMIT = 200
MAX_CURSOR_VALUE = 300  # characters of one sort value (names ≤ 200, e-mails ≤ 254, codes)


class Page(BaseModel, Generic[T]):
    """One page of results and the cursor of the next one (null on the last page)."""

    items: list[T]
    next_cursor: str | None = None


class PageParams(BaseModel):
    limit: int
    cursor: str | None


async def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (1–200).")] = 50,
    cursor: Annotated[
        str | None, Query(max_length=512, description="`next_cursor` of the previous page.")
    ] = None,
) -> PageParams:
    """Common pagination query parameters (async: no worker-thread hop per list request)."""
    return PageParams(limit=limit, cursor=cursor)


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    return value


def _python_type(column: Any) -> type:
    column_type = column.type
    if isinstance(column_type, TypeDecorator):  # UTCDateTime, SQLModel's AutoString
        column_type = column_type.impl_instance
    try:
        kind: type = column_type.python_type
    except NotImplementedError:  # a type without a Python equivalent: keep it as text
        return str
    return kind


def _decode_value(value: Any, column: Any) -> Any:
    """The cursor's value for `column`, of the column's own type, or ValueError."""
    kind = _python_type(column)
    if kind is bool:
        if isinstance(value, bool):
            return value
    elif kind is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif isinstance(value, str) and len(value) <= MAX_CURSOR_VALUE:
        if has_control_characters(value):
            raise ValueError("control character in cursor")
        if kind is str:
            return value
        if kind is uuid.UUID:
            return uuid.UUID(value)
        if kind is datetime:
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                raise ValueError("naive datetime in cursor")
            return moment
        if kind is date:
            return date.fromisoformat(value)
        if kind is Decimal:
            number = Decimal(value)
            if not number.is_finite():
                raise ValueError("cursor number")
            return number
    raise ValueError(f"cursor value for {column}")


def encode_cursor(values: Sequence[Any]) -> str:
    """An opaque cursor holding the last row's sort values."""
    raw = json.dumps([_encode_value(v) for v in values], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, columns: Sequence[Any]) -> list[Any]:
    """The sort values a cursor holds, each checked against its column's type (400 otherwise):
    a forged cursor must never reach the database as a value of the wrong type."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()).decode("utf-8"))
        if not isinstance(values, list) or len(values) != len(columns):
            raise ValueError("cursor width")
        return [_decode_value(value, column) for value, column in zip(values, columns, strict=True)]
    except (ValueError, TypeError, ArithmeticError, RecursionError) as exc:
        raise DomainError(
            "invalid_cursor", field="cursor", status_code=400, location="query"
        ) from exc


def _after(columns: Sequence[Any], descending: bool) -> Any:
    """Rows strictly after the `page_after_<n>` parameters (the cursor's values): a row-value
    comparison, which an index on the columns serves (PostgreSQL, and SQLite ≥ 3.15)."""
    row = tuple_(*columns)
    bound = tuple_(*[bindparam(f"page_after_{n}", type_=c.type) for n, c in enumerate(columns)])
    return row < bound if descending else row > bound


# The ordered, limited forms of statements built once (`paginate(shared=True)`), by the
# statement's identity, whether a cursor applies, and the order: SQLAlchemy then finds its
# compiled form without working out a cache key for a new statement on every page.
_SHARED: dict[tuple[int, bool, bool], tuple[Select[Any], Select[Any]]] = {}


def _ordered(
    statement: Select[Any], order_by: Sequence[Any], descending: bool, after: bool
) -> Select[Any]:
    if after:
        statement = statement.where(_after(order_by, descending))
    ordering = [column.desc() if descending else column.asc() for column in order_by]
    return statement.order_by(*ordering).limit(bindparam("page_limit"))


def _shared(
    statement: Select[Any], order_by: Sequence[Any], descending: bool, after: bool
) -> Select[Any]:
    key = (id(statement), descending, after)
    cached = _SHARED.get(key)
    if cached is None or cached[0] is not statement:
        cached = (statement, _ordered(statement, order_by, descending, after))
        _SHARED[key] = cached
    return cached[1]


async def paginate(
    session: Any,
    statement: Select[Any],
    params: PageParams,
    order_by: Sequence[Any],
    key: Any,
    descending: bool = False,
    scalars: bool = True,
    parameters: dict[str, Any] | None = None,
    shared: bool = False,
) -> tuple[list[Any], str | None]:
    """Run `statement` ordered by `order_by` (unique with its last column) after the cursor.

    `key(row)` returns the row's values for `order_by`, which become the next cursor. Rows are
    the statement's first column (an entity), or (`scalars=False`) whole column rows, read
    through the session's connection (no ORM loading step for plain columns).
    `parameters` gives the values of a prebuilt statement's bindparams; `shared` says the
    statement itself is built once and kept (its ordered forms are then kept too).
    """
    values = decode_cursor(params.cursor, order_by) if params.cursor else None
    arguments = {**(parameters or {}), "page_limit": params.limit + 1}
    if values is not None:
        arguments.update({f"page_after_{n}": value for n, value in enumerate(values)})
    build = _shared if shared else _ordered
    final = build(statement, order_by, descending, values is not None)
    if scalars:
        rows = list((await session.execute(final, arguments)).scalars().all())
    else:
        if session.new or session.dirty or session.deleted:
            await session.flush()  # what the session would have flushed before its query
        connection = await session.connection()
        rows = list((await connection.execute(final, arguments)).all())
    next_cursor = None
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        next_cursor = encode_cursor(key(rows[-1]))
    return rows, next_cursor
