"""The coordinator's dashboard: per organisation of the network and per referent, with the
exits of a period (a year, or from/to), aggregated in SQL."""

from __future__ import annotations

from tests.factories import make_participant
from tests.participants.test_pathways import pathway_of, post

STATS = "/api/v1/participants/stats"


async def exit_on(client, auth, session, referent, day: str, situation: str) -> None:
    participant = await make_participant(session, referent, pathway=True)
    pathway = await pathway_of(client, auth, referent, participant)
    response = await post(
        client,
        auth,
        referent,
        participant,
        pathway,
        "exit",
        {"exit_date": day, "situation": situation},
    )
    assert response.status_code == 200, response.text


class TestDashboard:
    async def test_per_organisation_of_the_network_and_per_period(
        self, client, auth, session, network, alice
    ):
        await exit_on(client, auth, session, network.nadia, "2025-03-31", "cdi")
        await exit_on(client, auth, session, network.paul, "2025-06-30", "unemployment")
        await exit_on(client, auth, session, network.paul, "2026-02-02", "qualifying_training")
        everything = (await client.get(STATS, headers=auth(network.coordinator))).json()
        assert [
            (row["organisation"]["name"], row["participants"], row["open_pathways"], row["exits"])
            for row in everything["by_organisation"]
        ] == [("France Travail", 2, 0, 2), ("Mission Locale", 2, 1, 1)]
        rates = {
            r["organisation"]["name"]: r["dynamic_exit_rate"] for r in everything["by_organisation"]
        }
        assert rates == {"France Travail": "0.5000", "Mission Locale": "1.0000"}
        assert (everything["exits_from"], everything["exits_to"]) == (None, None)

        year = (
            await client.get(STATS, params={"year": 2025}, headers=auth(network.coordinator))
        ).json()
        counts = {e["category"]: e["count"] for e in year["exits"]}
        assert (counts["lasting_employment"], counts["other_exit"], counts["positive_exit"]) == (
            1,
            1,
            0,
        )
        assert (year["exits_from"], year["exits_to"]) == ("2025-01-01", "2025-12-31")
        # People and open pathways are today's, whatever the period.
        assert year["participants"] == 4

        dates = (
            await client.get(
                STATS,
                params={"exited_from": "2025-04-01", "exited_to": "2026-12-31"},
                headers=auth(network.coordinator),
            )
        ).json()
        assert sum(e["count"] for e in dates["exits"]) == 2
        assert dates["dynamic_exit_rate"] == "0.5000"

    async def test_a_period_is_a_year_or_dates_in_order(self, client, auth, network):
        both = await client.get(
            STATS,
            params={"year": 2025, "exited_from": "2025-01-01"},
            headers=auth(network.coordinator),
        )
        assert both.status_code == 422
        assert both.json()["errors"][0]["field"] == "year"
        reversed_ = await client.get(
            STATS,
            params={"exited_from": "2025-06-01", "exited_to": "2025-01-01"},
            headers=auth(network.coordinator),
        )
        assert reversed_.status_code == 422
        assert (reversed_.json()["errors"][0]["field"], reversed_.json()["errors"][0]["code"]) == (
            "exited_to",
            "end_before_start",
        )

    async def test_a_referent_sees_only_her_organisation(self, client, auth, network, alice):
        own = (await client.get(STATS, headers=auth(network.nadia))).json()
        assert [r["organisation"]["name"] for r in own["by_organisation"]] == ["Mission Locale"]
