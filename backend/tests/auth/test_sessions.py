"""Ending a sign-in session ends its access tokens at once, not 15 minutes later."""

from __future__ import annotations

import logging
import re
import uuid

from sqlalchemy import select

from levier.auth.models import AuthSession
from levier.auth.permissions import Role
from levier.core.security import create_access_token
from tests.auth.test_auth import login
from tests.factories import PASSWORD, make_user

NEW_PASSWORD = "a-new-passphrase-2026"


def bearer(pair: dict) -> dict[str, str]:
    return {"Authorization": f"Bearer {pair['access_token']}"}


async def me_status(client, pair: dict) -> int:
    return (await client.get("/api/v1/auth/me", headers=bearer(pair))).status_code


class TestSessionEnd:
    async def test_logout_ends_the_access_token_too(self, client, session):
        await make_user(session, email="out@example.org", password=PASSWORD)
        pair = (await login(client, "out@example.org")).json()
        assert await me_status(client, pair) == 200
        await client.post("/api/v1/auth/logout", json={"refresh_token": pair["refresh_token"]})
        assert await me_status(client, pair) == 401
        ended = (
            await session.execute(select(AuthSession).where(AuthSession.ended_at.is_not(None)))
        ).scalar_one()
        assert ended.end_reason == "logout"

    async def test_refresh_reuse_ends_every_access_token_of_the_session(self, client, session):
        await make_user(session, email="reuse@example.org", password=PASSWORD)
        first = (await login(client, "reuse@example.org")).json()
        second = (
            await client.post(
                "/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}
            )
        ).json()
        assert await me_status(client, second) == 200
        stolen = await client.post(
            "/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}
        )
        assert stolen.status_code == 401
        assert await me_status(client, first) == 401
        assert await me_status(client, second) == 401

    async def test_password_change_ends_the_other_sessions_but_not_its_own(self, client, session):
        await make_user(session, email="two@example.org", password=PASSWORD)
        laptop = (await login(client, "two@example.org")).json()
        phone = (await login(client, "two@example.org")).json()
        changed = await client.post(
            "/api/v1/auth/password",
            json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
            headers=bearer(laptop),
        )
        assert changed.status_code == 204
        assert await me_status(client, laptop) == 200
        assert await me_status(client, phone) == 401
        refresh = await client.post(
            "/api/v1/auth/refresh", json={"refresh_token": phone["refresh_token"]}
        )
        assert refresh.status_code == 401

    async def test_deactivation_ends_the_access_tokens(self, client, session, auth):
        admin = await make_user(session, Role.admin)
        user = await make_user(
            session, organisation=admin.organisation, email="leaving@example.org", password=PASSWORD
        )
        pair = (await login(client, "leaving@example.org")).json()
        read = await client.get(f"/api/v1/users/{user.id}", headers=auth(admin))
        response = await client.patch(
            f"/api/v1/users/{user.id}",
            json={"active": False},
            headers={**auth(admin), "If-Match": read.headers["ETag"]},
        )
        assert response.status_code == 200, response.text
        assert await me_status(client, pair) == 401
        reasons = (await session.execute(select(AuthSession.end_reason))).scalars().all()
        assert "deactivated" in reasons

    async def test_a_token_naming_no_session_is_refused(self, client, session, settings):
        user = await make_user(session)
        token, _ = create_access_token(settings, user.id, user.token_version, uuid.uuid4())
        response = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401


class TestPasswordResetLinks:
    async def _links(self, client, caplog, email: str, times: int) -> list[str]:
        with caplog.at_level(logging.WARNING, logger="levier.mail"):
            for _ in range(times):
                response = await client.post(
                    "/api/v1/auth/password-reset/request", json={"email": email}
                )
                assert response.status_code == 202
        return re.findall(r"reset-password\?token=([\w-]+)", caplog.text)

    async def _confirm(self, client, token: str, password: str = NEW_PASSWORD):
        return await client.post(
            "/api/v1/auth/password-reset/confirm", json={"token": token, "new_password": password}
        )

    async def test_a_new_link_cancels_the_older_ones(self, client, session, caplog):
        await make_user(session, email="links@example.org", password=PASSWORD)
        older, newer = await self._links(client, caplog, "links@example.org", 2)
        refused = await self._confirm(client, older)
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["field"] == "token"
        assert (await self._confirm(client, newer)).status_code == 204

    async def test_a_completed_reset_cancels_every_other_link(
        self, client, session, caplog, settings
    ):
        user = await make_user(session, email="done@example.org", password=PASSWORD)
        [first] = await self._links(client, caplog, "done@example.org", 1)
        # A link made by hand beside the e-mailed one, as if two had been sent at once.
        from datetime import timedelta

        from levier.auth.models import PasswordResetToken
        from levier.core.models import utcnow
        from levier.core.security import digest

        session.add(
            PasswordResetToken(
                user_id=user.id,
                token_hash=digest("second-link-secret-0123456789"),
                expires_at=utcnow() + timedelta(hours=1),
            )
        )
        await session.commit()
        assert (await self._confirm(client, first)).status_code == 204
        late = await self._confirm(client, "second-link-secret-0123456789", "yet-another-pass-99")
        assert late.status_code == 422

    async def test_a_password_change_cancels_pending_links(self, client, session, caplog, auth):
        user = await make_user(session, email="change@example.org", password=PASSWORD)
        [link] = await self._links(client, caplog, "change@example.org", 1)
        await client.post(
            "/api/v1/auth/password",
            json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
            headers=auth(user),
        )
        assert (await self._confirm(client, link, "stolen-link-pass-1")).status_code == 422


class TestPurge:
    async def test_old_sessions_tokens_and_counts_go_open_ones_stay(self, client, session):
        from datetime import timedelta

        from levier.auth import sessions as auth_sessions
        from levier.auth.models import LoginAttempt, RefreshToken, ResetRequest
        from levier.core.models import utcnow

        await make_user(session, email="keep@example.org", password=PASSWORD)
        kept = (await login(client, "keep@example.org")).json()
        old = (await login(client, "keep@example.org")).json()
        await client.post("/api/v1/auth/logout", json={"refresh_token": old["refresh_token"]})
        long_ago = utcnow() - timedelta(days=40)
        ended = (
            await session.execute(select(AuthSession).where(AuthSession.ended_at.is_not(None)))
        ).scalar_one()
        ended.ended_at = long_ago
        for token in (await session.execute(select(RefreshToken))).scalars():
            if token.revoked_at is not None:
                token.revoked_at = long_ago
        session.add(LoginAttempt(email="x@example.org", at=long_ago))
        session.add(ResetRequest(email="x@example.org", at=long_ago))
        await session.commit()
        counts = await auth_sessions.purge(session)
        await session.commit()
        assert counts["sessions"] == 1 and counts["refresh_tokens"] == 1
        assert counts["login_failures"] == counts["reset_requests"] == 1
        assert await me_status(client, kept) == 200
        refreshed = await client.post(
            "/api/v1/auth/refresh", json={"refresh_token": kept["refresh_token"]}
        )
        assert refreshed.status_code == 200
        assert await auth_sessions.purge(session) == dict.fromkeys(counts, 0)
