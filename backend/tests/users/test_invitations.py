"""Invitations: an account created without a password gets a link valid for days (a reset's
lasts an hour); an admin resends it while the person has not chosen a password, the older
link then stops working; resends are limited like reset requests and recorded."""

from __future__ import annotations

import logging
import re
from datetime import timedelta

import time_machine

from levier.auth.permissions import Role
from levier.core.models import utcnow
from levier.organisations.constants import OrganisationKind
from tests.factories import PASSWORD, make_organisation, make_user

CONFIRM = "/api/v1/auth/password-reset/confirm"
CHECK = "/api/v1/auth/password-reset/check"


def _tokens(text: str) -> list[str]:
    return re.findall(r"reset-password\?token=([\w-]+)", text)


async def _invite(client, session, auth, caplog):
    admin = await make_user(session, role=Role.admin)
    buyer_org = await make_organisation(session, OrganisationKind.buyer)
    body = {
        "email": "invited@example.org",
        "full_name": "Camille Petit",
        "role": "buyer",
        "organisation_id": str(buyer_org.id),
    }
    with caplog.at_level(logging.WARNING, logger="levier.mail"):
        response = await client.post("/api/v1/users", json=body, headers=auth(admin))
    assert response.status_code == 201, response.text
    return admin, response.json()


class TestInvitationLifetime:
    async def test_the_mail_gives_days_and_the_link_outlives_a_reset(
        self, client, session, auth, caplog
    ):
        admin, user = await _invite(client, session, auth, caplog)
        assert "Choisissez votre mot de passe dans les 7 jours" in caplog.text
        [token] = _tokens(caplog.text)
        assert f"reset-password?token={token}&invitation=1" in caplog.text
        with time_machine.travel(utcnow() + timedelta(days=6), tick=False):
            confirm = await client.post(
                CONFIRM, json={"token": token, "new_password": "my-chosen-passphrase"}
            )
        assert confirm.status_code == 204, confirm.text
        # The person chose their password: the account's history names them, not "the system".
        history = await client.get(
            "/api/v1/audit-events",
            params={"entity_id": user["id"], "action": "updated"},
            headers=auth(admin),
        )
        actors = [(item["actor"] or {}).get("id") for item in history.json()["items"]]
        assert actors and set(actors) == {user["id"]}

    async def test_the_link_expires_after_the_setting(self, client, session, auth, caplog):
        await _invite(client, session, auth, caplog)
        [token] = _tokens(caplog.text)
        with time_machine.travel(utcnow() + timedelta(days=7, minutes=1), tick=False):
            confirm = await client.post(
                CONFIRM, json={"token": token, "new_password": "my-chosen-passphrase"}
            )
        assert confirm.status_code == 422
        assert confirm.json()["errors"][0]["code"] == "invalid_reset_token"


class TestResendInvitation:
    async def test_admin_resends_and_only_the_new_link_works(self, client, session, auth, caplog):
        admin, user = await _invite(client, session, auth, caplog)
        url = f"/api/v1/users/{user['id']}"
        read = (await client.get(url, headers=auth(admin))).json()
        assert read["actions"]["resend_invitation"] is True
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="levier.mail"):
            response = await client.post(f"{url}/invitation", headers=auth(admin))
        assert response.status_code == 202, response.text
        [new_token] = _tokens(caplog.text)
        history = await client.get(
            "/api/v1/audit-events",
            params={"entity_id": user["id"], "action": "invited"},
            headers=auth(admin),
        )
        assert [item["actor"]["id"] for item in history.json()["items"]] == [str(admin.id)] * 2
        confirm = await client.post(
            CONFIRM, json={"token": new_token, "new_password": "my-chosen-passphrase"}
        )
        assert confirm.status_code == 204
        after = (await client.get(url, headers=auth(admin))).json()
        assert after["actions"]["resend_invitation"] is False

    async def test_the_older_link_stops_working(self, client, session, auth, caplog):
        admin, user = await _invite(client, session, auth, caplog)
        [old_token] = _tokens(caplog.text)
        assert (await client.post(CHECK, json={"token": old_token})).status_code == 204
        response = await client.post(f"/api/v1/users/{user['id']}/invitation", headers=auth(admin))
        assert response.status_code == 202
        # Said as the page opens, before the person types a password.
        checked = await client.post(CHECK, json={"token": old_token})
        assert checked.status_code == 422
        assert checked.json()["errors"][0]["code"] == "invalid_reset_token"
        confirm = await client.post(
            CONFIRM, json={"token": old_token, "new_password": "my-chosen-passphrase"}
        )
        assert confirm.status_code == 422

    async def test_an_account_with_a_password_is_409(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        user = await make_user(session, role=Role.buyer, password=PASSWORD)
        url = f"/api/v1/users/{user.id}"
        assert (await client.get(url, headers=auth(admin))).json()["actions"][
            "resend_invitation"
        ] is False
        response = await client.post(f"{url}/invitation", headers=auth(admin))
        assert response.status_code == 409
        assert response.json()["code"] == "password_already_chosen"
        assert "mot de passe" in response.json()["detail"]

    async def test_a_deactivated_account_is_409(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        user = await make_user(session, role=Role.buyer)
        user.active = False
        await session.commit()
        response = await client.post(f"/api/v1/users/{user.id}/invitation", headers=auth(admin))
        assert response.status_code == 409
        assert response.json()["code"] == "invitation_account_inactive"

    async def test_resends_are_throttled_like_resets(self, client, session, auth, caplog):
        admin, user = await _invite(client, session, auth, caplog)
        url = f"/api/v1/users/{user['id']}/invitation"
        statuses = [(await client.post(url, headers=auth(admin))).status_code for _ in range(4)]
        assert statuses == [202, 202, 202, 429]
        refused = await client.post(url, headers=auth(admin))
        assert refused.json()["code"] == "invitation_throttled"
        assert int(refused.headers["Retry-After"]) > 0

    async def test_a_facilitator_cannot_resend(self, client, session, auth):
        structure = await make_organisation(session)
        facilitator = await make_user(session, role=Role.facilitator, organisation=structure)
        colleague = await make_user(session, role=Role.facilitator, organisation=structure)
        response = await client.post(
            f"/api/v1/users/{colleague.id}/invitation", headers=auth(facilitator)
        )
        assert response.status_code == 403
