"""The cost of a request, as a guard rail every new endpoint inherits.

- every list endpoint runs as many SQL statements for `limit=1` as for `limit=50` (no N+1
  can hide behind a page);
- a record's detail read costs at most four statements, the caller's principal included.

The routes come from the OpenAPI document, so a new list or detail is checked as soon as it
exists; each is called on the demo data as a role the permission matrix allows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from levier.auth.permissions import Role
from tests.core.test_permission_matrix import MATRIX, PUBLIC, SIGNED_IN
from tests.factories import seeded_demo

DETAIL_BUDGET = 4
# Who reads what, in the demo: a role the matrix allows and whose scope holds records.
PREFERRED = (Role.facilitator, Role.referent, Role.admin, Role.buyer, Role.enterprise)
# Where a path parameter's values are listed (the first item the caller sees is used).
ID_SOURCES = {
    "tender_id": ("/api/v1/tenders", "id"),
    "operation_id": ("/api/v1/operations", "id"),
    "organisation_id": ("/api/v1/organisations", "id"),
    "user_id": ("/api/v1/users", "id"),
    "participant_id": ("/api/v1/participants", "id"),
    "offer_id": ("/api/v1/offers", "id"),
    "referral_id": ("/api/v1/referrals", "id"),
    "assignment_id": ("/api/v1/assignments", "id"),
    "declaration_id": ("/api/v1/hours", "id"),
    "key": ("/api/v1/follow-ups", "key"),
}
# The query parameters a list requires, as a caller would give them.
REQUIRED_PARAMS = {"/api/v1/assignments/employer-options": {"mode": "temporary_work"}}
STATEMENT = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b", re.IGNORECASE)


def _document(app) -> dict:
    return app.openapi()


def _role_for(method: str, path: str) -> Role | None:
    rule = MATRIX[(method.upper(), path)]
    if rule in (PUBLIC, SIGNED_IN):
        return Role.facilitator if rule == SIGNED_IN else None
    return next(role for role in PREFERRED if role in rule)  # type: ignore[operator]


def _is_page(operation: dict) -> bool:
    schema = operation["responses"].get("200", {}).get("content", {}).get("application/json", {})
    return "Page_" in str(schema.get("schema", {}))


def _routes(app, kind: str) -> list[str]:
    paths = []
    for path, item in _document(app)["paths"].items():
        operation = item.get("get")
        if operation is None:
            continue
        if kind == "list" and _is_page(operation):
            paths.append(path)
        detail = path.endswith("}") and not _is_page(operation)
        if kind == "detail" and detail and "reference/cpv" not in path:
            paths.append(path)
    return paths


@contextmanager
def counting(engine) -> Iterator[list[str]]:
    """The SQL statements run meanwhile (savepoints and transaction control left out)."""
    statements: list[str] = []

    def record(_conn, _cursor, statement, _parameters, _context, _many) -> None:
        if STATEMENT.match(statement):
            statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


@pytest.fixture
async def demo_world(session, auth):
    """The demo data, and a bearer header per role."""
    return await seeded_demo(session, auth)


async def _resolve(client, headers, path: str) -> str:
    """The path with each parameter replaced by an id the caller can see."""
    for name, (source, field) in ID_SOURCES.items():
        if "{" + name + "}" in path:
            listing = await client.get(source, params={"limit": 5}, headers=headers)
            assert listing.status_code == 200, (source, listing.text)
            items = listing.json()["items"]
            assert items, f"the demo has no {name} for this caller"
            path = path.replace("{" + name + "}", str(items[0][field]))
    if "{lot_id}" in path:
        tender = await client.get(path.split("/lots/")[0], headers=headers)
        path = path.replace("{lot_id}", tender.json()["lots"][0]["id"])
    return path


class TestListsCostTheSameWhateverTheirSize:
    async def test_every_list_endpoint(self, app, client, engine, demo_world):
        checked = []
        for template in _routes(app, "list"):
            role = _role_for("get", template)
            headers = demo_world[role] if role else {}
            path = await _resolve(client, headers, template)
            counts, sizes = [], []
            for limit in (1, 50):
                with counting(engine) as statements:
                    response = await client.get(
                        path,
                        params={"limit": limit, **REQUIRED_PARAMS.get(template, {})},
                        headers=headers,
                    )
                assert response.status_code == 200, (path, response.text)
                counts.append(len(statements))
                sizes.append(len(response.json()["items"]))
            assert counts[0] == counts[1], (template, counts, sizes)
            checked.append((template, sizes))
        assert len(checked) >= 10
        # The check means something only where a page of 50 holds more than one item.
        assert sum(1 for _template, sizes in checked if sizes[1] > 1) >= 8, checked


class TestDetailReadsCostAtMostFourStatements:
    async def test_every_detail_endpoint(self, app, client, engine, demo_world):
        checked = []
        for template in _routes(app, "detail"):
            role = _role_for("get", template)
            headers = demo_world[role] if role else {}
            path = await _resolve(client, headers, template)
            with counting(engine) as statements:
                response = await client.get(path, headers=headers)
            assert response.status_code == 200, (path, response.text)
            assert len(statements) <= DETAIL_BUDGET, (template, len(statements), statements)
            checked.append(template)
        assert {"/api/v1/participants/{participant_id}", "/api/v1/tenders/{tender_id}"} <= set(
            checked
        )


class TestPageStatementsBuiltOnce:
    """A list's statement built once (`paginate(shared=True)`) keeps its ordered forms, and
    filtered statements, built per request, are never kept: the cache cannot grow with
    requests."""

    async def test_pages_reuse_their_statement_and_filters_add_nothing(self, client, demo_world):
        from levier.core import pagination

        headers = demo_world[Role.referent]
        first = await client.get("/api/v1/participants", params={"limit": 1}, headers=headers)
        cursor = first.json()["next_cursor"]
        assert cursor, "the demo referent follows more than one person"
        await client.get("/api/v1/participants", params={"cursor": cursor}, headers=headers)
        kept = dict(pagination._SHARED)
        for limit in (1, 2, 3):
            page = await client.get(
                "/api/v1/participants", params={"limit": limit, "cursor": cursor}, headers=headers
            )
            assert page.status_code == 200
            filtered = await client.get(
                "/api/v1/participants", params={"limit": limit, "q": "a"}, headers=headers
            )
            assert filtered.status_code == 200
        assert pagination._SHARED.keys() == kept.keys()
        assert all(pagination._SHARED[key][1] is kept[key][1] for key in kept)
        # The second page follows the first with the cursor as parameters.
        names = [item["id"] for item in first.json()["items"]]
        following = await client.get(
            "/api/v1/participants", params={"limit": 1, "cursor": cursor}, headers=headers
        )
        assert following.json()["items"][0]["id"] not in names
