"""Checks every endpoint inherits: a new route that forgets one fails here."""

from __future__ import annotations

import inspect
import typing

from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel

from levier.core import validation
from levier.core.validation import CLEANERS, Input


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


# Texts that are no prose: secrets and tokens, compared or hashed as typed (the OAuth2 form).
UNCLEANED_TEXTS = {
    ("LoginForm", "username"),
    ("LoginForm", "password"),
    ("LoginForm", "scope"),
    ("LoginForm", "grant_type"),
    ("LoginForm", "client_id"),
    ("LoginForm", "client_secret"),
    ("RefreshRequest", "refresh_token"),
    ("PasswordChange", "current_password"),
    ("PasswordChange", "new_password"),
    ("PasswordResetCheck", "token"),
    ("PasswordResetConfirm", "token"),
    ("PasswordResetConfirm", "new_password"),
    ("UserCreate", "password"),
    ("UserUpdate", "password"),
    # A key looked up in its table (an unknown one is refused), never shown as typed.
    ("TerritoryRef", "code"),
}
# A text checked against its own shape holds no invisible character either.
SHAPED = frozenset({validation._email, validation._siret})


def _texts(annotation, metadata=()) -> list[tuple]:
    """The metadata of each text a field's annotation holds (in lists, unions, Annotated)."""
    if annotation is str:
        return [tuple(metadata)]
    if typing.get_origin(annotation) is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _texts(base, (*metadata, *extra))
    if inspect.isclass(annotation):
        return []
    return [found for arg in typing.get_args(annotation) for found in _texts(arg)]


def _cleaned_or_shaped(metadata: tuple) -> bool:
    for item in metadata:
        if getattr(item, "func", None) in CLEANERS | SHAPED:
            return True
        if getattr(item, "pattern", None) or "pattern" in (
            getattr(item, "json_schema", None) or {}
        ):
            return True
    return False


def _body_models(app) -> set[type[BaseModel]]:
    found: set[type[BaseModel]] = set()

    def walk(model: type[BaseModel]) -> None:
        if model in found:
            return
        found.add(model)
        for info in model.model_fields.values():
            for nested in _models(info.annotation):
                walk(nested)

    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute):
            params = [*route.dependant.body_params]
            for dependency in route.dependant.dependencies:
                params.extend(dependency.body_params)
            for param in params:
                for model in _models(param.field_info.annotation):
                    walk(model)
    return found


class TestFreeTexts:
    def test_every_text_of_a_body_is_cleaned_of_invisible_characters(self, app):
        """Every text a request body takes is a `Label`, `FreeText` or `Name` (invisible
        characters removed before they reach a document), or has a shape of its own (a
        pattern, an e-mail, a SIRET), or is a secret compared as typed."""
        unclean = []
        checked = 0
        for model in _body_models(app):
            for name, info in model.model_fields.items():
                for metadata in _texts(info.annotation, tuple(info.metadata)):
                    checked += 1
                    if (model.__name__, name) in UNCLEANED_TEXTS:
                        continue
                    if not _cleaned_or_shaped(metadata):
                        unclean.append(f"{model.__module__}.{model.__name__}.{name}")
        assert checked > 40
        assert sorted(set(unclean)) == [], "\n".join(sorted(set(unclean)))


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
