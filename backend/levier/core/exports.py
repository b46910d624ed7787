"""Spreadsheet-safe exports: every CSV or XLSX cell Levier writes goes through `spreadsheet_cell`.

A CSV starts with a UTF-8 byte order mark: without it Excel on French Windows reads the file
as Windows-1252 and shows "Éboué" as "Ã‰bouÃ©" (the imports read both).

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by
spreadsheet programs (CSV injection: `=HYPERLINK(...)` in a name sends the reader's data
elsewhere). Such text is written with a leading apostrophe, which spreadsheets show as plain
text. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def spreadsheet_cell(value: Any) -> Any:
    """The value as a cell that no spreadsheet evaluates."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def csv_lines(
    header: Sequence[str], rows: Iterable[Sequence[Any]], delimiter: str = ","
) -> Iterator[str]:
    """A CSV document line by line (for a streaming response), every cell neutralised, the
    first line after the byte order mark."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in _chain(header, rows):
        writer.writerow([spreadsheet_cell(cell) for cell in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def _chain(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[Sequence[Any]]:
    yield header
    yield from rows
