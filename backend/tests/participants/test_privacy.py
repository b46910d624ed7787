"""Data-subject rights: export of everything held (JSON, PDF), anonymisation to a statistical
residue, and the retention job."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from levier.core import clock
from levier.core.audit.models import AuditEvent
from levier.participants import privacy
from levier.participants.models import EligibilityValidation, Participant, Pathway
from tests.factories import make_participant


async def _history(client, auth, network, alice):
    """Alice: a disabled-worker validation, a pathway with a clause-free step, and an exit."""
    response = await client.post(
        f"/api/v1/participants/{alice.id}/eligibility",
        json={
            "criterion": "disabled_worker",
            "validated_on": "2025-01-10",
            "evidence_type": "mdph_notification",
        },
        headers=auth(network.facilitator),
    )
    assert response.status_code == 201, response.text
    url = f"/api/v1/participants/{alice.id}/pathways"
    pathway = (await client.get(url, headers=auth(network.nadia))).json()[0]
    await client.post(
        f"{url}/{pathway['id']}/steps",
        json={
            "kind": "training",
            "start_date": "2025-02-10",
            "end_date": "2025-03-14",
            "notes": "Formation CACES",
        },
        headers=auth(network.nadia),
    )
    exited = await client.post(
        f"{url}/{pathway['id']}/exit",
        json={"exit_date": "2025-03-31", "situation": "cdi", "notes": "Embauchée chez Bâtir"},
        headers=auth(network.nadia),
    )
    assert exited.status_code == 200, exited.text


async def exists(session, participant_id) -> bool:
    rows = await session.execute(select(Participant.id).where(Participant.id == participant_id))  # type: ignore[arg-type]
    return rows.first() is not None


class TestExport:
    async def test_json_holds_everything_and_the_access_log(
        self, client, auth, session, network, alice
    ):
        await _history(client, auth, network, alice)
        response = await client.get(
            f"/api/v1/participants/{alice.id}/export", headers=auth(network.nadia)
        )
        assert response.status_code == 200
        assert "attachment" in response.headers["content-disposition"]
        document = response.json()
        assert document["participant"]["last_name"] == "Dupré"
        assert document["eligibility"][0]["criterion"] == "disabled_worker"
        assert document["pathways"][0]["steps"][0]["notes"] == "Formation CACES"
        assert document["pathways"][0]["exit_category"] == "lasting_employment"
        actions = {entry["action"] for entry in document["access_log"]}
        assert {"created", "updated"} <= actions
        exports = await session.execute(
            select(AuditEvent).where(
                AuditEvent.entity_id == alice.id,  # type: ignore[arg-type]
                AuditEvent.action == "read_sensitive",  # type: ignore[arg-type]
            )
        )
        assert [e.changes["reason"] for e in exports.scalars()] == ["export"]

    async def test_pdf(self, client, auth, network, alice):
        response = await client.get(
            f"/api/v1/participants/{alice.id}/export",
            params={"format": "pdf"},
            headers=auth(network.facilitator),
        )
        assert response.status_code == 200
        assert response.content.startswith(b"%PDF")

    async def test_coordinator_cannot_export_a_colleague_s_participant(
        self, client, auth, network, alice
    ):
        response = await client.get(
            f"/api/v1/participants/{alice.id}/export", headers=auth(network.coordinator)
        )
        assert response.status_code == 404


class TestAccessLog:
    async def test_who_accessed_this_person(self, client, auth, network, alice):
        await _history(client, auth, network, alice)
        await client.get(
            f"/api/v1/participants/{alice.id}/eligibility",
            params={"reveal": "true"},
            headers=auth(network.facilitator),
        )
        log = await client.get(
            f"/api/v1/participants/{alice.id}/access-log", headers=auth(network.nadia)
        )
        assert log.status_code == 200
        reveal = [e for e in log.json() if e["action"] == "read_sensitive"]
        assert reveal[0]["actor"]["id"] == str(network.facilitator.id)
        assert reveal[0]["fields"] == ["criterion", "evidence_type", "minimum_income_kind"]
        assert "disabled_worker" not in log.text
        assert "Dupré" not in log.text
        coordinator = await client.get(
            f"/api/v1/participants/{alice.id}/access-log", headers=auth(network.coordinator)
        )
        assert coordinator.status_code == 404


class TestAnonymise:
    async def test_residue_keeps_statistics_only(self, client, auth, session, network, alice):
        await _history(client, auth, network, alice)
        stats_before = (
            await client.get("/api/v1/participants/stats", headers=auth(network.nadia))
        ).json()
        response = await client.post(
            f"/api/v1/participants/{alice.id}/anonymise", headers=auth(network.nadia)
        )
        assert response.status_code == 204, response.text
        gone = await client.get(f"/api/v1/participants/{alice.id}", headers=auth(network.nadia))
        assert gone.status_code == 404
        assert not await exists(session, alice.id)
        [residue] = (
            (
                await session.execute(
                    select(Participant)
                    .where(Participant.anonymised_at.is_not(None))
                    .execution_options(populate_existing=True)  # type: ignore[union-attr]
                )
            )
            .scalars()
            .all()
        )
        assert residue.id != alice.id
        assert (residue.last_name, residue.first_names, residue.birth_date) == ("", "", None)
        assert (residue.email, residue.commune_code, residue.address) == (None, None, None)
        assert (residue.department_code, residue.gender, residue.age_band) == (
            "37",
            "female",
            "26_49",
        )
        [pathway] = (
            (
                await session.execute(
                    select(Pathway)
                    .where(Pathway.participant_id == residue.id)
                    .execution_options(populate_existing=True)
                )  # type: ignore[arg-type]
            )
            .scalars()
            .all()
        )
        assert (pathway.entry_date, pathway.exit_date) == (date(2025, 1, 1), date(2025, 3, 1))
        assert pathway.exit_category == "lasting_employment" and pathway.exit_notes == ""
        [validation] = (
            (
                await session.execute(
                    select(EligibilityValidation).where(
                        EligibilityValidation.participant_id == residue.id  # type: ignore[arg-type]
                    )
                )
            )
            .scalars()
            .all()
        )
        assert validation.criterion == "health_related"
        assert validation.evidence_type is None
        stats_after = (
            await client.get("/api/v1/participants/stats", headers=auth(network.nadia))
        ).json()
        assert stats_after["exits"] == stats_before["exits"]
        assert stats_after["participants"] == stats_before["participants"]

    async def test_listing_no_longer_shows_the_person(self, client, auth, network, alice):
        await client.post(f"/api/v1/participants/{alice.id}/anonymise", headers=auth(network.nadia))
        listing = await client.get("/api/v1/participants", headers=auth(network.nadia))
        assert listing.json()["items"] == []


class TestRetention:
    async def test_dry_run_then_apply_then_idempotent(self, session, client, auth, network, alice):
        await _history(client, auth, network, alice)
        active = await make_participant(session, network.paul, pathway=True)
        # Alice's last activity is today; look 25 months ahead.
        later = date(clock.today().year + 2, clock.today().month, 1).replace(
            month=((clock.today().month) % 12) + 1
        )
        if later.month == 1:
            later = later.replace(year=later.year + 1)
        report = await privacy.retention(session, 24, today=later, dry_run=True)
        assert report.anonymised == [str(alice.id)]  # the open pathway of `active` keeps it
        assert await exists(session, alice.id)
        applied = await privacy.retention(session, 24, today=later, dry_run=False)
        assert applied.anonymised == [str(alice.id)]
        again = await privacy.retention(session, 24, today=later, dry_run=False)
        assert again.anonymised == []
        assert not await exists(session, alice.id)
        assert await exists(session, active.id)

    async def test_each_controller_keeps_records_for_its_own_period(
        self, session, client, auth, network
    ):
        today = date(2030, 6, 15)
        at_mission_locale = await make_participant(session, network.nadia)
        at_france_travail = await make_participant(session, network.paul)
        for participant in (at_mission_locale, at_france_travail):
            participant.last_activity_on = date(2029, 1, 10)  # 17 months before
        network.france_travail.retention_months = 12
        session.add_all([at_mission_locale, at_france_travail, network.france_travail])
        await session.commit()
        report = await privacy.retention(session, 24, today=today, dry_run=False)
        await session.commit()
        assert report.periods == {12: 1}
        assert report.anonymised == [str(at_france_travail.id)]
        assert await exists(session, at_mission_locale.id)
        assert not await exists(session, at_france_travail.id)

    async def test_referents_are_warned_once_until_new_activity(
        self, session, client, auth, network
    ):
        today = date(2030, 6, 15)
        soon = await make_participant(session, network.nadia, network.structure)
        later = await make_participant(session, network.nadia, network.structure)
        soon.last_activity_on = date(2028, 6, 25)  # 24 months end on 2030-06-25
        later.last_activity_on = date(2028, 9, 1)
        session.add_all([soon, later])
        await session.commit()

        dry = await privacy.retention(session, 24, today=today, dry_run=True)
        assert dry.due_within_30_days == [str(soon.id)]
        assert dry.warnings == []  # a dry run warns no one and marks nothing

        first = await privacy.retention(session, 24, today=today, dry_run=False)
        await session.commit()
        assert [(w.email, w.count, w.first_due_on) for w in first.warnings] == [
            (network.nadia.email, 1, date(2030, 6, 25))
        ]
        url = "/api/v1/participants"
        due = await client.get(url, params={"retention_due": True}, headers=auth(network.nadia))
        assert [p["id"] for p in due.json()["items"]] == [str(soon.id)]
        assert due.json()["items"][0]["retention_due_on"] == "2030-06-25"
        # The coordinator's and the facilitator's lists apply the same filter within their scope.
        for viewer in (network.coordinator, network.facilitator):
            seen = await client.get(url, params={"retention_due": True}, headers=auth(viewer))
            assert [p["id"] for p in seen.json()["items"]] == [str(soon.id)]

        again = await privacy.retention(session, 24, today=today, dry_run=False)
        await session.commit()
        assert again.due_within_30_days == [str(soon.id)]
        assert again.warnings == []  # already warned

        # New activity (an update of the record) resets the clock and clears the warning.
        record = await client.get(f"{url}/{soon.id}", headers=auth(network.nadia))
        updated = await client.patch(
            f"{url}/{soon.id}",
            json={"phone": "0601020304"},
            headers=auth(network.nadia) | {"If-Match": record.headers["ETag"]},
        )
        assert updated.status_code == 200, updated.text
        assert updated.json()["retention_due_on"] is None
        due = await client.get(url, params={"retention_due": True}, headers=auth(network.nadia))
        assert due.json()["items"] == []
