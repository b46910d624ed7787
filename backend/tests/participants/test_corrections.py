"""Correcting a pathway: steps in any order, corrected or removed while the pathway is open,
and a recorded exit corrected or undone until the follow-up confirms it."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from levier.core.audit.models import AuditEvent
from tests.participants.test_pathways import pathway_of, post

STEPS = "/api/v1/participants/{participant}/pathways/{pathway}/steps"


def step_url(participant, pathway, step) -> str:
    return STEPS.format(participant=participant.id, pathway=pathway["id"]) + f"/{step['id']}"


def etag(record) -> str:
    return f'"{record["id"]}.{record["version"]}"'


async def add(client, auth, user, participant, pathway, body) -> dict:
    response = await post(client, auth, user, participant, pathway, "steps", body)
    assert response.status_code == 201, response.text
    return response.json()


class TestStepOrder:
    async def test_an_earlier_step_can_be_added_later_and_is_shown_in_date_order(
        self, client, auth, network, alice
    ):
        pathway = await pathway_of(client, auth, network.nadia, alice)
        await add(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            {"kind": "support", "start_date": "2025-05-01"},
        )
        read = await add(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            {"kind": "diagnosis", "start_date": "2025-01-10"},
        )
        assert [s["kind"] for s in read["steps"]] == ["diagnosis", "support"]
        assert read["steps"][0]["actions"] == {"edit": True, "delete": True}
        listed = await pathway_of(client, auth, network.nadia, alice)
        assert [s["start_date"] for s in listed["steps"]] == ["2025-01-10", "2025-05-01"]

    async def test_still_not_before_the_entry(self, client, auth, network, alice):
        pathway = await pathway_of(client, auth, network.nadia, alice)
        response = await post(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            "steps",
            {"kind": "support", "start_date": "2024-12-01"},
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["code"] == "step_before_entry"


class TestEditStep:
    async def test_a_step_dated_by_mistake_is_corrected(self, client, auth, network, alice):
        pathway = await pathway_of(client, auth, network.nadia, alice)
        read = await add(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            {"kind": "diagnosis", "start_date": "2025-11-20"},
        )
        step = read["steps"][0]
        response = await client.patch(
            step_url(alice, pathway, step),
            json={
                "kind": "employment",
                "start_date": "2025-02-03",
                "contract_kind": "cdd",
                "employer": "Bâtir SA",
                "hours_per_week": "35",
            },
            headers={**auth(network.nadia), "If-Match": etag(step)},
        )
        assert response.status_code == 200, response.text
        (corrected,) = response.json()["steps"]
        assert (corrected["kind"], corrected["start_date"], corrected["employer"]) == (
            "employment",
            "2025-02-03",
            "Bâtir SA",
        )
        assert corrected["version"] == step["version"] + 1
        stale = await client.patch(
            step_url(alice, pathway, step),
            json={"start_date": "2025-02-04"},
            headers={**auth(network.nadia), "If-Match": etag(step)},
        )
        assert stale.status_code == 412
        missing = await client.patch(
            step_url(alice, pathway, step),
            json={"start_date": "2025-02-04"},
            headers=auth(network.nadia),
        )
        assert missing.status_code == 428

    async def test_a_correction_follows_a_new_step_s_rules(self, client, auth, network, alice):
        pathway = await pathway_of(client, auth, network.nadia, alice)
        read = await add(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            {"kind": "support", "start_date": "2025-03-01"},
        )
        step = read["steps"][0]
        response = await client.patch(
            step_url(alice, pathway, step),
            json={"kind": "employment", "start_date": "2024-12-01", "end_date": "2024-11-01"},
            headers={**auth(network.nadia), "If-Match": etag(step)},
        )
        assert response.status_code == 422
        found = {(e["field"], e["code"]) for e in response.json()["errors"]}
        assert found == {
            ("start_date", "step_before_entry"),
            ("end_date", "end_before_start"),
            ("contract_kind", "field_required"),
            ("hours_per_week", "field_required"),
        }
        cleared = await client.patch(
            step_url(alice, pathway, step),
            json={"kind": None},
            headers={**auth(network.nadia), "If-Match": etag(step)},
        )
        assert cleared.status_code == 422
        assert cleared.json()["errors"][0] == {**cleared.json()["errors"][0], "field": "kind"}

    async def test_the_facilitator_cannot_correct_and_a_closed_pathway_is_not_changed(
        self, client, auth, network, alice
    ):
        pathway = await pathway_of(client, auth, network.nadia, alice)
        read = await add(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            {"kind": "support", "start_date": "2025-03-01"},
        )
        step = read["steps"][0]
        seen = await pathway_of(client, auth, network.facilitator, alice)
        assert seen["steps"][0]["actions"] == {"edit": False, "delete": False}
        refused = await client.patch(
            step_url(alice, pathway, step),
            json={"start_date": "2025-03-02"},
            headers={**auth(network.facilitator), "If-Match": etag(step)},
        )
        assert refused.status_code == 403
        await post(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            "exit",
            {"exit_date": "2025-06-30", "situation": "cdi"},
        )
        closed = await pathway_of(client, auth, network.nadia, alice)
        assert closed["steps"][0]["actions"] == {"edit": False, "delete": False}
        response = await client.patch(
            step_url(alice, pathway, step),
            json={"start_date": "2025-03-02"},
            headers={**auth(network.nadia), "If-Match": etag(closed["steps"][0])},
        )
        assert response.status_code == 409
        assert response.json()["code"] == "pathway_closed"


class TestDeleteStep:
    async def test_a_step_entered_by_mistake_is_removed_and_audited(
        self, client, auth, session, network, alice
    ):
        pathway = await pathway_of(client, auth, network.nadia, alice)
        read = await add(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            {"kind": "diagnosis", "start_date": "2025-11-20"},
        )
        step = read["steps"][0]
        stale = await client.request(
            "DELETE",
            step_url(alice, pathway, step),
            headers={**auth(network.nadia), "If-Match": '"x.0"'},
        )
        assert stale.status_code == 412
        response = await client.request(
            "DELETE",
            step_url(alice, pathway, step),
            json={"reason": "Saisie par erreur"},
            headers={**auth(network.nadia), "If-Match": etag(step)},
        )
        assert response.status_code == 204, response.text
        assert (await pathway_of(client, auth, network.nadia, alice))["steps"] == []
        events = await session.execute(
            select(AuditEvent).where(AuditEvent.entity_id == uuid.UUID(pathway["id"]))  # type: ignore[arg-type]
        )
        removal = [e.changes for e in events.scalars() if "steps" in e.changes]
        assert removal == [{"steps": {"removed": step["id"], "reason": "Saisie par erreur"}}]
        log = await client.get(
            f"/api/v1/participants/{alice.id}/access-log", headers=auth(network.nadia)
        )
        # The step's own entries stay in the person's access log, its deletion included.
        step_entries = [
            (e["record"], e["action"]) for e in log.json() if e["record"] == "pathway_step"
        ]
        assert step_entries == [("pathway_step", "created"), ("pathway_step", "deleted")]
        assert not any(e["fields"] == ["steps"] for e in log.json())
        # An earlier step is then accepted (the step dated today no longer blocks it).
        await add(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            {"kind": "diagnosis", "start_date": "2025-01-10"},
        )

    async def test_without_reason_and_out_of_scope(self, client, auth, network, alice):
        pathway = await pathway_of(client, auth, network.nadia, alice)
        step = (
            await add(
                client,
                auth,
                network.nadia,
                alice,
                pathway,
                {"kind": "support", "start_date": "2025-03-01"},
            )
        )["steps"][0]
        outsider = await client.request(
            "DELETE",
            step_url(alice, pathway, step),
            headers={**auth(network.paul), "If-Match": etag(step)},
        )
        assert outsider.status_code == 404
        response = await client.request(
            "DELETE",
            step_url(alice, pathway, step),
            headers={**auth(network.nadia), "If-Match": etag(step)},
        )
        assert response.status_code == 204


class TestExitCorrection:
    async def _exited(self, client, auth, network, alice) -> dict:
        pathway = await pathway_of(client, auth, network.nadia, alice)
        response = await post(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            "exit",
            {"exit_date": "2025-06-30", "situation": "cdi"},
        )
        assert response.status_code == 200
        exited = response.json()
        assert (exited["actions"]["correct_exit"], exited["actions"]["reopen"]) == (True, True)
        return exited

    def _url(self, alice, pathway) -> str:
        return f"/api/v1/participants/{alice.id}/pathways/{pathway['id']}/exit"

    async def test_the_exit_is_corrected_until_the_follow_up(self, client, auth, network, alice):
        pathway = await self._exited(client, auth, network, alice)
        response = await client.put(
            self._url(alice, pathway),
            json={"exit_date": "2025-06-15", "situation": "unemployment"},
            headers={**auth(network.nadia), "If-Match": etag(pathway)},
        )
        assert response.status_code == 200, response.text
        corrected = response.json()
        assert (corrected["exit_date"], corrected["exit_category"]) == ("2025-06-15", "other_exit")
        bad = await client.put(
            self._url(alice, pathway),
            json={"exit_date": "2024-12-01", "situation": "other"},
            headers={**auth(network.nadia), "If-Match": etag(corrected)},
        )
        assert bad.status_code == 422
        assert {(e["field"], e["code"]) for e in bad.json()["errors"]} == {
            ("exit_date", "exit_before_last_step"),
            ("category", "exit_category_required"),
        }
        followed = await post(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            "follow-up",
            {"follow_up_date": "2026-01-05", "situation": "cdi"},
        )
        assert followed.status_code == 200, followed.text
        assert (
            followed.json()["actions"]["correct_exit"],
            followed.json()["actions"]["reopen"],
        ) == (
            False,
            False,
        )
        late = await client.put(
            self._url(alice, pathway),
            json={"exit_date": "2025-06-20", "situation": "cdi"},
            headers={**auth(network.nadia), "If-Match": etag(followed.json())},
        )
        assert late.status_code == 409
        assert late.json()["code"] == "follow_up_recorded"

    async def test_a_pathway_closed_by_mistake_reopens(self, client, auth, network, alice):
        pathway = await self._exited(client, auth, network, alice)
        stale = await client.delete(
            self._url(alice, pathway), headers={**auth(network.nadia), "If-Match": '"x.1"'}
        )
        assert stale.status_code == 412
        response = await client.delete(
            self._url(alice, pathway), headers={**auth(network.nadia), "If-Match": etag(pathway)}
        )
        assert response.status_code == 200, response.text
        reopened = response.json()
        assert (reopened["status"], reopened["exit_date"], reopened["exit_category"]) == (
            "open",
            None,
            None,
        )
        assert reopened["actions"]["add_step"] is True

    async def test_an_older_pathway_does_not_reopen_nor_move_past_the_next_entry(
        self, client, auth, network, alice
    ):
        pathway = await self._exited(client, auth, network, alice)
        second = await client.post(
            f"/api/v1/participants/{alice.id}/pathways",
            json={"entry_date": "2025-09-01"},
            headers=auth(network.nadia),
        )
        assert second.status_code == 201
        (older,) = [
            p
            for p in (
                await client.get(
                    f"/api/v1/participants/{alice.id}/pathways", headers=auth(network.nadia)
                )
            ).json()
            if p["id"] == pathway["id"]
        ]
        assert (older["actions"]["correct_exit"], older["actions"]["reopen"]) == (True, False)
        refused = await client.delete(
            self._url(alice, pathway), headers={**auth(network.nadia), "If-Match": etag(older)}
        )
        assert refused.status_code == 409
        assert refused.json()["code"] == "later_pathway_exists"
        moved = await client.put(
            self._url(alice, pathway),
            json={"exit_date": "2025-09-15", "situation": "cdi"},
            headers={**auth(network.nadia), "If-Match": etag(older)},
        )
        assert moved.status_code == 422
        assert moved.json()["errors"][0]["code"] == "exit_after_next_entry"
