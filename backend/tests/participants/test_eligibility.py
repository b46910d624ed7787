"""Eligibility: validations by the facilitator, masking of sensitive criteria, audited reveals,
status on a date with an operation's restriction, and who can never read it."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from sqlalchemy import select

from levier.auth.permissions import Role
from levier.core import clock
from levier.core.audit.models import AuditEvent
from levier.participants.eligibility import add_months
from tests.factories import make_organisation, make_participant, make_tender, make_user


async def validate(client, auth, user, participant, **body):
    payload = {"validated_on": clock.today().isoformat()} | body
    return await client.post(
        f"/api/v1/participants/{participant.id}/eligibility", json=payload, headers=auth(user)
    )


class TestValidityPeriod:
    """The validity period on the one clock, including month ends and 29 February."""

    @pytest.mark.parametrize(
        ("validated_on", "valid_until"),
        [
            ("2026-01-31", "2028-01-30"),
            ("2026-08-31", "2028-08-30"),
            ("2028-02-29", "2030-02-27"),  # 29 February 2030 does not exist: the 28th, minus 1
            ("2026-12-31", "2028-12-30"),
        ],
    )
    async def test_24_months_to_the_day(
        self, client, auth, network, alice, validated_on, valid_until
    ):
        day = date.fromisoformat(validated_on)
        moment = datetime(day.year, day.month, day.day, 10, tzinfo=clock.LOCAL_ZONE)
        with time_machine.travel(moment, tick=False):
            response = await validate(
                client,
                auth,
                network.facilitator,
                alice,
                criterion="long_term_jobseeker",
                evidence_type="france_travail_certificate",
                evidence_date=validated_on,
            )
        assert response.status_code == 201, response.text
        assert response.json()["valid_until"] == valid_until


class TestValidate:
    async def test_facilitator_validates_with_evidence(self, client, auth, network, alice):
        response = await validate(
            client,
            auth,
            network.facilitator,
            alice,
            criterion="long_term_jobseeker",
            evidence_type="france_travail_certificate",
            evidence_date=clock.today().isoformat(),
        )
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["current"] is True
        assert body["validated_by"]["id"] == str(network.facilitator.id)
        # 24 months by default: valid until the day before the same date two years on.
        validated_on = date.fromisoformat(body["validated_on"])
        expected = add_months(validated_on, 24) - timedelta(days=1)
        assert body["valid_until"] == expected.isoformat()
        status = await client.get(f"/api/v1/participants/{alice.id}", headers=auth(network.nadia))
        assert status.json()["eligibility"]["eligible"] is True
        assert status.json()["eligible_until"] == body["valid_until"]

    async def test_validity_follows_the_structure_setting(
        self, client, auth, session, network, alice
    ):
        admin = await make_user(session, Role.admin, network.structure)
        url = "/api/v1/clause-settings"
        etag = (await client.get(url, headers=auth(admin))).headers["ETag"]
        changed = await client.patch(
            url,
            json={"eligibility_validity_months": 12},
            headers=auth(admin) | {"If-Match": etag},
        )
        assert changed.status_code == 200, changed.text
        response = await validate(
            client,
            auth,
            network.facilitator,
            alice,
            criterion="qpv_resident",
            validated_on="2025-01-15",
        )
        assert response.json()["valid_until"] == "2026-01-14"
        explicit = await validate(
            client,
            auth,
            network.facilitator,
            alice,
            criterion="long_term_jobseeker",
            validated_on="2025-01-15",
            validity_months=6,
        )
        assert explicit.json()["valid_until"] == "2025-07-14"

    async def test_only_the_structure_s_criteria_are_validated(
        self, client, auth, session, network, alice
    ):
        admin = await make_user(session, Role.admin, network.structure)
        url = "/api/v1/clause-settings"
        settings = await client.get(url, headers=auth(admin))
        assert "senior_jobseeker" in settings.json()["enabled_criteria"]
        changed = await client.patch(
            url,
            # Sent out of order and twice: stored once each, in the code list's order.
            json={"enabled_criteria": ["qpv_resident", "long_term_jobseeker", "qpv_resident"]},
            headers=auth(admin) | {"If-Match": settings.headers["ETag"]},
        )
        assert changed.status_code == 200, changed.text
        assert changed.json()["enabled_criteria"] == ["long_term_jobseeker", "qpv_resident"]
        refused = await validate(
            client, auth, network.facilitator, alice, criterion="senior_jobseeker"
        )
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["field"] == "criterion"
        assert refused.json()["errors"][0]["code"] == "criterion_not_enabled"
        accepted = await validate(
            client, auth, network.facilitator, alice, criterion="qpv_resident"
        )
        assert accepted.status_code == 201, accepted.text
        for bad, code in (([], "too_short"), (["justice"], "enum")):
            etag = (await client.get(url, headers=auth(admin))).headers["ETag"]
            response = await client.patch(
                url, json={"enabled_criteria": bad}, headers=auth(admin) | {"If-Match": etag}
            )
            assert response.status_code == 422, response.text
            assert response.json()["errors"][0]["field"].startswith("enabled_criteria")
            assert response.json()["errors"][0]["code"] == code

    async def test_rules(self, client, auth, session, network):
        no_consent = await make_participant(session, network.nadia, network.structure)
        cases = [
            ({"criterion": "minimum_income"}, "minimum_income_kind", "field_required"),
            (
                {"criterion": "long_term_jobseeker", "minimum_income_kind": "rsa"},
                "minimum_income_kind",
                "field_not_applicable",
            ),
            ({"criterion": "facilitator_validated"}, "opinion_source", "field_required"),
            ({"criterion": "disabled_worker"}, "criterion", "health_consent_required"),
            (
                {
                    "criterion": "qpv_resident",
                    "validated_on": (clock.today() + timedelta(days=2)).isoformat(),
                },
                "validated_on",
                "date_in_future",
            ),
            ({"criterion": "unknown_code"}, "criterion", "enum"),
        ]
        for body, field, code in cases:
            response = await validate(client, auth, network.facilitator, no_consent, **body)
            assert response.status_code == 422, (body, response.text)
            error = response.json()["errors"][0]
            assert (error["field"], error["code"]) == (field, code), body
        history = await client.get(
            f"/api/v1/participants/{no_consent.id}/eligibility", headers=auth(network.nadia)
        )
        assert history.json() == []

    async def test_lapsed_validation_no_longer_counts(self, client, auth, network, alice):
        old = clock.today() - timedelta(days=800)
        await validate(
            client,
            auth,
            network.facilitator,
            alice,
            criterion="senior_jobseeker",
            validated_on=old.isoformat(),
        )
        url = f"/api/v1/participants/{alice.id}/eligibility-status"
        then = await client.get(
            url, params={"on": (old + timedelta(days=30)).isoformat()}, headers=auth(network.nadia)
        )
        assert then.json()["eligible"] is True
        now = await client.get(url, headers=auth(network.nadia))
        assert now.json()["eligible"] is False

    async def test_operation_restriction(self, client, auth, session, network, alice):
        _tender, _lot, operation = await make_tender(session, network.structure)
        operation.eligibility_restriction = "qpv_residents"
        await session.commit()
        await validate(client, auth, network.facilitator, alice, criterion="long_term_jobseeker")
        url = f"/api/v1/participants/{alice.id}/eligibility-status"
        status = await client.get(
            url, params={"operation_id": str(operation.id)}, headers=auth(network.facilitator)
        )
        assert status.json()["restriction_met"] is False
        assert status.json()["eligible"] is False
        await validate(client, auth, network.facilitator, alice, criterion="qpv_resident")
        status = await client.get(
            url, params={"operation_id": str(operation.id)}, headers=auth(network.facilitator)
        )
        assert status.json()["eligible"] is True

    async def test_queue_lists_referred_people_without_current_validation(
        self, client, auth, session, network, alice
    ):
        other = await make_participant(session, network.paul, network.structure)
        await validate(client, auth, network.facilitator, alice, criterion="qpv_resident")
        queue = await client.get(
            "/api/v1/participants/eligibility-queue", headers=auth(network.facilitator)
        )
        assert [p["id"] for p in queue.json()["items"]] == [str(other.id)]


class TestSensitiveCriteria:
    async def _validated(self, client, auth, network, alice):
        response = await validate(
            client,
            auth,
            network.facilitator,
            alice,
            criterion="disabled_worker",
            evidence_type="mdph_notification",
        )
        assert response.status_code == 201, response.text

    async def _reveals(self, session, participant) -> list[AuditEvent]:
        rows = await session.execute(
            select(AuditEvent).where(
                AuditEvent.entity_id == participant.id,  # type: ignore[arg-type]
                AuditEvent.action == "read_sensitive",  # type: ignore[arg-type]
            )
        )
        return list(rows.scalars())

    async def test_masked_by_default(self, client, auth, session, network, alice):
        await self._validated(client, auth, network, alice)
        for user in (network.nadia, network.coordinator, network.facilitator):
            rows = (
                await client.get(f"/api/v1/participants/{alice.id}/eligibility", headers=auth(user))
            ).json()
            assert rows[0]["criterion"] is None and rows[0]["masked"] is True
            assert rows[0]["evidence_type"] is None
            assert rows[0]["current"] is True
        assert await self._reveals(session, alice) == []

    async def test_reveal_by_referent_and_facilitator_is_audited(
        self, client, auth, session, network, alice
    ):
        await self._validated(client, auth, network, alice)
        for user in (network.nadia, network.facilitator):
            rows = (
                await client.get(
                    f"/api/v1/participants/{alice.id}/eligibility",
                    params={"reveal": "true"},
                    headers=auth(user),
                )
            ).json()
            assert rows[0]["criterion"] == "disabled_worker"
        reveals = await self._reveals(session, alice)
        # Both reads are in one transaction: their entries share a timestamp, so no order.
        assert sorted(str(event.actor_id) for event in reveals) == sorted(
            str(user.id) for user in (network.nadia, network.facilitator)
        )
        # The entry says the sensitive fields were read, not which criterion they hold.
        assert reveals[0].changes == {
            "fields": ["criterion", "evidence_type", "minimum_income_kind"],
            "reason": "eligibility_reveal",
        }

    async def test_the_log_of_a_reveal_does_not_tell_the_criterion(
        self, client, auth, session, network, alice
    ):
        """Two people with different sensitive criteria leave identical reveal entries."""
        bruno = await make_participant(
            session, network.nadia, network.structure, last_name="Bruno", health_consent=True
        )
        await self._validated(client, auth, network, alice)
        income = await validate(
            client,
            auth,
            network.facilitator,
            bruno,
            criterion="minimum_income",
            minimum_income_kind="rsa",
        )
        assert income.status_code == 201, income.text
        logs = []
        for person in (alice, bruno):
            revealed = await client.get(
                f"/api/v1/participants/{person.id}/eligibility",
                params={"reveal": "true"},
                headers=auth(network.nadia),
            )
            assert revealed.json()[0]["criterion"] is not None
            [event] = await self._reveals(session, person)
            log = await client.get(
                f"/api/v1/participants/{person.id}/access-log", headers=auth(network.nadia)
            )
            entry = next(e for e in log.json() if e["action"] == "read_sensitive")
            logs.append((event.changes, entry["fields"]))
            for value in ("disabled_worker", "minimum_income", "rsa"):
                assert value not in event.changes["fields"] and f'"{value}"' not in log.text
        assert logs[0] == logs[1]

    async def test_coordinator_cannot_reveal(self, client, auth, session, network, alice):
        await self._validated(client, auth, network, alice)
        response = await client.get(
            f"/api/v1/participants/{alice.id}/eligibility",
            params={"reveal": "true"},
            headers=auth(network.coordinator),
        )
        assert response.status_code == 404
        assert await self._reveals(session, alice) == []

    async def test_audit_of_the_validation_holds_no_values(
        self, client, auth, session, network, alice
    ):
        await self._validated(client, auth, network, alice)
        rows = await session.execute(
            select(AuditEvent).where(AuditEvent.entity_type == "eligibility_validation")  # type: ignore[arg-type]
        )
        [event] = rows.scalars().all()
        assert "disabled_worker" not in str(event.changes)
        assert event.changes["criterion"] == "[set]"


class TestNobodyElseReadsParticipants:
    async def test_enterprise_buyer_admin_never_reach_any_participant_endpoint(
        self, client, auth, session, network, alice
    ):
        await validate(client, auth, network.facilitator, alice, criterion="qpv_resident")
        others = [
            await make_user(session, Role.enterprise),
            await make_user(session, Role.buyer),
            await make_user(session, Role.admin, network.structure),
        ]
        base = f"/api/v1/participants/{alice.id}"
        paths = [
            "/api/v1/participants",
            base,
            f"{base}/eligibility",
            f"{base}/eligibility?reveal=true",
            f"{base}/eligibility-status",
            f"{base}/pathways",
            f"{base}/export",
            "/api/v1/participants/stats",
        ]
        for user in others:
            for path in paths:
                response = await client.get(path, headers=auth(user))
                assert response.status_code == 403, (user.role, path)

    async def test_facilitator_of_another_structure_gets_404(self, client, auth, session, alice):
        stranger = await make_user(session, Role.facilitator, await make_organisation(session))
        response = await client.get(
            f"/api/v1/participants/{alice.id}/eligibility", headers=auth(stranger)
        )
        assert response.status_code == 404
