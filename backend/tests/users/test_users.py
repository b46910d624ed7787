from __future__ import annotations

import logging
import re

from sqlalchemy import func, select

from levier.auth.permissions import Role
from levier.organisations.constants import OrganisationKind
from levier.users.models import User
from tests.factories import PASSWORD, make_organisation, make_user


def new_user(organisation, **overrides):
    return {
        "email": "new.person@example.org",
        "full_name": "Camille Petit",
        "role": "buyer",
        "organisation_id": str(organisation.id),
        "language": "fr",
        "password": "a-long-enough-passphrase",
    } | overrides


class TestCreateUser:
    async def test_admin_creates_a_user_who_can_sign_in(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        buyer_org = await make_organisation(session, OrganisationKind.buyer)
        response = await client.post("/api/v1/users", json=new_user(buyer_org), headers=auth(admin))
        assert response.status_code == 201, response.text
        assert response.json()["organisation"]["id"] == str(buyer_org.id)
        assert "password" not in response.json() and "password_hash" not in response.json()
        token = await client.post(
            "/api/v1/auth/token",
            data={"username": "new.person@example.org", "password": "a-long-enough-passphrase"},
        )
        assert token.status_code == 200

    async def test_duplicate_email_ignoring_case_is_409(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        buyer_org = await make_organisation(session, OrganisationKind.buyer)
        await make_user(session, role=Role.buyer, organisation=buyer_org, email="taken@example.org")
        response = await client.post(
            "/api/v1/users",
            json=new_user(buyer_org, email="TAKEN@Example.org"),
            headers=auth(admin),
        )
        assert response.status_code == 409
        assert response.json()["code"] == "email_taken"
        assert response.json()["errors"][0]["field"] == "email"

    async def test_malformed_email_names_the_field(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        buyer_org = await make_organisation(session, OrganisationKind.buyer)
        response = await client.post(
            "/api/v1/users", json=new_user(buyer_org, email="not-an-email"), headers=auth(admin)
        )
        assert response.status_code == 422
        assert response.json()["errors"][0] == {
            "loc": ["body", "email"],
            "field": "email",
            "code": "email_invalid",
            "message": "Adresse e-mail invalide.",
        }

    async def test_role_must_fit_the_organisation_kind(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        enterprise = await make_organisation(session, OrganisationKind.enterprise)
        before = (await session.execute(select(func.count()).select_from(User))).scalar_one()
        response = await client.post(
            "/api/v1/users", json=new_user(enterprise, role="facilitator"), headers=auth(admin)
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "role"
        after = (await session.execute(select(func.count()).select_from(User))).scalar_one()
        assert after == before

    async def test_weak_password_is_refused(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        buyer_org = await make_organisation(session, OrganisationKind.buyer)
        response = await client.post(
            "/api/v1/users", json=new_user(buyer_org, password="123456789012"), headers=auth(admin)
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["code"] == "password_too_weak"

    async def test_without_password_an_invitation_is_mailed(self, client, session, auth, caplog):
        admin = await make_user(session, role=Role.admin)
        buyer_org = await make_organisation(session, OrganisationKind.buyer)
        body = new_user(buyer_org, email="invited@example.org")
        del body["password"]
        with caplog.at_level(logging.WARNING, logger="levier.mail"):
            response = await client.post("/api/v1/users", json=body, headers=auth(admin))
        assert response.status_code == 201
        assert "Votre compte Levier" in caplog.text
        token = re.search(r"reset-password\?token=([\w-]+)", caplog.text).group(1)
        confirm = await client.post(
            "/api/v1/auth/password-reset/confirm",
            json={"token": token, "new_password": "my-chosen-passphrase"},
        )
        assert confirm.status_code == 204


class TestReadUsers:
    async def test_facilitator_sees_only_own_organisation(self, client, session, auth):
        structure = await make_organisation(session)
        facilitator = await make_user(session, role=Role.facilitator, organisation=structure)
        colleague = await make_user(session, role=Role.facilitator, organisation=structure)
        stranger = await make_user(session, role=Role.facilitator)
        page = (await client.get("/api/v1/users", headers=auth(facilitator))).json()
        assert {u["id"] for u in page["items"]} == {str(facilitator.id), str(colleague.id)}
        hidden = await client.get(f"/api/v1/users/{stranger.id}", headers=auth(facilitator))
        assert hidden.status_code == 404

    async def test_admin_filters_by_role_and_text(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        await make_user(session, role=Role.referent, full_name="Zoé Référente")
        await make_user(session, role=Role.buyer, full_name="Zoé Acheteuse")
        page = (
            await client.get(
                "/api/v1/users", params={"q": "zoe", "role": "referent"}, headers=auth(admin)
            )
        ).json()
        assert [u["full_name"] for u in page["items"]] == ["Zoé Référente"]


class TestUpdateUser:
    async def test_deactivation_ends_sessions_and_sign_in(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        target = await make_user(
            session, role=Role.buyer, email="leaving@example.org", password=PASSWORD
        )
        pair = (
            await client.post(
                "/api/v1/auth/token", data={"username": "leaving@example.org", "password": PASSWORD}
            )
        ).json()
        url = f"/api/v1/users/{target.id}"
        etag = (await client.get(url, headers=auth(admin))).headers["ETag"]
        response = await client.patch(
            url, json={"active": False}, headers=auth(admin) | {"If-Match": etag}
        )
        assert response.status_code == 200 and response.json()["active"] is False
        bearer = {"Authorization": f"Bearer {pair['access_token']}"}
        assert (await client.get("/api/v1/auth/me", headers=bearer)).status_code == 401
        refresh = await client.post(
            "/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]}
        )
        assert refresh.status_code == 401

    async def test_admin_cannot_deactivate_self(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        url = f"/api/v1/users/{admin.id}"
        etag = (await client.get(url, headers=auth(admin))).headers["ETag"]
        response = await client.patch(
            url, json={"active": False}, headers=auth(admin) | {"If-Match": etag}
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "active"

    async def test_stale_if_match_changes_nothing(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        target = await make_user(session, role=Role.buyer)
        url = f"/api/v1/users/{target.id}"
        etag = (await client.get(url, headers=auth(admin))).headers["ETag"]
        first = await client.patch(
            url, json={"full_name": "A"}, headers=auth(admin) | {"If-Match": etag}
        )
        assert first.status_code == 200
        second = await client.patch(
            url, json={"full_name": "B"}, headers=auth(admin) | {"If-Match": etag}
        )
        assert second.status_code == 412
        assert (await client.get(url, headers=auth(admin))).json()["full_name"] == "A"

    async def test_admin_moves_a_user_to_a_fitting_organisation(self, client, session, auth):
        admin = await make_user(session, role=Role.admin)
        target = await make_user(session, role=Role.buyer)
        other = await make_organisation(session, OrganisationKind.prescriber)
        url = f"/api/v1/users/{target.id}"
        etag = (await client.get(url, headers=auth(admin))).headers["ETag"]
        response = await client.patch(
            url,
            json={"role": "referent", "organisation_id": str(other.id)},
            headers=auth(admin) | {"If-Match": etag},
        )
        assert response.status_code == 200, response.text
        assert response.json()["role"] == "referent"
        assert response.json()["organisation"]["id"] == str(other.id)
