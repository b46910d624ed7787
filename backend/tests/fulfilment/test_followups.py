"""My day: the follow-up items derived from what they are about, who acts next and by when, in
each one's scope; snooze and hand-over with their rules, notes and notification.

The world (conftest): on 3 February 2025 a lot awarded to Bâtir on 15 January, with an open
offer; Nadia's person Alice Dupré is eligible; the hire starts on 17 February."""

from __future__ import annotations

import time_machine

from levier.auth.permissions import Role
from tests.factories import classic_subcontractor, make_user
from tests.fulfilment.conftest import move, propose
from tests.fulfilment.test_hours import declare, etag, hire

URL = "/api/v1/follow-ups"


async def queue(client, headers, **params) -> list[dict]:
    response = await client.get(URL, params={"limit": 200, **params}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def kinds(items: list[dict]) -> list[tuple[str, bool]]:
    return [(item["kind"], item["mine"]) for item in items]


async def item_etag(client, headers, key) -> str:
    response = await client.get(f"{URL}/{key}", headers=headers)
    assert response.status_code == 200, response.text
    return response.headers["ETag"]


class TestItemsAndWhoActsNext:
    async def test_a_candidate_waits_on_the_employer_and_everyone_sees_who(
        self, client, auth, world
    ):
        referral = (await propose(client, auth(world.referent), world)).json()
        employer = await queue(client, auth(world.employer))
        assert kinds(employer) == [("referral_answer", True)]
        item = employer[0]
        assert item["key"] == f"referral_answer.{referral['id']}"
        assert item["person_name"] == "Alice Dupré"
        assert item["due_on"] == "2025-02-10" and not item["overdue"]
        assert item["acts_next_name"] == "Bâtir" and item["owner_name"] == "Bâtir"
        assert item["actions"] == {"snooze": True, "wake": False, "hand_over": True}
        # The structure and the referent follow it; only the structure may decide for Bâtir.
        facilitator = await queue(client, auth(world.facilitator), view="following")
        assert kinds(facilitator) == [("referral_answer", False)]
        assert facilitator[0]["actions"]["snooze"] is True
        followed = await queue(client, auth(world.referent))
        assert kinds(followed) == [("referral_answer", False)]
        assert followed[0]["actions"] == {"snooze": False, "wake": False, "hand_over": False}
        assert await queue(client, auth(world.facilitator), view="mine") == []
        # Another enterprise and the buyer (who never sees people) have nothing of it.
        assert await queue(client, auth(world.stranger)) == []
        assert await queue(client, auth(world.buyer)) == []
        outside = await client.get(f"{URL}/{item['key']}", headers=auth(world.stranger))
        assert outside.status_code == 404

    async def test_an_answer_moves_the_item_and_a_decision_ends_it(self, client, auth, world):
        referral = (await propose(client, auth(world.referent), world)).json()
        met = await move(
            client, auth(world.employer), referral, "interview", {"interview_on": "2025-02-12"}
        )
        assert met.status_code == 200, met.text
        (item,) = await queue(client, auth(world.employer))
        assert item["referral_status"] == "interview" and item["due_on"] == "2025-02-19"
        declined = await move(
            client, auth(world.employer), referral, "decline", {"reason": "profile_mismatch"}
        )
        assert declined.status_code == 200, declined.text
        assert await queue(client, auth(world.employer)) == []
        gone = await client.get(f"{URL}/{item['key']}", headers=auth(world.employer))
        assert gone.status_code == 404
        assert gone.json()["code"] == "follow_up_not_found"

    async def test_hours_missing_then_waiting_then_to_correct(self, client, auth, world):
        assignment = await hire(client, auth, world)
        with time_machine.travel("2025-03-10", tick=False):
            (missing,) = await queue(client, auth(world.employer), view="mine")
            assert missing["kind"] == "hours_missing"
            assert missing["key"] == (f"hours_missing.{world.lot.id}.{world.builder.id}.2025-02")
            assert missing["month"] == "2025-02-01" and missing["count"] == 1
            assert missing["due_on"] == "2025-03-05" and missing["overdue"] is True
            created = await declare(client, auth(world.employer), assignment)
            assert created.status_code == 201, created.text
            (waiting,) = await queue(client, auth(world.facilitator), view="mine")
            assert waiting["kind"] == "hours_to_validate"
            assert waiting["acts_next_name"] == "Facilitation"
            assert waiting["due_on"] == "2025-03-17"
            assert kinds(await queue(client, auth(world.employer))) == [
                ("hours_to_validate", False)
            ]
            declaration = created.json()
            rejected = await client.post(
                f"/api/v1/hours/{declaration['id']}/reject",
                json={"reason": "Heures à revoir"},
                headers=auth(world.facilitator)
                | {"If-Match": await etag(client, auth(world.facilitator), declaration)},
            )
            assert rejected.status_code == 200, rejected.text
            assert kinds(await queue(client, auth(world.employer))) == [("hours_to_correct", True)]
            assert await queue(client, auth(world.facilitator), view="mine") == []

    async def test_overdue_first_and_pages_by_cursor(self, client, auth, world):
        assignment = await hire(client, auth, world)
        with time_machine.travel("2025-03-10", tick=False):
            headers = auth(world.employer)
            url = f"/api/v1/assignments/{assignment}"
            tag = (await client.get(url, headers=headers)).headers["ETag"]
            ended = await client.post(
                f"{url}/end",
                json={"ended_on": "2025-03-07", "reason": "trial_period"},
                headers=headers | {"If-Match": tag},
            )
            assert ended.status_code == 200, ended.text
            first = (await client.get(URL, params={"limit": 1}, headers=headers)).json()
            assert [i["kind"] for i in first["items"]] == ["hours_missing"]
            assert first["next_cursor"]
            second = await client.get(
                URL, params={"limit": 1, "cursor": first["next_cursor"]}, headers=headers
            )
            (report,) = second.json()["items"]
            assert report["kind"] == "report_due" and report["due_on"] == "2025-03-22"
            assert report["person_name"] == "Alice Dupré" and report["mine"] is True
            assert second.json()["next_cursor"] is None
            counts = await client.get(f"{URL}/counts", headers=headers)
            assert counts.json() == {"overdue": 1, "today": 0, "upcoming": 1, "following": 0}
            bad = await client.get(URL, params={"cursor": "nope"}, headers=headers)
            assert bad.status_code == 422
            assert bad.json()["errors"][0]["field"] == "cursor"


class TestSnooze:
    async def test_snoozed_to_a_day_with_a_note_then_woken(self, client, auth, world):
        referral = (await propose(client, auth(world.referent), world)).json()
        key = f"referral_answer.{referral['id']}"
        headers = auth(world.employer)
        body = {"until": "2025-02-20", "note": "Entretien après les congés"}
        missing = await client.post(f"{URL}/{key}/snooze", json=body, headers=headers)
        assert missing.status_code == 428
        stale = await client.post(
            f"{URL}/{key}/snooze", json=body, headers=headers | {"If-Match": '"x.9"'}
        )
        assert stale.status_code == 412
        tag = await item_etag(client, headers, key)
        snoozed = await client.post(
            f"{URL}/{key}/snooze", json=body, headers=headers | {"If-Match": tag}
        )
        assert snoozed.status_code == 200, snoozed.text
        detail = snoozed.json()
        assert detail["next_action_on"] == "2025-02-20" and detail["due_on"] == "2025-02-10"
        assert detail["note"] == "Entretien après les congés"
        assert detail["actions"]["wake"] is True
        assert [e["action"] for e in detail["history"]] == ["snoozed"]
        assert detail["history"][0]["actor_name"] == world.employer.full_name
        # The old ETag no longer applies; the new one does.
        again = await client.post(
            f"{URL}/{key}/snooze", json=body, headers=headers | {"If-Match": tag}
        )
        assert again.status_code == 412
        woken = await client.post(
            f"{URL}/{key}/wake", headers=headers | {"If-Match": snoozed.headers["ETag"]}
        )
        assert woken.status_code == 200, woken.text
        assert woken.json()["next_action_on"] == "2025-02-10"
        assert [e["action"] for e in woken.json()["history"]] == ["snoozed", "woken"]

    async def test_a_snooze_day_is_after_today_and_within_six_months(self, client, auth, world):
        referral = (await propose(client, auth(world.referent), world)).json()
        key = f"referral_answer.{referral['id']}"
        headers = auth(world.employer)
        for until, code in (
            ("2025-02-03", "follow_up_snooze_past"),
            ("2025-09-01", "follow_up_snooze_too_far"),
        ):
            tag = await item_etag(client, headers, key)
            refused = await client.post(
                f"{URL}/{key}/snooze", json={"until": until}, headers=headers | {"If-Match": tag}
            )
            assert refused.status_code == 422, refused.text
            assert refused.json()["errors"][0]["field"] == "until"
            assert refused.json()["errors"][0]["code"] == code
        tag = await item_etag(client, headers, key)
        awake = await client.post(f"{URL}/{key}/wake", headers=headers | {"If-Match": tag})
        assert awake.status_code == 422

    async def test_only_those_who_act_decide(self, client, auth, world):
        referral = (await propose(client, auth(world.referent), world)).json()
        key = f"referral_answer.{referral['id']}"
        tag = await item_etag(client, auth(world.referent), key)
        body = {"until": "2025-02-20"}
        referent = await client.post(
            f"{URL}/{key}/snooze", json=body, headers=auth(world.referent) | {"If-Match": tag}
        )
        assert referent.status_code == 403
        stranger = await client.post(
            f"{URL}/{key}/snooze", json=body, headers=auth(world.stranger) | {"If-Match": tag}
        )
        assert stranger.status_code == 404
        for bad in (
            "nonsense",
            f"hours_missing.{referral['id']}",
            f"offer_missing.{referral['id']}",
        ):
            response = await client.get(f"{URL}/{bad}", headers=auth(world.employer))
            assert response.status_code == 404, bad


class TestHandOver:
    async def test_handed_to_a_colleague_who_is_told_and_now_acts(
        self, client, auth, world, session
    ):
        colleague = await make_user(session, Role.enterprise, world.builder, full_name="Paul Chef")
        referral = (await propose(client, auth(world.referent), world)).json()
        key = f"referral_answer.{referral['id']}"
        headers = auth(world.employer)
        candidates = await client.get(f"{URL}/{key}/candidates", headers=headers)
        names = {person["full_name"] for person in candidates.json()["items"]}
        assert {"Paul Chef", world.employer.full_name, world.facilitator.full_name} <= names
        assert world.referent.full_name not in names
        tag = await item_etag(client, headers, key)
        no_note = await client.post(
            f"{URL}/{key}/hand-over",
            json={"assignee_id": str(colleague.id), "note": "  "},
            headers=headers | {"If-Match": tag},
        )
        assert no_note.status_code == 422
        assert no_note.json()["errors"][0]["field"] == "note"
        to_referent = await client.post(
            f"{URL}/{key}/hand-over",
            json={"assignee_id": str(world.referent.id), "note": "À toi"},
            headers=headers | {"If-Match": tag},
        )
        assert to_referent.status_code == 422
        assert to_referent.json()["errors"][0]["code"] == "follow_up_assignee_refused"
        handed = await client.post(
            f"{URL}/{key}/hand-over",
            json={"assignee_id": str(colleague.id), "note": "Tu la reçois jeudi"},
            headers=headers | {"If-Match": tag},
        )
        assert handed.status_code == 200, handed.text
        assert handed.json()["acts_next_name"] == "Paul Chef"
        assert handed.json()["history"][0]["assignee_name"] == "Paul Chef"
        assert await queue(client, headers, view="mine") == []
        (mine,) = await queue(client, auth(colleague), view="mine")
        assert mine["key"] == key and mine["note"] == "Tu la reçois jeudi"
        counts = await client.get(f"{URL}/counts", headers=auth(colleague))
        assert counts.json() == {"overdue": 0, "today": 0, "upcoming": 1, "following": 0}
        told = await client.get("/api/v1/notifications", headers=auth(colleague))
        (notification,) = told.json()["items"]
        assert notification["kind"] == "follow_up_handed_over"
        assert world.employer.full_name in notification["title"]
        assert "Tu la reçois jeudi" in notification["body"]
        assert "Alice Dupré" in notification["body"]


class TestClauseLate:
    async def test_a_clause_with_no_hour_while_hours_are_due_is_late(
        self, client, auth, world, session
    ):
        await classic_subcontractor(session, world.insertion)
        with time_machine.travel("2025-03-10", tick=False):
            headers = auth(world.facilitator)
            lot_url = f"/api/v1/tenders/{world.tender.id}/lots/{world.lot.id}/compliance"
            figures = (await client.get(lot_url, headers=headers)).json()
            assert figures["status"] == "not_started" and figures["late"] is True
            assert float(figures["expected_by_now"]) > 0
            summary = await client.get(
                "/api/v1/compliance/summary",
                params={"level": "tender", "id": str(world.tender.id)},
                headers=headers,
            )
            assert summary.json()["late"] == 1
            assert summary.json()["by_status"]["behind"] == 0
            (late,) = await queue(client, headers, kind="clause_behind")
            assert late["mine"] is True and late["acts_next_name"] == "Facilitation"
            assert late["counted_hours"] == "0" or float(late["counted_hours"]) == 0
            assert late["enterprise_name"] == "Bâtir"
        # On the day of the award nothing is due yet: not late.
        with time_machine.travel("2025-01-15", tick=False):
            figures = (await client.get(lot_url, headers=auth(world.facilitator))).json()
            assert figures["late"] is False
            assert await queue(client, auth(world.facilitator), kind="clause_behind") == []


class TestWhatOnlyTheEmployerDoes:
    async def test_hours_stay_with_the_employer_and_late_ones_are_put_off_with_a_reason(
        self, client, auth, world
    ):
        await hire(client, auth, world)
        with time_machine.travel("2025-03-10", tick=False):
            headers = auth(world.employer)
            (missing,) = await queue(client, headers, kind="hours_missing")
            key = missing["key"]
            # Only the employer of record declares: the facilitator is not offered.
            candidates = await client.get(f"{URL}/{key}/candidates", headers=headers)
            names = {p["full_name"]: p["organisation_name"] for p in candidates.json()["items"]}
            assert names == {world.employer.full_name: "Bâtir"}
            tag = await item_etag(client, headers, key)
            refused = await client.post(
                f"{URL}/{key}/hand-over",
                json={"assignee_id": str(world.facilitator.id), "note": "À vous"},
                headers=headers | {"If-Match": tag},
            )
            assert refused.json()["errors"][0]["code"] == "follow_up_assignee_refused"
            # Overdue since the 5th: putting it off says why.
            silent = await client.post(
                f"{URL}/{key}/snooze",
                json={"until": "2025-03-12"},
                headers=headers | {"If-Match": tag},
            )
            assert silent.status_code == 422
            assert silent.json()["errors"][0]["field"] == "note"
            assert silent.json()["errors"][0]["code"] == "follow_up_snooze_note_required"
            said = await client.post(
                f"{URL}/{key}/snooze",
                json={"until": "2025-03-12", "note": "Relevé signé attendu du chef de chantier"},
                headers=headers | {"If-Match": tag},
            )
            assert said.status_code == 200, said.text
