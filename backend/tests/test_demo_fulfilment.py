"""The demo's fulfilment, loaded on any day: every mode with months of validated hours, each
declared by its employer of record, referrals in every status, lots in every compliance
status, a certificate issued and a report due, as the API shows them."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time

import pytest
import time_machine

from levier import demo
from levier.assignments.constants import FulfilmentMode
from levier.auth.permissions import Role
from levier.compliance.constants import ComplianceStatus
from levier.core import clock
from levier.core.storage import LocalStorage
from levier.referrals.constants import ReferralStatus
from tests.factories import every_item, seeded_demo

# Early on the 1st (last month just declared), and late on a month's 31st.
MOMENTS = [
    datetime.combine(date(2026, 12, 1), time(7, 30), tzinfo=clock.LOCAL_ZONE),
    datetime.combine(date(2031, 7, 31), time(18), tzinfo=clock.LOCAL_ZONE),
]
NEW_EMPLOYERS = ["interim@levier.demo", "geiq@levier.demo", "insertion@levier.demo"]


def _previous_month(day: date) -> str:
    return f"{day.year - (day.month == 1)}-{(day.month - 2) % 12 + 1:02d}"


@pytest.mark.parametrize("moment", MOMENTS, ids=lambda moment: moment.date().isoformat())
async def test_the_fulfilment_is_played_through(session, client, auth, settings, moment):
    with time_machine.travel(moment, tick=False):
        today = moment.date()
        headers = await seeded_demo(session, auth, LocalStorage(settings.storage_dir))
        facilitator = headers[Role.facilitator]

        # Every mode, each with at least six validated months declared by its employer of
        # record (the host for a training), last month waiting.
        assignments = await every_item(client, "/api/v1/assignments", facilitator)
        assert {a["mode"] for a in assignments} == set(FulfilmentMode)
        hours = await every_item(client, "/api/v1/hours", facilitator)
        last_month = _previous_month(today)
        for mode in FulfilmentMode:
            validated = Counter(
                h["assignment"]["id"]
                for h in hours
                if h["assignment"]["mode"] == mode and h["status"] == "validated"
            )
            assert max(validated.values()) >= 6, mode
        for declaration in hours:
            assignment = next(a for a in assignments if a["id"] == declaration["assignment"]["id"])
            employer = assignment["employer"] or assignment["host"]
            assert declaration["employer"]["id"] == employer["id"]
            if declaration["month"] == last_month:
                assert declaration["status"] == "declared"
            else:
                assert declaration["status"] in {"validated", "rejected"} or (
                    declaration["month"] == f"{today:%Y-%m}"
                )

        # Referrals in every status; a decline says why.
        referrals = await every_item(client, "/api/v1/referrals", facilitator)
        assert {r["status"] for r in referrals} == set(ReferralStatus)
        assert all(r["decline_reason"] for r in referrals if r["status"] == "declined")

        # Lots in every compliance status; the training beyond its cap is said so.
        lots = await every_item(client, "/api/v1/compliance/lots", facilitator)
        by_status = {lot["status"]: lot for lot in lots}
        assert set(by_status) >= set(ComplianceStatus)
        for status in ("behind", "defaulted", "on_track", "fulfilled"):
            assert by_status[status]["validated_hours"] != "0", status
        defaulted = by_status["defaulted"]
        assert date.fromisoformat(defaulted["execution_end"]) < today
        detail = await client.get(
            f"/api/v1/tenders/{defaulted['tender_id']}/lots/{defaulted['lot_id']}/compliance",
            headers=facilitator,
        )
        assert float(detail.json()["training_excess"]) > 0

        # One completion certificate, for a lot whose clause is fulfilled.
        certificates = await every_item(
            client, "/api/v1/documents", facilitator, kind="completion_certificate"
        )
        assert len(certificates) == 1
        certified = next(lot for lot in lots if lot["lot_id"] == certificates[0]["lot_id"])
        assert certified["status"] in {"fulfilled", "exceeded"}
        download = await client.get(
            f"/api/v1/documents/{certificates[0]['id']}/file", headers=facilitator
        )
        assert download.status_code == 200, download.text

        # One end-of-assignment report due: the employer's part written, not the facilitator's.
        due = []
        for assignment in (a for a in assignments if a["ended_on"]):
            report = await client.get(
                f"/api/v1/assignments/{assignment['id']}/report", headers=facilitator
            )
            assert report.status_code == 200, report.text
            read = report.json()
            if read["employer_part"]["written_at"] and read["status"] == "draft":
                assert read["facilitator_part"]["written_at"] is None
                assert read["actions"]["edit_facilitator_part"]
                due.append(assignment)
        assert [a["mode"] for a in due] == ["temporary_work"]

        # The other employers of record sign in and find their people in last month's grid.
        for email in NEW_EMPLOYERS:
            signed_in = await client.post(
                "/api/v1/auth/token", data={"username": email, "password": demo.DEMO_PASSWORD}
            )
            assert signed_in.status_code == 200, signed_in.text
            bearer = {"Authorization": f"Bearer {signed_in.json()['access_token']}"}
            grid = await client.get(
                "/api/v1/hours/grid", params={"month": last_month}, headers=bearer
            )
            assert grid.status_code == 200, grid.text
            rows = grid.json()["items"]
            assert rows and all(row["declaration"] for row in rows), email
