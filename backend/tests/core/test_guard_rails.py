"""Checks every endpoint inherits: a new route that forgets one fails here."""

from __future__ import annotations

import inspect
import typing

from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel

from levier.core.validation import Input


def _models(annotation) -> list[type[BaseModel]]:
    found = []
    if inspect.isclass(annotation) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for arg in typing.get_args(annotation):
        found.extend(_models(arg))
    return found


class TestRequestBodies:
    def test_every_body_model_refuses_control_characters(self, app):
        """Every body (JSON or form) is an `Input`: unknown fields and control characters
        are refused with a 422 naming the field."""
        checked = []
        for context in iter_route_contexts(app.routes):
            route = context.original_route
            if not isinstance(route, APIRoute):
                continue
            for param in route.dependant.body_params:
                for model in _models(param.field_info.annotation):
                    assert issubclass(model, Input), (context.path, model.__name__)
                    checked.append(model)
            for dependency in route.dependant.dependencies:
                for param in dependency.body_params:
                    for model in _models(param.field_info.annotation):
                        assert issubclass(model, Input), (context.path, model.__name__)
        assert len(checked) > 20


class TestRouting:
    def test_every_domain_router_skips_paths_outside_its_prefix(self):
        """A domain router with a prefix is a DomainRouter, so a request is only tried
        against the routes of the domain its path names."""
        from levier.api import DOMAIN_ROUTERS
        from levier.core.routing import DomainRouter

        prefixed = [router for router in DOMAIN_ROUTERS if router.prefix]
        assert len(prefixed) >= 10
        assert [r.prefix for r in prefixed if not isinstance(r, DomainRouter)] == []

    async def test_skipping_keeps_every_answer(self, client):
        """Near misses still get the answer a full walk gives: the route, 405, or 404."""
        assert (await client.get("/api/v1/health")).status_code == 200
        assert (await client.get("/api/v1/territories/regions")).status_code == 200
        assert (await client.delete("/api/v1/territories/regions")).status_code == 405
        for path in ("/api/v1/territoriesX/regions", "/api/v1/territories/nowhere", "/api/v2/x"):
            response = await client.get(path)
            assert response.status_code == 404, path
            assert response.headers["content-type"].startswith("application/problem+json")
