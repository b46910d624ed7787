"""Pathways: one open at a time, ordered steps, classified exits, follow-up, PLIE counts."""

from __future__ import annotations

from tests.factories import make_participant


async def pathway_of(client, auth, user, participant) -> dict:
    pathways = await client.get(
        f"/api/v1/participants/{participant.id}/pathways", headers=auth(user)
    )
    return pathways.json()[0]


async def post(client, auth, user, participant, pathway, action, body):
    return await client.post(
        f"/api/v1/participants/{participant.id}/pathways/{pathway['id']}/{action}",
        json=body,
        headers=auth(user),
    )


class TestPathway:
    async def test_second_open_pathway_is_refused(self, client, auth, network, alice):
        response = await client.post(
            f"/api/v1/participants/{alice.id}/pathways",
            json={"entry_date": "2025-03-01"},
            headers=auth(network.nadia),
        )
        assert response.status_code == 409
        assert response.json()["code"] == "pathway_already_open"

    async def test_steps_in_order_with_contract_details(self, client, auth, network, alice):
        pathway = await pathway_of(client, auth, network.nadia, alice)
        steps = [
            {"kind": "diagnosis", "start_date": "2025-01-06"},
            {
                "kind": "training",
                "start_date": "2025-02-03",
                "end_date": "2025-04-30",
                "qualification_level": "3",
            },
            {
                "kind": "employment",
                "start_date": "2025-05-05",
                "contract_kind": "cdd",
                "employer": "Bâtir SA",
                "hours_per_week": "35",
            },
        ]
        for step in steps:
            response = await post(client, auth, network.nadia, alice, pathway, "steps", step)
            assert response.status_code == 201, response.text
        kinds = [s["kind"] for s in response.json()["steps"]]
        assert kinds == ["diagnosis", "training", "employment"]
        assert response.json()["steps"][2]["hours_per_week"] == "35.00"

    async def test_bad_steps(self, client, auth, network, alice):
        pathway = await pathway_of(client, auth, network.nadia, alice)
        await post(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            "steps",
            {"kind": "support", "start_date": "2025-03-01"},
        )
        cases = [
            ({"kind": "support", "start_date": "2024-12-01"}, "start_date", "step_before_entry"),
            ({"kind": "employment", "start_date": "2025-04-01"}, "contract_kind", "field_required"),
            (
                {"kind": "support", "start_date": "2025-04-01", "end_date": "2025-03-31"},
                "end_date",
                "end_before_start",
            ),
            (
                {"kind": "support", "start_date": "2025-04-01", "employer": "X"},
                "employer",
                "field_not_applicable",
            ),
            (
                {
                    "kind": "clause_assignment",
                    "start_date": "2025-04-01",
                    "contract_kind": "cddi",
                    "hours_per_week": "20",
                },
                "lot_id",
                "field_required",
            ),
        ]
        for body, field, code in cases:
            response = await post(client, auth, network.nadia, alice, pathway, "steps", body)
            assert response.status_code == 422, (body, response.text)
            error = response.json()["errors"][0]
            assert (error["field"], error["code"]) == (field, code), body
        assert len((await pathway_of(client, auth, network.nadia, alice))["steps"]) == 1

    async def test_facilitator_reads_but_cannot_write(self, client, auth, network, alice):
        pathway = await pathway_of(client, auth, network.facilitator, alice)
        response = await post(
            client,
            auth,
            network.facilitator,
            alice,
            pathway,
            "steps",
            {"kind": "support", "start_date": "2025-03-01"},
        )
        assert response.status_code == 403


