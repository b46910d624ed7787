"""CPV 2008 reference data: shipped divisions and groups, search, and code validation."""

from __future__ import annotations

import re

from levier.auth.permissions import Role
from levier.reference import cpv
from tests.factories import make_organisation, make_tender, make_user


class TestVocabulary:
    def test_all_45_divisions_and_their_groups(self):
        entries = list(cpv.vocabulary().values())
        divisions = [e for e in entries if e.level == cpv.CpvLevel.division]
        groups = [e for e in entries if e.level == cpv.CpvLevel.group]
        assert len(divisions) == 45
        # Construction, the first trade of insertion clauses, has every group.
        assert [g.code for g in groups if g.code.startswith("45")] == [
            "45100000-8",
            "45200000-9",
            "45300000-0",
            "45400000-1",
            "45500000-2",
        ]
        division_prefixes = {d.prefix for d in divisions}
        for entry in entries:
            assert re.fullmatch(r"\d{8}-\d", entry.code), entry
            assert entry.label_fr and entry.label_en, entry
        for group in groups:
            assert group.code[:2] in division_prefixes, group
            assert group.code[2] != "0" and group.code[3:8] == "00000", group

    def test_construction_labels(self):
        assert cpv.describe("45000000-7") == "Travaux de construction"
        assert cpv.describe("45442100-8") == cpv.vocabulary()["454"].label_fr
        assert cpv.describe("45442100-8", "en") == cpv.vocabulary()["454"].label_en


class TestEndpoint:
    async def test_search_by_digits(self, client):
        response = await client.get("/api/v1/reference/cpv", params={"q": "45"})
        assert response.status_code == 200
        codes = [item["code"] for item in response.json()]
        assert codes[0] == "45000000-7"
        assert all(code.startswith("45") for code in codes)
        assert "45200000-9" in codes

    async def test_search_by_words_ignores_accents_and_case(self, client):
        response = await client.get("/api/v1/reference/cpv", params={"q": "TRAVAUX construction"})
        labels = [item["label"] for item in response.json()]
        assert "Travaux de construction" in labels
        accented = await client.get("/api/v1/reference/cpv", params={"q": "electrique"})
        assert accented.json(), "accent-free search finds labels with accents"

    async def test_english_labels(self, client):
        response = await client.get(
            "/api/v1/reference/cpv", params={"q": "45000000"}, headers={"Accept-Language": "en"}
        )
        assert response.json() == [
            {"code": "45000000-7", "level": "division", "label": "Construction work"}
        ]

    async def test_whole_vocabulary_fits_one_page(self, client):
        response = await client.get("/api/v1/reference/cpv", params={"limit": 500})
        assert len(response.json()) == len(cpv.vocabulary())

    async def test_limit_is_bounded(self, client):
        response = await client.get("/api/v1/reference/cpv", params={"limit": 501})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "limit"


class TestValidation:
    async def test_lot_with_unknown_division_is_refused(self, client, session, auth):
        structure = await make_organisation(session)
        facilitator = await make_user(session, role=Role.facilitator, organisation=structure)
        tender, _lot, _op = await make_tender(session, structure)
        body = {
            "number": 2,
            "title": "Lot inconnu",
            "trade": "Divers",
            "estimated_amount": "100000",
            "duration_months": 6,
        }
        for code, expected in (("01000000-5", "cpv_unknown"), ("45900000-1", "cpv_unknown")):
            response = await client.post(
                f"/api/v1/tenders/{tender.id}/lots",
                json=body | {"cpv_code": code},
                headers=auth(facilitator),
            )
            assert response.status_code == 422, response.text
            error = response.json()["errors"][0]
            assert (error["field"], error["code"]) == ("cpv_code", expected)
            assert code in error["message"]
        accepted = await client.post(
            f"/api/v1/tenders/{tender.id}/lots",
            json=body | {"cpv_code": "45442100-8"},
            headers=auth(facilitator),
        )
        assert accepted.status_code == 201, accepted.text

    async def test_estimate_checks_the_code_too(self, client, session, auth):
        structure = await make_organisation(session)
        facilitator = await make_user(session, role=Role.facilitator, organisation=structure)
        response = await client.post(
            "/api/v1/clauses/estimate",
            json={"amount_excl_tax": "1000000", "cpv_code": "99000000-0"},
            headers=auth(facilitator),
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["code"] == "cpv_unknown"
