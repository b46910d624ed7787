"""Hostile input never gets a 5xx: forged cursors, control characters, oversized bodies.

Each case reproduces a request of the attacker's tour that answered 500 (on PostgreSQL for
NUL bytes; stored as sent on SQLite).
"""

from __future__ import annotations

import base64
import json
import uuid

import pytest
from sqlalchemy import select

from levier.auth.permissions import Role
from levier.core.audit.models import AuditEvent
from levier.participants.models import Participant
from tests.factories import PASSWORD, make_organisation, make_user
from tests.participants.test_imports import upload


def forged(raw: str | bytes) -> str:
    data = raw.encode() if isinstance(raw, str) else raw
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


FORGED_CURSORS = [
    "WyJhIiwgNV0",  # ["a", 5]: the tour's cursor ('int' object has no attribute 'hex')
    forged('["a", "not-a-uuid"]'),
    forged('[{"uuid": "x"}, 1]'),
    forged(f'["a\\u0000b", "{uuid.uuid4()}"]'),
    forged("[1, 2, 3]"),
    forged('{"a": 1}'),
    forged(f'["{"x" * 320}", "{uuid.uuid4()}"]'),  # longer than any sort value
    forged(b"\xff\xfe[]"),
    forged("[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]"),
    "!!not base64!!",
    forged(f'["2026-01-01T00:00:00+00:00", "{uuid.uuid4()}", 3]'),
]
# Lists sorted by a timestamp first: a string that is no timestamp, or one without its zone.
TIMESTAMP_CURSORS = [
    forged(f'["2026-13-45T99:00:00", "{uuid.uuid4()}"]'),
    forged(f'["2026-01-01T00:00:00", "{uuid.uuid4()}"]'),
    forged(f'[1767225600, "{uuid.uuid4()}"]'),
]

# A list of every kind: names, dates, codes, (descending) timestamps.
LISTS = [
    (Role.referent, "/api/v1/participants"),
    (Role.facilitator, "/api/v1/participants/eligibility-queue"),
    (Role.facilitator, "/api/v1/tenders"),
    (Role.facilitator, "/api/v1/operations"),
    (Role.admin, "/api/v1/users"),
    (Role.admin, "/api/v1/organisations"),
    (Role.admin, "/api/v1/audit-events"),
    (Role.admin, "/api/v1/clause-settings/labour-shares"),
    (None, "/api/v1/territories/communes"),
]


class TestForgedCursor:
    @pytest.mark.parametrize(("role", "path"), LISTS, ids=[p for _, p in LISTS])
    async def test_every_list_refuses_a_forged_cursor_with_400(
        self, client, session, auth, role, path
    ):
        headers = auth(await make_user(session, role)) if role else {}
        for cursor in FORGED_CURSORS:
            response = await client.get(path, params={"cursor": cursor}, headers=headers)
            assert response.status_code == 400, (cursor, response.text)
            body = response.json()
            assert response.headers["content-type"] == "application/problem+json"
            assert body["code"] == "invalid_cursor"
            assert body["errors"][0]["loc"] == ["query", "cursor"]

    @pytest.mark.parametrize(
        ("role", "path"),
        [(Role.facilitator, "/api/v1/tenders"), (Role.admin, "/api/v1/audit-events")],
    )
    async def test_timestamp_lists_check_the_timestamp(self, client, session, auth, role, path):
        headers = auth(await make_user(session, role))
        for cursor in TIMESTAMP_CURSORS:
            response = await client.get(path, params={"cursor": cursor}, headers=headers)
            assert response.status_code == 400, (cursor, response.text)
            assert response.json()["code"] == "invalid_cursor"

    async def test_a_genuine_cursor_still_pages(self, client, session, auth):
        admin = await make_user(session, Role.admin)
        await make_user(session, Role.buyer)
        first = await client.get("/api/v1/users", params={"limit": 1}, headers=auth(admin))
        cursor = first.json()["next_cursor"]
        assert cursor
        second = await client.get(
            "/api/v1/users", params={"limit": 1, "cursor": cursor}, headers=auth(admin)
        )
        assert second.status_code == 200


def field_of(response) -> str:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    [error] = response.json()["errors"]
    assert error["code"] == "control_character"
    return error["field"]


