"""The /api/v1 routes: one router per domain, each included in the app under the prefix."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Response
from pydantic import BaseModel
from sqlalchemy import text

from levier.assignments.router import router as assignments_router
from levier.audit.router import router as audit_router
from levier.auth.router import router as auth_router
from levier.clauses.router import clauses_router, settings_router
from levier.compliance.router import compliance_router
from levier.compliance.router import router as lot_compliance_router
from levier.core.db import SessionDep
from levier.core.errors import PROBLEM_RESPONSES
from levier.core.routing import API_PREFIX
from levier.documents.router import documents_router, lot_documents_router, reports_router
from levier.followups.router import router as followups_router
from levier.hours.router import router as hours_router
from levier.notifications.router import router as notifications_router
from levier.offers.router import router as offers_router
from levier.organisations.router import router as organisations_router
from levier.participants.router import router as participants_router
from levier.reference.router import router as reference_router
from levier.referrals.router import router as referrals_router
from levier.tenders.router import operations_router, tenders_router
from levier.territories.router import router as territories_router
from levier.users.router import router as users_router


class Health(BaseModel):
    status: str
    database: str


health_router = APIRouter(tags=["meta"])


@health_router.get("/health", response_model=Health)
async def health(session: SessionDep) -> Health:
    """Liveness and database reachability (public)."""
    await session.execute(text("SELECT 1"))
    return Health(status="ok", database="ok")


@health_router.head("/health", include_in_schema=False)
async def health_head(session: SessionDep) -> Response:
    """The same check for monitors that probe with HEAD: 200 and no body."""
    await session.execute(text("SELECT 1"))
    return Response(status_code=200)


DOMAIN_ROUTERS = (
    health_router,
    auth_router,
    organisations_router,
    users_router,
    territories_router,
    reference_router,
    audit_router,
    settings_router,
    clauses_router,
    operations_router,
    tenders_router,
    participants_router,
    offers_router,
    referrals_router,
    assignments_router,
    hours_router,
    lot_compliance_router,
    compliance_router,
    documents_router,
    lot_documents_router,
    reports_router,
    notifications_router,
    followups_router,
)


def include_api(app: FastAPI) -> None:
    """Every domain's routes under /api/v1, each router included in the app itself: FastAPI
    matches a request by walking included routers level by level (twice), so one level less
    is a measurable share of a small request, and a domain router (`DomainRouter`) whose
    prefix the path does not start with is skipped at once."""
    for router in DOMAIN_ROUTERS:
        app.include_router(router, prefix=API_PREFIX, responses=PROBLEM_RESPONSES)
