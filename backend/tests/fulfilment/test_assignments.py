"""Assignments through the API: recorded from a hire or directly by the facilitator in each
fulfilment mode, who sees them, ending one, and what anonymising the person leaves."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from levier.assignments.models import Assignment
from tests.fulfilment.conftest import move, propose

URL = "/api/v1/assignments"


async def hired(client, auth, world) -> dict:
    referral = (await propose(client, auth(world.referent), world)).json()
    response = await move(client, auth(world.employer), referral, "hire")
    assert response.status_code == 200, response.text
    url = f"{URL}/{response.json()['assignment_id']}"
    return (await client.get(url, headers=auth(world.employer))).json()


def direct(world, **changes) -> dict:
    return {
        "participant_id": str(world.person.id),
        "lot_id": str(world.lot.id),
        "mode": "subcontracting",
        "host_id": str(world.insertion.id),
        "start_date": "2025-02-10",
        "hours_per_week": "24",
        "job_title": "Ouvrier du paysage",
    } | changes


class TestRecord:
    async def test_subcontracting_to_the_declared_siae(self, client, auth, world):
        created = await client.post(URL, json=direct(world), headers=auth(world.facilitator))
        assert created.status_code == 201, created.text
        body = created.json()
        assert body["mode"] == "subcontracting"
        assert body["host"]["name"] == "Tremplin" and body["employer"]["name"] == "Tremplin"
        assert body["participant"]["last_name"] == "Dupré"
        assert body["actions"] == {"end": True}
        # The host employs: it sees the assignment; the awardee does not host it.
        theirs = await client.get(URL, headers=auth(world.employer))
        assert theirs.json()["items"] == []

    async def test_the_mode_decides_who_may_employ(self, client, auth, world):
        headers = auth(world.facilitator)
        ordinary = await client.post(
            URL, json=direct(world, host_id=str(world.builder.id)), headers=headers
        )
        assert ordinary.status_code == 422
        assert ordinary.json()["errors"][0]["code"] == "assignment_host_not_inclusive_subcontractor"
        placement = await client.post(
            URL,
            json=direct(
                world,
                mode="placement",
                host_id=str(world.builder.id),
                employer_id=str(world.agency.id),
            ),
            headers=headers,
        )
        assert placement.status_code == 422
        assert placement.json()["errors"][0]["code"] == "assignment_employer_not_placement"
        training = await client.post(
            URL,
            json=direct(world, mode="training", employer_id=str(world.agency.id)),
            headers=headers,
        )
        assert training.status_code == 422
        assert training.json()["errors"][0] == training.json()["errors"][0] | {
            "field": "employer_id",
            "code": "field_not_applicable",
        }
        hire_without_contract = await client.post(
            URL,
            json=direct(world, mode="direct_hire", host_id=str(world.builder.id)),
            headers=headers,
        )
        assert hire_without_contract.status_code == 422
        assert hire_without_contract.json()["errors"][0]["field"] == "contract_kind"

    async def test_outside_the_structure_or_the_lot(self, client, auth, session, world):
        from tests.factories import make_participant, make_tender

        other = await make_participant(session, world.referent, pathway=True)  # not referred
        refused = await client.post(
            URL, json=direct(world, participant_id=str(other.id)), headers=auth(world.facilitator)
        )
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["code"] == "participant_not_found"
        _draft, draft_lot, _ = await make_tender(session, world.structure)
        refused = await client.post(
            URL, json=direct(world, lot_id=str(draft_lot.id)), headers=auth(world.facilitator)
        )
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["code"] == "lot_not_found"

    async def test_only_the_facilitator_records(self, client, auth, world):
        for who in ("employer", "referent"):
            refused = await client.post(URL, json=direct(world), headers=auth(getattr(world, who)))
            assert refused.status_code == 403, who


class TestEmployerOptions:
    async def test_whoever_hires_finds_the_employers_of_the_mode(
        self, client, auth, session, world
    ):
        from levier.organisations.constants import EnterpriseKind, OrganisationKind
        from tests.factories import make_organisation

        geiq = await make_organisation(
            session, OrganisationKind.enterprise, enterprise_kind=EnterpriseKind.GEIQ, name="GEIQ"
        )
        options = f"{URL}/employer-options"
        # The enterprise cannot search the directory, but finds who may employ for it.
        assert (
            await client.get("/api/v1/organisations", headers=auth(world.employer))
        ).status_code == 403
        placement = await client.get(
            options, params={"mode": "placement"}, headers=auth(world.employer)
        )
        assert placement.status_code == 200, placement.text
        assert [o["id"] for o in placement.json()["items"]] == [str(geiq.id)]
        interim = await client.get(
            options, params={"mode": "temporary_work", "q": "intérim"}, headers=auth(world.employer)
        )
        assert [o["name"] for o in interim.json()["items"]] == ["Intérim+"]
        assert (
            await client.get(options, params={"mode": "training"}, headers=auth(world.employer))
        ).status_code == 422
        assert (
            await client.get(options, params={"mode": "placement"}, headers=auth(world.referent))
        ).status_code == 403


class TestEnd:
    async def test_the_employer_ends_it_with_the_reason_and_the_step_ends_too(
        self, client, auth, world
    ):
        assignment = await hired(client, auth, world)
        url = f"{URL}/{assignment['id']}"
        etag = (await client.get(url, headers=auth(world.employer))).headers["ETag"]
        too_early = await client.post(
            f"{url}/end",
            json={"ended_on": "2025-02-01", "reason": "trial_period"},
            headers=auth(world.employer) | {"If-Match": etag},
        )
        assert too_early.status_code == 422
        assert too_early.json()["errors"][0]["code"] == "end_before_start"
        ended = await client.post(
            f"{url}/end",
            json={"ended_on": "2025-03-14", "reason": "trial_period"},
            headers=auth(world.employer) | {"If-Match": etag},
        )
        assert ended.status_code == 200, ended.text
        assert ended.json()["ended_on"] == "2025-03-14"
        assert ended.json()["end_reason"] == "trial_period"
        assert ended.json()["actions"] == {"end": False}
        pathways = await client.get(
            f"/api/v1/participants/{world.person.id}/pathways", headers=auth(world.referent)
        )
        assert pathways.json()[0]["steps"][-1]["end_date"] == "2025-03-14"
        again = await client.post(
            f"{url}/end",
            json={"ended_on": "2025-03-20", "reason": "other"},
            headers=auth(world.employer) | {"If-Match": ended.headers["ETag"]},
        )
        assert again.status_code == 409
        assert "14/03/2025" in again.json()["detail"]
        # The missions not ended, and those ended.
        running = await client.get(URL, params={"ended": "false"}, headers=auth(world.employer))
        assert running.json()["items"] == []
        done = await client.get(URL, params={"ended": "true"}, headers=auth(world.employer))
        assert [item["id"] for item in done.json()["items"]] == [assignment["id"]]

    async def test_the_referent_reads_but_does_not_end_and_a_stranger_sees_nothing(
        self, client, auth, world
    ):
        assignment = await hired(client, auth, world)
        url = f"{URL}/{assignment['id']}"
        seen = await client.get(url, headers=auth(world.referent))
        assert seen.status_code == 200 and seen.json()["actions"] == {"end": False}
        refused = await client.post(
            f"{url}/end",
            json={"ended_on": "2025-03-14", "reason": "other"},
            headers=auth(world.referent) | {"If-Match": seen.headers["ETag"]},
        )
        assert refused.status_code == 403
        assert (await client.get(url, headers=auth(world.stranger))).status_code == 404
        assert (await client.get(url, headers=auth(world.far_referent))).status_code == 404
        assert (await client.get(url, headers=auth(world.buyer))).status_code == 403


class TestTheStepFollowsTheAssignment:
    async def test_the_step_is_not_changed_on_its_own(self, client, auth, world):
        await hired(client, auth, world)
        pathways = await client.get(
            f"/api/v1/participants/{world.person.id}/pathways", headers=auth(world.referent)
        )
        pathway = pathways.json()[0]
        step = pathway["steps"][-1]
        url = f"/api/v1/participants/{world.person.id}/pathways/{pathway['id']}/steps/{step['id']}"
        refused = await client.patch(
            url,
            json={"hours_per_week": "20"},
            headers=auth(world.referent) | {"If-Match": f'"{step["id"]}.{step["version"]}"'},
        )
        assert refused.status_code == 409
        assert refused.json()["code"] == "step_of_assignment"


class TestAnonymisation:
    async def test_the_assignment_stays_counted_without_the_person(
        self, client, auth, session, world
    ):
        assignment = await hired(client, auth, world)
        person = await client.get(
            f"/api/v1/participants/{world.person.id}", headers=auth(world.referent)
        )
        erased = await client.post(
            f"/api/v1/participants/{world.person.id}/anonymise",
            json={"confirm": True},
            headers=auth(world.referent) | {"If-Match": person.headers["ETag"]},
        )
        assert erased.status_code in (200, 204), erased.text
        kept = (
            await session.execute(
                select(Assignment).where(Assignment.id == uuid.UUID(assignment["id"]))  # type: ignore[arg-type]
            )
        ).scalar_one()
        assert kept.participant_id != world.person.id
        seen = await client.get(f"{URL}/{assignment['id']}", headers=auth(world.facilitator))
        assert seen.status_code == 200
        assert seen.json()["participant"]["last_name"] == ""