class TestControlCharacters:
    async def test_nul_in_the_sign_in_name_is_a_422_not_a_500(self, client):
        response = await client.post(
            "/api/v1/auth/token", data={"username": "a\x00b@x.fr", "password": "whatever-1234"}
        )
        assert field_of(response) == "username"

    async def test_profile_name(self, client, session, auth):
        user = await make_user(session, Role.buyer)
        for bad in ("Ann\x00e", "Ann\x1be", "Ann\x7fe", "Anne\nB", "Anne\tB", "A\x85b"):
            response = await client.patch(
                "/api/v1/auth/me", json={"full_name": bad}, headers=auth(user)
            )
            assert field_of(response) == "full_name"

    async def test_lone_surrogate_in_json(self, client, session, auth):
        user = await make_user(session, Role.buyer)
        response = await client.patch(
            "/api/v1/auth/me",
            content=b'{"full_name": "A\\ud800B"}',
            headers={**auth(user), "Content-Type": "application/json"},
        )
        assert field_of(response) == "full_name"

    async def test_participant_fields_single_line_and_free_text(self, client, session, auth):
        referent = await make_user(session, Role.referent)
        base = {"last_name": "Martin", "first_names": "Léa", "birth_date": "1990-04-01"}
        base |= {"gender": "female"}
        refused = [
            ({"last_name": "Mar\x00tin"}, "last_name"),
            ({"address": "1 rue\x00"}, "address"),
            ({"notes": "ok\x00"}, "notes"),
            ({"address": "1 rue\nde Paris"}, "address"),
        ]
        for change, field in refused:
            response = await client.post(
                "/api/v1/participants", json=base | change, headers=auth(referent)
            )
            assert field_of(response) == field
        assert (await session.execute(select(Participant))).first() is None
        # A free text keeps its lines and tabs.
        accepted = await client.post(
            "/api/v1/participants",
            json=base | {"notes": "Première ligne\n\tdeuxième\r\ntroisième"},
            headers=auth(referent),
        )
        assert accepted.status_code == 201, accepted.text
        assert accepted.json()["notes"] == "Première ligne\n\tdeuxième\r\ntroisième"

    @pytest.mark.parametrize(
        ("role", "path"),
        [
            (Role.referent, "/api/v1/participants"),
            (Role.facilitator, "/api/v1/tenders"),
            (Role.admin, "/api/v1/users"),
            (Role.admin, "/api/v1/organisations"),
            (None, "/api/v1/territories/communes"),
            (None, "/api/v1/reference/cpv"),
        ],
    )
    async def test_search_query_names_the_parameter(self, client, session, auth, role, path):
        headers = auth(await make_user(session, role)) if role else {}
        response = await client.get(f"{path}?q=%00", headers=headers)
        assert response.status_code == 422, response.text
        assert response.json()["errors"][0]["loc"] == ["query", "q"]
        assert response.json()["errors"][0]["code"] == "control_character"

    async def test_control_character_in_the_path_is_not_found(self, client):
        for path in ("/api/v1/reference/cpv/4500%000000", "/assets/a%00b.js", "/%00"):
            response = await client.get(path)
            assert response.status_code == 404, (path, response.text)

    async def test_weird_request_ids_are_not_written_to_the_audit_log(self, client, session, auth):
        user = await make_user(session, Role.buyer)
        for request_id, kept in (("x" * 200, None), ("a\x01b", None), ("req-42.a:b", "req-42.a:b")):
            response = await client.patch(
                "/api/v1/auth/me",
                json={"full_name": f"Nom {request_id[:3]!r}"[:20]},
                headers={**auth(user), "X-Request-Id": request_id},
            )
            assert response.status_code == 200, response.text
            event = (
                await session.execute(
                    select(AuditEvent).order_by(AuditEvent.at.desc()).limit(1)  # type: ignore[attr-defined]
                )
            ).scalar_one()
            assert event.request_id == kept


class TestBodyLimit:
    async def test_declared_oversized_body_is_refused_before_it_is_read(
        self, client, session, auth
    ):
        user = await make_user(session, Role.buyer)
        body = json.dumps({"full_name": "x" * (2 * 1024 * 1024)}).encode()
        response = await client.patch(
            "/api/v1/auth/me",
            content=body,
            headers={**auth(user), "Content-Type": "application/json"},
        )
        assert response.status_code == 413
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == "request_too_large"
        assert "1 Mo" in response.json()["detail"]

    async def test_anonymous_streamed_body_without_length_is_cut_at_the_limit(self, client):
        async def chunks():
            for _ in range(64):
                yield b"x" * 65536  # 4 MiB in all, no Content-Length

        response = await client.post(
            "/api/v1/auth/password-reset/request",
            content=chunks(),
            headers={"Content-Type": "application/json"},
        )
        assert response.status_code == 413
        assert response.json()["code"] == "request_too_large"

    async def test_import_accepts_its_larger_files_and_refuses_beyond(self, client, session, auth):
        structure = await make_organisation(session)
        referent = await make_user(session, Role.referent)
        header = "nom;prenoms;date_naissance;sexe\n"
        big = (header + "Martin;Léa;01/04/1990;F\n" + ";" * (2 * 1024 * 1024)).encode()
        accepted = await upload(client, auth, referent, big, structure=structure)
        assert accepted.status_code == 200, accepted.text[:300]
        too_big = (header + "x" * (6 * 1024 * 1024)).encode()
        refused = await upload(client, auth, referent, too_big, structure=structure)
        assert refused.status_code == 413
        assert refused.json()["code"] == "request_too_large"


class TestLoginFormStillOAuth2:
    async def test_password_grant_fields(self, client, session):
        await make_user(session, Role.buyer, email="grant@example.org", password=PASSWORD)
        response = await client.post(
            "/api/v1/auth/token",
            data={"grant_type": "password", "username": "grant@example.org", "password": PASSWORD},
        )
        assert response.status_code == 200, response.text
        wrong_grant = await client.post(
            "/api/v1/auth/token",
            data={"grant_type": "code", "username": "grant@example.org", "password": PASSWORD},
        )
        assert wrong_grant.status_code == 422