class TestExit:
    async def test_category_derived_from_situation(self, client, auth, network, alice):
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
        assert response.status_code == 200, response.text
        assert response.json()["exit_category"] == "lasting_employment"
        assert response.json()["status"] == "exited"
        again = await client.post(
            f"/api/v1/participants/{alice.id}/pathways",
            json={"entry_date": "2025-07-01"},
            headers=auth(network.nadia),
        )
        assert again.status_code == 201

    async def test_exit_rules(self, client, auth, network, alice):
        pathway = await pathway_of(client, auth, network.nadia, alice)
        await post(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            "steps",
            {"kind": "support", "start_date": "2025-03-01"},
        )
        cases = [
            (
                {"exit_date": "2025-06-30", "situation": "other"},
                "category",
                "exit_category_required",
            ),
            (
                {"exit_date": "2025-06-30", "situation": "cdi", "category": "other_exit"},
                "category",
                "exit_category_mismatch",
            ),
            ({"exit_date": "2025-02-01", "situation": "cdi"}, "exit_date", "exit_before_last_step"),
            ({"exit_date": "2025-06-30"}, "situation", "field_required"),
        ]
        for body, field, code in cases:
            response = await post(client, auth, network.nadia, alice, pathway, "exit", body)
            assert response.status_code == 422, (body, response.text)
            error = response.json()["errors"][0]
            assert (error["field"], error["code"]) == (field, code), body
        assert (await pathway_of(client, auth, network.nadia, alice))["status"] == "open"

    async def test_follow_up_six_months_later(self, client, auth, network, alice):
        pathway = await pathway_of(client, auth, network.nadia, alice)
        await post(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            "exit",
            {"exit_date": "2025-03-31", "situation": "cdd_under_6_months"},
        )
        early = await post(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            "follow-up",
            {"follow_up_date": "2025-08-01", "situation": "cdi"},
        )
        assert early.status_code == 422
        assert early.json()["errors"][0]["code"] == "follow_up_too_early"
        done = await post(
            client,
            auth,
            network.nadia,
            alice,
            pathway,
            "follow-up",
            {"follow_up_date": "2025-10-01", "situation": "cdi"},
        )
        assert done.status_code == 200, done.text
        assert done.json()["exit_category"] == "transitional_employment"
        assert done.json()["follow_up_category"] == "lasting_employment"


class TestStats:
    async def test_portfolio_and_exit_counts_for_the_coordinator(
        self, client, auth, session, network, alice
    ):
        exits = [
            ("cdi", network.nadia),
            ("qualifying_training", network.paul),
            ("unemployment", network.paul),
            ("moving_away", network.paul),
        ]
        for situation, referent in exits:
            participant = await make_participant(session, referent, pathway=True)
            pathway = await pathway_of(client, auth, referent, participant)
            response = await post(
                client,
                auth,
                referent,
                participant,
                pathway,
                "exit",
                {"exit_date": "2025-06-30", "situation": situation},
            )
            assert response.status_code == 200
        stats = (
            await client.get("/api/v1/participants/stats", headers=auth(network.coordinator))
        ).json()
        assert stats["participants"] == 5
        assert stats["open_pathways"] == 1
        assert [
            (r["referent"]["full_name"], r["participants"], r["open_pathways"])
            for r in stats["by_referent"]
        ] == [("Nadia", 2, 1), ("Paul", 3, 0)]
        counts = {e["category"]: e["count"] for e in stats["exits"]}
        assert counts == {
            "lasting_employment": 1,
            "transitional_employment": 0,
            "positive_exit": 1,
            "other_exit": 1,
            "neutralised": 1,
        }
        # 2 dynamic exits out of 3 counted (the neutralised one is left out).
        assert stats["dynamic_exit_rate"] == "0.6667"
        own = (await client.get("/api/v1/participants/stats", headers=auth(network.nadia))).json()
        assert own["participants"] == 2


