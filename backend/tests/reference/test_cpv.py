"""CPV 2008 reference data: every code with its labels, search, and code validation."""

from __future__ import annotations

import re

from levier.auth.permissions import Role
from levier.reference import cpv
from tests.factories import make_organisation, make_tender, make_user


class TestVocabulary:
    def test_all_45_divisions_and_272_groups(self):
        entries = list(cpv.vocabulary().values())
        divisions = [e for e in entries if e.level == cpv.CpvLevel.division]
        groups = [e for e in entries if e.level == cpv.CpvLevel.group]
        assert (len(divisions), len(groups)) == (45, 272)
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
            assert entry.label_fr.strip() == entry.label_fr, entry
        for group in groups:
            assert group.code[:2] in division_prefixes, group
            assert group.code[2] != "0" and group.code[3:8] == "00000", group

    def test_labelled_entries_are_codes_of_the_vocabulary(self):
        codes = cpv.codes()
        for entry in cpv.vocabulary().values():
            assert codes[entry.code[:8]] == entry.code, entry

    def test_every_code_has_a_labelled_division_and_group(self):
        codes = cpv.codes()
        assert len(codes) > 9000
        for digits, code in codes.items():
            assert re.fullmatch(r"\d{8}-\d", code) and code[:8] == digits, code
            division, group = cpv.lookup(code)
            assert division is not None, code
            assert (group is None) == (code[2] == "0"), code

    def test_every_code_has_both_labels(self):
        entries = cpv.entries()
        assert len(entries) == 9454
        assert list(entries) == sorted(entries)
        for digits, entry in entries.items():
            assert entry.code[:8] == digits, entry
            assert entry.label_fr and entry.label_en, entry
            assert entry.label_fr.strip() == entry.label_fr and "  " not in entry.label_fr, entry
            assert entry.label_en.strip() == entry.label_en and "  " not in entry.label_en, entry

    def test_levels_follow_the_digits(self):
        levels = {
            "45000000-7": cpv.CpvLevel.division,
            "45400000-1": cpv.CpvLevel.group,
            "45440000-3": cpv.CpvLevel.class_,
            "45442000-7": cpv.CpvLevel.category,
            "45442100-8": cpv.CpvLevel.subcategory,
            "45442121-1": cpv.CpvLevel.subcategory,
            "30000000-9": cpv.CpvLevel.division,
        }
        for code, level in levels.items():
            assert cpv.entries()[code[:8]].level == level, code

    def test_labels_are_matched_to_their_codes(self):
        """Known codes across the vocabulary, so that no stretch of labels is shifted."""
        expected = {
            "03111100-3": ("Graines de soja", "Soya beans"),
            "09100000-0": ("Combustibles", "Fuels"),
            "15831000-2": ("Sucre", "Sugar"),
            "34121000-1": ("Autobus et cars", "Buses and coaches"),
            "45262500-6": (
                "Travaux de maçonnerie et de briquetage",
                "Masonry and bricklaying work",
            ),
            "45233140-2": ("Travaux routiers", "Roadworks"),
            "45442100-8": ("Travaux de peinture", "Painting work"),
            "60183000-4": ("Location de camionnettes avec chauffeur", "Hire of vans with driver"),
            "77610000-9": ("Services de pose de pièges", "Trapping services"),
            "90911200-8": ("Services de nettoyage de bâtiments", "Building-cleaning services"),
            "98910000-5": (
                "Services spécifiques aux organisations et aux organismes internationaux",
                "Services specific to international organisations and bodies",
            ),
        }
        for code, (label_fr, label_en) in expected.items():
            assert (cpv.describe(code), cpv.describe(code, "en")) == (label_fr, label_en), code

    def test_construction_labels(self):
        assert cpv.describe("45000000-7") == "Travaux de construction"
        assert cpv.describe("45000000-7", "en") == "Construction work"
        assert cpv.describe("90900000-6") == "Services de nettoyage et d'hygiène"
        assert cpv.describe("90900000-6", "en") == "Cleaning and sanitation services"
        assert cpv.describe("45900000") is None

    def test_national_codes_of_the_ukrainian_list_are_not_cpv(self):
        """ДК 021:2015 added these to CPV 2008; neither the French nor the EU list has them."""
        for code in ("60173000-1", "60184000-1", "77620000-2", "99999999-9"):
            assert code[:8] not in cpv.codes(), code

    def test_check_digits_are_read_not_computed(self):
        """Most check digits follow the weighted sum 3-7-1; older codes kept their own."""
        assert cpv.canonical("45210000") == "45210000-2"
        assert cpv.canonical("09100000") == "09100000-0"  # the sum would give 4
        assert cpv.canonical("72400000-4") == "72400000-4"


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

    async def test_without_a_query_divisions_and_groups_fit_one_page(self, client):
        response = await client.get("/api/v1/reference/cpv", params={"limit": 500})
        assert len(response.json()) == len(cpv.vocabulary())
        assert {item["level"] for item in response.json()} == {"division", "group"}

    async def test_limit_is_bounded(self, client):
        response = await client.get("/api/v1/reference/cpv", params={"limit": 501})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "limit"


