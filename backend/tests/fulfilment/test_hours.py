"""Monthly hours through the API: the employer of record declares, the facilitator validates
or rejects; every refused declaration names its rule and writes nothing."""

from __future__ import annotations

from datetime import date

import time_machine
from sqlalchemy import func, select

from levier.auth.permissions import Role
from levier.hours.models import HoursDeclaration
from tests.core.test_query_count import counting
from tests.factories import make_user
from tests.fulfilment.conftest import move, propose

URL = "/api/v1/hours"


async def hire(client, auth, world, **terms) -> str:
    """A hire starting today (the offer's own start is after today: no hours worked yet)."""
    terms.setdefault("start_date", "2025-02-03")
    referral = (await propose(client, auth(world.referent), world)).json()
    hired = await move(client, auth(world.facilitator), referral, "hire", terms)
    assert hired.status_code == 200, hired.text
    return hired.json()["assignment_id"]


async def declare(client, headers, assignment_id, month="2025-02", hours="60", **extra):
    body = {"assignment_id": assignment_id, "month": month, "hours": hours, **extra}
    return await client.post(URL, json=body, headers=headers)


async def etag(client, headers, declaration) -> str:
    return (await client.get(f"{URL}/{declaration['id']}", headers=headers)).headers["ETag"]


async def stored(session) -> int:
    count = select(func.count()).select_from(HoursDeclaration)
    return int((await session.execute(count)).scalar_one())


class TestDeclare:
    async def test_declared_then_validated_by_the_facilitator(self, client, auth, world):
        assignment = await hire(client, auth, world)
        created = await declare(client, auth(world.employer), assignment, note="Semaine 8 et 9")
        assert created.status_code == 201, created.text
        body = created.json()
        assert body["status"] == "declared" and body["month"] == "2025-02"
        assert body["hours"] == "60.00"
        assert body["assignment"]["last_name"] == "Dupré"
        assert body["actions"] == {"edit": True, "validate": False, "reject": False}
        queue = await client.get(
            URL, params={"status": "declared"}, headers=auth(world.facilitator)
        )
        assert [d["id"] for d in queue.json()["items"]] == [body["id"]]
        assert queue.json()["items"][0]["actions"] == {
            "edit": False,
            "validate": True,
            "reject": True,
        }
        validated = await client.post(
            f"{URL}/{body['id']}/validate",
            headers=auth(world.facilitator)
            | {"If-Match": await etag(client, auth(world.facilitator), body)},
        )
        assert validated.status_code == 200, validated.text
        assert validated.json()["status"] == "validated"
        refused = await client.patch(
            f"{URL}/{body['id']}",
            json={"hours": "70"},
            headers=auth(world.employer) | {"If-Match": validated.headers["ETag"]},
        )
        assert refused.status_code == 409
        assert refused.json()["code"] == "hours_not_editable"
        assert "validée" in refused.json()["detail"]

    async def test_each_rule_named_and_nothing_written(self, client, auth, session, world):
        assignment = await hire(client, auth, world)
        headers = auth(world.employer)
        cases = {
            ("2025-03", "10"): ("month", "hours_month_in_future"),
            ("2025-01", "10"): ("month", "hours_month_outside_assignment"),
            ("2025-02", "250"): ("hours", "hours_over_ceiling"),
            ("2025-02", "-5"): ("hours", None),
            ("2025-02", "abc"): ("hours", None),
            ("2025-13", "10"): ("month", None),
            ("0000-01", "10"): ("month", None),
        }
        for (month, hours), (field, code) in cases.items():
            refused = await declare(client, headers, assignment, month, hours)
            assert refused.status_code == 422, (month, hours, refused.text)
            error = refused.json()["errors"][0]
            assert error["field"] == field, (month, hours, error)
            assert error["message"], error
            if code:
                assert error["code"] == code, (month, hours, error)
        both = await declare(client, headers, assignment, "2025-01", "250")
        assert {e["code"] for e in both.json()["errors"]} == {
            "hours_month_outside_assignment",
            "hours_over_ceiling",
        }
        assert "210" in both.text
        assert await stored(session) == 0

    async def test_a_month_twice_is_a_conflict_then_a_correction(self, client, auth, world):
        assignment = await hire(client, auth, world)
        headers = auth(world.employer)
        first = (await declare(client, headers, assignment)).json()
        again = await declare(client, headers, assignment, hours="61")
        assert again.status_code == 409
        assert again.headers["Location"] == f"{URL}/{first['id']}"
        corrected = await client.patch(
            f"{URL}/{first['id']}",
            json={"hours": "61.5"},
            headers=headers | {"If-Match": await etag(client, headers, first)},
        )
        assert corrected.status_code == 200, corrected.text
        assert corrected.json()["hours"] == "61.50"
        stale = await client.patch(
            f"{URL}/{first['id']}",
            json={"hours": "62"},
            headers=headers | {"If-Match": f'"{first["id"]}.1"'},
        )
        assert stale.status_code == 412

    async def test_only_the_employer_of_record_declares(self, client, auth, session, world):
        assignment = await hire(
            client, auth, world, mode="temporary_work", employer_id=str(world.agency.id)
        )
        host = await declare(client, auth(world.employer), assignment)
        assert host.status_code == 403
        assert host.json()["code"] == "hours_not_employer"
        assert (await declare(client, auth(world.facilitator), assignment)).status_code == 403
        stranger = await declare(client, auth(world.stranger), assignment)
        assert stranger.status_code == 422
        assert stranger.json()["errors"][0]["code"] == "hours_assignment_unknown"
        agency = await make_user(session, Role.enterprise, world.agency)
        declared = await declare(client, auth(agency), assignment)
        assert declared.status_code == 201, declared.text
        # The host reads the hours of its clause; the stranger reads nothing.
        seen = await client.get(f"{URL}/{declared.json()['id']}", headers=auth(world.employer))
        assert seen.status_code == 200 and seen.json()["actions"]["edit"] is False
        url = f"{URL}/{declared.json()['id']}"
        assert (await client.get(url, headers=auth(world.stranger))).status_code == 404
        assert (await client.get(URL, headers=auth(world.stranger))).json()["items"] == []

    async def test_no_hours_on_a_closed_tender(self, client, auth, world):
        assignment = await hire(client, auth, world)
        url = f"/api/v1/tenders/{world.tender.id}"
        for target in ("in_execution", "closed"):
            tag = (await client.get(url, headers=auth(world.facilitator))).headers["ETag"]
            moved = await client.post(
                f"{url}/transition",
                json={"status": target},
                headers=auth(world.facilitator) | {"If-Match": tag},
            )
            assert moved.status_code == 200, moved.text
        refused = await declare(client, auth(world.employer), assignment)
        assert refused.status_code == 409
        assert refused.json()["code"] == "hours_lot_closed"


