"""What the participant page shows and downloads: the structure the person is referred to,
and exports named after the person and the day."""

from __future__ import annotations

from datetime import date

import time_machine

from tests.participants.test_birth_dates import at_noon_in_paris


class TestStructureShown:
    async def test_the_read_names_the_structure(self, client, auth, network, alice):
        read = (
            await client.get(f"/api/v1/participants/{alice.id}", headers=auth(network.nadia))
        ).json()
        assert read["structure"] == {"id": str(network.structure.id), "name": "Facilitation"}

    async def test_a_new_structure_is_named_at_once(self, client, auth, session, network, alice):
        from levier.organisations.constants import OrganisationKind
        from tests.factories import make_organisation

        other = await make_organisation(
            session, OrganisationKind.facilitation_structure, name="Autre"
        )
        await session.commit()
        url = f"/api/v1/participants/{alice.id}"
        current = await client.get(url, headers=auth(network.nadia))
        response = await client.patch(
            url,
            json={"structure_id": str(other.id)},
            headers={**auth(network.nadia), "If-Match": current.headers["ETag"]},
        )
        assert response.status_code == 200, response.text
        assert response.json()["structure"]["name"] == "Autre"
        cleared = await client.patch(
            url,
            json={"structure_id": None},
            headers={**auth(network.nadia), "If-Match": response.headers["ETag"]},
        )
        assert cleared.json()["structure"] is None


class TestExportName:
    async def test_named_after_the_person_and_the_day(self, client, auth, network, alice):
        with time_machine.travel(at_noon_in_paris(date(2026, 12, 3)), tick=False):
            for format, extension in (("pdf", "pdf"), ("json", "json")):
                response = await client.get(
                    f"/api/v1/participants/{alice.id}/export",
                    params={"format": format},
                    headers=auth(network.nadia),
                )
                assert response.status_code == 200
                disposition = response.headers["content-disposition"]
                assert f'filename="donnees-alice-marie-dupre-2026-12-03.{extension}"' in disposition
                assert (
                    f"filename*=UTF-8''donn%C3%A9es-alice-marie-dupr%C3%A9-2026-12-03.{extension}"
                    in disposition
                )
                assert str(alice.id) not in disposition


class TestExportPdfCharacters:
    async def test_emoji_in_the_notes_are_readable_in_the_pdf(self, client, auth, network, alice):
        import io

        import pypdf

        url = f"/api/v1/participants/{alice.id}"
        current = await client.get(url, headers=auth(network.nadia))
        changed = await client.patch(
            url,
            json={"notes": "Très motivée 🎉 ✓"},
            headers={**auth(network.nadia), "If-Match": current.headers["ETag"]},
        )
        assert changed.status_code == 200, changed.text
        response = await client.get(
            f"{url}/export", params={"format": "pdf"}, headers=auth(network.nadia)
        )
        text = "".join(
            p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages
        )
        assert "Très motivée [party popper] ✓" in text
