from __future__ import annotations

import logging
import re

from sqlalchemy import select

from levier.auth.models import RefreshToken
from levier.auth.permissions import Role
from levier.core.audit.models import AuditEvent
from tests.factories import PASSWORD, make_organisation, make_user


async def login(client, email, password=PASSWORD, **headers):
    return await client.post(
        "/api/v1/auth/token", data={"username": email, "password": password}, headers=headers
    )


class TestLogin:
    async def test_valid_credentials_give_tokens_that_open_me(self, client, session):
        user = await make_user(
            session, role=Role.buyer, email="Buyer@Example.org", password=PASSWORD
        )
        response = await login(client, "buyer@example.ORG")
        assert response.status_code == 200
        body = response.json()
        assert body["token_type"] == "bearer"
        assert body["expires_in"] == 15 * 60
        me = await client.get(
            "/api/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"}
        )
        assert me.status_code == 200
        assert me.json()["id"] == str(user.id)
        assert me.json()["email"] == "buyer@example.org"
        assert me.json()["permissions"] == [
            "compliance:read",
            "documents:issue",
            "documents:read",
            "follow_ups:read",
            "offers:read",
            "tenders:edit",
            "tenders:read",
        ]

    async def test_a_sign_in_is_one_audit_entry_by_the_user_not_an_account_change(
        self, client, session
    ):
        from levier.core.audit.models import OutboxEvent

        user = await make_user(session, role=Role.buyer, email="in@example.org", password=PASSWORD)
        assert (await login(client, "in@example.org")).status_code == 200
        events = (
            await session.execute(
                select(AuditEvent.action, AuditEvent.actor_id).where(
                    AuditEvent.entity_id == user.id, AuditEvent.action != "created"
                )
            )
        ).all()
        assert [tuple(event) for event in events] == [("signed_in", user.id)]
        outbox = await session.execute(
            select(OutboxEvent.event_type).where(OutboxEvent.entity_id == user.id)
        )
        assert "user.updated" not in list(outbox.scalars())
        await session.refresh(user)
        assert user.last_login_at is not None

    async def test_wrong_password_is_a_translated_problem(self, client, session):
        await make_user(session, email="a@example.org", password=PASSWORD)
        french = await login(client, "a@example.org", "wrong-password-123")
        assert french.status_code == 401
        assert french.headers["content-type"] == "application/problem+json"
        assert french.json()["code"] == "invalid_credentials"
        assert french.json()["detail"] == "Adresse e-mail ou mot de passe incorrect."
        english = await login(
            client, "a@example.org", "nope", **{"Accept-Language": "en-GB,en;q=0.8"}
        )
        assert english.json()["detail"] == "Incorrect email address or password."

    async def test_unknown_account_answers_like_a_wrong_password(self, client):
        response = await login(client, "nobody@example.org")
        assert response.status_code == 401
        assert response.json()["code"] == "invalid_credentials"

    async def test_deactivated_account_cannot_sign_in(self, client, session):
        await make_user(
            session,
            email="gone@example.org",
            password=PASSWORD,
        )
        from levier.users.models import User

        user = (
            await session.execute(select(User).where(User.email == "gone@example.org"))
        ).scalar_one()
        user.active = False
        await session.commit()
        assert (await login(client, "gone@example.org")).status_code == 401

    async def test_repeated_failures_are_throttled_with_retry_after(self, client, session):
        await make_user(session, email="t@example.org", password=PASSWORD)
        for _ in range(3):  # the test settings allow 3 failures per account
            assert (await login(client, "t@example.org", "bad-password")).status_code == 401
        throttled = await login(client, "t@example.org")  # even the right password now waits
        assert throttled.status_code == 429
        assert int(throttled.headers["Retry-After"]) > 0
        assert throttled.json()["code"] == "login_throttled"

    async def test_success_clears_earlier_failures(self, client, session):
        await make_user(session, email="c@example.org", password=PASSWORD)
        for _ in range(2):
            await login(client, "c@example.org", "bad-password")
        assert (await login(client, "c@example.org")).status_code == 200
        for _ in range(2):
            await login(client, "c@example.org", "bad-password")
        assert (await login(client, "c@example.org")).status_code == 200


