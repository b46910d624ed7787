"""Text helpers shared by search and uniqueness checks."""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 control characters, DEL, and lone UTF-16 surrogates (which no database can store):
# refused in every text input. Free texts (notes, descriptions) may hold tab and line breaks.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_EXCEPT_LAYOUT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def has_control_characters(text: str, *, free_text: bool = False) -> bool:
    """Whether the text holds a character no input may carry (tab and line breaks allowed in
    free texts)."""
    pattern = _CONTROL_EXCEPT_LAYOUT if free_text else _CONTROL
    return pattern.search(text) is not None


def without_format_characters(text: str) -> str:
    """The text in Unicode NFKC with invisible format characters (zero-width space, soft
    hyphen, word joiner, bidi marks…: category Cf) removed, so look-alike names compare equal."""
    normalised = unicodedata.normalize("NFKC", text)
    return without_invisible_characters(normalised)


# Characters that show nothing though they are not format characters: the combining grapheme
# joiner, Hangul and Khmer fillers (used to fake an empty name).
_INVISIBLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0")
_SEPARATORS = frozenset("\u2028\u2029")


def without_invisible_characters(text: str, *, multiline: bool = False) -> str:
    """The text in Unicode NFC without the characters that show nothing (zero-width spaces,
    soft hyphens, bidi marks and isolates, byte-order marks, fillers), so none reaches a
    document; Unicode line and paragraph separators become line breaks (spaces on one line)."""
    kept = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _SEPARATORS:
            kept.append("\n" if multiline else " ")
        elif ch not in _INVISIBLE and unicodedata.category(ch) != "Cf":
            kept.append(ch)
    return "".join(kept)


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced form of a text for searching and comparing."""
    decomposed = unicodedata.normalize("NFKD", without_format_characters(text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("-", " ").replace("'", " ").lower().split())


def like_prefix(text: str) -> str:
    """A LIKE pattern matching values starting with the folded text (wildcards escaped)."""
    escaped = fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%"


def like_contains(text: str) -> str:
    """A LIKE pattern matching values containing the folded text (wildcards escaped)."""
    return "%" + like_prefix(text)
