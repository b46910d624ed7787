from __future__ import annotations

import uuid

import pytest
from jose import jwt
from typer.testing import CliRunner

from levier.cli import app as cli
from levier.core.config import (
    PUBLISHED_SECRETS,
    SECRET_FILE,
    ConfigurationError,
    Settings,
    get_settings,
)
from levier.core.security import create_access_token, decode_access_token
from tests.databases import off_loop, throwaway_database

STRONG_SECRET = "k" * 48


class TestProductionSettings:
    def test_missing_or_short_secret_is_refused_in_production(self):
        for secret in (None, "short-key"):
            with pytest.raises(ConfigurationError, match="LEVIER_SECRET_KEY"):
                Settings(
                    environment="production",
                    secret_key=secret,
                    database_url="postgresql+asyncpg://u@h/db",
                )

    def test_sqlite_is_refused_in_production(self):
        with pytest.raises(ConfigurationError, match="PostgreSQL"):
            Settings(environment="production", secret_key=STRONG_SECRET)

    def test_production_with_postgres_and_a_real_secret_is_accepted(self):
        settings = Settings(
            environment="production",
            secret_key=STRONG_SECRET,
            database_url="postgresql+asyncpg://u@h/db",
        )
        assert not settings.is_sqlite

    def test_environment_variables_are_read(self, monkeypatch):
        monkeypatch.setenv("LEVIER_ACCESS_TOKEN_MINUTES", "7")
        monkeypatch.setenv("LEVIER_CORS_ORIGINS", '["https://a.example"]')
        settings = Settings()
        assert settings.access_token_minutes == 7
        assert settings.cors_origins == ["https://a.example"]


class TestDevelopmentSecret:
    """No key published in the repository works anywhere: each installation makes its own."""

    def test_published_keys_are_refused_in_every_environment(self):
        for environment in ("development", "test", "production"):
            for secret in PUBLISHED_SECRETS:
                with pytest.raises(ConfigurationError, match="published"):
                    Settings(environment=environment, secret_key=secret)

    def test_first_run_generates_a_private_key_kept_for_later_runs(self, tmp_path):
        first = Settings(environment="development", var_dir=tmp_path)
        stored = tmp_path / SECRET_FILE
        assert stored.read_text().strip() == first.signing_key
        assert len(first.signing_key) >= 48
        assert stored.stat().st_mode & 0o077 == 0  # readable by its owner only
        again = Settings(environment="development", var_dir=tmp_path)
        assert again.signing_key == first.signing_key

    def test_two_installations_do_not_accept_each_others_tokens(self, tmp_path):
        one = Settings(environment="development", var_dir=tmp_path / "one")
        other = Settings(environment="development", var_dir=tmp_path / "other")
        assert one.signing_key != other.signing_key
        token, _ = create_access_token(one, uuid.uuid4(), 1, uuid.uuid4())
        assert decode_access_token(one, token) is not None
        assert decode_access_token(other, token) is None

    def test_a_token_signed_with_a_published_key_is_refused(self, tmp_path):
        settings = Settings(environment="development", var_dir=tmp_path)
        claims = {"sub": str(uuid.uuid4()), "tv": 1, "sid": str(uuid.uuid4())}
        for secret in PUBLISHED_SECRETS:
            forged = jwt.encode(
                {**claims, "typ": "access", "exp": 2_000_000_000}, secret, algorithm="HS256"
            )
            assert decode_access_token(settings, forged) is None


class TestTrustedProxies:
    def test_addresses_and_ranges_comma_separated_or_json(self, monkeypatch):
        monkeypatch.setenv("LEVIER_TRUSTED_PROXIES", "10.0.0.2, 172.30.0.0/24")
        assert Settings(environment="test").trusted_proxies == ["10.0.0.2", "172.30.0.0/24"]
        monkeypatch.setenv("LEVIER_TRUSTED_PROXIES", '["::1"]')
        assert Settings(environment="test").trusted_proxies == ["::1"]

    def test_a_wildcard_is_refused(self, monkeypatch):
        monkeypatch.setenv("LEVIER_TRUSTED_PROXIES", "*")
        with pytest.raises(ValueError, match="TRUSTED_PROXIES"):
            Settings(environment="test")


