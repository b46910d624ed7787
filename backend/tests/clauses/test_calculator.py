from __future__ import annotations

from decimal import Decimal

import pytest

from levier.auth.permissions import Role
from tests.factories import make_organisation, make_user


@pytest.fixture
async def facilitator(session):
    return await make_user(session, role=Role.facilitator)


async def estimate(client, auth, user, **body):
    return await client.post("/api/v1/clauses/estimate", json=body, headers=auth(user))


class TestGenericMethod:
    async def test_published_worked_example_gives_833_hours(self, client, auth, facilitator):
        response = await estimate(
            client,
            auth,
            facilitator,
            amount_excl_tax="1000000",
            labour_share="0.50",
            insertion_rate="0.05",
            hourly_cost="30",
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["hours"] == 833
        assert body["method"] == "generic"
        assert Decimal(body["exact_hours"]) == Decimal("833.33")
        assert body["formula"] == "1000000 × 0.5 × 0.05 ÷ 30 = 833.33 → 833 h"
        assert [(p["name"], p["source"]) for p in body["parameters"]] == [
            ("amount_excl_tax", "given"),
            ("labour_share", "given"),
            ("insertion_rate", "given"),
            ("hourly_cost", "given"),
        ]

    @pytest.mark.parametrize(
        ("amount", "expected"),
        [("9000", 8), ("9300", 8), ("9600", 8), ("9599", 8), ("10200", 9)],
    )
    async def test_rounding_is_half_up_to_whole_hours(
        self, client, auth, facilitator, amount, expected
    ):
        # amount × 0.5 × 0.05 ÷ 30: 9000 → 7.5 → 8 (half up), 9300 → 7.75 → 8, 10200 → 8.5 → 9
        response = await estimate(
            client,
            auth,
            facilitator,
            amount_excl_tax=amount,
            labour_share="0.5",
            insertion_rate="0.05",
            hourly_cost="30",
        )
        assert response.json()["hours"] == expected

    async def test_missing_parameters_come_from_the_structure(self, client, auth, facilitator):
        response = await estimate(
            client, auth, facilitator, amount_excl_tax="500000", cpv_code="45262500-6"
        )
        body = response.json()
        parameters = {p["name"]: p for p in body["parameters"]}
        assert parameters["labour_share"]["source"] == "structure_table"
        assert parameters["labour_share"]["detail"] == "45262 — Gros œuvre / maçonnerie"
        assert Decimal(parameters["labour_share"]["value"]) == Decimal("0.50")
        assert parameters["insertion_rate"]["source"] == "structure_default"
        assert parameters["hourly_cost"]["source"] == "structure_default"
        assert body["hours"] == 417  # 500 000 × 0.50 × 0.05 ÷ 30 = 416.67

    async def test_longest_cpv_prefix_wins(self, client, auth, session):
        admin = await make_user(session, role=Role.admin)
        headers = auth(admin)
        await client.post(
            "/api/v1/clause-settings/labour-shares",
            json={"cpv_prefix": "45", "trade": "Travaux (générique)", "share": "0.35"},
            headers=headers,
        )
        for code, expected in [("45442100-8", "45442"), ("45000000-7", "45")]:
            body = (
                await client.post(
                    "/api/v1/clauses/estimate",
                    json={"amount_excl_tax": "100000", "cpv_code": code},
                    headers=headers,
                )
            ).json()
            labour = next(p for p in body["parameters"] if p["name"] == "labour_share")
            assert labour["detail"].split(" — ")[0] == expected

    @pytest.mark.parametrize(
        ("code", "prefix", "share"),
        [
            ("45321000-3", "4532", "0.6"),  # thermal insulation, under class 45320000
            ("45311000-0", "4531", "0.45"),  # electrical wiring, under class 45310000
            ("45332000-3", "4533", "0.4"),  # plumbing and drain-laying
            ("77311000-3", "7731", "0.65"),  # ornamental gardens
            ("90919200-4", "9091", "0.85"),  # office cleaning
        ],
    )
    async def test_indicative_table_covers_the_codes_under_a_class(
        self, client, auth, facilitator, code, prefix, share
    ):
        body = (
            await estimate(client, auth, facilitator, amount_excl_tax="100000", cpv_code=code)
        ).json()
        labour = next(p for p in body["parameters"] if p["name"] == "labour_share")
        assert (labour["source"], labour["detail"].split(" — ")[0]) == ("structure_table", prefix)
        assert Decimal(labour["value"]) == Decimal(share)

    async def test_unknown_trade_uses_the_default_labour_share(self, client, auth, facilitator):
        body = (
            await estimate(
                client, auth, facilitator, amount_excl_tax="100000", cpv_code="30000000-9"
            )
        ).json()
        labour = next(p for p in body["parameters"] if p["name"] == "labour_share")
        assert labour["source"] == "structure_default"

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("amount_excl_tax", "0"),
            ("amount_excl_tax", "-100"),
            ("insertion_rate", "1.5"),
            ("insertion_rate", "0"),
            ("labour_share", "1.2"),
            ("hourly_cost", "0"),
            ("hourly_cost", "-30"),
            ("cpv_code", "4526"),
            ("cpv_code", "abcdefgh"),
        ],
    )
    async def test_out_of_range_parameters_name_the_field(
        self, client, auth, facilitator, field, value
    ):
        body = {"amount_excl_tax": "100000", field: value}
        response = await estimate(client, auth, facilitator, **body)
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == [field]

    @pytest.mark.parametrize(
        ("field", "value", "says"),
        [
            ("insertion_rate", "1.5", "Au plus 1."),
            ("amount_excl_tax", "0", "Doit être supérieur à 0."),
        ],
    )
    async def test_a_number_out_of_bounds_says_the_bound(
        self, client, auth, facilitator, field, value, says
    ):
        body = {"amount_excl_tax": "100000", field: value}
        response = await estimate(client, auth, facilitator, **body)
        [error] = response.json()["errors"]
        assert (error["code"], error["message"]) == ("out_of_range", says)


