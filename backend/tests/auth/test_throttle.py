"""Sign-in throttling nobody can turn against an account's owner, and client addresses that
only a configured proxy may set (X-Forwarded-For)."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select, update

from levier.auth.models import LoginAttempt
from levier.core.models import utcnow
from levier.main import create_app
from tests.auth.test_auth import login
from tests.factories import PASSWORD, make_user

DIRECT = "203.0.113.7"  # the address every test client connects from (conftest)


@pytest.fixture
async def behind_proxy(settings, engine, sessionmaker):
    """A client connecting through a reverse proxy Levier trusts."""
    app = create_app(settings.model_copy(update={"trusted_proxies": [DIRECT]}), engine=engine)
    app.state.sessionmaker = sessionmaker
    transport = httpx.ASGITransport(app=app, client=(DIRECT, 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://levier.test") as client:
        yield client


def via(address: str) -> dict[str, str]:
    return {"X-Forwarded-For": address}


async def addresses_recorded(session) -> set[str]:
    rows = await session.execute(select(LoginAttempt.client_address))
    return set(rows.scalars())


class TestForwardedFor:
    async def test_spoofed_forwarded_for_neither_resets_the_limit_nor_reaches_the_log(
        self, client, session
    ):
        await make_user(session, email="victim@example.org", password=PASSWORD)
        for number in range(3):
            spoofed = via(f"198.51.100.{number}")
            await login(client, "victim@example.org", "wrong-password-1", **spoofed)
        again = await login(client, "victim@example.org", PASSWORD, **via("198.51.100.99"))
        assert again.status_code == 429
        assert await addresses_recorded(session) == {DIRECT}

    async def test_a_trusted_proxy_names_the_client(self, behind_proxy, session):
        await make_user(session, email="office@example.org", password=PASSWORD)
        for _ in range(3):
            await login(behind_proxy, "office@example.org", "wrong-pass-1", **via("198.51.100.1"))
        guesser = await login(behind_proxy, "office@example.org", PASSWORD, **via("198.51.100.1"))
        assert guesser.status_code == 429
        owner = await login(behind_proxy, "office@example.org", PASSWORD, **via("198.51.100.2"))
        assert owner.status_code == 200
        assert await addresses_recorded(session) == {"198.51.100.1"}


class TestNoLockOut:
    async def test_failures_elsewhere_do_not_lock_the_owner_out(self, behind_proxy, session):
        await make_user(session, email="owner@example.org", password=PASSWORD)
        for _ in range(3):
            await login(behind_proxy, "owner@example.org", "nope-nope-1", **via("192.0.2.66"))
        blocked = await login(behind_proxy, "owner@example.org", PASSWORD, **via("192.0.2.66"))
        assert blocked.status_code == 429
        assert blocked.json()["code"] == "login_throttled"
        assert int(blocked.headers["Retry-After"]) > 0
        assert (
            await login(behind_proxy, "owner@example.org", **via("192.0.2.10"))
        ).status_code == 200

    async def test_a_person_who_mistyped_waits_seconds_and_each_new_failure_doubles_it(
        self, client, session, settings
    ):
        await make_user(session, email="typo@example.org", password=PASSWORD)
        for _ in range(settings.login_max_failures):
            assert (await login(client, "typo@example.org", "wrong-pass-1")).status_code == 401
        first = await login(client, "typo@example.org")
        assert first.status_code == 429
        delay = settings.login_pair_first_delay_seconds
        assert 0 < int(first.headers["Retry-After"]) <= delay
        assert f"{delay} secondes" in first.json()["detail"]
        assert first.json()["retry_after"] == int(first.headers["Retry-After"])
        assert "minute(s)" not in first.json()["detail"]
        # Once the delay has passed, the right password gets in.
        await session.execute(
            update(LoginAttempt).values(at=utcnow() - timedelta(seconds=delay + 1))
        )
        await session.commit()
        assert (await login(client, "typo@example.org")).status_code == 200

    async def test_a_guesser_at_one_address_waits_twice_as_long_after_each_failure(
        self, client, session, settings
    ):
        await make_user(session, email="guessed@example.org", password=PASSWORD)
        at = utcnow()
        for _ in range(settings.login_max_failures + 2):
            session.add(LoginAttempt(email="guessed@example.org", client_address=DIRECT, at=at))
        await session.commit()
        waits = await login(client, "guessed@example.org", PASSWORD, **{"Accept-Language": "en"})
        assert waits.status_code == 429
        expected = settings.login_pair_first_delay_seconds * 4
        assert expected - 2 <= int(waits.headers["Retry-After"]) <= expected
        assert "2 minutes" in waits.json()["detail"]

    async def _failures(self, session, count: int, minutes_ago: float) -> None:
        at = utcnow() - timedelta(minutes=minutes_ago)
        for number in range(count):
            session.add(
                LoginAttempt(email="spray@example.org", client_address=f"10.9.{number}.1", at=at)
            )
        await session.commit()

    async def test_many_addresses_get_a_delay_that_grows_with_each_failure(
        self, behind_proxy, session, settings
    ):
        await make_user(session, email="spray@example.org", password=PASSWORD)
        threshold = settings.login_account_delay_after
        await self._failures(session, threshold + 2, minutes_ago=1)
        # 2 failures past the threshold ask 4 s after the last one: a minute later, a try passes.
        passes = await login(behind_proxy, "spray@example.org", "wrong-pass-1", **via("10.8.0.1"))
        assert passes.status_code == 401
        # That failure makes 3 past the threshold: the next try waits 8 s.
        waits = await login(behind_proxy, "spray@example.org", PASSWORD, **via("10.8.0.2"))
        assert waits.status_code == 429
        assert waits.json()["code"] == "login_delayed"
        assert 6 <= int(waits.headers["Retry-After"]) <= 8

    async def test_the_delay_is_capped_never_a_lock(self, behind_proxy, session, settings):
        await make_user(session, email="spray@example.org", password=PASSWORD)
        await self._failures(session, settings.login_account_delay_after + 40, minutes_ago=0)
        waits = await login(behind_proxy, "spray@example.org", PASSWORD, **via("10.8.0.3"))
        assert waits.status_code == 429
        assert int(waits.headers["Retry-After"]) <= settings.login_max_delay_seconds
        # Once the longest delay has passed since the last failure, the owner gets in.
        past = utcnow() - timedelta(seconds=settings.login_max_delay_seconds + 1)
        await session.execute(update(LoginAttempt).values(at=past))
        await session.commit()
        assert (
            await login(behind_proxy, "spray@example.org", **via("10.8.0.3"))
        ).status_code == 200

    async def test_an_address_the_owner_signed_in_from_skips_the_delay(
        self, behind_proxy, session, settings
    ):
        await make_user(session, email="spray@example.org", password=PASSWORD)
        assert (
            await login(behind_proxy, "spray@example.org", **via("10.7.0.1"))
        ).status_code == 200
        await self._failures(session, settings.login_account_delay_after + 5, minutes_ago=0)
        elsewhere = await login(behind_proxy, "spray@example.org", PASSWORD, **via("10.7.0.2"))
        assert elsewhere.status_code == 429
        home = await login(behind_proxy, "spray@example.org", PASSWORD, **via("10.7.0.1"))
        assert home.status_code == 200


class TestResetRequests:
    async def test_reset_requests_are_limited_per_email_known_or_not(
        self, client, session, settings
    ):
        await make_user(session, email="mails@example.org", password=PASSWORD)
        for email in ("mails@example.org", "nobody-here@example.org"):
            answers = [
                await client.post("/api/v1/auth/password-reset/request", json={"email": email})
                for _ in range(settings.password_reset_max_per_email + 1)
            ]
            assert [a.status_code for a in answers[:-1]] == [202] * (len(answers) - 1)
            assert answers[-1].status_code == 429
            assert answers[-1].json()["code"] == "password_reset_throttled"
            assert int(answers[-1].headers["Retry-After"]) > 0

    async def test_reset_requests_are_limited_per_address(self, behind_proxy, settings):
        statuses = [
            (
                await behind_proxy.post(
                    "/api/v1/auth/password-reset/request",
                    json={"email": f"p{number}@example.org"},
                    headers=via("192.0.2.200"),
                )
            ).status_code
            for number in range(settings.password_reset_max_per_address + 1)
        ]
        assert statuses[-1] == 429 and set(statuses[:-1]) == {202}
        other = await behind_proxy.post(
            "/api/v1/auth/password-reset/request",
            json={"email": "p0@example.org"},
            headers=via("192.0.2.201"),
        )
        assert other.status_code == 202
