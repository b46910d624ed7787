"""One lot's compliance through the API, figures computed by hand: hours by mode, the training
cap, the subcontracting conversion and each status at a given date.

Every lot is notified on 1 January 2025 for 12 months (365 days): on 2 July 182 days have
elapsed (0.4986), on 15 March 73 (0.2000), on 1 October 273 (0.7479)."""

from __future__ import annotations


async def compliance(client, auth, figures, lot, on, who="facilitator"):
    url = f"/api/v1/tenders/{lot.tender_id}/lots/{lot.id}/compliance"
    response = await client.get(url, params={"on": on}, headers=auth(getattr(figures, who)))
    assert response.status_code == 200, response.text
    return response.json()


def modes(body):
    return {m["mode"]: (m["validated"], m["pending"], m["counted"]) for m in body["by_mode"]}


class TestModes:
    async def test_each_mode_counts_its_validated_hours_training_capped(
        self, client, auth, figures
    ):
        lot = await figures.lot(required=1000)  # training cap: 30 % → 300 h
        await figures.worked(lot, "2025-02", "120")
        await figures.worked(lot, "2025-03", "30", status="declared", person=1)
        await figures.worked(lot, "2025-03", "80", "temporary_work", employer=figures.agency)
        await figures.worked(lot, "2025-04", "60", "placement", employer=figures.geiq, person=1)
        await figures.worked(lot, "2025-04", "50", "subcontracting", employer=figures.siae)
        await figures.worked(lot, "2025-05", "40", "co_contracting", employer=figures.beta)
        await figures.worked(lot, "2025-05", "350", "training", person=2)
        await figures.worked(lot, "2025-05", "25", status="rejected", person=2)
        await figures.worked(lot, "2025-08", "500", person=2)  # a month not begun on 2 July

        body = await compliance(client, auth, figures, lot, "2025-07-02")

        assert modes(body) == {
            "direct_hire": ("120.00", "30.00", "120.00"),
            "temporary_work": ("80.00", "0", "80.00"),
            "placement": ("60.00", "0", "60.00"),
            "subcontracting": ("50.00", "0", "50.00"),
            "co_contracting": ("40.00", "0", "40.00"),
            "training": ("350.00", "0", "300.00"),
        }
        # 120 + 80 + 60 + 50 + 40 + 300 (training capped at 30 % of 1000).
        assert body["validated_hours"] == "650.00"
        assert body["counted_hours"] == "650.00"
        assert body["pending_hours"] == "30.00"
        assert body["training_cap"] == "300.00" and body["training_excess"] == "50.00"
        assert body["elapsed_share"] == "0.4986"
        assert body["expected_by_now"] == "498.60"  # 1000 × 0.4986
        assert body["projected_at_end"] == "1303.65"  # 650 ÷ 0.4986
        assert body["status"] == "on_track"
        assert body["participants"] == 3
        assert body["profile"]["women"] == "0.6667"  # two women of three people
        assert body["converted_hours"] == "0" and body["pooling"] is False


