"""The `levier` command: serve, migrate, seed-demo, create-admin, check, retention, reminders,
purge-auth."""

from __future__ import annotations

import asyncio
import getpass
import sys
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import text

from levier.core.config import ConfigurationError, Settings, get_settings

app = typer.Typer(
    help="Levier: insertion clauses and inclusive procurement.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
BACKEND_DIR = Path(__file__).resolve().parents[1]


def _settings() -> Settings:
    try:
        return get_settings()
    except ConfigurationError as exc:
        typer.secho(f"Configuration refused: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc
    except ValueError as exc:  # pydantic validation of LEVIER_* variables
        typer.secho(f"Invalid configuration: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc


def _ensure_sqlite_dir(settings: Settings) -> None:
    if settings.is_sqlite and ":///" in settings.database_url:
        path = settings.database_url.split(":///", 1)[1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)


def run_migrations(database_url: str) -> None:
    """Upgrade the database to the latest schema and reference data."""
    from alembic import command
    from alembic.config import Config

    config = Config(str(BACKEND_DIR / "alembic.ini"))
    config.attributes["database_url"] = database_url
    command.upgrade(config, "head")


@app.command()
def migrate() -> None:
    """Apply database migrations (schema and reference data)."""
    settings = _settings()
    _ensure_sqlite_dir(settings)
    run_migrations(settings.database_url)
    typer.echo("Database is up to date.")


async def _with_session(settings: Settings, work: object) -> object:
    from levier import registry  # noqa: F401
    from levier.core.audit import recorder
    from levier.core.db import create_engine, create_sessionmaker

    recorder.install()
    engine = create_engine(
        settings.database_url, sqlite_busy_timeout_ms=settings.sqlite_busy_timeout_ms
    )
    try:
        async with create_sessionmaker(engine)() as session:
            result = await work(session)  # type: ignore[operator]
            await session.commit()
            return result
    finally:
        await engine.dispose()


@app.command("seed-demo")
def seed_demo() -> None:
    """Load demo data into an empty database, then print the demo accounts."""
    from levier import demo
    from levier.core.storage import open_storage

    settings = _settings()

    async def work(session: object) -> bool:
        if not await demo.is_empty(session):  # type: ignore[arg-type]
            return False
        await demo.seed(session, open_storage(settings))  # type: ignore[arg-type]
        return True

    created = asyncio.run(_with_session(settings, work))
    typer.echo("Demo data loaded." if created else "Database already has data: demo not loaded.")
    typer.echo(f"\nDemo accounts (password: {demo.DEMO_PASSWORD})")
    for line in demo.account_lines():
        typer.echo(line)


@app.command()
def retention(
    apply: Annotated[
        bool, typer.Option("--apply", help="Anonymise (without it: a dry run that only reports).")
    ] = False,
    months: Annotated[
        int | None,
        typer.Option(
            min=12,
            max=36,
            help="Override LEVIER_RETENTION_MONTHS (the period of organisations without "
            "their own) for this run.",
        ),
    ] = None,
) -> None:
    """Anonymise participants inactive for the retention period (daily, idempotent)."""
    import logging

    from levier.core.mail import send_mail
    from levier.participants import mails, privacy

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    settings = _settings()
    period = months or settings.retention_months

    async def work(session: object) -> privacy.RetentionReport:
        return await privacy.retention(session, period, dry_run=not apply)  # type: ignore[arg-type]

    report = asyncio.run(_with_session(settings, work))
    assert isinstance(report, privacy.RetentionReport)

    async def warn() -> None:
        for warning in report.warnings:
            subject, body = mails.retention_mail(settings, warning)
            await send_mail(settings, warning.email, subject, body)

    # After the commit: a warning is sent only once its `retention_due_on` is stored.
    asyncio.run(warn())
    verb = "anonymised" if apply else "would be anonymised (dry run; --apply to do it)"
    own = ", ".join(f"{m} months: {n} organisation(s)" for m, n in sorted(report.periods.items()))
    typer.echo(
        f"Retention period: {report.default_months} months by default ({own or 'no other'})."
    )
    typer.echo(f"Inactive beyond their period: {len(report.anonymised)} {verb}.")
    typer.echo(
        f"Due within 30 days: {len(report.due_within_30_days)}; "
        f"referents warned by e-mail: {len(report.warnings)}."
    )


@app.command()
def reminders(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="List the reminders due; send and record nothing.")
    ] = False,
    interval_days: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=365,
            help="Override LEVIER_REMINDER_INTERVAL_DAYS (how long before the same "
            "enterprise is reminded again about the same lot) for this run.",
        ),
    ] = None,
) -> None:
    """Remind awardees of lots behind and employers missing last month's hours (daily)."""
    import logging

    from levier.reminders import service as reminders_service

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    settings = _settings()
    interval = interval_days or settings.reminder_interval_days

    async def work(session: object) -> reminders_service.ReminderReport:
        return await reminders_service.run_reminders(
            session,  # type: ignore[arg-type]
            interval,
            dry_run=dry_run,
        )

    report = asyncio.run(_with_session(settings, work))
    assert isinstance(report, reminders_service.ReminderReport)
    # After the commit: an e-mail goes out only once its reminder is recorded.
    asyncio.run(reminders_service.deliver(settings, report))
    for item in report.items:
        month = f" ({item.month:%Y-%m})" if item.month else ""
        typer.echo(
            f"- {item.reason.value}{month}: {item.enterprise_name} · {item.lot_label} "
            f"→ {item.recipients} user(s)"
        )
    behind = sum(1 for item in report.items if item.reason.value == "behind")
    people = sum(item.recipients for item in report.items)
    verb = "would be sent (dry run)" if dry_run else "sent"
    typer.echo(
        f"Reminders {verb}: {len(report.items)} ({behind} behind, "
        f"{len(report.items) - behind} hours missing) to {people} user(s); "
        f"none repeated within {interval} days."
    )


