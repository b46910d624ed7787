"""Every entry of the audit log names its record as it is now, whatever its type: a lot by its
title, a tender by its reference and subject, an award by its lot; participants never."""

from __future__ import annotations

from levier.auth.permissions import Role
from tests.factories import make_organisation, make_tender, make_user

URL = "/api/v1/audit-events"


class TestRecordNames:
    async def test_an_edit_of_a_lot_names_the_lot(self, client, auth, session):
        admin = await make_user(session, Role.admin)
        tender, lot, operation = await make_tender(session, await make_organisation(session))
        lot.duration_months = 24  # an edit whose changes do not say the lot's title
        tender.deadline_date = None
        operation.description = "Quartier des Fontaines"
        await session.commit()
        for entity_type, record, name in (
            ("lot", lot, "Gros œuvre"),
            ("tender", tender, f"{tender.reference} · Réhabilitation de 120 logements"),
            ("operation", operation, operation.name),
        ):
            response = await client.get(
                URL,
                params={"entity_type": entity_type, "entity_id": str(record.id)},
                headers=auth(admin),
            )
            assert response.status_code == 200, response.text
            items = response.json()["items"]
            assert {item["action"] for item in items} >= {"created"}, entity_type
            assert [item["entity_name"] for item in items] == [name] * len(items), entity_type

    async def test_a_change_naming_an_operation_by_id_reads_its_name(self, client, auth, session):
        admin = await make_user(session, Role.admin)
        tender, _lot, operation = await make_tender(session, await make_organisation(session))
        response = await client.get(
            URL,
            params={"entity_type": "tender", "entity_id": str(tender.id), "action": "created"},
            headers=auth(admin),
        )
        [created] = response.json()["items"]
        assert created["names"][str(operation.id)] == operation.name
        assert created["names"][str(tender.buyer_id)], "the buyer organisation, by its name"

    async def test_a_whole_page_of_mixed_types_is_named_in_one_query(
        self, client, auth, session, engine
    ):
        from tests.core.test_query_count import counting

        admin = await make_user(session, Role.admin)
        await make_tender(session, await make_organisation(session))
        with counting(engine) as statements:
            response = await client.get(URL, params={"limit": 50}, headers=auth(admin))
        items = response.json()["items"]
        named = {item["entity_type"] for item in items if item["entity_name"]}
        assert {"lot", "tender", "operation", "organisation", "user"} <= named
        assert len([s for s in statements if "UNION ALL" in s]) == 1
