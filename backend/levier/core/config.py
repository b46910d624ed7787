"""Settings read from LEVIER_* environment variables (and a `.env` file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from fastapi import Depends, Request
from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_SECRET = "change-me-levier-development-secret-key"  # noqa: S105 - refused in production
DEFAULT_DATABASE_URL = f"sqlite+aiosqlite:///{REPO_ROOT / 'var' / 'levier.sqlite3'}"


class ConfigurationError(RuntimeError):
    """The configuration cannot run in the requested mode."""


class Settings(BaseSettings):
    """Every setting of a Levier instance; see README "Configuration"."""

    model_config = SettingsConfigDict(env_prefix="LEVIER_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = DEFAULT_DATABASE_URL
    database_echo: bool = False
    secret_key: str = DEFAULT_SECRET
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    refresh_token_days: int = Field(default=14, ge=1, le=365)
    password_reset_minutes: int = Field(default=60, ge=5, le=7 * 24 * 60)
    login_max_failures: int = Field(default=5, ge=1)
    login_failure_window_minutes: int = Field(default=15, ge=1)
    login_max_failures_per_address: int = Field(default=30, ge=1)
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
    # Participants' records are anonymised this long after their last activity (12–36 months,
    # CNIL référentiel on social support).
    retention_months: int = Field(default=24, ge=12, le=36)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Settings:
        if self.environment != "production":
            return self
        if self.secret_key == DEFAULT_SECRET or len(self.secret_key) < 32:
            raise ConfigurationError(
                "LEVIER_SECRET_KEY must be set to a random value of at least 32 characters "
                "in production (the default development key would let anyone forge tokens)."
            )
        if self.is_sqlite:
            raise ConfigurationError(
                "LEVIER_DATABASE_URL must point at PostgreSQL in production "
                "(postgresql+asyncpg://user:password@host/db): SQLite is for development only."
            )
        return self


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (cached; tests clear the cache)."""
    return Settings()


def app_settings(request: Request) -> Settings:
    """The settings of the running application (tests inject their own)."""
    return request.app.state.settings  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(app_settings)]
