"""The fulfilment world (a clause lot awarded to a builder, a referent's person, the
enterprise's users), with a lot that requires 100 hours so that a clause can be fulfilled in
a test, and helpers to hire, declare and validate."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import update
from sqlmodel import col

from levier.tenders.models import Lot
from tests.factories import classic_subcontractor
from tests.fulfilment import conftest as fulfilment
from tests.fulfilment.test_hours import declare, etag, hire

REQUIRED = 100
# The fulfilment world's fixtures, shared with this directory's tests.
_today = fulfilment._today
world = fulfilment.world


@pytest.fixture
async def small_lot(world, session):
    await session.execute(
        update(Lot).where(col(Lot.id) == world.lot.id).values(override_hours=REQUIRED)
    )
    await classic_subcontractor(session, world.insertion)  # a clause fulfilled by real hours
    return world


async def validated(client, auth, world, assignment, month, hours):
    declared = await declare(client, auth(world.employer), assignment, month, hours)
    assert declared.status_code == 201, declared.text
    headers = auth(world.facilitator)
    body = declared.json()
    done = await client.post(
        f"/api/v1/hours/{body['id']}/validate",
        headers=headers | {"If-Match": await etag(client, headers, body)},
    )
    assert done.status_code == 200, done.text


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(page.extract_text() for page in reader.pages)


def pdftotext(content: bytes) -> str:
    """The PDF's text laid out as on the page (pypdf's layout mode, line by line): a word broken
    across lines comes out as two pieces on two lines."""
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text(extraction_mode="layout") for page in reader.pages)


__all__ = ["REQUIRED", "hire", "pdf_text", "pdftotext", "validated"]
