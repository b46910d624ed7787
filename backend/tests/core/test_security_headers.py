"""Security headers on every kind of response: the app's pages, the API documentation,
personal data, downloads; HSTS only over TLS."""

from __future__ import annotations

import httpx
import pytest

from levier.auth.permissions import Role
from levier.main import create_app
from tests.factories import make_organisation, make_participant, make_user

COMMON = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


def assert_common(response) -> None:
    for name, value in COMMON.items():
        assert response.headers.get(name) == value, (name, response.url)
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


@pytest.fixture
async def spa_client(settings, engine, sessionmaker, tmp_path):
    """The app serving a built single-page app (a stand-in index.html and asset)."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>Levier</title>")
    (tmp_path / "assets" / "app.js").write_text("console.log('levier')")
    app = create_app(settings.model_copy(update={"frontend_dist": tmp_path}), engine=engine)
    app.state.sessionmaker = sessionmaker
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://levier.test") as client:
        yield client


class TestSecurityHeaders:
    async def test_the_app_page_has_a_strict_policy(self, spa_client):
        for path in ("/", "/participants/some-id", "/assets/app.js"):
            response = await spa_client.get(path)
            assert response.status_code == 200, path
            assert_common(response)
            policy = response.headers["content-security-policy"]
            assert (
                "script-src 'self'" in policy
                and "'unsafe-inline'" not in policy.split("style-src")[0]
            )
            assert "object-src 'none'" in policy
            assert "strict-transport-security" not in response.headers

    async def test_api_documentation_runs_from_our_own_origin(self, client):
        page = await client.get("/api/docs")
        assert page.status_code == 200
        assert_common(page)
        assert "https://" not in page.text  # no CDN: works offline, under the policy
        assert "<script>" not in page.text  # no inline script
        policy = page.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "cdn" not in policy
        for asset in ("/api/docs/assets/swagger-ui-bundle.js", "/api/docs/assets/swagger-ui.css"):
            assert (await client.get(asset)).status_code == 200, asset
        script = await client.get("/api/docs/init.js")
        assert script.headers["content-type"].startswith("text/javascript")

    async def test_personal_data_is_never_cached(self, client, session, auth):
        structure = await make_organisation(session)
        referent = await make_user(session, Role.referent)
        person = await make_participant(session, referent, structure)
        for path in (
            f"/api/v1/participants/{person.id}",
            f"/api/v1/participants/{person.id}/export",
            "/api/v1/participants",
        ):
            response = await client.get(path, headers=auth(referent))
            assert response.status_code == 200, (path, response.text)
            assert response.headers["cache-control"] == "no-store"
            assert_common(response)
            assert response.headers["content-security-policy"].startswith("default-src 'none'")

    async def test_errors_carry_the_headers_too(self, client):
        response = await client.get("/api/v1/auth/me")
        assert response.status_code == 401
        assert_common(response)
        assert response.headers["cache-control"] == "no-store"

    async def test_hsts_when_served_over_tls(self, app):
        transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50000))
        async with httpx.AsyncClient(transport=transport, base_url="https://levier.test") as tls:
            response = await tls.get("/api/v1/health")
        assert response.headers["strict-transport-security"].startswith("max-age=31536000")