class TestClauseAssignment:
    """A clause-assignment step links an awarded clause lot of the person's structure and one
    of the lot's employers (awardees, declared subcontractors)."""

    async def _awarded(self, client, auth, session, network):
        from levier.organisations.constants import EnterpriseKind, OrganisationKind
        from tests.factories import award_through_api, make_organisation, make_tender

        tender, lot, _operation = await make_tender(session, network.structure)
        builder = await make_organisation(session, OrganisationKind.enterprise, name="Bâtir")
        insertion = await make_organisation(
            session, OrganisationKind.enterprise, enterprise_kind=EnterpriseKind.EI, name="Tremplin"
        )
        facilitator = auth(network.facilitator)
        await award_through_api(client, facilitator, tender, lot, builder, [(insertion, "50000")])
        return tender, lot, builder, insertion

    async def test_positions_offered_then_assignment_checked(
        self, client, auth, session, network, alice
    ):
        from tests.factories import make_tender

        tender, lot, builder, insertion = await self._awarded(client, auth, session, network)
        _draft, draft_lot, _op = await make_tender(session, network.structure)  # not awarded
        other = await make_participant(session, network.nadia, pathway=True)  # not referred
        url = f"/api/v1/participants/{alice.id}/clause-positions"
        positions = await client.get(url, headers=auth(network.nadia))
        assert positions.status_code == 200, positions.text
        assert positions.json() == [
            {
                "lot_id": str(lot.id),
                "notified_on": "2025-01-15",
                "eligibility_restriction": None,
                "tender_reference": tender.reference,
                "tender_object": tender.object,
                "lot_number": 1,
                "lot_title": "Gros œuvre",
                "required_hours": 833,
                "enterprises": [
                    {"id": str(builder.id), "name": "Bâtir", "role": "member"},
                    {"id": str(insertion.id), "name": "Tremplin", "role": "subcontractor"},
                ],
            }
        ]
        searched = await client.get(url, params={"q": "zzz"}, headers=auth(network.nadia))
        assert searched.json() == []
        unreferred = await client.get(
            f"/api/v1/participants/{other.id}/clause-positions", headers=auth(network.nadia)
        )
        assert unreferred.json() == []
        # The structure's facilitator lists them too (to grant an exception); another
        # referent's participant is out of scope.
        facilitated = await client.get(url, headers=auth(network.facilitator))
        assert facilitated.status_code == 200, facilitated.text
        assert [p["lot_id"] for p in facilitated.json()] == [str(lot.id)]
        hidden = await client.get(url, headers=auth(network.paul))
        assert hidden.status_code == 404

        pathway = await pathway_of(client, auth, network.nadia, alice)
        step = {
            "kind": "clause_assignment",
            "start_date": "2025-02-03",
            "contract_kind": "cddi",
            "hours_per_week": "26",
        }
        stranger = await make_participant(session, network.nadia)  # any non-enterprise id
        cases = [
            (
                {"lot_id": str(draft_lot.id), "enterprise_id": str(builder.id)},
                "lot_id",
                "lot_not_found",
            ),
            (
                {"lot_id": str(lot.id), "enterprise_id": str(stranger.id)},
                "enterprise_id",
                "enterprise_not_on_lot",
            ),
            ({"lot_id": str(lot.id)}, "enterprise_id", "field_required"),
        ]
        for extra, field, code in cases:
            refused = await post(client, auth, network.nadia, alice, pathway, "steps", step | extra)
            assert refused.status_code == 422, refused.text
            error = refused.json()["errors"][0]
            assert (error["field"], error["code"]) == (field, code), extra
        on_lot = step | {"lot_id": str(lot.id), "enterprise_id": str(insertion.id)}
        # The clause's entry rules: after the notification, with an eligibility valid then.
        for start, code in (
            ("2025-01-10", "clause_entry_before_notification"),
            ("2025-02-03", "clause_entry_not_eligible"),
        ):
            refused = await post(
                client, auth, network.nadia, alice, pathway, "steps", on_lot | {"start_date": start}
            )
            assert refused.status_code == 422, refused.text
            assert refused.json()["errors"][0]["code"] == code
        validated = await client.post(
            f"/api/v1/participants/{alice.id}/eligibility",
            json={"criterion": "long_term_jobseeker", "validated_on": "2025-01-20"},
            headers=auth(network.facilitator),
        )
        assert validated.status_code == 201, validated.text
        accepted = await post(client, auth, network.nadia, alice, pathway, "steps", on_lot)
        assert accepted.status_code == 201, accepted.text
        assert accepted.json()["steps"][-1]["exception"] is None
        assigned = accepted.json()["steps"][-1]
        assert (assigned["lot_id"], assigned["enterprise_id"]) == (str(lot.id), str(insertion.id))
        # The pathway names the lot as people know it, on the answer and when read again.
        named = {
            "id": str(lot.id),
            "number": 1,
            "title": "Gros œuvre",
            "tender": {
                "id": str(tender.id),
                "reference": tender.reference,
                "object": tender.object,
            },
        }
        assert assigned["lot"] == named
        again = await client.get(
            f"/api/v1/participants/{alice.id}/pathways", headers=auth(network.nadia)
        )
        assert again.json()[0]["steps"][-1]["lot"] == named
