from __future__ import annotations

import pytest

from levier.auth.permissions import Role
from levier.core.i18n import MESSAGES, negotiate, translate
from tests.factories import make_user


class TestProblemDocuments:
    async def test_unknown_api_route_is_a_problem(self, client):
        response = await client.get("/api/v1/nothing-here")
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        body = response.json()
        assert body["type"] == "urn:levier:problem:not_found"
        assert body["status"] == 404
        assert body["title"].startswith("Introuvable : ce que vous cherchez n'existe pas ou plus")

    @pytest.mark.parametrize(
        ("role", "path"),
        [
            (Role.referent, "/api/v1/participants/does-not-exist"),
            (Role.facilitator, "/api/v1/tenders/12/lots/x"),
            (Role.admin, "/api/v1/users/1"),
        ],
    )
    async def test_an_id_that_cannot_be_one_is_not_found(self, client, session, auth, role, path):
        """A malformed id in the path names no resource: 404, as an unknown id (a 422 made
        the page say "invalid value" where it should say the thing does not exist)."""
        response = await client.get(path, headers=auth(await make_user(session, role)))
        assert response.status_code == 404, response.text
        assert response.json()["code"] == "not_found"

    async def test_wrong_method_is_a_problem(self, client):
        response = await client.delete("/api/v1/health")
        assert response.status_code == 405
        assert response.json()["code"] == "method_not_allowed"

    async def test_language_follows_accept_language(self, client):
        english = await client.get("/api/v1/auth/me", headers={"Accept-Language": "en-US"})
        assert english.json()["detail"] == "Authentication required."
        assert english.headers["Content-Language"] == "en"
        default = await client.get("/api/v1/auth/me", headers={"Accept-Language": "de"})
        assert default.json()["detail"] == "Authentification requise."

    async def test_malformed_json_body_is_a_422_problem(self, client):
        response = await client.post(
            "/api/v1/auth/refresh",
            content=b"{not json",
            headers={"Content-Type": "application/json"},
        )
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"


class TestNegotiation:
    @pytest.mark.parametrize(
        ("header", "expected"),
        [
            (None, "fr"),
            ("en", "en"),
            ("en-GB,en;q=0.9,fr;q=0.8", "en"),
            ("de-DE,fr;q=0.5,en;q=0.9", "en"),
            ("fr-CA", "fr"),
            ("es", "fr"),
            ("en;q=0", "fr"),
        ],
    )
    def test_negotiate(self, header, expected):
        assert negotiate(header) == expected

    def test_every_message_has_both_languages(self):
        for code, (french, english) in MESSAGES.items():
            assert french.strip() and english.strip(), code
            assert french != english or code in {"field_unknown"}, code


class TestCatalogues:
    def test_each_code_is_defined_once(self):
        from levier.core.messages import CATALOGUES

        codes = [code for catalogue in CATALOGUES for code in catalogue]
        assert len(codes) == len(set(codes)), {c for c in codes if codes.count(c) > 1}

    def test_no_message_hedges_a_plural_with_parentheses(self):
        # "caractère(s)", "minute(s)": a count picks its word ({n:caractère|caractères}).
        for code, texts in MESSAGES.items():
            for text in texts:
                assert "(s)" not in text and "(e)" not in text, code

    @pytest.mark.parametrize(
        ("language", "count", "expected"),
        [
            ("fr", 0, "Au plus 0 caractère."),
            ("fr", 1, "Au plus 1 caractère."),
            ("fr", 2, "Au plus 2 caractères."),
            ("en", 0, "At most 0 characters."),
            ("en", 1, "At most 1 character."),
        ],
    )
    def test_a_count_picks_singular_or_plural_by_the_language_rule(self, language, count, expected):
        assert translate("too_long", language, max_length=count) == expected


class TestPluralsThroughTheApi:
    async def test_a_too_long_name_says_its_limit_in_good_french(self, client, session, auth):
        from tests.factories import make_user

        user = await make_user(session, email="plural@example.org")
        response = await client.patch(
            "/api/v1/auth/me", json={"full_name": "x" * 500}, headers=auth(user)
        )
        assert response.status_code == 422
        message = response.json()["errors"][0]["message"]
        assert message.endswith("caractères.") and "(s)" not in message


class TestBoundsAreSaid:
    """No field error says only "out of the allowed range": each says the bound it broke."""

    @pytest.mark.parametrize(
        ("params", "french", "english"),
        [
            ({"gt": 0}, "Doit être supérieur à 0.", "Must be greater than 0."),
            ({"ge": 1}, "Au moins 1.", "At least 1."),
            ({"le": 48}, "Au plus 48.", "At most 48."),
            ({"lt": 10}, "Doit être inférieur à 10.", "Must be less than 10."),
            ({"ge": 0, "le": 100}, "Entre 0 et 100.", "Between 0 and 100."),
            (
                {"gt": 0, "le": 1},
                "Doit être supérieur à 0 et au plus 1.",
                "Must be greater than 0 and at most 1.",
            ),
        ],
    )
    def test_every_combination_of_bounds_reads_as_a_sentence(self, params, french, english):
        from levier.core.field_errors import bound_wording

        wording = bound_wording("out_of_range", params)
        assert translate(wording, "fr", **params) == french
        assert translate(wording, "en", **params) == english

    async def test_an_operation_share_above_100_percent_says_its_range(self, client, session, auth):
        from levier.auth.permissions import Role
        from tests.factories import make_user

        facilitator = await make_user(session, Role.facilitator)
        response = await client.post(
            "/api/v1/operations",
            json={"name": "NPNRU", "target_kind": "hours_share", "target_value": "1.5"},
            headers=auth(facilitator),
        )
        assert response.status_code == 422, response.text
        body = response.json()
        [error] = body["errors"]
        expected = "Doit être supérieur à 0 et au plus 1."
        assert (error["field"], error["code"], error["message"]) == (
            "target_value",
            "out_of_range",
            expected,
        )
        assert body["detail"] == expected

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("0", "Doit être supérieur à 0."),
            ("123456789012345", "Au plus 12 chiffres en tout."),
            ("1.123456", "Au plus 4 décimales."),
        ],
    )
    async def test_a_number_the_schema_refuses_says_why(
        self, client, session, auth, value, message
    ):
        from levier.auth.permissions import Role
        from tests.factories import make_user

        facilitator = await make_user(session, Role.facilitator)
        response = await client.post(
            "/api/v1/operations",
            json={"name": "NPNRU", "target_kind": "hours", "target_value": value},
            headers=auth(facilitator),
        )
        assert response.status_code == 422, response.text
        [error] = response.json()["errors"]
        assert (error["field"], error["message"]) == ("target_value", message)

    async def test_a_list_too_long_counts_items_not_characters(self, client, session, auth):
        from levier.auth.permissions import Role
        from tests.factories import make_user

        admin = await make_user(session, Role.admin)
        response = await client.post(
            "/api/v1/organisations",
            json={
                "name": "Agglo",
                "kind": "buyer",
                "territory": [{"level": "commune", "code": "37261"}] * 501,
            },
            headers=auth(admin),
        )
        assert response.status_code == 422, response.text
        [error] = response.json()["errors"]
        assert error["message"] == "Au plus 500 éléments."
