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
