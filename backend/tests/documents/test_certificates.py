"""Completion certificates: issued by the facilitator once the clause is fulfilled, archived
with their SHA-256 and downloaded again byte for byte; each issue a new edition."""

from __future__ import annotations

import base64
import hashlib
from datetime import date

import time_machine
from sqlalchemy import func, select

from levier.documents.models import IssuedDocument
from tests.documents.conftest import hire, pdf_text, validated


def lot_url(world) -> str:
    return f"/api/v1/tenders/{world.tender.id}/lots/{world.lot.id}"


async def issued(session) -> int:
    count = select(func.count()).select_from(IssuedDocument)
    return int((await session.execute(count)).scalar_one())


class TestIssueCertificate:
    async def test_refused_until_fulfilled_then_issued_and_downloaded_identical(
        self, client, auth, session, small_lot
    ):
        world = small_lot
        facilitator = auth(world.facilitator)
        assignment = await hire(client, auth, world)
        await validated(client, auth, world, assignment, "2025-02", "60")
        listing = await client.get(f"{lot_url(world)}/documents", headers=facilitator)
        assert listing.status_code == 200, listing.text
        assert listing.json() == {"items": [], "actions": {"issue_certificate": False}}
        refused = await client.post(f"{lot_url(world)}/completion-certificate", headers=facilitator)
        assert refused.status_code == 409
        problem = refused.json()
        assert problem["code"] == "certificate_clause_not_fulfilled"
        assert "60 heures validées sur 100 exigées" in problem["detail"]
        assert "dans les temps" in problem["detail"]  # 60 h ≥ 100 h × 19 days / 365
        assert await issued(session) == 0

        with time_machine.travel(date(2025, 4, 2), tick=True):
            await validated(client, auth, world, assignment, "2025-03", "45")
            facilitator = auth(world.facilitator)  # a token of that day
            listing = await client.get(f"{lot_url(world)}/documents", headers=facilitator)
            assert listing.json()["actions"] == {"issue_certificate": True}
            created = await client.post(
                f"{lot_url(world)}/completion-certificate", headers=facilitator
            )
        assert created.status_code == 201, created.text
        document = created.json()
        assert document["kind"] == "completion_certificate"
        assert document["edition"] == 1
        assert document["lot_id"] == str(world.lot.id)
        assert document["filename"] == f"attestation-{world.tender.reference.lower()}-lot-1.pdf"
        assert created.headers["Location"] == document["download_url"]

        download = await client.get(document["download_url"], headers=auth(world.employer))
        assert download.status_code == 200
        content = download.content
        assert content.startswith(b"%PDF")
        digest = hashlib.sha256(content).hexdigest()
        assert document["sha256"] == digest and document["size"] == len(content)
        assert download.headers["ETag"] == f'"{digest}"'
        encoded = base64.b64encode(hashlib.sha256(content).digest()).decode()
        assert download.headers["Content-Digest"] == f"sha-256=:{encoded}:"
        assert download.headers["content-type"] == "application/pdf"
        text = pdf_text(content)
        for expected in ("Attestation de réalisation", "Facilitation", "Bâtir", "100 h", "105 h"):
            assert expected in text, expected
        assert "Réalisée" in text and "105,0 %" in text
        assert "Embauche directe" in text
        again = await client.get(
            document["download_url"],
            headers=auth(world.buyer) | {"If-None-Match": download.headers["ETag"]},
        )
        assert again.status_code == 304

        with time_machine.travel(date(2025, 4, 3), tick=True):
            facilitator = auth(world.facilitator)
            second = await client.post(
                f"{lot_url(world)}/completion-certificate", headers=facilitator
            )
        assert second.status_code == 201
        assert second.json()["edition"] == 2 and second.json()["id"] != document["id"]
        assert second.json()["filename"].endswith("-v2.pdf")
        first_again = await client.get(document["download_url"], headers=facilitator)
        assert first_again.content == content, "an issued file never changes"
        listing = await client.get(f"{lot_url(world)}/documents", headers=auth(world.buyer))
        assert [d["edition"] for d in listing.json()["items"]] == [2, 1]
        assert listing.json()["actions"] == {"issue_certificate": False}

    async def test_a_lot_without_hours_yet_names_its_status(self, client, auth, small_lot):
        refused = await client.post(
            f"{lot_url(small_lot)}/completion-certificate", headers=auth(small_lot.facilitator)
        )
        assert refused.status_code == 409
        assert "non démarrée" in refused.json()["detail"]

    async def test_only_the_facilitator_issues(self, client, auth, small_lot):
        world = small_lot
        for who, expected in (("buyer", 403), ("employer", 403), ("referent", 403)):
            response = await client.post(
                f"{lot_url(world)}/completion-certificate", headers=auth(getattr(world, who))
            )
            assert response.status_code == expected, who


class TestWhoReads:
    async def test_awardee_buyer_and_structure_read_others_do_not(
        self, client, auth, session, small_lot
    ):
        world = small_lot
        assignment = await hire(client, auth, world)
        with time_machine.travel(date(2025, 4, 2), tick=True):
            await validated(client, auth, world, assignment, "2025-02", "100")
            created = await client.post(
                f"{lot_url(world)}/completion-certificate", headers=auth(world.facilitator)
            )
        url = created.json()["download_url"]
        for who in ("facilitator", "employer", "buyer"):
            response = await client.get(url, headers=auth(getattr(world, who)))
            assert response.status_code == 200, who
            listed = await client.get("/api/v1/documents", headers=auth(getattr(world, who)))
            assert [d["id"] for d in listed.json()["items"]] == [created.json()["id"]], who
        for who in ("stranger", "referent"):
            response = await client.get(url, headers=auth(getattr(world, who)))
            assert response.status_code == 404, who
            listed = await client.get("/api/v1/documents", headers=auth(getattr(world, who)))
            assert listed.json()["items"] == [], who
        stranger = await client.get(f"{lot_url(world)}/documents", headers=auth(world.stranger))
        assert stranger.status_code == 404
        # The subcontractor works on the lot but is not the awardee.
        from levier.auth.permissions import Role
        from tests.factories import make_user

        subcontractor = await make_user(session, Role.enterprise, world.insertion)
        response = await client.get(url, headers=auth(subcontractor))
        assert response.status_code == 404


class TestIssuedMeanwhile:
    async def test_two_issues_taking_one_edition_the_second_refused(
        self, client, auth, session, small_lot, monkeypatch
    ):
        from levier.documents import archive

        world = small_lot
        assignment = await hire(client, auth, world)
        with time_machine.travel(date(2025, 4, 2), tick=True):
            await validated(client, auth, world, assignment, "2025-02", "100")

            async def first_edition(*_args):
                return 1  # what both of two simultaneous requests read

            monkeypatch.setattr(archive, "next_edition", first_edition)
            url = f"{lot_url(world)}/completion-certificate"
            first = await client.post(url, headers=auth(world.facilitator))
            second = await client.post(url, headers=auth(world.facilitator))
        assert first.status_code == 201
        assert second.status_code == 409
        assert second.json()["code"] == "document_issued_meanwhile"
        assert await issued(session) == 1
