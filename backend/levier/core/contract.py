"""The OpenAPI document says exactly what is sent: problems as `application/problem+json`."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from levier.core.errors import PROBLEM_JSON


def _problem_media_types(document: dict[str, Any]) -> None:
    for path_item in document.get("paths", {}).values():
        for operation in path_item.values():
            for status, response in operation.get("responses", {}).items():
                if not (status.isdigit() and int(status) >= 400):
                    continue
                content = response.get("content", {})
                if "application/json" in content:
                    content[PROBLEM_JSON] = content.pop("application/json")


def describe_problems(app: FastAPI) -> None:
    """Make `app.openapi()` declare error responses with the media type they are sent with."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        document = generate()
        _problem_media_types(document)
        return document

    app.openapi = openapi  # type: ignore[method-assign]
