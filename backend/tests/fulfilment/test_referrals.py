"""Referrals through the API: proposing a person, who sees what, the employer's moves, the
withdrawal, and the hire that enters the person into the clause (or writes nothing)."""

from __future__ import annotations

from sqlalchemy import func, select

from levier.assignments.models import Assignment
from levier.core.audit.models import AuditEvent
from levier.referrals.models import Referral
from tests.factories import make_organisation, make_participant
from tests.fulfilment.conftest import move, propose

URL = "/api/v1/referrals"


async def count(session, model) -> int:
    return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


class TestPropose:
    async def test_the_referent_proposes_and_the_employer_sees_a_name_and_a_contact(
        self, client, auth, world
    ):
        created = await propose(
            client, auth(world.referent), world, message="Disponible dès lundi, permis B."
        )
        assert created.status_code == 201, created.text
        assert created.headers["Location"] == f"{URL}/{created.json()['id']}"
        referral = created.json()
        assert referral["status"] == "proposed"
        assert referral["status_on"] == "2025-02-03"
        assert [e["status"] for e in referral["events"]] == ["proposed"]
        assert referral["events"][0]["actor_name"] == "Nadia Referente"
        seen = await client.get(f"{URL}/{referral['id']}", headers=auth(world.employer))
        assert seen.status_code == 200, seen.text
        body = seen.json()
        assert body["person"] == {
            "id": str(world.person.id),
            "first_names": "Alice",
            "last_name": "Dupré",
        }
        assert body["referent"]["full_name"] == "Nadia Referente"
        assert body["referent"]["email"] == world.referent.email
        assert body["referent"]["organisation_name"] == "Mission Locale"
        assert body["message"] == "Disponible dès lundi, permis B."
        assert body["actions"] == {
            "interview": True,
            "hire": True,
            "decline": True,
            "withdraw": False,
        }
        # Nothing of the person's situation in what the employer reads.
        for hidden in ("birth_date", "eligibility", "pathways", "criterion", "qpv", "gender"):
            assert hidden not in seen.text

    async def test_every_refusal_at_once(self, client, auth, session, world):
        other = await make_participant(session, world.far_referent, world.structure, pathway=True)
        refused = await client.post(
            URL,
            json={"offer_id": str(world.lot.id), "participant_id": str(other.id)},
            headers=auth(world.referent),
        )
        assert refused.status_code == 422
        codes = {(e["field"], e["code"]) for e in refused.json()["errors"]}
        assert codes == {
            ("offer_id", "referral_offer_unknown"),
            ("participant_id", "participant_not_found"),
        }
        assert all(e["message"] for e in refused.json()["errors"])

    async def test_a_person_without_pathway_or_referred_elsewhere(
        self, client, auth, session, world
    ):
        no_pathway = await make_participant(session, world.referent, world.structure)
        refused = await propose(client, auth(world.referent), world, no_pathway)
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["code"] == "referral_no_open_pathway"
        elsewhere = await make_participant(
            session, world.referent, await make_organisation(session), pathway=True
        )
        refused = await propose(client, auth(world.referent), world, elsewhere)
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["code"] == "referral_other_structure"
        assert "structure" in refused.json()["errors"][0]["message"]

    async def test_twice_is_a_conflict_naming_the_first(self, client, auth, world):
        first = await propose(client, auth(world.referent), world)
        again = await propose(client, auth(world.referent), world)
        assert again.status_code == 409
        assert again.json()["code"] == "referral_exists"
        assert again.headers["Location"] == f"{URL}/{first.json()['id']}"
        assert "proposée" in again.json()["detail"]

    async def test_an_offer_outside_the_referents_territory_is_unknown(
        self, client, auth, session, world
    ):
        theirs = await make_participant(session, world.far_referent, world.structure, pathway=True)
        refused = await propose(client, auth(world.far_referent), world, theirs)
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["code"] == "referral_offer_unknown"

    async def test_the_facilitator_proposes_a_person_referred_to_the_structure(
        self, client, auth, world
    ):
        created = await propose(client, auth(world.facilitator), world)
        assert created.status_code == 201, created.text

    async def test_the_employer_and_the_buyer_do_not_propose(self, client, auth, world):
        assert (await propose(client, auth(world.employer), world)).status_code == 403
        assert (await propose(client, auth(world.buyer), world)).status_code == 403


