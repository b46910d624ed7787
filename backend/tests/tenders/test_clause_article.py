from __future__ import annotations

import io

import pytest

from levier.auth.permissions import Role
from tests.factories import make_organisation, make_tender, make_user


@pytest.fixture
async def setup(session):
    structure = await make_organisation(session, name="Service clauses de l'Agglo")
    facilitator = await make_user(session, role=Role.facilitator, organisation=structure)
    admin = await make_user(session, role=Role.admin, organisation=structure)
    tender, lot, _op = await make_tender(session, structure)
    return facilitator, admin, tender, lot


class TestClauseArticle:
    async def test_text_article_carries_hours_modes_contact_and_penalty(self, client, auth, setup):
        facilitator, admin, tender, lot = setup
        settings = await client.get("/api/v1/clause-settings", headers=auth(admin))
        await client.patch(
            "/api/v1/clause-settings",
            json={"contact_name": "Karim Benali", "contact_email": "clauses@agglo.example"},
            headers=auth(admin) | {"If-Match": settings.headers["ETag"]},
        )
        url = f"/api/v1/tenders/{tender.id}/lots/{lot.id}"
        etag = (await client.get(url, headers=auth(facilitator))).headers["ETag"]
        await client.patch(
            url,
            json={"penalty_per_missing_hour": "45"},
            headers=auth(facilitator) | {"If-Match": etag},
        )
        response = await client.get(
            f"{url}/clause-article", params={"article_number": "12"}, headers=auth(facilitator)
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/markdown")
        text = response.text
        assert "# Article 12 — Clause sociale d'insertion" in text
        assert "**833 heures**" in text
        assert "1\u00a0000\u00a0000 × 0,5 × 0,05 ÷ 30 = 833,33 → 833 h" in text, "French numbers"
        assert "entreprise de travail temporaire d'insertion\n  (ETTI) ou une entreprise" in text
        assert "Karim Benali**, clauses@agglo.example" in text
        assert "30 % des heures" in text
        assert "**45,00 € par heure d'insertion non réalisée**" in text
        assert "L2112-2" in text

    async def test_hours_set_by_the_facilitator_are_not_said_to_come_from_the_formula(
        self, client, auth, setup
    ):
        facilitator, _admin, tender, lot = setup
        url = f"/api/v1/tenders/{tender.id}/lots/{lot.id}"
        etag = (await client.get(url, headers=auth(facilitator))).headers["ETag"]
        override = await client.put(
            f"{url}/hours-override",
            json={"hours": 1700, "reason": "Chantier pilote : charte locale d'insertion."},
            headers=auth(facilitator) | {"If-Match": etag},
        )
        assert override.status_code == 200, override.text
        text = (
            await client.get(
                f"{url}/clause-article", params={"article_number": "7"}, headers=auth(facilitator)
            )
        ).text
        assert "**1\u00a0700 heures**" in text
        assert "résulte du calcul" not in text and "833" not in text
        assert "Chantier pilote" not in text, "the reason is an internal note"

    async def test_no_training_share_means_no_training_line_and_a_phone_is_checked(
        self, client, auth, setup
    ):
        facilitator, admin, tender, lot = setup
        settings = await client.get("/api/v1/clause-settings", headers=auth(admin))
        headers = auth(admin) | {"If-Match": settings.headers["ETag"]}
        bad_phone = await client.patch(
            "/api/v1/clause-settings", json={"contact_phone": "abc\U0001f600"}, headers=headers
        )
        assert bad_phone.status_code == 422
        assert bad_phone.json()["errors"][0]["field"] == "contact_phone"
        saved = await client.patch(
            "/api/v1/clause-settings",
            json={"training_cap_share": "0", "contact_phone": "02 47 00 12 34"},
            headers=headers,
        )
        assert saved.status_code == 200, saved.text
        text = (
            await client.get(
                f"/api/v1/tenders/{tender.id}/lots/{lot.id}/clause-article",
                params={"article_number": "4"},
                headers=auth(facilitator),
            )
        ).text
        assert "formation" not in text and "0 %" not in text
        assert "(EA/ESAT)." in text
        assert "02 47 00 12 34" in text

    async def test_pdf_article(self, client, auth, setup):
        facilitator, _admin, tender, lot = setup
        response = await client.get(
            f"/api/v1/tenders/{tender.id}/lots/{lot.id}/clause-article",
            params={"format": "pdf"},
            headers=auth(facilitator),
        )
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
        from pypdf import PdfReader

        text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
        assert "833 heures" in text

    async def test_admin_template_replaces_the_default_and_bad_ones_are_refused(
        self, client, auth, setup
    ):
        facilitator, admin, tender, lot = setup
        settings = await client.get("/api/v1/clause-settings", headers=auth(admin))
        assert settings.json()["article_template_is_default"] is True
        broken = await client.patch(
            "/api/v1/clause-settings",
            json={"article_template": "{% if hours %}unterminated"},
            headers=auth(admin) | {"If-Match": settings.headers["ETag"]},
        )
        assert broken.status_code == 422
        error = broken.json()["errors"][0]
        assert (error["field"], error["code"]) == ("article_template", "template_unclosed")
        assert "{% endif %}" in error["message"]
        custom = await client.patch(
            "/api/v1/clause-settings",
            json={"article_template": "Lot {{ lot.number }} : {{ hours }} heures d'insertion."},
            headers=auth(admin) | {"If-Match": settings.headers["ETag"]},
        )
        assert custom.status_code == 200
        text = (
            await client.get(
                f"/api/v1/tenders/{tender.id}/lots/{lot.id}/clause-article",
                headers=auth(facilitator),
            )
        ).text
        assert text == "Lot 1 : 833 heures d'insertion.\n"

    async def test_sandbox_keeps_templates_away_from_the_application(self, client, auth, setup):
        facilitator, admin, tender, lot = setup
        settings = await client.get("/api/v1/clause-settings", headers=auth(admin))
        refused = await client.patch(
            "/api/v1/clause-settings",
            json={"article_template": "{{ lot.__class__.__mro__ }} {{ hours }}"},
            headers=auth(admin) | {"If-Match": settings.headers["ETag"]},
        )
        assert refused.status_code == 422
        error = refused.json()["errors"][0]
        assert error["code"] == "template_unsafe"
        assert error["message"] == (  # the sandbox's English error is not shown
            "Le modèle d'article ne peut pas lire « __class__ » : seules les variables de la liste "
            "et leurs champs sont accessibles."
        )
        response = await client.get(
            f"/api/v1/tenders/{tender.id}/lots/{lot.id}/clause-article", headers=auth(facilitator)
        )
        assert response.status_code == 200, "the default template is still in force"

    @pytest.mark.parametrize(
        ("template", "named"),
        [
            ("{{ nope.x }} hello world", "nope"),  # a variable no lot has
            ("Opération {{ operation.name }}", "name"),  # no guard: fails outside an operation
            ("{{ penalty_per_missing_hour | int }} {{ contact.mail }}", "mail"),  # misspelt
        ],
    )
    async def test_template_that_cannot_render_is_refused_before_it_is_saved(
        self, client, auth, setup, template, named
    ):
        facilitator, admin, tender, lot = setup
        settings = await client.get("/api/v1/clause-settings", headers=auth(admin))
        response = await client.patch(
            "/api/v1/clause-settings",
            json={"article_template": template},
            headers=auth(admin) | {"If-Match": settings.headers["ETag"]},
        )
        assert response.status_code == 422, response.text
        error = response.json()["errors"][0]
        assert (error["field"], error["code"]) == ("article_template", "template_unknown_variable")
        assert f"« {named} »" in error["message"] and "undefined" not in error["message"]
        after = await client.get("/api/v1/clause-settings", headers=auth(admin))
        assert after.json()["article_template_is_default"] is True, "nothing was saved"
        article = await client.get(
            f"/api/v1/tenders/{tender.id}/lots/{lot.id}/clause-article", headers=auth(facilitator)
        )
        assert article.status_code == 200


def _shape(value):
    """Keys all the way down (lists by their first item); leaves by kind."""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return type(value).__name__


async def test_template_check_renders_what_real_lots_give(session, setup):
    """The samples a template is checked against have the variables of a real lot."""
    from levier.clauses import article
    from levier.tenders import articles, scope

    _facilitator, _admin, tender, lot = setup
    tender = await scope.get_tender(session, _facilitator, tender.id)
    lot = tender.lots[0]
    _template, real = await articles.article_variables(session, tender, lot, "8")
    full = article.samples()[0]
    assert set(full) == set(real)
    assert _shape(full["calculation"]) == _shape(real["calculation"])
    assert type(full["hours"]) is type(real["hours"])
    assert full["contact"].__class__ is real["contact"].__class__


async def test_every_number_of_the_article_is_written_in_french(client, auth, setup):
    """A template reading the calculation's figures gets them as a French text writes them,
    and the PDF prints them so (not 35.50 nor 0.0500)."""
    facilitator, admin, tender, lot = setup
    url = f"/api/v1/tenders/{tender.id}/lots/{lot.id}"
    etag = (await client.get(url, headers=auth(facilitator))).headers["ETag"]
    changed = await client.patch(
        url,
        json={"hourly_cost": "35.50", "penalty_per_missing_hour": "35"},
        headers=auth(facilitator) | {"If-Match": etag},
    )
    assert changed.status_code == 200, changed.text
    settings = await client.get("/api/v1/clause-settings", headers=auth(admin))
    template = (
        "{% if calculation %}{{ calculation.exact_hours }} h ; "
        "{% for p in calculation.parameters %}{{ p.value }} / {% endfor %}{% endif %}"
        "{{ penalty_per_missing_hour }} €"
    )
    saved = await client.patch(
        "/api/v1/clause-settings",
        json={"article_template": template},
        headers=auth(admin) | {"If-Match": settings.headers["ETag"]},
    )
    assert saved.status_code == 200, saved.text
    text = (await client.get(f"{url}/clause-article", headers=auth(facilitator))).text
    # 1 000 000 × 0.5 × 0.05 ÷ 35.50 = 704.23
    assert text == "704,23 h ; 1\u00a0000\u00a0000 / 0,5 / 0,05 / 35,5 / 35,00 €\n"
    pdf = await client.get(
        f"{url}/clause-article", params={"format": "pdf"}, headers=auth(facilitator)
    )
    from pypdf import PdfReader

    printed = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "35,00 €" in printed and "35.00" not in printed and "0,05" in printed
