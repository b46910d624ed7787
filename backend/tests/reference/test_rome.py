"""The ROME 4.0 shipped as reference data, and its search for the offers' picker."""

from __future__ import annotations

from levier.reference import rome


class TestRomeData:
    def test_every_sheet_has_a_code_and_label(self):
        entries = rome.entries()
        assert len(entries) == 1584
        assert entries["F1703"].label == "Maçon / Maçonne"
        assert all(code == entry.code and entry.label for code, entry in entries.items())
        assert {code for code, _label in rome.appellations()} <= entries.keys()


class TestSearchRome:
    async def test_words_without_accents_and_plurals(self, client):
        response = await client.get("/api/v1/reference/rome", params={"q": "macons"})
        assert response.status_code == 200
        assert response.json()[0] == {
            "code": "F1703",
            "label": "Maçon / Maçonne",
            "appellation": None,
        }

    async def test_a_job_title_finds_its_sheet(self, client):
        items = (await client.get("/api/v1/reference/rome", params={"q": "plombier"})).json()
        assert any(item["code"] == "F1620" and item["appellation"] for item in items)

    async def test_code_prefix(self, client):
        items = (await client.get("/api/v1/reference/rome", params={"q": "f17"})).json()
        assert items and all(item["code"].startswith("F17") for item in items)

    async def test_nothing_found(self, client):
        items = (await client.get("/api/v1/reference/rome", params={"q": "zzzqqq"})).json()
        assert items == []
