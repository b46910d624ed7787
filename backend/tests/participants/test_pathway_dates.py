"""Pathway dates: the event-date bounds on every pathway date, no entry before the person's
birth, the entry corrected while the pathway is open (If-Match, audited), every step error at
once, and the follow-up offered only once six months have passed."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import time_machine
from sqlalchemy import select

from levier.core import clock
from levier.core.audit.models import AuditEvent
from tests.factories import make_participant
from tests.participants.test_pathways import pathway_of, post


def etag(pathway: dict) -> dict[str, str]:
    return {"If-Match": f'"{pathway["id"]}.{pathway["version"]}"'}


async def start(client, auth, user, participant, entry_date: str):
    return await client.post(
        f"/api/v1/participants/{participant.id}/pathways",
        json={"entry_date": entry_date},
        headers=auth(user),
    )


async def amend(client, auth, user, participant, pathway, body, headers=None):
    return await client.patch(
        f"/api/v1/participants/{participant.id}/pathways/{pathway['id']}",
        json=body,
        headers={**auth(user), **(etag(pathway) if headers is None else headers)},
    )


def errors(response) -> set[tuple[str, str]]:
    return {(e["field"], e["code"]) for e in response.json()["errors"]}


class TestEntryDate:
    async def test_a_typo_of_the_year_is_refused(self, client, auth, session, network):
        person = await make_participant(session, network.nadia, network.structure)
        response = await start(client, auth, network.nadia, person, "1890-01-01")
        assert response.status_code == 422
        assert errors(response) == {("entry_date", "date_too_early")}
        assert response.json()["errors"][0]["message"].startswith("Date trop ancienne")

    async def test_no_entry_before_the_person_was_born(self, client, auth, session, network):
        person = await make_participant(
            session, network.nadia, network.structure, birth_date=date(2008, 6, 15)
        )
        response = await start(client, auth, network.nadia, person, "2008-01-07")
        assert response.status_code == 422
        assert errors(response) == {("entry_date", "entry_before_birth")}
        message = response.json()["errors"][0]["message"]
        assert message == (
            "L'entrée en parcours ne peut pas précéder la naissance de la personne (15/06/2008)."
        )
        english = await client.post(
            f"/api/v1/participants/{person.id}/pathways",
            json={"entry_date": "2008-01-07"},
            headers={**auth(network.nadia), "Accept-Language": "en"},
        )
        assert english.json()["errors"][0]["message"].startswith("The pathway entry cannot")
        assert (await start(client, auth, network.nadia, person, "2024-09-02")).status_code == 201

    async def test_every_pathway_date_has_the_event_bounds(self, client, auth, network, alice):
        pathway = await pathway_of(client, auth, network.nadia, alice)
        cases = [
            ("steps", {"kind": "support", "start_date": "1890-01-01"}, "start_date"),
            (
                "steps",
                {"kind": "support", "start_date": "2025-02-03", "end_date": "2090-01-01"},
                "end_date",
            ),
            ("exit", {"exit_date": "0202-03-01", "situation": "cdi"}, "exit_date"),
        ]
        for action, body, field in cases:
            response = await post(client, auth, network.nadia, alice, pathway, action, body)
            assert response.status_code == 422, (body, response.text)
            assert {e["field"] for e in response.json()["errors"]} == {field}, body
        # A planned end within five years is fine.
        planned = {"kind": "training", "start_date": "2025-02-03", "end_date": "2027-06-30"}
        response = await post(client, auth, network.nadia, alice, pathway, "steps", planned)
        assert response.status_code == 201, response.text


class TestAmendEntryDate:
    async def test_referent_corrects_the_entry_with_if_match_audited(
        self, client, auth, session, network, alice
    ):
        pathway = await pathway_of(client, auth, network.nadia, alice)
        assert pathway["actions"]["edit"] is True
        assert (await amend(client, auth, network.nadia, alice, pathway, {}, {})).status_code == 428
        response = await amend(
            client, auth, network.nadia, alice, pathway, {"entry_date": "2025-01-13"}
        )
        assert response.status_code == 200, response.text
        assert response.json()["entry_date"] == "2025-01-13"
        assert response.json()["version"] == pathway["version"] + 1
        stale = await amend(
            client, auth, network.nadia, alice, pathway, {"entry_date": "2025-01-20"}
        )
        assert stale.status_code == 412
        entries = await session.execute(
            select(AuditEvent).where(
                AuditEvent.entity_id == uuid.UUID(pathway["id"]),  # type: ignore[arg-type]
                AuditEvent.action == "updated",  # type: ignore[arg-type]
            )
        )
        # The field touched is named, never its value (personal data).
        assert [e.changes for e in entries.scalars()] == [{"entry_date": "[changed]"}]

    async def test_corrected_entry_keeps_its_rules(self, client, auth, session, network):
        person = await make_participant(
            session, network.nadia, network.structure, birth_date=date(2004, 3, 10)
        )
        pathway = (await start(client, auth, network.nadia, person, "2025-01-06")).json()
        step = {"kind": "diagnosis", "start_date": "2025-02-03"}
        pathway = (await post(client, auth, network.nadia, person, pathway, "steps", step)).json()
        cases = [
            ("2025-02-10", "entry_after_first_step"),
            ("2004-01-05", "entry_before_birth"),
            ("1890-01-01", "date_too_early"),
        ]
        for entry_date, code in cases:
            response = await amend(
                client, auth, network.nadia, person, pathway, {"entry_date": entry_date}
            )
            assert response.status_code == 422, entry_date
            assert errors(response) == {("entry_date", code)}, entry_date

    async def test_not_once_closed_nor_by_the_facilitator(self, client, auth, network, alice):
        pathway = await pathway_of(client, auth, network.facilitator, alice)
        assert pathway["actions"]["edit"] is False
        refused = await amend(
            client, auth, network.facilitator, alice, pathway, {"entry_date": "2025-01-13"}
        )
        assert refused.status_code == 403
        exit_body = {"exit_date": "2025-03-31", "situation": "cdi"}
        closed = (await post(client, auth, network.nadia, alice, pathway, "exit", exit_body)).json()
        assert closed["actions"]["edit"] is False
        response = await amend(
            client, auth, network.nadia, alice, closed, {"entry_date": "2025-01-13"}
        )
        assert response.status_code == 409
        assert response.json()["code"] == "pathway_closed"

    async def test_birth_date_cannot_move_after_the_entry(self, client, auth, session, network):
        person = await make_participant(session, network.nadia, network.structure)
        assert (await start(client, auth, network.nadia, person, "2007-09-01")).status_code == 201
        record = await client.get(f"/api/v1/participants/{person.id}", headers=auth(network.nadia))
        response = await client.patch(
            f"/api/v1/participants/{person.id}",
            json={"birth_date": "2008-05-05"},
            headers={**auth(network.nadia), "If-Match": record.headers["ETag"]},
        )
        assert response.status_code == 422
        assert errors(response) == {("birth_date", "birth_after_entry")}


class TestStepErrorsAtOnce:
    async def test_every_failed_rule_in_one_answer(self, client, auth, network, alice):
        pathway = await pathway_of(client, auth, network.nadia, alice)
        body = {"kind": "employment", "start_date": "2024-12-02", "end_date": "2024-11-29"}
        response = await post(client, auth, network.nadia, alice, pathway, "steps", body)
        assert response.status_code == 422
        assert errors(response) == {
            ("start_date", "step_before_entry"),
            ("end_date", "end_before_start"),
            ("contract_kind", "field_required"),
            ("hours_per_week", "field_required"),
        }


def at_noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=clock.LOCAL_ZONE)


class TestFollowUpDue:
    async def test_offered_six_months_after_the_exit_not_on_its_day(
        self, client, auth, network, alice
    ):
        with time_machine.travel(at_noon(date(2025, 3, 31)), tick=False):
            pathway = await pathway_of(client, auth, network.nadia, alice)
            exit_body = {"exit_date": "2025-03-31", "situation": "cdi"}
            closed = await post(client, auth, network.nadia, alice, pathway, "exit", exit_body)
            assert closed.json()["actions"]["follow_up"] is False
            assert closed.json()["follow_up_due"] == "2025-09-30"
            early = await post(
                client,
                auth,
                network.nadia,
                alice,
                pathway,
                "follow-up",
                {"follow_up_date": "2025-03-31", "situation": "cdi"},
            )
            assert early.status_code == 409
            assert early.json()["code"] == "follow_up_not_due"
            assert "30/09/2025" in early.json()["detail"]
        with time_machine.travel(at_noon(date(2025, 9, 29)), tick=False):
            pathway = await pathway_of(client, auth, network.nadia, alice)
            assert pathway["actions"]["follow_up"] is False
        with time_machine.travel(at_noon(date(2025, 9, 30)), tick=False):
            pathway = await pathway_of(client, auth, network.nadia, alice)
            assert pathway["actions"]["follow_up"] is True
            done = await post(
                client,
                auth,
                network.nadia,
                alice,
                pathway,
                "follow-up",
                {"follow_up_date": "2025-09-30", "situation": "cdi"},
            )
            assert done.status_code == 200, done.text


class TestEntryAtWorkingAge:
    async def test_a_pathway_starts_at_sixteen_at_the_earliest(
        self, client, auth, session, network
    ):
        from datetime import date

        from tests.factories import make_participant

        person = await make_participant(
            session, network.nadia, network.structure, birth_date=date(2007, 1, 1)
        )
        url = f"/api/v1/participants/{person.id}/pathways"
        refused = await client.post(
            url, json={"entry_date": "2010-06-01"}, headers=auth(network.nadia)
        )
        assert refused.status_code == 422
        error = refused.json()["errors"][0]
        assert (error["field"], error["code"]) == ("entry_date", "entry_before_minimum_age")
        assert "01/01/2023" in error["message"]
        accepted = await client.post(
            url, json={"entry_date": "2023-01-02"}, headers=auth(network.nadia)
        )
        assert accepted.status_code == 201, accepted.text
