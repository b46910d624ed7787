"""create_app(): middleware, error handlers, the API and the single-page app."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import FileResponse, Response
from starlette.routing import compile_path
from starlette.types import Scope
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from levier import (
    apidocs,
    registry,  # noqa: F401 - complete the mappers
)
from levier.api import include_api
from levier.core.audit import recorder
from levier.core.config import Settings, get_settings
from levier.core.contract import describe_problems
from levier.core.db import create_engine, create_sessionmaker
from levier.core.errors import install_error_handlers
from levier.core.guards import BODY_LIMIT_KEY, RequestGuard
from levier.core.headers import SecurityHeaders

API_DESCRIPTION = """
Levier's JSON API: insertion clauses in public procurement, inclusive enterprises,
participants' pathways. The single-page app and partner systems use the same API.

* Authentication: OAuth2 password flow (`POST /api/v1/auth/token`) → bearer JWT + rotating
  refresh token.
* Errors: RFC 9457 `application/problem+json` with a stable `code` and, for invalid input,
  `errors[]` naming each field; messages follow `Accept-Language` (fr, en).
* Lists: keyset pagination `?limit=&cursor=` → `{items, next_cursor}`.
* Shared records: reads return an `ETag`; updates require `If-Match` (412 when stale,
  428 when missing).
"""


def _operation_id(route: APIRoute) -> str:
    tag = str(route.tags[0]) if route.tags else "default"
    return f"{tag}-{route.name}"


class SPAStaticFiles(StaticFiles):
    """Serve the built SPA; unknown paths get index.html so client-side routes work."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        try:
            return await super().get_response(path, scope)
        except StarletteHTTPException as exc:
            if exc.status_code != 404 or path.startswith("api/"):
                raise
            return FileResponse(Path(str(self.directory)) / "index.html")


def _route_body_limits(app: FastAPI) -> list[tuple[Any, int]]:
    """(path pattern, bytes) of the routes that declare their own body limit."""
    limits = []
    for context in iter_route_contexts(app.routes):
        if not isinstance(context.original_route, APIRoute) or not context.path:
            continue
        extra = context.original_route.openapi_extra or {}
        if BODY_LIMIT_KEY in extra:
            limits.append((compile_path(context.path)[0], int(extra[BODY_LIMIT_KEY])))
    return limits


def create_app(settings: Settings | None = None, engine: Any = None) -> FastAPI:
    """The Levier application (engine injectable for tests)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Everything loaded at start-up (modules, mappers, the OpenAPI document, reference
        # vocabularies) lives as long as the process: move it out of the collector's sight,
        # so full collections stop walking it (they made the p99 of a list page).
        app.openapi()
        gc.collect()
        gc.freeze()
        yield
        if owns_engine:
            await app.state.engine.dispose()

    owns_engine = engine is None
    app = FastAPI(
        title="Levier API",
        version="1.0.0",
        description=API_DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url=apidocs.OPENAPI_URL,
        generate_unique_id_function=_operation_id,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine or create_engine(
        settings.database_url, settings.database_echo, settings.sqlite_busy_timeout_ms
    )
    app.state.sessionmaker = create_sessionmaker(app.state.engine)
    recorder.install()
    install_error_handlers(app)
    include_api(app)
    apidocs.install(app)
    describe_problems(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=["ETag", "Location", "Retry-After"],
        )
    app.add_middleware(
        RequestGuard,
        default_body_limit=settings.body_limit_bytes,
        route_limits=_route_body_limits(app),
    )
    app.add_middleware(SecurityHeaders)
    if settings.trusted_proxies:
        # Outermost: every layer below sees the client's address, not the proxy's.
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxies)
    dist = Path(settings.frontend_dist)
    if (dist / "index.html").exists():
        app.mount("/", SPAStaticFiles(directory=dist, html=True), name="spa")
    return app