class TestCleaningMethod:
    async def test_trade_worked_example_gives_240_hours(self, client, auth, facilitator):
        response = await estimate(
            client,
            auth,
            facilitator,
            method="cleaning",
            amount_excl_tax="240000",
            duration_months=24,
            taken_over_monthly_hours="200",
            insertion_rate="0.05",
        )
        body = response.json()
        assert body["hours"] == 240, body
        assert body["advice"] == []
        cost = next(p for p in body["parameters"] if p["name"] == "hourly_cost")
        assert Decimal(cost["value"]) == Decimal("25") and cost["source"] == "structure_default"

    async def test_small_results_carry_the_trade_advice(self, client, auth, facilitator):
        body = (
            await estimate(
                client,
                auth,
                facilitator,
                method="cleaning",
                amount_excl_tax="60000",
                duration_months=12,
                taken_over_monthly_hours="50",
                insertion_rate="0.05",
            )
        ).json()
        assert 0 < body["hours"] < 150
        assert body["advice"] == ["below_trade_minimum"]

    async def test_staff_taken_over_covering_everything_means_no_hours(
        self, client, auth, facilitator
    ):
        body = (
            await estimate(
                client,
                auth,
                facilitator,
                method="cleaning",
                amount_excl_tax="120000",
                duration_months=12,
                taken_over_monthly_hours="500",
            )
        ).json()
        assert body["hours"] == 0
        assert body["advice"] == ["no_hours_staff_taken_over"]

    async def test_duration_is_required(self, client, auth, facilitator):
        response = await estimate(
            client, auth, facilitator, method="cleaning", amount_excl_tax="120000"
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "duration_months"


class TestClauseSettings:
    async def test_admin_changes_defaults_with_if_match_and_history(self, client, auth, session):
        admin = await make_user(session, role=Role.admin)
        facilitator = await make_user(
            session, role=Role.facilitator, organisation=await _org_of(session, admin)
        )
        read = await client.get("/api/v1/clause-settings", headers=auth(admin))
        assert Decimal(read.json()["hourly_cost"]) == Decimal("30")
        missing = await client.patch(
            "/api/v1/clause-settings", json={"hourly_cost": "32.50"}, headers=auth(admin)
        )
        assert missing.status_code == 428
        changed = await client.patch(
            "/api/v1/clause-settings",
            json={"hourly_cost": "32.50"},
            headers=auth(admin) | {"If-Match": read.headers["ETag"]},
        )
        assert changed.status_code == 200
        body = (await estimate(client, auth, facilitator, amount_excl_tax="100000")).json()
        cost = next(p for p in body["parameters"] if p["name"] == "hourly_cost")
        assert Decimal(cost["value"]) == Decimal("32.50")
        history = (
            await client.get("/api/v1/clause-settings/history", headers=auth(facilitator))
        ).json()["items"]
        assert history[0]["action"] == "updated"
        assert history[0]["actor"]["full_name"] == admin.full_name
        assert history[0]["changes"]["hourly_cost"] == ["30.00", "32.50"]

    async def test_facilitator_cannot_change_settings(self, client, auth, facilitator):
        response = await client.patch(
            "/api/v1/clause-settings", json={"hourly_cost": "10"}, headers=auth(facilitator)
        )
        assert response.status_code == 403

    async def test_structures_do_not_share_tables(self, client, auth, session):
        admin = await make_user(session, role=Role.admin)
        other_admin = await make_user(session, role=Role.admin)
        row = (
            await client.get("/api/v1/clause-settings/labour-shares", headers=auth(admin))
        ).json()["items"][0]
        hidden = await client.patch(
            f"/api/v1/clause-settings/labour-shares/{row['id']}",
            json={"share": "0.1"},
            headers=auth(other_admin) | {"If-Match": "*"},
        )
        assert hidden.status_code == 404

    async def test_prefix_is_stored_by_its_significant_digits(self, client, auth, session):
        admin = await make_user(session, role=Role.admin)
        created = await client.post(
            "/api/v1/clause-settings/labour-shares",
            json={"cpv_prefix": "45420000", "trade": "Menuiserie", "share": "0.55"},
            headers=auth(admin),
        )
        assert created.status_code == 201, created.text
        assert created.json()["cpv_prefix"] == "4542"
        body = (
            await client.post(
                "/api/v1/clauses/estimate",
                json={"amount_excl_tax": "100000", "cpv_code": "45421100-5"},
                headers=auth(admin),
            )
        ).json()
        labour = next(p for p in body["parameters"] if p["name"] == "labour_share")
        assert (labour["detail"], Decimal(labour["value"])) == (
            "4542 — Menuiserie",
            Decimal("0.55"),
        )

    async def test_duplicate_prefix_is_a_conflict(self, client, auth, session):
        admin = await make_user(session, role=Role.admin)
        response = await client.post(
            "/api/v1/clause-settings/labour-shares",
            json={"cpv_prefix": "45442", "trade": "Peinture bis", "share": "0.5"},
            headers=auth(admin),
        )
        assert response.status_code == 409
        assert response.json()["errors"][0]["field"] == "cpv_prefix"

    async def test_edit_and_delete_a_row(self, client, auth, session):
        admin = await make_user(session, role=Role.admin)
        created = await client.post(
            "/api/v1/clause-settings/labour-shares",
            json={"cpv_prefix": "90911", "trade": "Nettoyage de locaux", "share": "0.9"},
            headers=auth(admin),
        )
        url = f"/api/v1/clause-settings/labour-shares/{created.json()['id']}"
        etag = created.headers["ETag"]
        edited = await client.patch(
            url, json={"share": "0.8"}, headers=auth(admin) | {"If-Match": etag}
        )
        assert Decimal(edited.json()["share"]) == Decimal("0.8")
        stale = await client.delete(url, headers=auth(admin) | {"If-Match": etag})
        assert stale.status_code == 412
        deleted = await client.delete(
            url, headers=auth(admin) | {"If-Match": edited.headers["ETag"]}
        )
        assert deleted.status_code == 204


async def _org_of(session, user):
    from levier.organisations import service

    return await service.get(session, user.organisation_id)


async def test_other_structures_defaults_do_not_leak(client, auth, session):
    first = await make_user(session, role=Role.admin)
    second = await make_user(
        session, role=Role.facilitator, organisation=await make_organisation(session)
    )
    read = await client.get("/api/v1/clause-settings", headers=auth(first))
    await client.patch(
        "/api/v1/clause-settings",
        json={"insertion_rate": "0.10"},
        headers=auth(first) | {"If-Match": read.headers["ETag"]},
    )
    mine = (await client.get("/api/v1/clause-settings", headers=auth(second))).json()
    assert Decimal(mine["insertion_rate"]) == Decimal("0.05")


class TestFormulaAmounts:
    async def test_an_amount_with_cents_is_written_with_both_decimals(
        self, client, auth, facilitator
    ):
        response = await estimate(
            client,
            auth,
            facilitator,
            amount_excl_tax="398500.5",
            labour_share="0.45",
            insertion_rate="0.05",
            hourly_cost="30",
        )
        assert response.status_code == 200, response.text
        assert response.json()["formula"].startswith("398500.50 × 0.45 × 0.05 ÷ 30 = ")


class TestUnreadableNumbers:
    @pytest.mark.parametrize(
        ("language", "expected"),
        [("fr", "Un nombre est attendu, en chiffres"), ("en", "A number is expected, in digits")],
    )
    async def test_letters_for_an_amount_say_a_number_is_expected(
        self, client, auth, facilitator, language, expected
    ):
        response = await client.post(
            "/api/v1/clauses/estimate",
            json={"amount_excl_tax": "abc", "hourly_cost": "3O"},
            headers={**auth(facilitator), "Accept-Language": language},
        )
        assert response.status_code == 422
        errors = {error["field"]: error for error in response.json()["errors"]}
        assert set(errors) == {"amount_excl_tax", "hourly_cost"}
        for error in errors.values():
            assert error["code"] == "field_type"
            assert error["message"].startswith(expected)
