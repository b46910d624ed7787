"""Every table module, imported once so mappers and Alembic's metadata are complete."""

from levier.assignments import models as assignments_models
from levier.auth import models as auth_models
from levier.clauses import models as clauses_models
from levier.compliance import models as compliance_models
from levier.core.audit import models as audit_models
from levier.core.db import metadata
from levier.documents import models as documents_models
from levier.followups import models as followups_models
from levier.hours import models as hours_models
from levier.notifications import models as notifications_models
from levier.offers import models as offers_models
from levier.organisations import models as organisations_models
from levier.participants import models as participants_models
from levier.referrals import models as referrals_models
from levier.reminders import models as reminders_models
from levier.tenders import models as tenders_models
from levier.territories import models as territories_models
from levier.users import models as users_models

__all__ = [
    "assignments_models",
    "audit_models",
    "auth_models",
    "clauses_models",
    "compliance_models",
    "documents_models",
    "followups_models",
    "hours_models",
    "metadata",
    "notifications_models",
    "offers_models",
    "organisations_models",
    "participants_models",
    "referrals_models",
    "reminders_models",
    "tenders_models",
    "territories_models",
    "users_models",
]
