"""The clause article for the tender documents (CCAP): a Jinja template rendered from the lot.

The default template ships in `templates/`; a structure's admin can replace it (stored in
its clause settings). Templates run in Jinja's sandbox, so an admin's template can read the
variables below but cannot reach the application.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

from levier.core.errors import FieldInvalid

DEFAULT_TEMPLATE = (Path(__file__).parent / "templates" / "clause_article.fr.md.j2").read_text(
    encoding="utf-8"
)
_environment = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


@dataclass(frozen=True)
class Contact:
    name: str
    email: str | None = None
    phone: str | None = None


def french_number(value: Decimal, places: int = 2) -> str:
    """A number as French texts write it: 2 280 000,00 (no-break space, decimal comma)."""
    return f"{value:,.{places}f}".replace(",", "\u00a0").replace(".", ",")


def french_formula(formula: str) -> str:
    """A calculation's formula with its numbers written the French way (0.25 → 0,25)."""

    def convert(match: re.Match[str]) -> str:
        whole, _, decimals = match.group(0).partition(".")
        return french_number(Decimal(whole), 0) + ("," + decimals if decimals else "")

    return re.sub(r"\d+(?:\.\d+)?", convert, formula)


def samples() -> list[dict[str, Any]]:
    """Variables of a lot with every optional part set, then with none: a template must
    render for both before it is saved, or every article of the structure would fail.
    They have the shape `tenders.articles.article_variables` gives (a test holds them to it)."""
    full = {
        "article_number": "8",
        "tender": {"reference": "2027-001", "object": "Réhabilitation de 80 logements"},
        "lot": {"number": 1, "title": "Gros œuvre", "trade": "Maçonnerie"},
        "operation": {"name": "NPNRU", "eligibility_restriction": "qpv_residents"},
        "hours": "833",
        "duration_months": 12,
        "calculation": {
            "method": "generic",
            "formula": "1 000 000 × 0,5 × 0,05 ÷ 30 = 833,33 → 833 h",
            "exact_hours": "833.33",
            "parameters": [
                {"name": "amount", "value": "1000000", "source": "given", "detail": None}
            ],
            "advice": [],
            "computed_at": "2027-01-15T09:00:00+00:00",
        },
        "override_reason": "Chantier en site occupé",
        "training_cap_percent": "30",
        "contact": Contact(name="Service clauses", email="clauses@example.org", phone="01"),
        "penalty_per_missing_hour": "45,00",
    }
    empty = full | {
        "operation": None,
        "duration_months": None,
        "calculation": None,
        "override_reason": None,
        "contact": Contact(name="Service clauses"),
        "penalty_per_missing_hour": None,
    }
    return [full, empty]


def check_template(source: str) -> None:
    """422 naming the field when a template does not parse, or does not render for a lot
    with or without its optional parts (an unknown variable, a missing guard)."""
    try:
        template = _environment.from_string(source)
    except TemplateSyntaxError as exc:
        raise FieldInvalid("article_template", "template_invalid", line=exc.lineno) from exc
    for variables in samples():
        try:
            template.render(**variables)
        except Exception as exc:  # an admin's template: any failure is theirs to see
            raise FieldInvalid(
                "article_template", "template_renders_badly", reason=str(exc)
            ) from exc


def render_text(source: str, variables: dict[str, Any]) -> str:
    """The article as editable text (Markdown)."""
    try:
        text = _environment.from_string(source).render(**variables)
    except Exception as exc:  # an admin's template referring to a missing variable
        raise FieldInvalid("article_template", "template_invalid", line=0) from exc
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _inline(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)


def render_pdf(markdown: str, title: str) -> bytes:
    """A PDF of the article: headings, paragraphs, bullet lists (the Markdown we generate)."""
    styles = getSampleStyleSheet()
    story: list[Any] = []
    bullets: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            story.append(Paragraph(_inline(" ".join(paragraph)), styles["BodyText"]))
            paragraph.clear()
        if bullets:
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(_inline(b), styles["BodyText"])) for b in bullets],
                    bulletType="bullet",
                )
            )
            bullets.clear()

    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith("# "):
            flush()
            story.append(Paragraph(_inline(stripped[2:]), styles["Heading1"]))
        elif stripped.startswith("## "):
            flush()
            story.append(Paragraph(_inline(stripped[3:]), styles["Heading2"]))
        elif stripped.startswith("- "):
            if paragraph:
                flush()
            bullets.append(stripped[2:])
        elif not stripped:
            flush()
            story.append(Spacer(1, 0.2 * cm))
        elif bullets and line.startswith("  "):
            bullets[-1] += " " + stripped
        else:
            if bullets:
                flush()
            paragraph.append(stripped)
    flush()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author="Levier",
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )
    document.build(story)
    return buffer.getvalue()
