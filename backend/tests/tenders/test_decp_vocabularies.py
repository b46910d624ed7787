"""Our tender vocabularies map one-to-one onto the official DECP 2.0.3 enumerations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from levier.tenders.constants import (
    DECP_CCAG,
    DECP_NATURE,
    DECP_PRICE_FORM,
    DECP_PROCEDURE,
    DECP_TECHNIQUE,
    Ccag,
    Nature,
    PriceForm,
    Procedure,
    Technique,
)

SCHEMA = Path(__file__).resolve().parents[4] / "shared/standards/decp/schema_decp_v2.0.3.json"
MARCHE = json.loads(SCHEMA.read_text(encoding="utf-8"))["definitions"]["marche"]


@pytest.mark.parametrize(
    ("vocabulary", "labels", "official"),
    [
        (Procedure, DECP_PROCEDURE, MARCHE["properties"]["procedure"]["enum"]),
        (Nature, DECP_NATURE, MARCHE["properties"]["nature"]["enum"]),
        (Ccag, DECP_CCAG, MARCHE["properties"]["ccag"]["enum"]),
        (PriceForm, DECP_PRICE_FORM, MARCHE["properties"]["formePrix"]["enum"]),
        (Technique, DECP_TECHNIQUE, MARCHE["definitions"]["techniqueArray"]["items"]["enum"]),
    ],
    ids=["procedure", "nature", "ccag", "formePrix", "technique"],
)
def test_every_code_has_exactly_one_official_label(vocabulary, labels, official):
    assert set(labels) == set(vocabulary)
    assert sorted(labels.values()) == sorted(official)