class TestAccessToken:
    async def test_missing_token_is_401_with_bearer_challenge(self, client):
        response = await client.get("/api/v1/auth/me")
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == "Bearer"

    async def test_tampered_token_is_401(self, client, session, auth):
        user = await make_user(session)
        token = auth(user)["Authorization"]
        tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
        response = await client.get("/api/v1/auth/me", headers={"Authorization": tampered})
        assert response.status_code == 401
        assert response.json()["code"] == "invalid_token"

    async def test_expired_token_is_401(self, client, session, settings):
        from jose import jwt

        user = await make_user(session)
        expired = jwt.encode(
            {"sub": str(user.id), "tv": 1, "exp": 1, "typ": "access"}, settings.secret_key, "HS256"
        )
        response = await client.get(
            "/api/v1/auth/me", headers={"Authorization": f"Bearer {expired}"}
        )
        assert response.status_code == 401

    async def test_token_signed_with_another_key_is_401(self, client, session):
        from jose import jwt

        user = await make_user(session)
        forged = jwt.encode(
            {"sub": str(user.id), "tv": 1, "exp": 9999999999, "typ": "access"}, "other-key", "HS256"
        )
        response = await client.get(
            "/api/v1/auth/me", headers={"Authorization": f"Bearer {forged}"}
        )
        assert response.status_code == 401


class TestRefresh:
    async def test_refresh_rotates_and_spent_token_revokes_the_family(self, client, session):
        await make_user(session, email="r@example.org", password=PASSWORD)
        first = (await login(client, "r@example.org")).json()
        second = await client.post(
            "/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}
        )
        assert second.status_code == 200
        assert second.json()["refresh_token"] != first["refresh_token"]
        # Reusing the spent token: refused, and the whole family (incl. the new one) dies.
        reuse = await client.post(
            "/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}
        )
        assert reuse.status_code == 401
        assert reuse.json()["code"] == "invalid_refresh_token"
        after = await client.post(
            "/api/v1/auth/refresh", json={"refresh_token": second.json()["refresh_token"]}
        )
        assert after.status_code == 401

    async def test_refresh_tokens_are_stored_hashed(self, client, session):
        await make_user(session, email="h@example.org", password=PASSWORD)
        pair = (await login(client, "h@example.org")).json()
        hashes = (await session.execute(select(RefreshToken.token_hash))).scalars().all()
        assert pair["refresh_token"] not in hashes
        assert len(hashes) == 1 and len(hashes[0]) == 64

    async def test_logout_ends_the_session(self, client, session):
        await make_user(session, email="l@example.org", password=PASSWORD)
        pair = (await login(client, "l@example.org")).json()
        out = await client.post(
            "/api/v1/auth/logout", json={"refresh_token": pair["refresh_token"]}
        )
        assert out.status_code == 204
        again = await client.post(
            "/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]}
        )
        assert again.status_code == 401

    async def test_unknown_refresh_token_is_401(self, client):
        response = await client.post("/api/v1/auth/refresh", json={"refresh_token": "x" * 43})
        assert response.status_code == 401


class TestMe:
    async def test_update_own_name_and_language_is_audited(self, client, session, auth):
        user = await make_user(session)
        response = await client.patch(
            "/api/v1/auth/me",
            json={"full_name": "Élise Durand", "language": "en"},
            headers=auth(user),
        )
        assert response.status_code == 200
        assert response.json()["full_name"] == "Élise Durand"
        assert response.json()["language"] == "en"
        entry = (
            await session.execute(
                select(AuditEvent).where(
                    AuditEvent.entity_id == user.id, AuditEvent.action == "updated"
                )
            )
        ).scalar_one()
        assert entry.actor_id == user.id
        assert entry.changes["full_name"][1] == "Élise Durand"

    async def test_role_cannot_be_changed_through_me(self, client, session, auth):
        user = await make_user(session)
        response = await client.patch("/api/v1/auth/me", json={"role": "admin"}, headers=auth(user))
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "role"
        assert response.json()["errors"][0]["code"] == "field_unknown"


