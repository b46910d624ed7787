"""Passwords, access tokens and opaque secrets: the only module that imports a JWT library.

Access tokens are HS256 JWTs: python-jose pulls `ecdsa` (CVE-2024-23342, no fix),
so Levier never signs with ECDSA. Keeping every jose import here makes a later
swap to PyJWT a one-file change.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from jose import JWTError, jwt
from pwdlib import PasswordHash

from levier.core.config import Settings
from levier.core.models import utcnow

ALGORITHM = "HS256"
_hasher = PasswordHash.recommended()  # argon2id


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    """Whether the password matches; always spends hashing time so failures look alike."""
    if not password_hash:
        _hasher.hash(password)
        return False
    return _hasher.verify(password, password_hash)


def new_secret() -> str:
    """A random URL-safe secret (refresh tokens, reset tokens)."""
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """The SHA-256 hex digest under which a secret is stored (never the secret itself)."""
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    token_version: int
    session_id: uuid.UUID | None
    expires_at: datetime


def create_access_token(
    settings: Settings, user_id: uuid.UUID, token_version: int, session_id: uuid.UUID
) -> tuple[str, int]:
    """A signed access token for the user and its lifetime in seconds."""
    lifetime = timedelta(minutes=settings.access_token_minutes)
    now = utcnow()
    claims = {
        "sub": str(user_id),
        "tv": token_version,
        "sid": str(session_id),
        "iat": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "typ": "access",
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, settings.signing_key, algorithm=ALGORITHM), int(
        lifetime.total_seconds()
    )


def decode_access_token(settings: Settings, token: str) -> AccessClaims | None:
    """The claims of a valid, unexpired access token, or None.

    Checking a signature is the same work for the same token every time, and a token is sent
    with every request of its lifetime: the verified claims are kept (a bounded cache), and
    only the expiry is checked again. Whether the token's session is still open is the
    principal's statement's business, on every request.
    """
    claims = _verified_claims(settings.signing_key, token)
    if claims is None or claims.expires_at <= utcnow():
        return None
    return claims


@lru_cache(maxsize=4096)
def _verified_claims(signing_key: str, token: str) -> AccessClaims | None:
    try:
        claims = jwt.decode(
            token, signing_key, algorithms=[ALGORITHM], options={"verify_exp": False}
        )
        if claims.get("typ") != "access":
            return None
        return AccessClaims(
            user_id=uuid.UUID(claims["sub"]),
            token_version=int(claims.get("tv", 0)),
            session_id=uuid.UUID(claims["sid"]) if claims.get("sid") else None,
            expires_at=datetime.fromtimestamp(int(claims["exp"]), UTC),
        )
    except (JWTError, KeyError, ValueError, TypeError):
        return None


def password_is_weak(password: str, email: str | None = None) -> bool:
    """Our password policy: at least 12 characters, not only digits, not the e-mail address."""
    if len(password) < 12 or password.isdigit():
        return True
    if email and password.strip().lower() in {email.lower(), email.split("@")[0].lower()}:
        return True
    return len(set(password)) < 4
