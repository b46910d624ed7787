"""A sign-in writes the account's `last_login_at`, which is bookkeeping: an admin's open form
of that account stays valid (its If-Match still matches), while a real change does not."""

from __future__ import annotations

from levier.auth.permissions import Role
from tests.auth.test_auth import login
from tests.factories import PASSWORD, make_user


class TestSignInKeepsTheVersion:
    async def test_admin_saves_with_the_etag_read_before_the_user_signed_in(
        self, client, auth, session
    ):
        admin = await make_user(session, Role.admin)
        user = await make_user(session, Role.buyer, email="signs-in@example.org", password=PASSWORD)
        url = f"/api/v1/users/{user.id}"
        read = await client.get(url, headers=auth(admin))
        etag = read.headers["ETag"]
        assert (await login(client, "signs-in@example.org")).status_code == 200
        after = await client.get(url, headers=auth(admin))
        assert after.json()["last_login_at"] is not None
        assert after.headers["ETag"] == etag
        response = await client.patch(
            url, json={"full_name": "Nom corrigé"}, headers=auth(admin) | {"If-Match": etag}
        )
        assert response.status_code == 200, response.text
        assert response.json()["full_name"] == "Nom corrigé"
        assert response.headers["ETag"] != etag

    async def test_a_real_change_still_makes_an_old_etag_stale(self, client, auth, session):
        admin = await make_user(session, Role.admin)
        user = await make_user(session, Role.buyer)
        url = f"/api/v1/users/{user.id}"
        etag = (await client.get(url, headers=auth(admin))).headers["ETag"]
        first = await client.patch(
            url, json={"full_name": "Premier"}, headers=auth(admin) | {"If-Match": etag}
        )
        assert first.status_code == 200, first.text
        second = await client.patch(
            url, json={"full_name": "Second"}, headers=auth(admin) | {"If-Match": etag}
        )
        assert second.status_code == 412, second.text