class TestWhoSees:
    async def test_each_side_its_own(self, client, auth, world):
        referral = (await propose(client, auth(world.referent), world)).json()
        url = f"{URL}/{referral['id']}"
        for who in ("facilitator", "employer", "referent", "coordinator"):
            seen = await client.get(url, headers=auth(getattr(world, who)))
            assert seen.status_code == 200, (who, seen.text)
            listed = await client.get(URL, headers=auth(getattr(world, who)))
            assert [r["id"] for r in listed.json()["items"]] == [referral["id"]], who
        for who in ("stranger", "far_referent"):
            assert (await client.get(url, headers=auth(getattr(world, who)))).status_code == 404
            listed = await client.get(URL, headers=auth(getattr(world, who)))
            assert listed.json()["items"] == [], who
        assert (await client.get(url, headers=auth(world.buyer))).status_code == 403

    async def test_filters(self, client, auth, world):
        referral = (await propose(client, auth(world.referent), world)).json()
        headers = auth(world.facilitator)
        by_offer = await client.get(URL, params={"offer_id": world.offer["id"]}, headers=headers)
        assert [r["id"] for r in by_offer.json()["items"]] == [referral["id"]]
        hired = await client.get(URL, params={"status": "hired"}, headers=headers)
        assert hired.json()["items"] == []
        bad = await client.get(URL, params={"status": "lost"}, headers=headers)
        assert bad.status_code == 422


class TestMoves:
    async def test_interview_then_decline_with_the_reason(self, client, auth, world):
        referral = (await propose(client, auth(world.referent), world)).json()
        met = await move(
            client, auth(world.employer), referral, "interview", {"interview_on": "2025-02-05"}
        )
        assert met.status_code == 200, met.text
        assert met.json()["status"] == "interview"
        assert met.json()["interview_on"] == "2025-02-05"
        declined = await move(
            client, auth(world.employer), referral, "decline", {"reason": "profile_mismatch"}
        )
        assert declined.status_code == 200, declined.text
        body = declined.json()
        assert body["status"] == "declined" and body["decline_reason"] == "profile_mismatch"
        assert [e["status"] for e in body["events"]] == ["proposed", "interview", "declined"]
        assert body["actions"] == dict.fromkeys(body["actions"], False)
        again = await move(client, auth(world.employer), referral, "hire")
        assert again.status_code == 409
        assert again.json()["code"] == "referral_transition_refused"
        assert "non retenue" in again.json()["detail"]

    async def test_withdrawn_by_the_referent_not_by_the_employer(self, client, auth, world):
        referral = (await propose(client, auth(world.referent), world)).json()
        assert (await move(client, auth(world.employer), referral, "withdraw")).status_code == 403
        withdrawn = await move(client, auth(world.referent), referral, "withdraw")
        assert withdrawn.status_code == 200, withdrawn.text
        assert withdrawn.json()["status"] == "withdrawn"
        # Withdrawn, the person may be proposed again.
        assert (await propose(client, auth(world.referent), world)).status_code == 201

    async def test_a_referent_does_not_decide_and_a_stale_version_is_refused(
        self, client, auth, world
    ):
        referral = (await propose(client, auth(world.referent), world)).json()
        assert (await move(client, auth(world.referent), referral, "hire")).status_code == 403
        stale = await client.post(
            f"{URL}/{referral['id']}/interview",
            json={"interview_on": "2025-02-05"},
            headers=auth(world.employer) | {"If-Match": 'W/"999"'},
        )
        assert stale.status_code == 412

    async def test_each_move_is_audited(self, client, auth, session, world):
        referral = (await propose(client, auth(world.referent), world)).json()
        await move(client, auth(world.employer), referral, "decline", {"reason": "no_show"})
        rows = await session.execute(
            select(AuditEvent.action).where(  # type: ignore[call-overload]
                AuditEvent.entity_type == "referral"  # type: ignore[arg-type]
            )
        )
        assert sorted(rows.scalars()) == ["created", "updated"]


