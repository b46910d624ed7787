"""End-of-assignment reports: the employer's part and the facilitator's, each written by its
author with If-Match until the facilitator issues the PDF; referents read it once issued."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from levier.core.audit.models import AuditEvent
from levier.documents.models import IssuedDocument
from tests.documents.conftest import hire, pdf_text

EMPLOYER_PART = {
    "skills_acquired": "Coffrage, lecture de plan\u200b",
    "tasks": "Préparation du chantier\nCoffrage des voiles",
    "attendance": "regular",
    "recommendation": "recommended",
}
FACILITATOR_PART = {"outcome": "lasting_employment", "next_step": "CDI chez Bâtir en avril"}


def report_url(assignment: str) -> str:
    return f"/api/v1/assignments/{assignment}/report"


async def end(client, auth, world, assignment: str) -> None:
    url = f"/api/v1/assignments/{assignment}"
    headers = auth(world.employer)
    etag = (await client.get(url, headers=headers)).headers["ETag"]
    ended = await client.post(
        f"{url}/end",
        json={"ended_on": "2025-03-14", "reason": "hired_permanently"},
        headers=headers | {"If-Match": etag},
    )
    assert ended.status_code == 200, ended.text


class TestParts:
    async def test_written_by_each_author_then_issued_and_frozen(self, client, auth, world):
        assignment = await hire(client, auth, world)
        url = report_url(assignment)
        employer, facilitator = auth(world.employer), auth(world.facilitator)
        early = await client.put(f"{url}/employer-part", json=EMPLOYER_PART, headers=employer)
        assert early.status_code == 409
        assert early.json()["code"] == "report_assignment_not_ended"
        await end(client, auth, world, assignment)

        empty = await client.get(url, headers=facilitator)
        assert empty.status_code == 200, empty.text
        assert empty.json()["status"] == "draft" and empty.json()["version"] == 0
        assert empty.json()["actions"] == {
            "edit_employer_part": False,
            "edit_facilitator_part": True,
            "issue": False,
        }
        missing = await client.put(
            f"{url}/employer-part", json={**EMPLOYER_PART, "tasks": "  "}, headers=employer
        )
        assert missing.status_code == 422
        assert [e["field"] for e in missing.json()["errors"]] == ["tasks"]
        not_theirs = await client.put(
            f"{url}/employer-part", json=EMPLOYER_PART, headers=facilitator
        )
        assert not_theirs.status_code == 403

        written = await client.put(f"{url}/employer-part", json=EMPLOYER_PART, headers=employer)
        assert written.status_code == 200, written.text
        part = written.json()["employer_part"]
        assert part["skills_acquired"] == "Coffrage, lecture de plan", "invisible characters go"
        assert part["tasks"] == EMPLOYER_PART["tasks"]
        assert written.json()["facilitator_part"] is None, "the employer reads its own part"
        assert written.json()["actions"]["edit_employer_part"] is True
        no_precondition = await client.put(
            f"{url}/employer-part", json=EMPLOYER_PART, headers=employer
        )
        assert no_precondition.status_code == 428

        referent = await client.get(url, headers=auth(world.referent))
        assert referent.status_code == 404, "a draft is its authors' business"
        too_soon = await client.post(
            f"{url}/issue", headers=facilitator | {"If-Match": written.headers["ETag"]}
        )
        assert too_soon.status_code == 422
        assert {e["field"] for e in too_soon.json()["errors"]} == {
            "facilitator_part.outcome",
            "facilitator_part.next_step",
        }
        stale = await client.put(
            f"{url}/facilitator-part",
            json=FACILITATOR_PART,
            headers=facilitator | {"If-Match": '"stale.1"'},
        )
        assert stale.status_code == 412
        second = await client.put(
            f"{url}/facilitator-part",
            json=FACILITATOR_PART,
            headers=facilitator | {"If-Match": written.headers["ETag"]},
        )
        assert second.status_code == 200, second.text
        assert second.json()["actions"]["issue"] is True
        issued = await client.post(
            f"{url}/issue", headers=facilitator | {"If-Match": second.headers["ETag"]}
        )
        assert issued.status_code == 200, issued.text
        body = issued.json()
        assert body["status"] == "issued"
        assert body["actions"] == {
            "edit_employer_part": False,
            "edit_facilitator_part": False,
            "issue": False,
        }
        document = body["document"]
        assert document["kind"] == "assignment_report"
        assert document["filename"] == f"bilan-fin-de-mission-2025-03-14-{assignment[:8]}.pdf"
        frozen = await client.put(
            f"{url}/employer-part",
            json=EMPLOYER_PART,
            headers=employer | {"If-Match": issued.headers["ETag"]},
        )
        assert frozen.status_code == 409 and frozen.json()["code"] == "report_issued"

    async def test_the_issued_report_read_by_the_referent_and_audited(
        self, client, auth, session, world
    ):
        assignment = await hire(client, auth, world)
        await end(client, auth, world, assignment)
        url = report_url(assignment)
        facilitator = auth(world.facilitator)
        first = await client.put(
            f"{url}/employer-part", json=EMPLOYER_PART, headers=auth(world.employer)
        )
        second = await client.put(
            f"{url}/facilitator-part",
            json=FACILITATOR_PART,
            headers=facilitator | {"If-Match": first.headers["ETag"]},
        )
        issued = await client.post(
            f"{url}/issue", headers=facilitator | {"If-Match": second.headers["ETag"]}
        )
        document = issued.json()["document"]

        read = await client.get(url, headers=auth(world.referent))
        assert read.status_code == 200
        assert read.json()["facilitator_part"]["outcome"] == "lasting_employment"
        assert read.json()["actions"] == {
            "edit_employer_part": False,
            "edit_facilitator_part": False,
            "issue": False,
        }
        download = await client.get(document["download_url"], headers=auth(world.referent))
        assert download.status_code == 200
        text = pdf_text(download.content)
        for expected in (
            "Bilan de fin de mission",
            "Alice Dupré",
            "Coffrage, lecture de plan",
            "Emploi durable",
            "Embauche durable",
            "Facilitation",
        ):
            assert expected in text, expected
        audited = await session.execute(
            select(AuditEvent).where(
                AuditEvent.entity_id == uuid.UUID(document["id"]),
                AuditEvent.action == "read_sensitive",
            )
        )
        [event] = audited.scalars().all()
        assert event.actor_id == world.referent.id
        assert event.changes == {"fields": ["file"], "reason": "download"}
        row = await session.get(IssuedDocument, uuid.UUID(document["id"]))
        assert "dupr" not in row.storage_key.lower() and "alice" not in row.filename.lower()

        for who in ("employer", "far_referent", "buyer", "stranger"):
            response = await client.get(document["download_url"], headers=auth(getattr(world, who)))
            assert response.status_code == 404, who
        for who in ("far_referent", "stranger"):
            response = await client.get(url, headers=auth(getattr(world, who)))
            assert response.status_code == 404, who


class TestAnonymised:
    async def test_the_report_of_an_anonymised_person_is_no_ones_to_read(self, client, auth, world):
        assignment = await hire(client, auth, world)
        await end(client, auth, world, assignment)
        url = report_url(assignment)
        facilitator = auth(world.facilitator)
        first = await client.put(
            f"{url}/employer-part", json=EMPLOYER_PART, headers=auth(world.employer)
        )
        second = await client.put(
            f"{url}/facilitator-part",
            json=FACILITATOR_PART,
            headers=facilitator | {"If-Match": first.headers["ETag"]},
        )
        issued = await client.post(
            f"{url}/issue", headers=facilitator | {"If-Match": second.headers["ETag"]}
        )
        download_url = issued.json()["document"]["download_url"]
        erased = await client.post(
            f"/api/v1/participants/{world.person.id}/anonymise", headers=auth(world.referent)
        )
        assert erased.status_code == 204, erased.text
        for who in ("facilitator", "referent"):
            response = await client.get(download_url, headers=auth(getattr(world, who)))
            assert response.status_code == 404, who
            listed = await client.get("/api/v1/documents", headers=auth(getattr(world, who)))
            assert listed.json()["items"] == [], who
        read = await client.get(url, headers=facilitator)
        assert read.status_code == 200
        assert read.json()["document"] is None
        assert read.json()["employer_part"]["skills_acquired"] == "", "free texts cleared"