class TestOneCode:
    async def test_code_with_its_division_and_group(self, client):
        response = await client.get("/api/v1/reference/cpv/90911200-8")
        assert response.status_code == 200, response.text
        assert response.json() == {
            "code": "90911200-8",
            "level": "subcategory",
            "label": "Services de nettoyage de bâtiments",
            "division": {
                "code": "90000000-7",
                "level": "division",
                "label": cpv.vocabulary()["90"].label_fr,
            },
            "group": {
                "code": "90900000-6",
                "level": "group",
                "label": "Services de nettoyage et d'hygiène",
            },
        }

    async def test_check_digit_is_added_and_labels_follow_the_language(self, client):
        response = await client.get(
            "/api/v1/reference/cpv/45000000", headers={"Accept-Language": "en"}
        )
        assert response.status_code == 200
        body = response.json()
        assert (body["code"], body["group"]) == ("45000000-7", None)
        assert body["division"]["label"] == "Construction work"
        assert (body["level"], body["label"]) == ("division", "Construction work")

    async def test_every_code_has_its_own_label(self, client):
        """Not its group's: 45210000-2 is building work, its group all construction work."""
        response = await client.get("/api/v1/reference/cpv/45210000")
        body = response.json()
        assert (body["code"], body["level"]) == ("45210000-2", "class")
        assert body["label"] == "Travaux de construction de bâtiments"
        assert body["group"]["label"].startswith("Travaux de construction complète")

    async def test_wrong_check_digit_names_the_right_one(self, client):
        response = await client.get("/api/v1/reference/cpv/45210000-3")
        assert response.status_code == 422
        assert response.headers["content-type"].startswith("application/problem+json")
        error = response.json()["errors"][0]
        assert (error["loc"], error["code"]) == (["path", "cpv_code"], "cpv_check_digit")
        assert "45210000-2" in error["message"]

    async def test_unknown_code_is_not_found(self, client):
        response = await client.get("/api/v1/reference/cpv/45900000-1")
        assert response.status_code == 404
        assert response.json()["code"] == "cpv_unknown"
        assert "45900000-1" in response.json()["detail"]

    async def test_malformed_code_is_refused(self, client):
        response = await client.get("/api/v1/reference/cpv/4521")
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "cpv_code"


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
        for code, expected in (
            ("01000000-5", "cpv_unknown"),
            ("45900000-1", "cpv_unknown"),
            ("45290000-8", "cpv_unknown"),  # a class CPV 2008 does not have
            ("45210000-3", "cpv_check_digit"),
        ):
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
        completed = await client.post(
            f"/api/v1/tenders/{tender.id}/lots",
            json=body | {"number": 3, "cpv_code": " 45210000 "},
            headers=auth(facilitator),
        )
        assert completed.status_code == 201, completed.text
        assert completed.json()["cpv_code"] == "45210000-2", "the check digit is added"

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
