"""Throttling of sign-in and password-reset requests.

Sign-in failures are counted three ways, in this order, so that nobody can lock another
person out of their account:
1. per account *and* address: past a few failures each new try from that address must wait
   a delay that starts at half a minute and doubles with each failure, up to the window (a
   person who mistyped a few times waits seconds, not a quarter of an hour; a guesser at one
   address is slowed more at every try), and only that address is;
2. per address, whatever the account: one address spraying many accounts is stopped;
3. per account, from every address: past a threshold each new try must wait a delay that
   doubles with each failure, capped (never a lock). Addresses the account signed in from
   recently are exempt, so its owner keeps signing in while a distributed guesser waits.

Password-reset requests are counted per e-mail (known or not, so the answer says nothing of
which accounts exist) and per address.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.auth.models import AuthSession, LoginAttempt, ResetRequest
from levier.core.config import Settings
from levier.core.errors import TooManyRequests
from levier.core.i18n import Duration
from levier.core.models import utcnow
from levier.users.models import User

KNOWN_ADDRESS_DAYS = 90
RESET_WINDOW = timedelta(hours=1)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


def _retry_after(seconds: float) -> dict[str, str]:
    return {"Retry-After": str(max(1, math.ceil(seconds)))}


def _refuse_until(start: datetime, wait: timedelta) -> TooManyRequests:
    seconds = (_aware(start) + wait - utcnow()).total_seconds()
    return TooManyRequests(
        "login_throttled", headers=_retry_after(seconds), wait=Duration.of(seconds)
    )


def _growing(first_seconds: float, excess: int, cap: timedelta) -> timedelta:
    """A delay doubling with each failure past the threshold, capped."""
    return min(timedelta(seconds=first_seconds * 2.0 ** min(excess, 30)), cap)


async def check_login(
    session: AsyncSession, settings: Settings, email: str, address: str | None
) -> None:
    """429 with Retry-After when this sign-in must wait (see the module's three counts)."""
    window = timedelta(minutes=settings.login_failure_window_minutes)
    since = utcnow() - window
    same_address = col(LoginAttempt.client_address) == address
    same_email = col(LoginAttempt.email) == email
    pair = and_(same_email, same_address)
    row = (
        await session.execute(
            select(
                func.sum(case((pair, 1), else_=0)),
                func.max(case((pair, col(LoginAttempt.at)))),
                func.sum(case((same_address, 1), else_=0)),
                func.min(case((same_address, col(LoginAttempt.at)))),
                func.sum(case((same_email, 1), else_=0)),
                func.max(case((same_email, col(LoginAttempt.at)))),
            ).where(col(LoginAttempt.at) > since, or_(same_email, same_address))
        )
    ).one()
    pair_count, pair_last, address_count, address_oldest, account_count, account_last = row
    pair_excess = (pair_count or 0) - settings.login_max_failures
    if address is not None and pair_excess >= 0 and pair_last is not None:
        delay = _growing(settings.login_pair_first_delay_seconds, pair_excess, window)
        if _aware(pair_last) + delay > utcnow():
            raise _refuse_until(pair_last, delay)
    if address is not None and (address_count or 0) >= settings.login_max_failures_per_address:
        raise _refuse_until(address_oldest, window)
    excess = (account_count or 0) - settings.login_account_delay_after
    if excess < 0 or account_last is None:
        return
    cap = timedelta(seconds=settings.login_max_delay_seconds)
    wait = (_aware(account_last) + _growing(1, excess, cap) - utcnow()).total_seconds()
    if wait > 0 and not await _known_address(session, email, address):
        raise TooManyRequests("login_delayed", headers=_retry_after(wait), wait=Duration.of(wait))


async def _known_address(session: AsyncSession, email: str, address: str | None) -> bool:
    """Whether the account signed in from this address in the last months."""
    if address is None:
        return False
    since = utcnow() - timedelta(days=KNOWN_ADDRESS_DAYS)
    statement = select(
        exists().where(
            col(AuthSession.user_id) == col(User.id),
            col(User.email) == email,
            col(AuthSession.client_address) == address,
            col(AuthSession.created_at) > since,
        )
    )
    return bool((await session.execute(statement)).scalar())


def record_login_failure(session: AsyncSession, email: str, address: str | None) -> None:
    """Count a failed sign-in (the caller commits it even though the request fails)."""
    session.add(LoginAttempt(email=email, client_address=address))


async def check_reset_request(
    session: AsyncSession,
    settings: Settings,
    email: str,
    address: str | None,
    code: str = "password_reset_throttled",
) -> None:
    """429 when this e-mail or address asked for too many reset links within the hour; else
    the request is counted. A resent invitation counts with them: either mails a link."""
    since = utcnow() - RESET_WINDOW
    same_email = col(ResetRequest.email) == email
    same_address = col(ResetRequest.client_address) == address
    email_count, email_oldest, address_count, address_oldest = (
        await session.execute(
            select(
                func.sum(case((same_email, 1), else_=0)),
                func.min(case((same_email, col(ResetRequest.at)))),
                func.sum(case((same_address, 1), else_=0)),
                func.min(case((same_address, col(ResetRequest.at)))),
            ).where(col(ResetRequest.at) > since, or_(same_email, same_address))
        )
    ).one()
    for count, oldest, limit in (
        (email_count, email_oldest, settings.password_reset_max_per_email),
        (address_count, address_oldest, settings.password_reset_max_per_address),
    ):
        if (count or 0) >= limit and oldest is not None:
            seconds = (_aware(oldest) + RESET_WINDOW - utcnow()).total_seconds()
            raise TooManyRequests(
                code,
                headers=_retry_after(seconds),
                wait=Duration.of(seconds),
            )
    session.add(ResetRequest(email=email, client_address=address))
