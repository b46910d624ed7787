"""The clause article as a buyer edits it (DOCX, ODT), as the page previews it, without the
facilitator's internal notes; and the template editor's variables and live preview."""

from __future__ import annotations

import io

import docx
import odfdo

from tests.tenders.test_clause_article import setup  # noqa: F401 - the fixture

REASON = "Note interne : le bailleur a demandé moins d'heures par téléphone."


async def override(client, auth, facilitator, tender, lot) -> None:
    url = f"/api/v1/tenders/{tender.id}/lots/{lot.id}"
    etag = (await client.get(url, headers=auth(facilitator))).headers["ETag"]
    response = await client.put(
        f"{url}/hours-override",
        json={"hours": 700, "reason": REASON},
        headers=auth(facilitator) | {"If-Match": etag},
    )
    assert response.status_code == 200, response.text


def article_url(tender, lot) -> str:
    return f"/api/v1/tenders/{tender.id}/lots/{lot.id}/clause-article"


class TestEditableArticle:
    async def test_docx_and_odt_open_with_the_article_and_without_internal_notes(
        self,
        client,
        auth,
        setup,  # noqa: F811
    ):
        facilitator, _admin, tender, lot = setup
        await override(client, auth, facilitator, tender, lot)
        word = await client.get(
            article_url(tender, lot),
            params={"format": "docx", "article_number": "7.2"},
            headers=auth(facilitator),
        )
        assert word.status_code == 200, word.text
        assert word.headers["content-disposition"].endswith('.docx"')
        document = docx.Document(io.BytesIO(word.content))
        text = "\n".join(p.text for p in document.paragraphs)
        assert "Article 7.2 — Clause sociale d'insertion" in text
        assert "700 heures" in text
        assert any(
            run.bold and "700 heures" in run.text for p in document.paragraphs for run in p.runs
        )
        assert REASON not in text and "**" not in text
        odt = await client.get(
            article_url(tender, lot), params={"format": "odt"}, headers=auth(facilitator)
        )
        assert odt.status_code == 200
        assert odt.headers["content-type"] == "application/vnd.oasis.opendocument.text"
        body = odfdo.Document(io.BytesIO(odt.content)).body.text_recursive
        assert "700 heures" in body and REASON not in body
        markdown = await client.get(article_url(tender, lot), headers=auth(facilitator))
        assert REASON not in markdown.text

    async def test_the_preview_is_structured_text(self, client, auth, setup):  # noqa: F811
        facilitator, _admin, tender, lot = setup
        response = await client.get(
            f"{article_url(tender, lot)}/preview",
            params={"article_number": "9"},
            headers=auth(facilitator),
        )
        assert response.status_code == 200, response.text
        blocks = response.json()["blocks"]
        assert blocks[0]["level"] == 1
        assert blocks[0]["runs"][0]["text"].startswith("Article 9")
        bold = [r["text"] for b in blocks for r in b["runs"] if r["bold"]]
        assert "833 heures" in bold
        assert any(b["items"] for b in blocks)  # the fulfilment modes, as a list


class TestTemplateEditor:
    async def test_variables_are_described_in_the_callers_language(self, client, auth, setup):  # noqa: F811
        facilitator, _admin, _tender, _lot = setup
        french = await client.get(
            "/api/v1/clause-settings/article-variables", headers=auth(facilitator)
        )
        names = {v["name"]: v["description"] for v in french.json()}
        assert names["hours"].startswith("Heures d'insertion")
        assert "override_reason" not in names
        english = await client.get(
            "/api/v1/clause-settings/article-variables",
            headers=auth(facilitator) | {"Accept-Language": "en"},
        )
        assert {v["name"]: v["description"] for v in english.json()}["hours"] == "Insertion hours"

    async def test_live_preview_and_its_errors(self, client, auth, setup):  # noqa: F811
        _facilitator, admin, _tender, _lot = setup
        good = await client.post(
            "/api/v1/clause-settings/article-preview",
            json={"article_template": "# Article {{ article_number }}\n\n**{{ hours }} heures**"},
            headers=auth(admin),
        )
        assert good.status_code == 200, good.text
        assert good.json()["blocks"][0]["runs"][0]["text"] == "Article 8"
        bad = await client.post(
            "/api/v1/clause-settings/article-preview",
            json={"article_template": "# Article {{ nope.x }} and more"},
            headers=auth(admin),
        )
        assert bad.status_code == 422
        assert bad.json()["errors"][0]["field"] == "article_template"
        default = (await client.get("/api/v1/clause-settings", headers=auth(admin))).json()
        assert "{#" not in default["article_template"]  # no developer comment left
