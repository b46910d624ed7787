"""What a caller may do with a lot now: the same rules the lot, award and amendment services
check before acting (reads carry them so the interface offers only what will succeed)."""

from __future__ import annotations

from levier.auth.permissions import Permission
from levier.core.actions import allowed
from levier.tenders import articles, awards, lots
from levier.tenders.lifecycle import check_editable, check_permission
from levier.tenders.models import Lot, Tender
from levier.tenders.schemas import LotActions
from levier.users.models import User


def lot_actions(user: User, tender: Tender, lot: Lot) -> LotActions:
    """The lot's allowed actions for the caller."""
    return LotActions(
        edit=allowed(check_editable, user, tender),
        delete=allowed(lots.check_deletable, user, tender),
        override_hours=allowed(lots.check_overridable, user, tender, lot),
        award=allowed(awards.check_awardable, user, tender, lot),
        amend=allowed(awards.check_amendable, user, tender, lot),
        close_without_award=allowed(lots.check_closable, user, tender, lot),
        read_history=allowed(check_permission, user, Permission.tenders_edit),
        clause_article=allowed(articles.check_has_article, lot),
    )
