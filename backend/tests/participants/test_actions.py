"""A participant's read offers the actions the API allows, for each kind of caller: the
referent, a colleague, the PLIE coordinator and the structure's facilitator."""

from __future__ import annotations

from tests.factories import make_participant

ALL = {
    "edit",
    "transfer",
    "reveal",
    "read_access_log",
    "validate_eligibility",
    "grant_clause_exception",
    "start_pathway",
    "export",
    "anonymise",
}


async def offered(client, auth, user, participant) -> set[str]:
    response = await client.get(f"/api/v1/participants/{participant.id}", headers=auth(user))
    assert response.status_code == 200, response.text
    return {name for name, on in response.json()["actions"].items() if on}


class TestParticipantActions:
    async def test_each_caller_is_offered_what_their_role_and_scope_allow(
        self, client, auth, network, alice
    ):
        # Alice has an open pathway: nobody may start another.
        assert await offered(client, auth, network.nadia, alice) == ALL - {
            "validate_eligibility",
            "grant_clause_exception",
            "start_pathway",
        }
        # The coordinator manages the network's people but reads no sensitive field.
        assert await offered(client, auth, network.coordinator, alice) == {
            "edit",
            "transfer",
            "anonymise",
        }
        assert await offered(client, auth, network.facilitator, alice) == {
            "reveal",
            "read_access_log",
            "validate_eligibility",
            "grant_clause_exception",
            "export",
        }

    async def test_what_is_offered_succeeds_and_what_is_withheld_is_refused(
        self, client, auth, session, network
    ):
        person = await make_participant(session, network.nadia, network.structure)
        for user in (network.nadia, network.facilitator, network.coordinator):
            actions = await offered(client, auth, user, person)
            reveal = await client.get(
                f"/api/v1/participants/{person.id}/eligibility",
                params={"reveal": "true"},
                headers=auth(user),
            )
            assert (reveal.status_code == 200) == ("reveal" in actions), (user.full_name, reveal)
            log = await client.get(
                f"/api/v1/participants/{person.id}/access-log", headers=auth(user)
            )
            assert (log.status_code == 200) == ("read_access_log" in actions), user.full_name
        started = await client.post(
            f"/api/v1/participants/{person.id}/pathways",
            json={"entry_date": "2026-01-05"},
            headers=auth(network.nadia),
        )
        assert started.status_code == 201, started.text
        assert started.json()["actions"] == {
            "edit": True,
            "add_step": True,
            "exit": True,
            "follow_up": False,
            "correct_exit": False,
            "reopen": False,
        }
        assert "start_pathway" not in await offered(client, auth, network.nadia, person)
        again = await client.post(
            f"/api/v1/participants/{person.id}/pathways",
            json={"entry_date": "2026-02-01"},
            headers=auth(network.nadia),
        )
        assert again.status_code == 409
