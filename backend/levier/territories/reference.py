"""Load the shipped territory file (used by the reference-data migration)."""

from __future__ import annotations

import csv
import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from levier.core.text import fold

DATA_DIR = Path(__file__).parent / "data"
SOURCE_VERSION = "etalab-decoupage-administratif-6.0.0"
DATA_FILE = DATA_DIR / f"territories-{SOURCE_VERSION}.csv.gz"


def territory_rows(path: Path = DATA_FILE) -> Iterator[dict[str, Any]]:
    """Rows for the `territories` table, regions first, then departments, then communes."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as source:
        for row in csv.DictReader(source):
            yield {
                "level": row["level"],
                "code": row["code"],
                "name": row["name"],
                "search_name": fold(row["name"]),
                "department_code": row["department_code"] or None,
                "region_code": row["region_code"] or None,
                "postal_codes": row["postal_codes"],
            }