class TestPasswordChange:
    async def test_change_requires_the_current_password(self, client, session, auth):
        user = await make_user(session, password=PASSWORD)
        response = await client.post(
            "/api/v1/auth/password",
            json={"current_password": "not-it", "new_password": "a-brand-new-passphrase"},
            headers=auth(user),
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "current_password"

    async def test_new_password_works_and_old_one_no_longer(self, client, session):
        await make_user(session, email="p@example.org", password=PASSWORD)
        pair = (await login(client, "p@example.org")).json()
        response = await client.post(
            "/api/v1/auth/password",
            json={"current_password": PASSWORD, "new_password": "a-brand-new-passphrase"},
            headers={"Authorization": f"Bearer {pair['access_token']}"},
        )
        assert response.status_code == 204
        assert (await login(client, "p@example.org")).status_code == 401
        assert (await login(client, "p@example.org", "a-brand-new-passphrase")).status_code == 200
        # the session that changed the password keeps working
        kept = await client.post(
            "/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]}
        )
        assert kept.status_code == 200

    async def test_short_password_is_rejected_naming_the_field(self, client, session, auth):
        user = await make_user(session, password=PASSWORD)
        response = await client.post(
            "/api/v1/auth/password",
            json={"current_password": PASSWORD, "new_password": "short"},
            headers=auth(user),
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "new_password"

    async def test_the_same_password_again_is_refused(self, client, session, auth):
        user = await make_user(session, password=PASSWORD)
        response = await client.post(
            "/api/v1/auth/password",
            json={"current_password": PASSWORD, "new_password": PASSWORD},
            headers=auth(user),
        )
        assert response.status_code == 422
        error = response.json()["errors"][0]
        assert (error["field"], error["code"]) == ("new_password", "password_unchanged")
        assert "différent" in error["message"]


class TestPasswordReset:
    async def test_emailed_token_sets_a_new_password_once(self, client, session, caplog):
        await make_user(session, email="forgot@example.org", password=PASSWORD)
        with caplog.at_level(logging.WARNING, logger="levier.mail"):
            response = await client.post(
                "/api/v1/auth/password-reset/request", json={"email": "FORGOT@example.org"}
            )
        assert response.status_code == 202
        match = re.search(r"reset-password\?token=([\w-]+)", caplog.text)
        assert match, caplog.text
        token = match.group(1)
        confirm = await client.post(
            "/api/v1/auth/password-reset/confirm",
            json={"token": token, "new_password": "reset-passphrase-2026"},
        )
        assert confirm.status_code == 204
        assert (
            await login(client, "forgot@example.org", "reset-passphrase-2026")
        ).status_code == 200
        again = await client.post(
            "/api/v1/auth/password-reset/confirm",
            json={"token": token, "new_password": "another-passphrase-1"},
        )
        assert again.status_code == 422
        assert again.json()["errors"][0]["field"] == "token"

    async def test_unknown_email_gets_the_same_answer_and_no_mail(self, client, caplog):
        with caplog.at_level(logging.WARNING, logger="levier.mail"):
            response = await client.post(
                "/api/v1/auth/password-reset/request", json={"email": "nobody@example.org"}
            )
        assert response.status_code == 202
        assert "reset-password" not in caplog.text

    async def test_reset_ends_existing_sessions(self, client, session, caplog):
        await make_user(session, email="s@example.org", password=PASSWORD)
        pair = (await login(client, "s@example.org")).json()
        with caplog.at_level(logging.WARNING, logger="levier.mail"):
            await client.post(
                "/api/v1/auth/password-reset/request", json={"email": "s@example.org"}
            )
        token = re.search(r"token=([\w-]+)", caplog.text).group(1)
        await client.post(
            "/api/v1/auth/password-reset/confirm",
            json={"token": token, "new_password": "reset-passphrase-2026"},
        )
        me = await client.get(
            "/api/v1/auth/me", headers={"Authorization": f"Bearer {pair['access_token']}"}
        )
        assert me.status_code == 401
        refresh = await client.post(
            "/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]}
        )
        assert refresh.status_code == 401


class TestInactiveOrganisation:
    async def test_users_of_a_deactivated_organisation_lose_access(self, client, session, auth):
        organisation = await make_organisation(session)
        user = await make_user(session, organisation=organisation)
        headers = auth(user)
        assert (await client.get("/api/v1/auth/me", headers=headers)).status_code == 200
        organisation.active = False
        await session.commit()
        assert (await client.get("/api/v1/auth/me", headers=headers)).status_code == 401


class TestMeSaysWhoCoordinates:
    async def test_a_plie_referent_is_told_apart_from_a_network_member(self, client, session, auth):
        from levier.auth.permissions import Role
        from levier.organisations.constants import OrganisationKind
        from tests.factories import make_organisation

        plie = await make_organisation(session, name="PLIE")
        local = await make_organisation(
            session, OrganisationKind.prescriber, name="Mission Locale", coordinator_id=plie.id
        )
        coordinator = await make_user(session, Role.referent, organisation=plie)
        member = await make_user(session, Role.referent, organisation=local)
        answers = [
            (await client.get("/api/v1/auth/me", headers=auth(user))).json()
            for user in (coordinator, member)
        ]
        assert [me["coordinates_network"] for me in answers] == [True, False]
