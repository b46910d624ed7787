"""The dashboard's table of lots, the roll-ups per structure, operation, buyer, awardee and
tender, and the monthly series, each in the caller's scope; figures computed by hand.

On 15 March 2025 exactly 20 % of the execution of a lot notified on 1 January has elapsed:
- lot 1 (Ville, the operation, Alpha, 1000 h): 600 validated, 50 waiting → on track (≥ 200);
- lot 2 (Ville, the operation, Beta, 500 h): an SIAE subcontract of 25 000 € at 0.40 and
  25 €/h converts to 400 h, 20 % of it by then: 80 → behind (< 100);
- lot 3 (Bailleur, the operation, Alpha, 200 h): 250 validated → exceeded (≥ 220);
- lot 4 (Ville, another operation, 300 h, not awarded yet) → not started;
- a lot of another structure, which none of them sees.
"""

from __future__ import annotations

from datetime import date

import pytest

from levier.compliance import service
from levier.organisations.models import Organisation
from tests.factories import make_tender

ON = "2025-03-15"


@pytest.fixture
async def dashboard(figures, session):
    lot1 = await figures.lot(required=1000)
    await figures.worked(lot1, "2025-03", "600")
    await figures.worked(lot1, "2025-02", "50", status="declared")
    lot2 = await figures.lot(
        required=500,
        awardee=figures.beta,
        subcontractors=((figures.siae, "25000"),),
        labour_share="0.40",
        hourly_cost="25",
    )
    lot3 = await figures.lot(required=200, buyer=figures.other_buyer_org)
    await figures.worked(lot3, "2025-02", "250", person=1)
    lot4 = await figures.lot(required=300, notified=None, operation=None)
    other_structure = await session.get(Organisation, figures.other_facilitator.organisation_id)
    _tender, foreign, _operation = await make_tender(session, other_structure)
    return [lot1, lot2, lot3, lot4, foreign]


