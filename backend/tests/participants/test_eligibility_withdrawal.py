"""Withdrawing a validation of eligibility made in error: by the structure's facilitator, with
a reason, audited, kept in the history and counting for no day; and the validation form's
rules (dates, every error at once)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from levier.auth.permissions import Role
from levier.core.audit.models import AuditEvent
from tests.factories import make_organisation, make_participant, make_user
from tests.participants.test_eligibility import validate

REASON = "Justificatif d'une autre personne, saisi par erreur."


async def withdraw(client, auth, user, participant, validation_id, reason=REASON):
    return await client.post(
        f"/api/v1/participants/{participant.id}/eligibility/{validation_id}/withdraw",
        json={"reason": reason},
        headers=auth(user),
    )


async def history(client, auth, user, participant) -> list[dict]:
    response = await client.get(
        f"/api/v1/participants/{participant.id}/eligibility", headers=auth(user)
    )
    assert response.status_code == 200, response.text
    return response.json()


class TestWithdraw:
    async def test_facilitator_withdraws_and_it_no_longer_counts(
        self, client, auth, session, network, alice
    ):
        made = await validate(client, auth, network.facilitator, alice, criterion="qpv_resident")
        assert made.json()["actions"] == {"withdraw": True}
        record = await client.get(f"/api/v1/participants/{alice.id}", headers=auth(network.nadia))
        assert record.json()["eligibility"]["eligible"] is True

        response = await withdraw(client, auth, network.facilitator, alice, made.json()["id"])
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["withdrawn_on"] is not None
        assert body["withdrawn_by"]["id"] == str(network.facilitator.id)
        assert body["withdrawal_reason"] == REASON
        assert body["current"] is False
        assert body["actions"] == {"withdraw": False}

        record = await client.get(f"/api/v1/participants/{alice.id}", headers=auth(network.nadia))
        assert record.json()["eligibility"]["eligible"] is False
        rows = await history(client, auth, network.nadia, alice)
        assert [r["withdrawal_reason"] for r in rows] == [REASON]  # kept in the history
        queue = await client.get(
            "/api/v1/participants/eligibility-queue", headers=auth(network.facilitator)
        )
        assert str(alice.id) in [p["id"] for p in queue.json()["items"]]
        status = await client.get(
            f"/api/v1/participants/{alice.id}/eligibility-status", headers=auth(network.nadia)
        )
        assert status.json()["eligible"] is False

        entries = await session.execute(
            select(AuditEvent).where(
                AuditEvent.entity_id == uuid.UUID(body["id"]),  # type: ignore[arg-type]
                AuditEvent.action == "updated",  # type: ignore[arg-type]
            )
        )
        assert [sorted(e.changes) for e in entries.scalars()] == [
            ["withdrawal_reason", "withdrawn_by_id", "withdrawn_on"]
        ]

        again = await withdraw(client, auth, network.facilitator, alice, body["id"])
        assert again.status_code == 409
        assert again.json()["code"] == "validation_withdrawn"

    async def test_only_the_validating_structure_may_withdraw(
        self, client, auth, session, network, alice
    ):
        made = await validate(client, auth, network.facilitator, alice, criterion="qpv_resident")
        validation_id = made.json()["id"]
        for user in (network.nadia, network.coordinator):
            assert (await history(client, auth, user, alice))[0]["actions"] == {"withdraw": False}
            refused = await withdraw(client, auth, user, alice, validation_id)
            assert refused.status_code == 403, user.full_name
        elsewhere = await make_user(session, Role.facilitator, await make_organisation(session))
        assert (await withdraw(client, auth, elsewhere, alice, validation_id)).status_code == 404
        unknown = await withdraw(client, auth, network.facilitator, alice, uuid.uuid4())
        assert unknown.status_code == 404

    async def test_a_reason_is_required(self, client, auth, network, alice):
        made = await validate(client, auth, network.facilitator, alice, criterion="qpv_resident")
        response = await withdraw(
            client, auth, network.facilitator, alice, made.json()["id"], reason="  erreur "
        )
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == ["reason"]

    async def test_the_reason_is_masked_with_a_masked_criterion(self, client, auth, network, alice):
        made = await validate(
            client,
            auth,
            network.facilitator,
            alice,
            criterion="disabled_worker",
            evidence_type="mdph_notification",
        )
        await withdraw(client, auth, network.facilitator, alice, made.json()["id"])
        row = (await history(client, auth, network.coordinator, alice))[0]
        assert row["masked"] is True and row["withdrawal_reason"] is None
        assert row["withdrawn_on"] is not None


class TestValidationDates:
    async def test_event_bounds_and_birth_date(self, client, auth, session, network):
        person = await make_participant(
            session, network.nadia, network.structure, birth_date=date(2008, 6, 15)
        )
        early = await validate(
            client,
            auth,
            network.facilitator,
            person,
            criterion="qpv_resident",
            validated_on="1890-01-01",
        )
        assert [(e["field"], e["code"]) for e in early.json()["errors"]] == [
            ("validated_on", "date_too_early")
        ]
        before_birth = await validate(
            client,
            auth,
            network.facilitator,
            person,
            criterion="qpv_resident",
            validated_on="2008-01-07",
        )
        assert [(e["field"], e["code"]) for e in before_birth.json()["errors"]] == [
            ("validated_on", "date_before_birth")
        ]

    async def test_every_error_at_once(self, client, auth, network, alice):
        response = await validate(
            client,
            auth,
            network.facilitator,
            alice,
            criterion="minimum_income",
            validated_on="2025-03-03",
            evidence_date="2025-03-10",
            opinion_source="france_travail",
        )
        assert response.status_code == 422
        assert {(e["field"], e["code"]) for e in response.json()["errors"]} == {
            ("evidence_date", "evidence_after_validation"),
            ("minimum_income_kind", "field_required"),
            ("opinion_source", "field_not_applicable"),
        }