@app.command("purge-auth")
def purge_auth() -> None:
    """Delete ended sign-in sessions, spent tokens and old throttling counts (daily)."""
    from levier.auth import sessions

    settings = _settings()
    counts = asyncio.run(_with_session(settings, sessions.purge))
    assert isinstance(counts, dict)
    typer.echo("Deleted: " + ", ".join(f"{count} {name}" for name, count in counts.items()))


@app.command("create-admin")
def create_admin(
    email: Annotated[str, typer.Option(help="E-mail of the administrator.")],
    full_name: Annotated[str, typer.Option(help="Full name.")],
    organisation: Annotated[str, typer.Option(help="Name of the structure running Levier.")],
    password: Annotated[
        str | None, typer.Option(help="Password (asked when omitted).", show_default=False)
    ] = None,
) -> None:
    """Create the first administrator and the facilitation structure it belongs to."""
    from levier.auth.permissions import Role
    from levier.core.errors import DomainError
    from levier.organisations import service as organisations_service
    from levier.organisations.constants import OrganisationKind
    from levier.organisations.schemas import OrganisationCreate
    from levier.users import service as users_service
    from levier.users.schemas import UserCreate

    settings = _settings()
    secret = password or getpass.getpass("Password (12+ characters): ")

    async def work(session: object) -> None:
        org = await organisations_service.create(
            session,  # type: ignore[arg-type]
            OrganisationCreate(name=organisation, kind=OrganisationKind.facilitation_structure),
        )
        await users_service.create(
            session,  # type: ignore[arg-type]
            UserCreate(
                email=email,
                full_name=full_name,
                role=Role.admin,
                organisation_id=org.id,
                password=secret,
            ),
        )

    try:
        asyncio.run(_with_session(settings, work))
    except (DomainError, ValueError) as exc:
        typer.secho(f"Not created: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"Administrator {email} created.")


@app.command()
def check() -> None:
    """Check the configuration and that the database answers and is migrated."""
    settings = _settings()

    async def work(session: object) -> str:
        await session.execute(text("SELECT 1"))  # type: ignore[attr-defined]
        row = await session.execute(text("SELECT version_num FROM alembic_version"))  # type: ignore[attr-defined]
        return str(row.scalar_one_or_none())

    try:
        revision = asyncio.run(_with_session(settings, work))
    except Exception as exc:
        typer.secho(f"Database not reachable or not migrated: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"environment={settings.environment} database revision={revision}: OK")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Serve the API and the single-page app."""
    import uvicorn

    settings = _settings()
    dist = Path(settings.frontend_dist) / "index.html"
    url = f"http://{host}:{port}"
    typer.echo(f"Levier on {url}/  (API {url}/api/v1, docs {url}/api/docs)")
    if not dist.exists():
        typer.echo(f"(no built frontend at {dist}: run `make run` or `npm run build` in frontend/)")
    sys.stdout.flush()
    uvicorn.run(
        "levier.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        # Forwarding headers are the app's to judge (LEVIER_TRUSTED_PROXIES): uvicorn's own
        # handling would believe any local process, or anyone with FORWARDED_ALLOW_IPS="*".
        proxy_headers=False,
        log_level="info",
    )


if __name__ == "__main__":
    app()
