from __future__ import annotations

import pytest
from typer.testing import CliRunner

from levier.cli import app as cli
from levier.core.config import DEFAULT_SECRET, ConfigurationError, Settings, get_settings
from tests.databases import off_loop, throwaway_database

STRONG_SECRET = "k" * 48


class TestProductionSettings:
    def test_default_secret_is_refused_in_production(self):
        with pytest.raises(ConfigurationError, match="LEVIER_SECRET_KEY"):
            Settings(
                environment="production",
                secret_key=DEFAULT_SECRET,
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