async def lots(client, headers, **params):
    response = await client.get(
        "/api/v1/compliance/lots", params={"on": ON, **params}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


def ids(page):
    return [row["lot_id"] for row in page["items"]]


async def summary(client, headers, level, entity, expected=200):
    response = await client.get(
        "/api/v1/compliance/summary",
        params={"level": level, "id": str(entity.id), "on": ON},
        headers=headers,
    )
    assert response.status_code == expected, response.text
    return response.json()


class TestLotTable:
    async def test_rows_filters_and_pages(self, client, auth, figures, dashboard):
        lot1, lot2, lot3, lot4, _foreign = (str(lot.id) for lot in dashboard)
        headers = auth(figures.facilitator)
        page = await lots(client, headers)
        assert ids(page) == [lot1, lot2, lot3, lot4]
        rows = {row["lot_id"]: row for row in page["items"]}
        assert (
            rows[lot1]["counted_hours"],
            rows[lot1]["pending_hours"],
            rows[lot1]["expected_by_now"],
            rows[lot1]["status"],
        ) == ("600.00", "50.00", "200.00", "on_track")
        assert rows[lot1]["awardee_name"] == "Alpha BTP" and rows[lot1]["buyer_name"] == "Ville"
        assert (rows[lot2]["converted_hours"], rows[lot2]["status"]) == ("80.00", "behind")
        assert (rows[lot3]["counted_hours"], rows[lot3]["status"]) == ("250.00", "exceeded")
        assert (rows[lot4]["counted_hours"], rows[lot4]["status"]) == ("0", "not_started")
        assert rows[lot4]["execution_start"] is None

        # Lot 4 has no awardee yet.
        assert ids(await lots(client, headers, awardee_id=str(figures.alpha.id))) == [lot1, lot3]
        assert ids(await lots(client, headers, buyer_id=str(figures.other_buyer_org.id))) == [lot3]
        assert ids(await lots(client, headers, operation_id=str(figures.operation.id))) == [
            lot1,
            lot2,
            lot3,
        ]
        assert ids(await lots(client, headers, tender_id=str(dashboard[1].tender_id))) == [lot2]
        assert ids(await lots(client, headers, status="behind")) == [lot2]

        first = await lots(client, headers, limit=2)
        assert ids(first) == [lot1, lot2] and first["next_cursor"]
        second = await lots(client, headers, limit=2, cursor=first["next_cursor"])
        assert ids(second) == [lot3, lot4] and second["next_cursor"] is None
        # With a status the page is cut after filtering: one exceeded lot and no more.
        only = await lots(client, headers, status="exceeded", limit=1)
        assert ids(only) == [lot3] and only["next_cursor"] is None
        on_or_after = await lots(client, headers, status="not_started", cursor=first["next_cursor"])
        assert ids(on_or_after) == [lot4]

    async def test_each_caller_sees_its_own_lots(self, client, auth, figures, dashboard):
        lot1, lot2, lot3, lot4, foreign = (str(lot.id) for lot in dashboard)
        assert ids(await lots(client, auth(figures.buyer))) == [lot1, lot2, lot4]
        assert ids(await lots(client, auth(figures.alpha_user))) == [lot1, lot3]
        assert ids(await lots(client, auth(figures.other_facilitator))) == [foreign]
        refused = await client.get("/api/v1/compliance/lots", headers=auth(figures.referent))
        assert refused.status_code == 403

    async def test_a_status_pages_in_order_across_batches(self, client, auth, figures, monkeypatch):
        """Statuses are derived batch by batch (the page and one more, then doubling up to
        STATUS_BATCH): following the cursors gives the lots of the status in the table's
        order, whatever the page size, each once."""
        monkeypatch.setattr(service, "STATUS_BATCH", 3)
        made = []
        for number in range(9):
            lot = await figures.lot(required=200)
            if number % 3 != 1:  # two exceeded lots, then one not started
                await figures.worked(lot, "2025-02", "250", person=number % 3)
            made.append(str(lot.id))
        headers = auth(figures.facilitator)
        for status, expected in (
            ("exceeded", [lot for n, lot in enumerate(made) if n % 3 != 1]),
            ("not_started", [lot for n, lot in enumerate(made) if n % 3 == 1]),
            ("behind", []),
        ):
            for limit in (1, 2, 5, 50):
                found, cursor = [], None
                while True:
                    page = await lots(
                        client,
                        headers,
                        status=status,
                        limit=limit,
                        **({"cursor": cursor} if cursor else {}),
                    )
                    assert 0 < len(page["items"]) <= limit or not expected
                    found += ids(page)
                    cursor = page["next_cursor"]
                    if cursor is None:
                        break
                assert found == expected, (status, limit)


class TestSummary:
    async def test_each_level(self, client, auth, figures, dashboard):
        headers = auth(figures.facilitator)
        structure = await summary(client, headers, "structure", figures.structure)
        assert {k: structure[k] for k in structure if k not in ("id", "target", "lot_rows")} == {
            "level": "structure",
            "on": ON,
            "lots": 4,
            "required_hours": 2000,
            "counted_hours": "930.00",  # 600 + 80 + 250 + 0
            "validated_hours": "850.00",
            "pending_hours": "50.00",
            "converted_hours": "80.00",
            "expected_by_now": "340.00",  # 200 + 100 + 40 (lot 4 not started)
            "participants": 2,
            "by_status": {
                "not_started": 1,
                "on_track": 1,
                "behind": 1,
                "fulfilled": 0,
                "exceeded": 1,
                "defaulted": 0,
            },
            # The lot behind; lot 4, not started, has no execution yet: nothing is due on it.
            "late": 1,
        }
        assert structure["target"] is None and structure["lot_rows"] is None

        operation = await summary(client, headers, "operation", figures.operation)
        assert (operation["lots"], operation["required_hours"], operation["counted_hours"]) == (
            3,
            1700,
            "930.00",
        )
        # Each factory lot pays for 1 000 000 × 0.5 ÷ 30 = 16 667 hours of work.
        assert operation["target"] == {
            "target_kind": "hours",
            "target_value": "2000.0000",
            "labour_hours": 50001,
            "counted_share": "0.0186",  # 930 ÷ 50 001
            "target_met_by_required": False,  # 1700 < 2000
            "target_reached": False,  # 930 < 2000
        }

        buyer = await summary(client, headers, "buyer", figures.other_buyer_org)
        assert (buyer["lots"], buyer["counted_hours"], buyer["by_status"]["exceeded"]) == (
            1,
            "250.00",
            1,
        )
        awardee = await summary(client, headers, "awardee", figures.alpha)
        assert (awardee["lots"], awardee["required_hours"], awardee["counted_hours"]) == (
            2,
            1200,
            "850.00",
        )
        tender = await summary(client, headers, "tender", figures.tenders[dashboard[1].id])
        assert [row["lot_id"] for row in tender["lot_rows"]] == [str(dashboard[1].id)]
        assert tender["counted_hours"] == "80.00" and tender["converted_hours"] == "80.00"

    async def test_in_the_callers_scope(self, client, auth, figures, dashboard):
        buyer = await summary(client, auth(figures.buyer), "buyer", figures.buyer_org)
        assert (buyer["lots"], buyer["counted_hours"]) == (3, "680.00")  # lots 1, 2, 4
        await summary(client, auth(figures.buyer), "buyer", figures.other_buyer_org, 404)
        operation = await summary(client, auth(figures.buyer), "operation", figures.operation)
        assert operation["lots"] == 2 and operation["target"] is None  # lots 1 and 2 only
        other = auth(figures.other_facilitator)
        await summary(client, other, "structure", figures.structure, 404)
        await summary(client, other, "operation", figures.operation, 404)
        await summary(client, other, "tender", figures.tenders[dashboard[0].id], 404)
        alpha = await summary(client, auth(figures.alpha_user), "awardee", figures.alpha)
        assert alpha["lots"] == 2
        await summary(client, auth(figures.alpha_user), "awardee", figures.beta, 404)


class TestSeries:
    async def test_a_lot_and_its_operation_month_by_month(self, client, auth, figures):
        lot = await figures.lot(required=1000)
        await figures.worked(lot, "2025-01", "100")
        await figures.worked(lot, "2025-02", "50", status="declared", person=1)
        await figures.worked(lot, "2025-03", "200", person=2)
        later = await figures.lot(required=500, notified=date(2025, 2, 15))
        await figures.worked(later, "2025-03", "50")
        headers = auth(figures.facilitator)

        async def series(**params):
            response = await client.get(
                "/api/v1/compliance/series", params={"on": "2025-04-15", **params}, headers=headers
            )
            assert response.status_code == 200, response.text
            body = response.json()
            points = [
                (p["month"], p["validated"], p["cumulative_counted"], p["cumulative_expected"])
                for p in body["points"]
            ]
            return body, points

        body, points = await series(lot_id=str(lot.id))
        assert body["required_hours"] == 1000
        # Expected: 1000 × 30/365, 58/365, 89/365 and 104/365 of the execution period.
        assert points == [
            ("2025-01", "100.00", "100.00", "82.20"),
            ("2025-02", "0", "100.00", "158.90"),
            ("2025-03", "200.00", "300.00", "243.80"),
            ("2025-04", "0", "300.00", "284.90"),
        ]
        assert body["points"][-1]["on"] == "2025-04-15"
        # The later lot (500 h from 15 February): 0, 13/365, 44/365 and 59/365 of 500.
        body, points = await series(operation_id=str(figures.operation.id))
        assert body["required_hours"] == 1500
        assert points == [
            ("2025-01", "100.00", "100.00", "82.20"),
            ("2025-02", "0", "100.00", "176.70"),
            ("2025-03", "250.00", "350.00", "304.05"),
            ("2025-04", "0", "350.00", "365.70"),
        ]

    async def test_one_target_in_scope(self, client, auth, figures):
        lot = await figures.lot(required=100)
        url = "/api/v1/compliance/series"
        both = await client.get(
            url,
            params={"lot_id": str(lot.id), "operation_id": str(figures.operation.id)},
            headers=auth(figures.facilitator),
        )
        assert both.status_code == 422 and both.json()["code"] == "compliance_series_target"
        foreign = await client.get(
            url, params={"lot_id": str(lot.id)}, headers=auth(figures.other_facilitator)
        )
        assert foreign.status_code == 404
