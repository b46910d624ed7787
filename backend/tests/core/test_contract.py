"""The OpenAPI document describes exactly what is sent: problem media types, 413 where a
body can be too large, no body where none is sent, and its address under /api/v1."""

from __future__ import annotations

import json

from levier.core.errors import PROBLEM_JSON
from levier.openapi import render

DOCUMENT = json.loads(render())


def operations():
    for path, item in DOCUMENT["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


class TestContract:
    def test_every_error_is_declared_as_problem_json(self):
        for path, method, operation in operations():
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    assert list(response.get("content", {})) == [PROBLEM_JSON], (
                        method,
                        path,
                        status,
                    )

    def test_413_is_declared_and_the_import_states_its_limit(self):
        for path, method, operation in operations():
            if "requestBody" in operation:
                assert "413" in operation["responses"], (method, path)
        upload = DOCUMENT["paths"]["/api/v1/participants/import"]["post"]
        assert upload["x-body-limit"] > 5 * 1024 * 1024

    def test_answers_without_a_body_declare_none(self):
        for path in (
            "/api/v1/auth/password-reset/request",
            "/api/v1/auth/password-reset/confirm",
            "/api/v1/auth/logout",
            "/api/v1/auth/password",
        ):
            [(status, response)] = [
                (s, r)
                for s, r in DOCUMENT["paths"][path]["post"]["responses"].items()
                if int(s) < 300
            ]
            assert "content" not in response, (path, status)

    async def test_sent_problems_use_that_media_type(self, client):
        response = await client.post("/api/v1/auth/password-reset/request", json={"email": "x"})
        assert response.status_code == 422
        assert response.headers["content-type"] == PROBLEM_JSON

    async def test_reset_request_answers_202_without_a_body(self, client):
        response = await client.post(
            "/api/v1/auth/password-reset/request", json={"email": "someone@example.org"}
        )
        assert response.status_code == 202
        assert response.content == b""
        assert "content-type" not in response.headers

    async def test_document_is_served_under_the_api_prefix_and_at_its_old_address(self, client):
        current = await client.get("/api/v1/openapi.json")
        former = await client.get("/api/openapi.json")
        assert current.status_code == former.status_code == 200
        assert current.json() == former.json()
        assert current.json()["paths"].keys() == DOCUMENT["paths"].keys()
