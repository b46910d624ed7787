"""Settings read from LEVIER_* environment variables (and a `.env` file)."""

from __future__ import annotations

import ipaddress
import os
import secrets
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, Request
from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_VAR_DIR = REPO_ROOT / "var"
DEFAULT_DATABASE_URL = f"sqlite+aiosqlite:///{DEFAULT_VAR_DIR / 'levier.sqlite3'}"
# Keys once published in this repository's history: refused everywhere, since anyone can sign
# tokens with them.
PUBLISHED_SECRETS = frozenset({"change-me-levier-development-secret-key"})
SECRET_FILE = "secret-key"  # noqa: S105 - the file name, not the key


class ConfigurationError(RuntimeError):
    """The configuration cannot run in the requested mode."""


class Settings(BaseSettings):
    """Every setting of a Levier instance; see README "Configuration"."""

    model_config = SettingsConfigDict(env_prefix="LEVIER_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = DEFAULT_DATABASE_URL
    database_echo: bool = False
    # SQLite only: how long a write waits for another request's lock before a 503.
    sqlite_busy_timeout_ms: int = Field(default=5000, ge=0, le=60_000)
    # Unset in development: a random key generated on first run and kept in `var_dir`.
    secret_key: str | None = None
    var_dir: Path = DEFAULT_VAR_DIR
    # Addresses (or CIDR ranges) of the reverse proxies whose X-Forwarded-For/-Proto are
    # believed; anyone else's are ignored. Comma-separated or a JSON list.
    trusted_proxies: Annotated[list[str], NoDecode] = []
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    refresh_token_days: int = Field(default=14, ge=1, le=365)
    password_reset_minutes: int = Field(default=60, ge=5, le=7 * 24 * 60)
    # An invitation (the first password of an account an admin created) waits for its person
    # longer than a reset link, which its person has just asked for.
    invitation_days: int = Field(default=7, ge=1, le=30)
    # Sign-in throttling (auth/throttle.py): a growing delay per account and address from the
    # `login_max_failures`-th failure (first `login_pair_first_delay_seconds`, at most the
    # window), a limit per address, then a growing delay per account from the
    # `login_account_delay_after`-th failure.
    login_max_failures: int = Field(default=5, ge=1)
    login_pair_first_delay_seconds: int = Field(default=30, ge=1)
    login_failure_window_minutes: int = Field(default=15, ge=1)
    login_max_failures_per_address: int = Field(default=30, ge=1)
    login_account_delay_after: int = Field(default=10, ge=1)
    login_max_delay_seconds: int = Field(default=60, ge=1, le=3600)
    password_reset_max_per_email: int = Field(default=3, ge=1)
    password_reset_max_per_address: int = Field(default=20, ge=1)
    cors_origins: list[str] = []
    base_url: str = "http://127.0.0.1:8000"
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = True
    mail_from: str = "Levier <no-reply@levier.local>"
    frontend_dist: Path = REPO_ROOT / "frontend" / "dist"
    page_size_max: int = 200
    # Largest request body a route accepts unless it declares its own (file imports do).
    body_limit_bytes: int = Field(default=1024 * 1024, ge=1024)
    # Participants' records are anonymised this long after their last activity (12–36 months,
    # CNIL référentiel on social support).
    retention_months: int = Field(default=24, ge=12, le=36)
    # Issued documents (core/storage.py): a directory (default `var_dir/documents`), or an
    # S3-compatible bucket when `storage_url` (s3://bucket/prefix) is set, with its endpoint
    # (none for AWS itself) and keys (else boto3's usual environment and files).
    storage_dir: Path | None = None
    storage_url: str | None = None
    storage_endpoint_url: str | None = None
    storage_region: str | None = None
    storage_access_key_id: str | None = None
    storage_secret_access_key: str | None = None
    # `levier reminders` reminds an enterprise about a lot, for one reason, at most this often.
    reminder_interval_days: int = Field(default=14, ge=1, le=365)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def refresh_lifetime(self) -> timedelta:
        return timedelta(days=self.refresh_token_days)

    @property
    def signing_key(self) -> str:
        """The key that signs access tokens (always set once the settings are validated)."""
        assert self.secret_key is not None
        return self.secret_key

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _split_proxies(cls, value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                import json

                return json.loads(text)
            return [item.strip() for item in text.split(",") if item.strip()]
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _check_proxies(cls, value: list[str]) -> list[str]:
        for item in value:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError as exc:
                raise ValueError(
                    f"LEVIER_TRUSTED_PROXIES: {item!r} is not an IP address or CIDR range "
                    "(a wildcard would let anyone choose the address Levier records)"
                ) from exc
        return value

    @model_validator(mode="after")
    def _secret(self) -> Settings:
        if self.secret_key in PUBLISHED_SECRETS:
            raise ConfigurationError(
                "LEVIER_SECRET_KEY is a key published in Levier's repository: anyone could "
                "forge tokens with it. Remove it (development) or set a random one."
            )
        if self.secret_key is None and self.environment != "production":
            self.secret_key = (
                _development_secret(self.var_dir)
                if self.environment == "development"
                else secrets.token_urlsafe(48)
            )
        return self

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.environment != "production":
            return self
        if self.secret_key is None or len(self.secret_key) < 32:
            raise ConfigurationError(
                "LEVIER_SECRET_KEY must be set to a random value of at least 32 characters "
                "in production (a short or missing key would let anyone forge tokens)."
            )
        if self.is_sqlite:
            raise ConfigurationError(
                "LEVIER_DATABASE_URL must point at PostgreSQL in production "
                "(postgresql+asyncpg://user:password@host/db): SQLite is for development only."
            )
        return self


def _development_secret(var_dir: Path) -> str:
    """This installation's own random key, created on first run (readable by its owner only)."""
    path = var_dir / SECRET_FILE
    var_dir.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        secret = path.read_text().strip()
        if len(secret) < 32:
            raise ConfigurationError(
                f"{path} holds no usable key: delete it to have a new one generated."
            ) from None
        return secret
    secret = secrets.token_urlsafe(48)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secret + "\n")
    return secret


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (cached; tests clear the cache)."""
    return Settings()


async def app_settings(request: Request) -> Settings:
    """The settings of the running application (tests inject their own; async, so FastAPI
    calls it in the event loop instead of a worker thread)."""
    return request.app.state.settings  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(app_settings)]
