"""Outgoing e-mail: SMTP when configured, the log otherwise (development)."""

from __future__ import annotations

import asyncio
import logging
import smtplib
from email.message import EmailMessage

from levier.core.config import Settings

logger = logging.getLogger("levier.mail")


def _send_smtp(settings: Settings, message: EmailMessage) -> None:
    assert settings.smtp_host
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username and settings.smtp_password:
            smtp.login(settings.smtp_username, settings.smtp_password)
        smtp.send_message(message)


async def send_mail(settings: Settings, to: str, subject: str, body: str) -> None:
    """Send a plain-text message; without SMTP settings, write it to the log instead."""
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    if not settings.smtp_host:
        logger.warning(
            "mail not sent (no LEVIER_SMTP_HOST) to=%s subject=%s\n%s", to, subject, body
        )
        return
    try:
        await asyncio.to_thread(_send_smtp, settings, message)
    except (OSError, smtplib.SMTPException):
        logger.exception("could not send mail to %s", to)
