"""Texts people paste (from a PDF, a web page, a word processor) lose what shows nothing:
zero-width spaces, bidi marks, soft hyphens never reach a record nor a contract's article, and
a text made of them only is a missing text."""

from __future__ import annotations

import pytest

from levier.auth.permissions import Role
from tests.factories import make_organisation, make_tender, make_user

PASTED = "Réhabilitation\u200b de 80\u00ad logements\u200e\u202e\ufeff"
CLEAN = "Réhabilitation de 80 logements"


@pytest.fixture
async def setup(session):
    structure = await make_organisation(session, name="Service clauses de l'Agglo")
    facilitator = await make_user(session, role=Role.facilitator, organisation=structure)
    admin = await make_user(session, role=Role.admin, organisation=structure)
    tender, lot, _operation = await make_tender(session, structure)
    return facilitator, admin, tender, lot


async def patch(client, headers, url, body):
    etag = (await client.get(url, headers=headers)).headers["ETag"]
    return await client.patch(url, json=body, headers=headers | {"If-Match": etag})


class TestInvisibleCharacters:
    async def test_the_article_carries_the_tender_object_and_lot_title_without_them(
        self, client, auth, setup
    ):
        facilitator, admin, tender, lot = setup
        headers = auth(facilitator)
        tender_url = f"/api/v1/tenders/{tender.id}"
        response = await patch(client, headers, tender_url, {"object": PASTED})
        assert response.status_code == 200, response.text
        assert response.json()["object"] == CLEAN
        lot_url = f"{tender_url}/lots/{lot.id}"
        response = await patch(client, headers, lot_url, {"title": "Gros\u200b œuvre\u2069"})
        assert response.status_code == 200, response.text
        assert response.json()["title"] == "Gros œuvre"
        settings = await patch(
            client, auth(admin), "/api/v1/clause-settings", {"contact_name": "Karim\u200d Benali"}
        )
        assert settings.status_code == 200, settings.text
        article = await client.get(f"{lot_url}/clause-article", headers=headers)
        assert article.status_code == 200, article.text
        text = article.text
        assert CLEAN in text and "Karim Benali" in text
        assert not any(ch in text for ch in "\u200b\u00ad\u200e\u202e\ufeff\u200d\u2069")

    async def test_a_text_of_invisible_characters_only_is_missing(self, client, auth, setup):
        facilitator, _admin, tender, _lot = setup
        response = await patch(
            client, auth(facilitator), f"/api/v1/tenders/{tender.id}", {"object": " \u200b\u200e "}
        )
        assert response.status_code == 422, response.text
        [error] = response.json()["errors"]
        assert (error["field"], error["code"], error["message"]) == (
            "object",
            "field_required",
            "Champ obligatoire.",
        )

    async def test_a_free_text_keeps_its_lines(self, client, auth, setup):
        facilitator, *_ = setup
        response = await client.post(
            "/api/v1/operations",
            json={"name": "NPNRU\u200b Nord", "description": "Quartier\u200b Nord\u2028suite"},
            headers=auth(facilitator),
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert (body["name"], body["description"]) == ("NPNRU Nord", "Quartier Nord\nsuite")

    async def test_a_name_of_invisible_characters_only_is_required_in_english_too(
        self, client, auth, setup
    ):
        facilitator, *_ = setup
        response = await client.post(
            "/api/v1/operations",
            json={"name": "\u200b\u2060"},
            headers=auth(facilitator) | {"Accept-Language": "en"},
        )
        assert response.status_code == 422, response.text
        [error] = response.json()["errors"]
        assert (error["code"], error["message"]) == ("field_required", "This field is required.")