class TestConversion:
    async def test_an_siae_subcontract_counts_pro_rata_until_its_real_hours_replace_it(
        self, client, auth, figures
    ):
        lot = await figures.lot(
            required=1000,
            subcontractors=((figures.siae, "50000"), (figures.classic, "30000")),
            labour_share="0.40",
            hourly_cost="25",
        )
        # 50 000 × 0.40 ÷ 25 = 800 h, of which 0.4986 by 2 July: 398.88 h. The classic
        # subcontractor's 30 000 € are not converted.
        body = await compliance(client, auth, figures, lot, "2025-07-02")
        assert body["by_mode"] == [
            {
                "mode": "subcontracting",
                "validated": "0",
                "pending": "0",
                "counted": "398.88",
                "converted": True,
                "conversion": {
                    "enterprise_id": str(figures.siae.id),
                    "enterprise_name": "Solid'R",
                    "subcontract_amount": "50000.00",
                    "labour_share": "0.4000",
                    "labour_share_source": "lot",
                    "hourly_cost": "25.00",
                    "hourly_cost_source": "lot",
                    "total_hours": "800.00",
                    "formula": "50000 × 0.4 ÷ 25 = 800.00 h",
                },
            }
        ]
        assert body["validated_hours"] == "0" and body["converted_hours"] == "398.88"
        assert body["counted_hours"] == "398.88"
        assert body["status"] == "behind"  # 398.88 < 498.60 expected

        # At the end of the execution period the whole conversion counts; a day later
        # the lot has ended short of its 1000 h.
        assert (await compliance(client, auth, figures, lot, "2026-01-01"))[
            "counted_hours"
        ] == "800.00"
        assert (await compliance(client, auth, figures, lot, "2026-01-02"))["status"] == "defaulted"

        # Hours waiting for validation do not replace the conversion; validated ones do.
        await figures.worked(
            lot, "2025-06", "70", "subcontracting", status="declared", employer=figures.siae
        )
        waiting = await compliance(client, auth, figures, lot, "2025-07-02")
        assert waiting["converted_hours"] == "398.88" and waiting["pending_hours"] == "70.00"
        await figures.worked(
            lot, "2025-05", "100", "subcontracting", employer=figures.siae, person=1
        )
        real = await compliance(client, auth, figures, lot, "2025-07-02")
        assert real["converted_hours"] == "0"
        assert real["by_mode"] == [
            {
                "mode": "subcontracting",
                "validated": "100.00",
                "pending": "70.00",
                "counted": "100.00",
                "converted": False,
                "conversion": None,
            }
        ]
        assert real["counted_hours"] == "100.00"

    async def test_the_inputs_come_from_the_lots_calculation_when_it_sets_none(
        self, client, auth, figures
    ):
        # The factory lot (CPV 45262500, gros œuvre) was computed with the structure's
        # table (0.50) and hourly cost (30 €): 60 000 × 0.5 ÷ 30 = 1000 h, all of it at 20 %.
        lot = await figures.lot(required=1000, subcontractors=((figures.siae, "60000"),))
        body = await compliance(client, auth, figures, lot, "2025-03-15")
        conversion = body["by_mode"][0]["conversion"]
        assert (conversion["labour_share"], conversion["labour_share_source"]) == (
            "0.5000",
            "calculation",
        )
        assert (conversion["hourly_cost"], conversion["hourly_cost_source"]) == (
            "30",
            "calculation",
        )
        assert conversion["total_hours"] == "1000.00"
        assert body["counted_hours"] == "200.00"  # 1000 × 0.2000
        assert body["status"] == "on_track"  # 200 ≥ 1000 × 0.2

    async def test_an_ea_co_contractor_converts_its_share_of_the_amount(
        self, client, auth, figures
    ):
        workshop = await figures.make_enterprise("Atelier", "EA")
        unknown_share = await figures.make_enterprise("Esat du Val", "ESAT")
        lot = await figures.lot(
            required=1000,
            co_contractors=((workshop, "75000"), (unknown_share, None)),
            subcontractors=((figures.siae, "25000"),),
            labour_share="0.40",
            hourly_cost="25",
        )
        # 75 000 × 0.4 ÷ 25 = 1200 h and 25 000 × 0.4 ÷ 25 = 400 h, 20 % by 15 March; the
        # member without a declared share is not converted.
        body = await compliance(client, auth, figures, lot, "2025-03-15")
        assert [
            (
                m["mode"],
                m["conversion"]["enterprise_name"],
                m["conversion"]["total_hours"],
                m["counted"],
            )
            for m in body["by_mode"]
        ] == [
            ("subcontracting", "Solid'R", "400.00", "80.00"),
            ("co_contracting", "Atelier", "1200.00", "240.00"),
        ]
        assert body["converted_hours"] == "320.00" and body["status"] == "on_track"
        await figures.worked(lot, "2025-02", "30", "co_contracting", employer=workshop)
        real = await compliance(client, auth, figures, lot, "2025-03-15")
        assert real["converted_hours"] == "80.00"  # the subcontractor's only
        assert real["counted_hours"] == "110.00"  # 30 real + 80 converted


class TestStatus:
    async def test_each_status_at_its_date(self, client, auth, figures):
        lot = await figures.lot(required=1000)

        async def status(on):
            return (await compliance(client, auth, figures, lot, on))["status"]

        assert await status("2025-03-15") == "not_started"
        await figures.worked(lot, "2025-03", "600")
        assert await status("2025-02-28") == "not_started"  # March not begun yet
        assert await status("2025-03-15") == "on_track"  # 600 ≥ 200 expected
        assert await status("2025-10-01") == "behind"  # 600 < 747.90 expected
        assert await status("2026-01-02") == "defaulted"  # ended at 600 of 1000
        await figures.worked(lot, "2025-11", "400", person=1)
        assert await status("2025-11-15") == "fulfilled"  # 1000 of 1000
        await figures.worked(lot, "2025-12", "100", person=2)
        assert await status("2025-12-15") == "exceeded"  # 1100 ≥ 110 %
        assert await status("2026-02-01") == "exceeded"  # ended, exceeded

    async def test_a_lot_not_awarded_has_not_started(self, client, auth, figures):
        lot = await figures.lot(required=1000, notified=None)
        body = await compliance(client, auth, figures, lot, "2025-03-15")
        assert body["status"] == "not_started"
        assert body["execution_start"] is None and body["elapsed_share"] is None
