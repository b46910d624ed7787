"""Texts of the account e-mails, in the person's language."""

from __future__ import annotations

from levier.core.config import Settings
from levier.users.models import User


def reset_link(settings: Settings, secret: str, invitation: bool = False) -> str:
    """The SPA page where the person chooses a (new) password; an invitation's page welcomes
    them rather than speaking of a reset."""
    page = f"{settings.base_url.rstrip('/')}/reset-password?token={secret}"
    return f"{page}&invitation=1" if invitation else page


def password_mail(settings: Settings, user: User, secret: str, invitation: bool) -> tuple[str, str]:
    """Subject and body of a password reset or account invitation e-mail."""
    link = reset_link(settings, secret, invitation)
    minutes = settings.password_reset_minutes
    days = settings.invitation_days
    if user.language == "en":
        if invitation:
            return (
                "Your Levier account",
                f"Hello {user.full_name},\n\nAn account was created for you on Levier.\n"
                f"Choose your password within {days} day{'s' if days > 1 else ''}:\n{link}\n\n"
                "Once this link has expired, ask your Levier administrator for a new one.\n",
            )
        return (
            "Reset your Levier password",
            f"Hello {user.full_name},\n\nTo choose a new password (link valid {minutes} "
            f"minutes):\n{link}\n\nIf you did not ask for this, ignore this message.\n",
        )
    if invitation:
        return (
            "Votre compte Levier",
            f"Bonjour {user.full_name},\n\nUn compte Levier a été créé pour vous.\n"
            f"Choisissez votre mot de passe dans les {days} jour{'s' if days > 1 else ''} :\n"
            f"{link}\n\nPassé ce délai, demandez un nouveau lien à l'administrateur de Levier.\n",
        )
    return (
        "Réinitialisation de votre mot de passe Levier",
        f"Bonjour {user.full_name},\n\nPour choisir un nouveau mot de passe (lien valable "
        f"{minutes} minutes) :\n{link}\n\nSi vous n'êtes pas à l'origine de cette demande, "
        "ignorez ce message.\n",
    )