class TestDecide:
    async def test_rejected_with_a_reason_then_corrected_it_waits_again(self, client, auth, world):
        assignment = await hire(client, auth, world)
        declared = (await declare(client, auth(world.employer), assignment)).json()
        facilitator = auth(world.facilitator)
        empty = await client.post(
            f"{URL}/{declared['id']}/reject",
            json={"reason": "  "},
            headers=facilitator | {"If-Match": await etag(client, facilitator, declared)},
        )
        assert empty.status_code == 422
        rejected = await client.post(
            f"{URL}/{declared['id']}/reject",
            json={"reason": "Le relevé d'heures de l'intérim dit 52 h."},
            headers=facilitator | {"If-Match": await etag(client, facilitator, declared)},
        )
        assert rejected.status_code == 200, rejected.text
        assert rejected.json()["status"] == "rejected"
        assert rejected.json()["rejection_reason"] == "Le relevé d'heures de l'intérim dit 52 h."
        headers = auth(world.employer)
        corrected = await client.patch(
            f"{URL}/{declared['id']}",
            json={"hours": "52"},
            headers=headers | {"If-Match": await etag(client, headers, declared)},
        )
        assert corrected.json()["status"] == "declared"
        assert corrected.json()["rejection_reason"] == ""

    async def test_a_whole_month_at_once(self, client, auth, session, world):
        assignment = await hire(client, auth, world)
        with time_machine.travel(date(2025, 4, 7), tick=False):
            for month in ("2025-02", "2025-03"):
                assert (
                    await declare(client, auth(world.employer), assignment, month)
                ).status_code == 201
            done = await client.post(
                f"{URL}/validate-month",
                json={"month": "2025-03"},
                headers=auth(world.facilitator),
            )
            assert done.status_code == 200, done.text
            assert done.json() == {"month": "2025-03", "validated": 1}
            listed = await client.get(URL, headers=auth(world.facilitator))
            statuses = {d["month"]: d["status"] for d in listed.json()["items"]}
            assert statuses == {"2025-02": "declared", "2025-03": "validated"}
        assert (
            await client.post(
                f"{URL}/validate-month", json={"month": "2025-03"}, headers=auth(world.employer)
            )
        ).status_code == 403


class TestGrid:
    async def test_the_employers_month(self, app, client, auth, engine, world):
        assignment = await hire(client, auth, world)
        headers = auth(world.employer)
        grid = await client.get(f"{URL}/grid", params={"month": "2025-02"}, headers=headers)
        assert grid.status_code == 200, grid.text
        rows = grid.json()["items"]
        assert [(r["assignment"]["id"], r["declarable"], r["declaration"]) for r in rows] == [
            (assignment, True, None)
        ]
        await declare(client, headers, assignment)
        counts = []
        for limit in (1, 50):
            with counting(engine) as statements:
                grid = await client.get(
                    f"{URL}/grid", params={"month": "2025-02", "limit": limit}, headers=headers
                )
            counts.append(len(statements))
        assert counts[0] == counts[1]
        row = grid.json()["items"][0]
        assert row["declarable"] is False and row["declaration"]["hours"] == "60.00"
        assert row["ceiling"] == 210
        january = await client.get(f"{URL}/grid", params={"month": "2025-01"}, headers=headers)
        assert january.json()["items"] == []
        needs = await client.get(
            f"{URL}/grid", params={"month": "2025-02"}, headers=auth(world.facilitator)
        )
        assert needs.status_code == 422
        assert needs.json()["errors"][0]["field"] == "employer_id"
        for_builder = await client.get(
            f"{URL}/grid",
            params={"month": "2025-02", "employer_id": str(world.builder.id)},
            headers=auth(world.facilitator),
        )
        assert len(for_builder.json()["items"]) == 1
        assert for_builder.json()["items"][0]["ceiling"] == 210
