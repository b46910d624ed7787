"""Searching the CPV 2008: by words of the labels (fr, en) or by leading digits, best first."""

from __future__ import annotations

from levier.reference import cpv


async def _search(client, q: str, language: str = "fr", limit: int = 12) -> list[dict]:
    response = await client.get(
        "/api/v1/reference/cpv",
        params={"q": q, "limit": limit},
        headers={"Accept-Language": language},
    )
    assert response.status_code == 200, response.text
    return response.json()


class TestSearch:
    """Every code is searchable, by words (accents, case, plurals ignored) or leading digits."""

    async def test_leading_digits_list_the_codes_under_them_broader_first(self, client):
        found = await _search(client, "45442", limit=50)
        codes = [item["code"] for item in found]
        assert codes[:4] == ["45442000-7", "45442100-8", "45442200-9", "45442300-0"]
        assert sorted(codes) == sorted(c for c in cpv.codes().values() if c.startswith("45442"))
        assert found[1] == {
            "code": "45442100-8",
            "level": "subcategory",
            "label": "Travaux de peinture",
        }
        assert [i["code"] for i in await _search(client, "45442100-8")] == ["45442100-8"]

    async def test_a_trade_finds_its_works(self, client):
        found = await _search(client, "maçonnerie")
        assert "45262500-6" in [item["code"] for item in found]
        assert all("maçonnerie" in item["label"].lower() for item in found)
        assert await _search(client, "MACONNERIES") == found, "case, accents and plurals"

    async def test_painting_works_before_paints(self, client):
        painting = [item["code"] for item in await _search(client, "peinture")]
        assert painting.index("45442100-8") == 0
        assert "44810000-1" in painting  # Peintures: the product still comes
        works = await _search(client, "travaux de peinture")
        painting_works = [
            e.code
            for e in cpv.entries().values()
            if e.code.startswith("45")
            and {"travaux", "peinture"} <= set(e.label_fr.lower().split())
        ]
        assert len(painting_works) >= 8
        assert set(painting_works) <= {item["code"] for item in works}
        assert works[0]["code"] == "45442100-8"
        assert all(item["code"].startswith("45") for item in works)

    async def test_voirie_finds_road_works(self, client):
        found = [item["code"] for item in await _search(client, "voirie")]
        assert found[0] == "45233140-2"  # Travaux routiers
        assert {"45233120-6", "45233142-6", "90611000-3"} <= set(found)  # routes; the word itself

    async def test_most_specific_label_first(self, client):
        found = await _search(client, "travaux de maçonnerie")
        assert found[0] == {
            "code": "45262522-6",
            "level": "subcategory",
            "label": "Travaux de maçonnerie",
        }

    async def test_words_being_typed_match_word_starts(self, client):
        found = [item["label"] for item in await _search(client, "travaux peint")]
        assert "Travaux de peinture" in found

    async def test_digits_and_words_together(self, client):
        found = await _search(client, "44 peinture")
        assert found and all(item["code"].startswith("44") for item in found)
        assert found[0]["label"] == "Peintures"

    async def test_english(self, client):
        found = await _search(client, "painting", "en")
        assert found[0] == {"code": "45442100-8", "level": "subcategory", "label": "Painting work"}
        masonry = await _search(client, "masonry", "en")
        assert {
            "code": "45262500-6",
            "level": "subcategory",
            "label": "Masonry and bricklaying work",
        } in masonry
        roads = [item["code"] for item in await _search(client, "roads", "en")]
        assert "45233120-6" in roads  # Road construction works

    async def test_a_word_of_the_other_language_still_finds_the_code(self, client):
        found = await _search(client, "maçonnerie", "en")
        assert "Masonry and bricklaying work" in [item["label"] for item in found]
        painting = await _search(client, "painting")
        assert painting[0]["label"] == "Travaux de peinture"

    async def test_nothing_matches(self, client):
        assert await _search(client, "zzzqqq") == []
        assert await _search(client, "46") == []  # no division 46
