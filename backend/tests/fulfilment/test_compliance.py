"""A lot's compliance through the API: hours that count by mode (training capped), pending
hours, people and their profile, and the status against the share due by the day."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import time_machine

from levier.clauses import service as clauses_service
from tests.factories import classic_subcontractor
from tests.fulfilment.test_hours import declare, etag, hire

URL = "/api/v1/hours"


async def compliance(client, headers, world, on=None):
    url = f"/api/v1/tenders/{world.tender.id}/lots/{world.lot.id}/compliance"
    response = await client.get(url, params={"on": on} if on else {}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def validate(client, auth, world, declaration):
    headers = auth(world.facilitator)
    response = await client.post(
        f"{URL}/{declaration['id']}/validate",
        headers=headers | {"If-Match": await etag(client, headers, declaration)},
    )
    assert response.status_code == 200, response.text


class TestLotCompliance:
    async def test_from_no_hour_to_behind_with_pending_and_validated(
        self, client, auth, session, world
    ):
        await classic_subcontractor(session, world.insertion)
        before = await compliance(client, auth(world.facilitator), world)
        assert before["status"] == "not_started"
        assert before["validated_hours"] == "0" and before["participants"] == 0
        required = before["required_hours"]
        assert required and required > 500
        assert before["execution_start"] == "2025-01-15"
        assert before["execution_end"] == "2026-01-15"  # twelve months

        assignment = await hire(client, auth, world)
        declared = (await declare(client, auth(world.employer), assignment, hours="60")).json()
        waiting = await compliance(client, auth(world.facilitator), world, on="2025-02-28")
        assert Decimal(waiting["pending_hours"]) == 60 and Decimal(waiting["validated_hours"]) == 0
        assert waiting["status"] == "behind"  # something under way, nothing validated yet
        assert waiting["participants"] == 1
        assert waiting["profile"]["women"] == "1.0000"

        await validate(client, auth, world, declared)
        after = await compliance(client, auth(world.facilitator), world, on="2025-02-28")
        assert Decimal(after["validated_hours"]) == 60
        assert after["by_mode"] == [
            {
                "mode": "direct_hire",
                "validated": "60.00",
                "pending": "0",
                "counted": "60.00",
                "converted": False,
                "conversion": None,
            }
        ]
        assert after["counted_hours"] == "60.00" and after["converted_hours"] == "0"
        share = Decimal(after["elapsed_share"])
        assert Decimal("0.11") < share < Decimal("0.13")  # 44 days of 365
        assert Decimal(after["expected_by_now"]) == (required * share).quantize(Decimal("0.01"))
        assert after["status"] == "behind"
        assert Decimal(after["projected_at_end"]) == (60 / share).quantize(Decimal("0.01"))
        # A day before the month began, its hours are not counted yet.
        earlier = await compliance(client, auth(world.facilitator), world, on="2025-01-31")
        assert Decimal(earlier["validated_hours"]) == 0

    async def test_the_profile_is_the_structures_only(self, client, auth, world):
        await hire(client, auth, world, start_date="2025-02-17")
        today = await compliance(client, auth(world.facilitator), world)
        assert today["participants"] == 0 and today["profile"] is None
        for who in ("employer", "buyer"):
            seen = await compliance(client, auth(getattr(world, who)), world, on="2025-02-28")
            assert seen["participants"] == 1 and seen["profile"] is None, who
        stranger = await client.get(
            f"/api/v1/tenders/{world.tender.id}/lots/{world.lot.id}/compliance",
            headers=auth(world.stranger),
        )
        assert stranger.status_code == 404

    async def test_training_counts_up_to_the_cap(self, client, auth, session, world):
        await classic_subcontractor(session, world.insertion)
        settings = await clauses_service.get_settings(session, world.structure.id)
        settings.training_cap_share = Decimal("0.01")
        await session.commit()
        recorded = await client.post(
            "/api/v1/assignments",
            json={
                "participant_id": str(world.person.id),
                "lot_id": str(world.lot.id),
                "mode": "training",
                "host_id": str(world.builder.id),
                "start_date": "2025-01-20",
                "hours_per_week": "35",
            },
            headers=auth(world.facilitator),
        )
        assert recorded.status_code == 201, recorded.text
        assignment = recorded.json()["id"]
        with time_machine.travel(date(2025, 6, 10), tick=True):
            for month in ("2025-01", "2025-02", "2025-03", "2025-04", "2025-05"):
                declared = await declare(client, auth(world.employer), assignment, month, "150")
                assert declared.status_code == 201, declared.text
                await validate(client, auth, world, declared.json())
            figures = await compliance(client, auth(world.facilitator), world)
        cap = Decimal(figures["training_cap"])
        assert cap == (Decimal(figures["required_hours"]) * Decimal("0.01")).quantize(
            Decimal("0.01")
        )
        assert cap < 750
        assert Decimal(figures["validated_hours"]) == cap
        assert Decimal(figures["training_excess"]) == 750 - cap
        assert figures["by_mode"][0]["validated"] == "750.00"
