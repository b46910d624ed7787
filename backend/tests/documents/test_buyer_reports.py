"""A buyer's monthly compliance report, as a PDF and an XLSX: issued by the facilitator for
its structure's tenders of the buyer, or by the buyer for itself."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import time_machine
from openpyxl import load_workbook
from sqlalchemy import update
from sqlmodel import col

from levier.documents.buyer_reports import HEADER
from levier.organisations.constants import OrganisationKind
from levier.tenders.models import Tender
from tests.documents.conftest import hire, pdf_text, pdftotext, validated
from tests.factories import make_organisation

URL = "/api/v1/documents/buyer-reports"


class TestBuyerReport:
    async def test_pdf_and_xlsx_with_the_lot_figures(self, client, auth, small_lot):
        world = small_lot
        assignment = await hire(client, auth, world)
        await validated(client, auth, world, assignment, "2025-02", "60")
        buyer_id = str(world.tender.buyer_id)
        with time_machine.travel(date(2025, 3, 5), tick=True):
            created = await client.post(
                URL,
                json={"buyer_id": buyer_id, "month": "2025-02"},
                headers=auth(world.facilitator),
            )
        assert created.status_code == 201, created.text
        body = created.json()
        assert body["month"] == "2025-02" and body["lots"] == 1
        pdf, xlsx = body["items"]
        assert pdf["media_type"] == "application/pdf"
        assert xlsx["filename"].endswith(".xlsx") and xlsx["month"] == "2025-02"
        assert pdf["kind"] == xlsx["kind"] == "buyer_monthly_report"

        workbook_bytes = (await client.get(xlsx["download_url"], headers=auth(world.buyer))).content
        sheet = load_workbook(io.BytesIO(workbook_bytes)).active
        rows = [row for row in sheet.iter_rows(values_only=True)]
        assert rows[0][0] == "Facilitation"
        assert rows[2][0] == "Mois : février 2025"
        assert rows[3][0] == "Heures validées au 28/02/2025"
        header, lot = rows[5], rows[6]
        assert header[:5] == ("Marché", "Lot", "Titulaire", "Heures exigées", "Heures validées")
        assert lot[1] == "1 — Gros œuvre" and lot[2] == "Bâtir"
        assert lot[3] == 100 and Decimal(str(lot[4])) == 60
        # 60 h (all of them count) against 100 h × 44 / 365 days by 28 February: on track.
        assert Decimal(str(lot[5])) == 60
        assert lot[9] == "Dans les temps"

        text = pdf_text((await client.get(pdf["download_url"], headers=auth(world.buyer))).content)
        text = " ".join(text.split())  # a cell's text may wrap, at a space
        assert "février 2025" in text and "Gros œuvre" in text and "60 h" in text

    async def test_pdf_has_the_xlsx_columns_and_breaks_no_word(
        self, client, auth, session, small_lot
    ):
        world = small_lot
        await session.execute(
            update(Tender)
            .where(col(Tender.id) == world.tender.id)
            .values(reference="NPNRU-RAB-2026-9")  # the longest a reference may be (16)
        )
        assignment = await hire(client, auth, world)
        await validated(client, auth, world, assignment, "2025-02", "150.25")
        with time_machine.travel(date(2025, 3, 5), tick=True):
            created = await client.post(
                URL,
                json={"buyer_id": str(world.tender.buyer_id), "month": "2025-02"},
                headers=auth(world.buyer),
            )
        assert created.status_code == 201, created.text
        pdf = created.json()["items"][0]
        content = (await client.get(pdf["download_url"], headers=auth(world.buyer))).content
        # The page's layout, line by line, as a person reads it: a word cut by a line break
        # would come out as two pieces.
        rendered = pdftotext(content)
        words = set(rendered.split())
        for title in HEADER:  # every column of the XLSX, each word of its title whole
            assert set(title.split()) <= words, title
        assert "NPNRU-RAB-2026-9" in words
        assert "150,25\u00a0h" in rendered or "150,25 h" in rendered
        for line in rendered.splitlines():
            assert line.strip() not in {"h", "s", "es", "ente"}, line

    async def test_the_buyer_for_itself_only(self, client, auth, session, small_lot):
        world = small_lot
        own = await client.post(
            URL,
            json={"buyer_id": str(world.tender.buyer_id), "month": "2025-01"},
            headers=auth(world.buyer),
        )
        assert own.status_code == 201, own.text
        other = await make_organisation(session, OrganisationKind.buyer)
        refused = await client.post(
            URL, json={"buyer_id": str(other.id), "month": "2025-01"}, headers=auth(world.buyer)
        )
        assert refused.status_code == 403
        listed = await client.get(
            "/api/v1/documents",
            params={"kind": "buyer_monthly_report"},
            headers=auth(world.buyer),
        )
        assert {d["id"] for d in listed.json()["items"]} == {d["id"] for d in own.json()["items"]}
        # The structure did not issue it: it is the buyer's own.
        mine = await client.get("/api/v1/documents", headers=auth(world.facilitator))
        assert mine.json()["items"] == []

    async def test_rules_named(self, client, auth, session, small_lot):
        world = small_lot
        facilitator = auth(world.facilitator)
        future = await client.post(
            URL,
            json={"buyer_id": str(world.tender.buyer_id), "month": "2025-03"},
            headers=facilitator,
        )
        assert future.status_code == 422
        assert future.json()["errors"][0]["field"] == "month"
        other = await make_organisation(session, OrganisationKind.buyer)
        unknown = await client.post(
            URL, json={"buyer_id": str(other.id), "month": "2025-01"}, headers=facilitator
        )
        assert unknown.status_code == 422
        assert unknown.json()["errors"][0]["code"] == "buyer_report_no_tender"
        for who in ("employer", "referent"):
            response = await client.post(
                URL,
                json={"buyer_id": str(world.tender.buyer_id), "month": "2025-01"},
                headers=auth(getattr(world, who)),
            )
            assert response.status_code == 403, who