@pytest.fixture
def cli_database(monkeypatch):
    """A fresh empty database the CLI is pointed at through LEVIER_DATABASE_URL."""
    with throwaway_database() as url:
        monkeypatch.setenv("LEVIER_DATABASE_URL", url)
        get_settings.cache_clear()
        yield url
        get_settings.cache_clear()


def invoke(*args: str):
    return off_loop(lambda: CliRunner().invoke(cli, list(args), catch_exceptions=False))


class TestCommandLine:
    def test_check_fails_before_migrations_then_passes(self, cli_database):
        assert invoke("check").exit_code == 1
        assert invoke("migrate").exit_code == 0
        result = invoke("check")
        assert result.exit_code == 0, result.output
        assert "OK" in result.output

    def test_seed_demo_once_then_keeps_data_and_prints_accounts(self, cli_database):
        invoke("migrate")
        first = invoke("seed-demo")
        assert first.exit_code == 0, first.output
        assert "Demo data loaded." in first.output
        for email in [
            "admin@levier.demo",
            "facilitateur@levier.demo",
            "acheteur@levier.demo",
            "entreprise@levier.demo",
            "referent@levier.demo",
        ]:
            assert email in first.output
        second = invoke("seed-demo")
        assert "already has data" in second.output

    def test_purge_auth_runs_daily_without_harm(self, cli_database):
        invoke("migrate")
        for _ in range(2):
            result = invoke("purge-auth")
            assert result.exit_code == 0
            assert "0 sessions" in result.output and "0 login_failures" in result.output

    def test_create_admin(self, cli_database):
        invoke("migrate")
        result = invoke(
            "create-admin",
            "--email",
            "Boss@Example.org",
            "--full-name",
            "Boss",
            "--organisation",
            "Structure",
            "--password",
            "a-strong-passphrase",
        )
        assert result.exit_code == 0, result.output
        again = invoke(
            "create-admin",
            "--email",
            "boss@example.org",
            "--full-name",
            "Boss",
            "--organisation",
            "Other",
            "--password",
            "a-strong-passphrase",
        )
        assert again.exit_code == 1
        assert "email_taken" in again.output

    def test_production_refuses_to_start_with_the_default_secret(self, monkeypatch):
        monkeypatch.setenv("LEVIER_ENVIRONMENT", "production")
        get_settings.cache_clear()
        try:
            result = invoke("check")
        finally:
            get_settings.cache_clear()
        assert result.exit_code == 2
        assert "LEVIER_SECRET_KEY" in result.output

    def test_retention_dry_run_then_apply(self, cli_database):
        invoke("migrate")
        invoke("seed-demo")
        dry = invoke("retention", "--months", "12")
        assert dry.exit_code == 0, dry.output
        assert "Retention period: 12 months by default (no other)." in dry.output
        assert "would be anonymised (dry run; --apply to do it)" in dry.output
        applied = invoke("retention", "--months", "12", "--apply")
        assert applied.exit_code == 0, applied.output
        after = invoke("retention", "--months", "12")
        assert "Inactive beyond their period: 0 would be anonymised" in after.output
        assert invoke("retention", "--months", "6").exit_code != 0  # below the legal floor

    def test_reminders_dry_run_then_twice(self, cli_database):
        invoke("migrate")
        invoke("seed-demo")
        dry = invoke("reminders", "--dry-run")
        assert dry.exit_code == 0, dry.output
        assert "Reminders would be sent (dry run): " in dry.output
        assert "none repeated within 14 days" in dry.output
        assert invoke("reminders").exit_code == 0
        # Whatever the first run sent, the second, within the interval, sends nothing.
        again = invoke("reminders", "--interval-days", "30")
        assert again.exit_code == 0, again.output
        assert "Reminders sent: 0 (0 behind, 0 hours missing) to 0 user(s)" in again.output
        assert invoke("reminders", "--interval-days", "0").exit_code != 0
