"""Telling the employer of record that the facilitator rejected hours: an in-app
notification to each of its active users, in their language, linking to the month's grid.
(Hours declared wait in the facilitator's "my day" queue: no notification for them.)"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from levier.core.i18n import month_name
from levier.hours.models import HoursDeclaration
from levier.notifications import service as notifications_service
from levier.notifications.constants import NotificationKind
from levier.notifications.schemas import NotificationDraft
from levier.organisations.models import Organisation
from levier.users.models import User


def rejection_texts(declaration: HoursDeclaration, language: str) -> tuple[str, str]:
    """The notification's title and body ("fr" unless "en"): the person, the month, the
    reason. The declaration is loaded with `scope.hours_options()`."""
    person = declaration.assignment.participant
    name = f"{person.first_names} {person.last_name}"
    month = month_name(declaration.month, language)
    reason = declaration.rejection_reason
    if language == "en":
        return (
            f"Hours rejected: {name}, {month}",
            f"The facilitator rejected the hours declared for {name} in {month}. Reason: "
            f"“{reason}”. Correct the declaration so that it is validated.",
        )
    return (
        f"Heures refusées : {name}, {month}",
        f"Le facilitateur a refusé les heures déclarées pour {name} en {month}. Motif : "
        f"« {reason} ». Corrigez la déclaration pour qu'elle soit validée.",
    )


async def notify_rejected(session: AsyncSession, declaration: HoursDeclaration) -> None:
    """Each active user of the employer of record (an active organisation) is told."""
    statement = (
        select(User)
        .join(Organisation, col(Organisation.id) == col(User.organisation_id))
        .where(
            col(User.organisation_id) == declaration.employer_id,
            col(User.active).is_(True),
            col(Organisation.active).is_(True),
        )
    )
    drafts = []
    for user in (await session.execute(statement)).scalars():
        title, body = rejection_texts(declaration, user.language)
        drafts.append(
            NotificationDraft(
                recipient_id=user.id,
                kind=NotificationKind.hours_rejected,
                title=title,
                body=body,
                link=f"/hours?month={declaration.month.strftime('%Y-%m')}",
                subject_type="hours_declaration",
                subject_id=declaration.id,
            )
        )
    notifications_service.notify(session, drafts)
