"""The web app's session: the refresh token only ever in an HttpOnly, SameSite=Strict cookie
scoped to the auth routes, never in a body a script could read."""

from __future__ import annotations

from http.cookies import SimpleCookie

from tests.factories import PASSWORD, make_user

WEB = {"X-Levier-Session": "cookie"}


def refresh_cookie(response) -> SimpleCookie:
    cookie: SimpleCookie = SimpleCookie()
    cookie.load(response.headers["set-cookie"])
    return cookie


async def web_login(client, email: str):
    return await client.post(
        "/api/v1/auth/token", data={"username": email, "password": PASSWORD}, headers=WEB
    )


def sending(value: str, **headers: str) -> dict[str, str]:
    # httpx keeps Secure cookies for https; these tests speak http, so the cookie is sent by hand.
    return {**WEB, "Cookie": f"levier_refresh={value}", **headers}


class TestWebSession:
    async def test_sign_in_sets_a_locked_down_cookie_and_no_refresh_token_in_the_body(
        self, client, session
    ):
        await make_user(session, email="web@example.org", password=PASSWORD)
        response = await web_login(client, "web@example.org")
        assert response.status_code == 200
        assert response.json()["refresh_token"] is None
        assert response.json()["access_token"]
        morsel = refresh_cookie(response)["levier_refresh"]
        assert morsel.value and len(morsel.value) > 20
        assert morsel["httponly"] is True
        assert morsel["secure"] is True
        assert morsel["samesite"] == "strict"
        assert morsel["path"] == "/api/v1/auth"
        assert int(morsel["max-age"]) == 14 * 24 * 3600

    async def test_refresh_and_sign_out_with_the_cookie(self, client, session):
        await make_user(session, email="web2@example.org", password=PASSWORD)
        first = refresh_cookie(await web_login(client, "web2@example.org"))["levier_refresh"].value
        refreshed = await client.post("/api/v1/auth/refresh", headers=sending(first))
        assert refreshed.status_code == 200, refreshed.text
        assert refreshed.json()["refresh_token"] is None
        second = refresh_cookie(refreshed)["levier_refresh"].value
        assert second != first
        access = {"Authorization": f"Bearer {refreshed.json()['access_token']}"}
        assert (await client.get("/api/v1/auth/me", headers=access)).status_code == 200
        out = await client.post("/api/v1/auth/logout", headers=sending(second))
        assert out.status_code == 204
        cleared = refresh_cookie(out)["levier_refresh"]
        assert cleared.value == "" and int(cleared["max-age"]) == 0
        assert (await client.get("/api/v1/auth/me", headers=access)).status_code == 401
        again = await client.post("/api/v1/auth/refresh", headers=sending(second))
        assert again.status_code == 401
        assert refresh_cookie(again)["levier_refresh"].value == ""

    async def test_cookie_routes_refuse_requests_without_the_header(self, client, session):
        await make_user(session, email="web3@example.org", password=PASSWORD)
        token = refresh_cookie(await web_login(client, "web3@example.org"))["levier_refresh"].value
        bare = await client.post(
            "/api/v1/auth/refresh", headers={"Cookie": f"levier_refresh={token}"}
        )
        assert bare.status_code == 422
        assert bare.json()["errors"][0]["field"] == "refresh_token"
        logout = await client.post(
            "/api/v1/auth/logout", headers={"Cookie": f"levier_refresh={token}"}
        )
        assert logout.status_code == 422
        # The session survived both.
        assert (
            await client.post("/api/v1/auth/refresh", headers=sending(token))
        ).status_code == 200

    async def test_cross_site_requests_are_refused(self, client, session):
        await make_user(session, email="web4@example.org", password=PASSWORD)
        token = refresh_cookie(await web_login(client, "web4@example.org"))["levier_refresh"].value
        for site in ("cross-site", "same-site"):
            response = await client.post(
                "/api/v1/auth/refresh", headers=sending(token, **{"Sec-Fetch-Site": site})
            )
            assert response.status_code == 403
            assert response.json()["code"] == "cross_site_refused"

    async def test_api_clients_keep_the_token_in_the_body(self, client, session):
        await make_user(session, email="api@example.org", password=PASSWORD)
        response = await client.post(
            "/api/v1/auth/token", data={"username": "api@example.org", "password": PASSWORD}
        )
        assert response.json()["refresh_token"]
        assert "set-cookie" not in response.headers
