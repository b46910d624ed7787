"""Pooling: off by default; once the facilitator enables it for an awardee within an
operation, hours beyond one lot's requirement count for its short lots of that operation,
the lot due first served first; disabling it restores the default. Audited."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlmodel import col

from levier.core.audit.models import AuditEvent
from tests.compliance.test_lot_figures import compliance

URL = "/api/v1/compliance/poolings"


def pooling_url(figures, enterprise=None, operation=None):
    return f"{URL}/{(operation or figures.operation).id}/{(enterprise or figures.alpha).id}"


def pooled(body):
    return body["counted_hours"], body["pooled_in"], body["pooled_out"], body["status"]


class TestPooling:
    async def test_surplus_goes_to_the_short_lot_due_first_once_enabled(
        self, client, auth, figures, session
    ):
        donor = await figures.lot(required=1000)
        short = await figures.lot(required=500)  # ends 1 January 2026
        later = await figures.lot(required=400, notified=date(2025, 3, 1))  # ends 1 March 2026
        elsewhere = await figures.lot(required=300, operation=None)  # another operation
        beta_lot = await figures.lot(required=200, awardee=figures.beta)
        await figures.worked(donor, "2025-06", "1300")
        await figures.worked(short, "2025-06", "100", person=1)
        on = "2025-07-02"

        async def state(lot):
            return pooled(await compliance(client, auth, figures, lot, on))

        # Default: hours count only on their lot.
        assert await state(donor) == ("1300.00", "0", "0", "exceeded")
        assert await state(short) == ("100.00", "0", "0", "behind")

        enabled = await client.put(pooling_url(figures), headers=auth(figures.facilitator))
        assert enabled.status_code == 200, enabled.text
        assert enabled.json()["enterprise_name"] == "Alpha BTP"
        assert enabled.json()["operation_id"] == str(figures.operation.id)
        again = await client.put(pooling_url(figures), headers=auth(figures.facilitator))
        assert again.json()["id"] == enabled.json()["id"]  # enabling twice changes nothing

        # 300 h beyond the donor's 1000 go to the short lot due first (400 short): it gets
        # all 300; the lot ending later gets none; the donor keeps its 1000 (fulfilled).
        assert await state(donor) == ("1000.00", "0", "300.00", "fulfilled")
        assert await state(short) == ("400.00", "300.00", "0", "on_track")  # ≥ 500 × 0.4986
        assert await state(later) == ("0", "0", "0", "not_started")
        assert await state(elsewhere) == ("0", "0", "0", "not_started")
        assert await state(beta_lot) == ("0", "0", "0", "not_started")
        body = await compliance(client, auth, figures, short, on)
        assert body["pooling"] is True

        # More surplus than the first short lot needs: the rest goes to the next one.
        await figures.worked(donor, "2025-05", "250", person=2)  # 1550: 550 beyond
        assert await state(short) == ("500.00", "400.00", "0", "fulfilled")
        assert await state(later) == ("150.00", "150.00", "0", "on_track")
        assert await state(donor) == ("1000.00", "0", "550.00", "fulfilled")

        # The figures the enterprise reads are the same (it sees only its lots).
        seen = await compliance(client, auth, figures, short, on, who="alpha_user")
        assert pooled(seen) == ("500.00", "400.00", "0", "fulfilled")

        listed = await client.get(URL, headers=auth(figures.facilitator))
        assert [p["enterprise_id"] for p in listed.json()["items"]] == [str(figures.alpha.id)]

        removed = await client.delete(pooling_url(figures), headers=auth(figures.facilitator))
        assert removed.status_code == 204
        assert await state(short) == ("100.00", "0", "0", "behind")
        assert await state(donor) == ("1550.00", "0", "0", "exceeded")
        gone = await client.delete(pooling_url(figures), headers=auth(figures.facilitator))
        assert gone.status_code == 404

        events = (
            await session.execute(
                select(col(AuditEvent.action))
                .where(
                    col(AuditEvent.entity_type) == "compliance_pooling",
                    col(AuditEvent.entity_id) == uuid.UUID(enabled.json()["id"]),
                )
                .order_by(col(AuditEvent.at))
            )
        ).scalars()
        assert list(events) == ["created", "deleted"]

    async def test_only_the_structures_facilitator_pools(self, client, auth, figures):
        await figures.lot(required=100)
        for who, expected in (
            ("alpha_user", 403),
            ("buyer", 403),
            ("referent", 403),
            ("other_facilitator", 404),
        ):
            response = await client.put(pooling_url(figures), headers=auth(getattr(figures, who)))
            assert response.status_code == expected, (who, response.text)
        not_an_enterprise = await client.put(
            pooling_url(figures, enterprise=figures.buyer_org), headers=auth(figures.facilitator)
        )
        assert not_an_enterprise.status_code == 404
        other = await client.get(URL, headers=auth(figures.other_facilitator))
        assert other.json()["items"] == []
