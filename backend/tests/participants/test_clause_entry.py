"""Entering a clause: after the award's notification, eligible on the start date, within the
operation's restriction; otherwise only through a facilitator's recorded exception, which the
assignment then names."""

from __future__ import annotations

from levier.auth.permissions import Role
from tests.factories import make_organisation, make_participant, make_user
from tests.participants.test_pathways import TestClauseAssignment, pathway_of, post

STEP = {"kind": "clause_assignment", "contract_kind": "cddi", "hours_per_week": "26"}


async def restrict_to_qpv(client, auth, network, tender) -> None:
    """The lot's operation admits QPV residents only (NPNRU)."""
    url = f"/api/v1/operations/{tender.operation_id}"
    etag = (await client.get(url, headers=auth(network.facilitator))).headers["ETag"]
    changed = await client.patch(
        url,
        json={"eligibility_restriction": "qpv_residents"},
        headers=auth(network.facilitator) | {"If-Match": etag},
    )
    assert changed.status_code == 200, changed.text


async def validate(client, auth, network, person, on="2025-01-20"):
    response = await client.post(
        f"/api/v1/participants/{person.id}/eligibility",
        json={"criterion": "long_term_jobseeker", "validated_on": on},
        headers=auth(network.facilitator),
    )
    assert response.status_code == 201, response.text


class TestClauseEntry:
    async def test_outside_the_restriction_only_through_a_recorded_exception(
        self, client, auth, session, network
    ):
        tender, lot, _builder, insertion = await TestClauseAssignment()._awarded(
            client, auth, session, network
        )
        await restrict_to_qpv(client, auth, network, tender)
        person = await make_participant(
            session, network.nadia, network.structure, pathway=True, qpv=False
        )
        await validate(client, auth, network, person)
        pathway = await pathway_of(client, auth, network.nadia, person)
        step = STEP | {
            "start_date": "2025-02-03",
            "lot_id": str(lot.id),
            "enterprise_id": str(insertion.id),
        }
        refused = await post(client, auth, network.nadia, person, pathway, "steps", step)
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["code"] == "clause_entry_restriction_not_met"
        assert "QPV" in refused.json()["errors"][0]["message"]

        url = f"/api/v1/participants/{person.id}/clause-exceptions"
        reason = "Relogée hors QPV pendant le chantier, suivie par le PLIE du quartier."
        by_referent = await client.post(
            url, json={"lot_id": str(lot.id), "reason": reason}, headers=auth(network.nadia)
        )
        assert by_referent.status_code == 403
        granted = await client.post(
            url, json={"lot_id": str(lot.id), "reason": reason}, headers=auth(network.facilitator)
        )
        assert granted.status_code == 201, granted.text
        assert granted.json()["granted_by"]["id"] == str(network.facilitator.id)

        accepted = await post(client, auth, network.nadia, person, pathway, "steps", step)
        assert accepted.status_code == 201, accepted.text
        exception = accepted.json()["steps"][-1]["exception"]
        assert exception["reason"] == reason
        assert exception["granted_by"]["full_name"] == network.facilitator.full_name
        listed = await client.get(url, headers=auth(network.nadia))
        assert [e["id"] for e in listed.json()] == [granted.json()["id"]]
        # Each read names the lot as people know it: the tender's reference, the lot's number.
        named = {"number": lot.number, "title": lot.title, "reference": tender.reference}
        for shown in (granted.json(), exception, listed.json()[0]):
            assert {
                "number": shown["lot"]["number"],
                "title": shown["lot"]["title"],
                "reference": shown["lot"]["tender"]["reference"],
            } == named

    async def test_a_qpv_resident_needs_no_exception(self, client, auth, session, network):
        tender, lot, _builder, insertion = await TestClauseAssignment()._awarded(
            client, auth, session, network
        )
        await restrict_to_qpv(client, auth, network, tender)
        person = await make_participant(
            session, network.nadia, network.structure, pathway=True, qpv=True
        )
        await validate(client, auth, network, person)
        pathway = await pathway_of(client, auth, network.nadia, person)
        step = STEP | {
            "start_date": "2025-02-03",
            "lot_id": str(lot.id),
            "enterprise_id": str(insertion.id),
        }
        accepted = await post(client, auth, network.nadia, person, pathway, "steps", step)
        assert accepted.status_code == 201, accepted.text
        assert accepted.json()["steps"][-1]["exception"] is None

    async def test_a_validation_that_lapsed_before_the_start_does_not_count(
        self, client, auth, session, network
    ):
        _tender, lot, _builder, insertion = await TestClauseAssignment()._awarded(
            client, auth, session, network
        )
        person = await make_participant(session, network.nadia, network.structure, pathway=True)
        response = await client.post(
            f"/api/v1/participants/{person.id}/eligibility",
            json={"criterion": "long_term_jobseeker", "validated_on": "2023-01-02"},
            headers=auth(network.facilitator),
        )  # valid 24 months: until 2025-01-01
        assert response.status_code == 201, response.text
        pathway = await pathway_of(client, auth, network.nadia, person)
        step = STEP | {"lot_id": str(lot.id), "enterprise_id": str(insertion.id)}
        refused = await post(
            client,
            auth,
            network.nadia,
            person,
            pathway,
            "steps",
            step | {"start_date": "2025-02-03"},
        )
        assert refused.json()["errors"][0]["code"] == "clause_entry_not_eligible"
        assert "03/02/2025" in refused.json()["errors"][0]["message"]

    async def test_another_structure_cannot_grant(self, client, auth, session, network):
        _tender, lot, _builder, _insertion = await TestClauseAssignment()._awarded(
            client, auth, session, network
        )
        person = await make_participant(session, network.nadia, network.structure)
        elsewhere = await make_user(session, Role.facilitator, await make_organisation(session))
        response = await client.post(
            f"/api/v1/participants/{person.id}/clause-exceptions",
            json={"lot_id": str(lot.id), "reason": "Une raison suffisamment longue."},
            headers=auth(elsewhere),
        )
        assert response.status_code == 404
