"""The variables a lot's clause article is rendered from (the CCAP text the buyer publishes)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from levier.clauses import article
from levier.clauses import service as clauses_service
from levier.clauses.calculator import number
from levier.core.errors import Conflict
from levier.organisations import service as organisations_service
from levier.tenders.models import Lot, Operation, Tender


def _in_french(calculation: dict[str, Any]) -> dict[str, Any]:
    """The stored calculation with every number written as a French text writes it (the
    article is French whatever the reader's language): 0,05, 833,33, 1 000 000."""
    return {
        **calculation,
        "formula": article.french_formula(calculation["formula"]),
        "exact_hours": article.french_formula(str(calculation.get("exact_hours", ""))),
        "parameters": [
            {**parameter, "value": article.french_formula(number(Decimal(str(parameter["value"]))))}
            for parameter in calculation.get("parameters", [])
        ],
    }


def check_has_article(lot: Lot) -> None:
    """Only a lot with insertion hours has a clause article (409 otherwise)."""
    if lot.required_hours is None:
        raise Conflict("lot_has_no_clause_article")


async def article_variables(
    session: AsyncSession, tender: Tender, lot: Lot, article_number: str
) -> tuple[str, dict[str, Any]]:
    """The structure's template and the variables the clause article is rendered from."""
    check_has_article(lot)
    hours = lot.required_hours
    assert hours is not None
    settings = await clauses_service.get_settings(session, tender.structure_id)
    structure = await organisations_service.get(session, tender.structure_id)
    operation = await session.get(Operation, tender.operation_id) if tender.operation_id else None
    template = settings.article_template or article.DEFAULT_TEMPLATE
    variables = {
        "article_number": article_number,
        "tender": {"reference": tender.reference, "object": tender.object},
        "lot": {"number": lot.number, "title": lot.title, "trade": lot.trade},
        "operation": (
            {"name": operation.name, "eligibility_restriction": operation.eligibility_restriction}
            if operation
            else None
        ),
        "hours": article.french_number(Decimal(hours), 0),
        # The formula gives other hours than those the facilitator set: texts must not say
        # the hours result from it.
        "hours_overridden": lot.override_hours is not None,
        "duration_months": lot.duration_months,
        "calculation": _in_french(lot.calculation) if lot.calculation else None,
        "training_cap_percent": number(settings.training_cap_share * 100).replace(".", ","),
        "contact": article.Contact(
            name=settings.contact_name or structure.name,
            email=settings.contact_email,
            phone=settings.contact_phone,
        ),
        "penalty_per_missing_hour": (
            article.french_number(lot.penalty_per_missing_hour)
            if lot.penalty_per_missing_hour is not None
            else None
        ),
    }
    return template, variables


async def article_text(session: AsyncSession, tender: Tender, lot: Lot, article_number: str) -> str:
    """The lot's clause article as Markdown, from the structure's template."""
    template, variables = await article_variables(session, tender, lot, article_number)
    return article.render_text(template, variables)
