"""Text helpers shared by search and uniqueness checks."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced form of a text for searching and comparing."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("-", " ").replace("'", " ").lower().split())


def like_prefix(text: str) -> str:
    """A LIKE pattern matching values starting with the folded text (wildcards escaped)."""
    escaped = fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%"


def like_contains(text: str) -> str:
    """A LIKE pattern matching values containing the folded text (wildcards escaped)."""
    return "%" + like_prefix(text)
