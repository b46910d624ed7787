"""The clause article for the tender documents (CCAP): a Jinja template rendered from the lot.

The default template ships in `templates/`; a structure's admin can replace it (stored in
its clause settings). Templates run in Jinja's sandbox, so an admin's template can read the
variables below but cannot reach the application.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from levier.core.errors import FieldInvalid
from levier.core.numbers import french_number

DEFAULT_TEMPLATE = (Path(__file__).parent / "templates" / "clause_article.fr.md.j2").read_text(
    encoding="utf-8"
)
_environment = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


# What a template may use, as the settings page lists it for the admin. A facilitator's
# internal notes (why hours were overridden) are not among them: they stay out of contract text.
VARIABLES: list[tuple[str, str, str]] = [
    ("article_number", "Numéro de l'article, choisi par le facilitateur", "Article number"),
    ("tender.reference", "Référence de la consultation", "Tender reference"),
    ("tender.object", "Objet de la consultation", "Tender object"),
    ("lot.number", "Numéro du lot", "Lot number"),
    ("lot.title", "Intitulé du lot", "Lot title"),
    ("lot.trade", "Corps d'état du lot", "Lot trade"),
    ("operation.name", "Nom de l'opération (si le marché en relève)", "Operation name (if any)"),
    (
        "operation.eligibility_restriction",
        "Restriction de l'opération : vide, ou le code qpv_residents quand seuls les résidents "
        "des quartiers prioritaires sont éligibles (à comparer dans un bloc si)",
        "The operation's restriction: empty, or the code qpv_residents when only residents of "
        "priority neighbourhoods are eligible (to compare in an if block)",
    ),
    ("hours", "Heures d'insertion à réaliser, écrites à la française", "Insertion hours"),
    ("duration_months", "Durée du lot en mois (si connue)", "Lot duration in months"),
    ("calculation.formula", "Formule du calcul des heures", "Formula of the hours"),
    (
        "hours_overridden",
        "Vrai quand le facilitateur a fixé les heures lui-même (la formule ne les donne pas)",
        "True when the facilitator set the hours (the formula does not give them)",
    ),
    (
        "training_cap_percent",
        "Part maximale des heures en formation (en %)",
        "Largest share of hours in training (%)",
    ),
    ("contact.name", "Facilitateur à contacter", "Facilitator to contact"),
    ("contact.email", "Son courriel", "Their e-mail"),
    ("contact.phone", "Son téléphone", "Their phone"),
    (
        "penalty_per_missing_hour",
        "Pénalité par heure manquante en euros (si fixée)",
        "Penalty per missing hour in euros (if set)",
    ),
]


@dataclass(frozen=True)
class Contact:
    name: str
    email: str | None = None
    phone: str | None = None


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
        "hours_overridden": False,
        "duration_months": 12,
        "calculation": {
            "method": "generic",
            "formula": "1 000 000 × 0,5 × 0,05 ÷ 30 = 833,33 → 833 h",
            "exact_hours": "833,33",
            "parameters": [
                {
                    "name": "amount",
                    "value": "1\u00a0000\u00a0000",
                    "source": "given",
                    "detail": None,
                }
            ],
            "advice": [],
            "computed_at": "2027-01-15T09:00:00+00:00",
        },
        "training_cap_percent": "30",
        "contact": Contact(name="Service clauses", email="clauses@example.org", phone="01"),
        "penalty_per_missing_hour": "45,00",
    }
    empty = full | {
        "hours": "1 200",
        "hours_overridden": True,
        "operation": None,
        "duration_months": None,
        "calculation": None,
        "contact": Contact(name="Service clauses"),
        "penalty_per_missing_hour": None,
    }
    return [full, empty]


_UNDEFINED = re.compile(r"^'(?P<name>[^']+)' is undefined$")
_NO_ATTRIBUTE = re.compile(r"has no attribute '(?P<name>[^']+)'$")
_UNSAFE = re.compile(r"attribute '(?P<name>[^']+)'")


def _syntax_error(exc: TemplateSyntaxError) -> FieldInvalid:
    """The line, and what is wrong with it in words (Jinja's own message, in English, is
    not shown in a French page)."""
    if "end of template" in (exc.message or ""):
        return FieldInvalid("article_template", "template_unclosed", line=exc.lineno)
    return FieldInvalid("article_template", "template_invalid", line=exc.lineno)


def _render_error(exc: Exception) -> FieldInvalid:
    """An unknown variable named; what the sandbox refuses said in words; any other failure
    said in words, Jinja's own (English) reason kept as a technical detail."""
    text = str(exc)
    if isinstance(exc, SecurityError):
        name = _UNSAFE.search(text)
        return FieldInvalid(
            "article_template", "template_unsafe", name=name["name"] if name else text
        )
    unknown = _UNDEFINED.search(text) or _NO_ATTRIBUTE.search(text)
    if unknown:
        return FieldInvalid("article_template", "template_unknown_variable", name=unknown["name"])
    return FieldInvalid("article_template", "template_renders_badly", reason=text)


def check_template(source: str) -> None:
    """422 naming the field when a template does not parse, or does not render for a lot
    with or without its optional parts (an unknown variable, a missing guard)."""
    try:
        template = _environment.from_string(source)
    except TemplateSyntaxError as exc:
        raise _syntax_error(exc) from exc
    for variables in samples():
        try:
            template.render(**variables)
        except Exception as exc:  # an admin's template: any failure is theirs to see
            raise _render_error(exc) from exc


def render_text(source: str, variables: dict[str, Any]) -> str:
    """The article as editable text (Markdown)."""
    try:
        text = _environment.from_string(source).render(**variables)
    except TemplateSyntaxError as exc:
        raise _syntax_error(exc) from exc
    except Exception as exc:  # an admin's template referring to a missing variable
        raise _render_error(exc) from exc
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