class TestHire:
    async def test_the_hire_enters_the_clause_in_one_transaction(
        self, client, auth, session, world
    ):
        referral = (await propose(client, auth(world.referent), world)).json()
        hired = await move(client, auth(world.employer), referral, "hire")
        assert hired.status_code == 200, hired.text
        body = hired.json()
        assert body["status"] == "hired" and body["assignment_id"]
        assignment = await client.get(
            f"/api/v1/assignments/{body['assignment_id']}", headers=auth(world.facilitator)
        )
        assert assignment.status_code == 200, assignment.text
        shown = assignment.json()
        assert shown["mode"] == "direct_hire"
        assert shown["contract_kind"] == "cdd"
        assert shown["start_date"] == "2025-02-17"
        assert shown["hours_per_week"] == "35.00"
        assert shown["host"]["id"] == str(world.builder.id)
        assert shown["employer"]["id"] == str(world.builder.id)
        assert shown["offer_id"] == world.offer["id"]
        pathways = await client.get(
            f"/api/v1/participants/{world.person.id}/pathways", headers=auth(world.referent)
        )
        step = pathways.json()[0]["steps"][-1]
        assert step["kind"] == "clause_assignment"
        assert step["assignment_id"] == body["assignment_id"]
        assert step["lot_id"] == str(world.lot.id)
        assert step["actions"] == {"edit": False, "delete": False}
        offer = await client.get(
            f"/api/v1/offers/{world.offer['id']}", headers=auth(world.employer)
        )
        assert offer.json()["status"] == "filled"  # one post, one hire

    async def test_not_eligible_on_the_start_writes_nothing_until_an_exception(
        self, client, auth, session, world
    ):
        person = await make_participant(session, world.referent, world.structure, pathway=True)
        referral = (await propose(client, auth(world.referent), world, person)).json()
        before = await count(session, Assignment)
        refused = await move(client, auth(world.employer), referral, "hire")
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["code"] == "clause_entry_not_eligible"
        assert refused.json()["errors"][0]["field"] == "start_date"
        assert await count(session, Assignment) == before
        still = await client.get(f"{URL}/{referral['id']}", headers=auth(world.employer))
        assert still.json()["status"] == "proposed"
        granted = await client.post(
            f"/api/v1/participants/{person.id}/clause-exceptions",
            json={"lot_id": str(world.lot.id), "reason": "Avis écrit de la Mission Locale."},
            headers=auth(world.facilitator),
        )
        assert granted.status_code == 201, granted.text
        hired = await move(client, auth(world.employer), referral, "hire")
        assert hired.status_code == 200, hired.text
        url = f"/api/v1/assignments/{hired.json()['assignment_id']}"
        by_structure = await client.get(url, headers=auth(world.facilitator))
        assert by_structure.json()["exception_reason"] == "Avis écrit de la Mission Locale."
        by_employer = await client.get(url, headers=auth(world.employer))
        assert by_employer.json()["exception_reason"] is None

    async def test_temporary_work_needs_the_agency(self, client, auth, world):
        referral = (await propose(client, auth(world.referent), world)).json()
        missing = await move(
            client, auth(world.facilitator), referral, "hire", {"mode": "temporary_work"}
        )
        assert missing.status_code == 422
        assert {(e["field"], e["code"]) for e in missing.json()["errors"]} == {
            ("employer_id", "field_required")
        }
        hired = await move(
            client,
            auth(world.facilitator),
            referral,
            "hire",
            {"mode": "temporary_work", "employer_id": str(world.agency.id)},
        )
        assert hired.status_code == 200, hired.text
        shown = await client.get(
            f"/api/v1/assignments/{hired.json()['assignment_id']}", headers=auth(world.facilitator)
        )
        assert shown.json()["employer"]["name"] == "Intérim+"
        assert shown.json()["contract_kind"] == "interim"

    async def test_bad_terms_all_at_once(self, client, auth, world):
        referral = (await propose(client, auth(world.referent), world)).json()
        refused = await move(
            client,
            auth(world.employer),
            referral,
            "hire",
            {
                "start_date": "2025-01-10",
                "planned_end_date": "2025-01-01",
                "contract_kind": "interim",
                "mode": "direct_hire",
            },
        )
        assert refused.status_code == 422
        codes = {(e["field"], e["code"]) for e in refused.json()["errors"]}
        assert codes == {
            ("start_date", "clause_entry_before_notification"),
            ("planned_end_date", "end_before_start"),
            ("contract_kind", "assignment_contract_not_hire"),
        }
        too_many = await move(
            client, auth(world.employer), referral, "hire", {"hours_per_week": "60"}
        )
        assert too_many.status_code == 422
        assert too_many.json()["errors"][0]["field"] == "hours_per_week"

    async def test_a_stranger_enterprise_cannot_reach_it(self, client, auth, session, world):
        referral = (await propose(client, auth(world.referent), world)).json()
        url = f"{URL}/{referral['id']}/hire"
        refused = await client.post(url, json={}, headers=auth(world.stranger) | {"If-Match": "*"})
        assert refused.status_code == 404
        assert await count(session, Referral) == 1
