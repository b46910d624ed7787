"""The interactive API documentation, served from Levier's own origin.

Swagger UI comes from the `swagger-ui-bundle` package rather than a CDN, so the page works on
networks without internet access and runs under a Content-Security-Policy that admits no
inline script and no other origin.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import swagger_ui_bundle
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

DOCS_URL = "/api/docs"
OPENAPI_URL = "/api/v1/openapi.json"
LEGACY_OPENAPI_URL = "/api/openapi.json"
ASSETS_URL = f"{DOCS_URL}/assets"
ASSETS_DIR = Path(swagger_ui_bundle.swagger_ui_path)

router = APIRouter(include_in_schema=False)

_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title}</title>
  <link rel="stylesheet" href="{assets}/swagger-ui.css">
  <link rel="icon" type="image/png" href="{assets}/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui" data-url="{openapi}"></div>
  <script src="{assets}/swagger-ui-bundle.js"></script>
  <script src="{docs}/init.js"></script>
</body>
</html>
"""

# Reads the document's address from the page, so the page itself holds no script.
_INIT = """window.ui = SwaggerUIBundle({
  url: document.getElementById('swagger-ui').dataset.url,
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: false,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
"""


@router.api_route(DOCS_URL, methods=["GET", "HEAD"])
async def docs_page(request: Request) -> HTMLResponse:
    """Swagger UI for the API."""
    title = escape(f"{request.app.title} — documentation")
    page = _PAGE.format(title=title, assets=ASSETS_URL, docs=DOCS_URL, openapi=OPENAPI_URL)
    return HTMLResponse(page)


@router.get(f"{DOCS_URL}/init.js")
async def docs_script() -> Response:
    """The page's start-up script."""
    return Response(_INIT, media_type="text/javascript")


@router.get(LEGACY_OPENAPI_URL)
async def legacy_openapi(request: Request) -> JSONResponse:
    """The OpenAPI document at its first address (it lives under /api/v1 now)."""
    return JSONResponse(request.app.openapi())


def install(app: FastAPI) -> None:
    """Serve the documentation page, its script and Swagger UI's files."""
    app.include_router(router)
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS_DIR), name="docs-assets")
