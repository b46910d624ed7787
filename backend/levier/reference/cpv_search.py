"""Searching the CPV 2008 by the words of its labels or the leading digits of its codes.

The index is built once, at import, from the 9,454 codes in memory: per language, every
distinct word of the labels (folded: lower case, no accents) with its singular forms, the
codes whose label holds it, and the sorted forms for prefix look-ups. A request reads no
file and scores only the codes that hold a match for every word typed.

Ranking, best first (the key of `_rank`):
1. digits typed (`45`, `45442`, `45442100-8`) keep only the codes that start with them;
   a query of digits alone lists the broader codes first, each level in code order
   (`45`: the division, its 5 groups, then their classes…);
2. labels where every word typed starts a word of the label, before those where some word
   only occurs inside a word (`route` in `autoroute`);
3. labels in the caller's language before those matched only in the other language;
4. whole words (plurals and accents ignored: `peintures` = `peinture`) before words typed
   only in part (`peint`);
5. fewer words of the label left unmatched, so the most specific label comes first
   (`Travaux de peinture` before `Travaux de peinture de structures`); "travaux",
   "services" and "work" are the kind of contract, not its object, and do not count;
6. construction works (division 45, the bulk of Levier's tenders) before supplies and
   services;
7. the broader code, then code order.

Words like "de", "et", "the" are ignored unless nothing else is typed. A few trade words
of French building works that the vocabulary does not use (`voirie`, `VRD`) also match the
words it uses for them (`routes`, `chaussées`…): see `SYNONYMS`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field

from levier.reference import cpv

# French, then English: words that say nothing of what is bought.
_STOP = "a au aux d dans de des du en et l la le les ou par pour sur un une"
STOP_WORDS = frozenset(f"{_STOP} an and by for in of on or the to with".split())
GENERIC_WORDS = frozenset({"travaux", "services", "service", "work", "works"})
# Trade words → whole words the vocabulary uses for the same works (folded, singular).
_ROADS = ("route", "routier", "routiere", "autoroute", "chaussee", "trottoir", "voirie")
SYNONYMS: dict[str, tuple[str, ...]] = {
    "voirie": _ROADS,
    "vrd": (*_ROADS, "assainissement", "canalisation"),
}
_WORD = re.compile(r"[a-z0-9]+")
_ACCENTS = re.compile("[\u0300-\u036f]")
_CODE_DASH = re.compile(r"(?<=\d)-(?=\d)")  # 45442100-8 is one token, volley-ball two
_EXACT, _PREFIX, _INSIDE = 2, 1, 0


def words(text: str) -> list[str]:
    """The folded words of a text: lower case, accents and punctuation dropped, œ as oe
    (what `core.text.fold` does, in regular expressions, fast enough for 19,000 labels)."""
    lowered = text.lower().replace("œ", "oe").replace("æ", "ae")
    return _WORD.findall(_ACCENTS.sub("", unicodedata.normalize("NFKD", lowered)))


def forms(word: str) -> frozenset[str]:
    """A folded word and its possible singulars (travaux → travail, traval; bodies → body)."""
    found = {word}
    if len(word) > 3:
        if word.endswith("aux"):
            found |= {word[:-1], word[:-3] + "al", word[:-3] + "ail"}
        elif word.endswith(("s", "x")) and not word.endswith("ss"):
            found.add(word[:-1])
        if word.endswith("ies"):
            found.add(word[:-3] + "y")
        if word.endswith(("ches", "shes", "sses", "xes")):
            found.add(word[:-2])
    return frozenset(found)


@dataclass(slots=True)
class _Language:
    """The words of one language's labels, and where they occur."""

    label_words: list[frozenset[str]] = field(default_factory=list)  # per entry, no stop word
    postings: dict[str, list[int]] = field(default_factory=dict)  # word → entry positions
    by_form: dict[str, set[str]] = field(default_factory=dict)  # form → words having it
    sorted_forms: list[str] = field(default_factory=list)

    def add(self, position: int, label: str) -> None:
        significant = frozenset(w for w in words(label) if w not in STOP_WORDS)
        self.label_words.append(significant)
        for word in significant:
            if word not in self.postings:
                self.postings[word] = []
                for form in forms(word):
                    self.by_form.setdefault(form, set()).add(word)
            self.postings[word].append(position)

    def seal(self) -> None:
        self.sorted_forms = sorted(self.by_form)

    def matches(self, typed: str) -> dict[str, int]:
        """The label words a typed word matches, with how well (whole, start, inside)."""
        found: dict[str, int] = {}
        if len(typed) >= 3:
            for word in self.postings:
                if typed in word:
                    found[word] = _INSIDE
        typed_forms = forms(typed)
        for form in typed_forms:
            start = bisect_left(self.sorted_forms, form)
            for candidate in self.sorted_forms[start:]:
                if not candidate.startswith(form):
                    break
                for word in self.by_form[candidate]:
                    found[word] = max(found.get(word, _INSIDE), _PREFIX)
        for form in typed_forms.union(SYNONYMS.get(typed, ())):
            for word in self.by_form.get(form, ()):
                found[word] = _EXACT
        return found


@dataclass(slots=True)
class _Index:
    entries: list[cpv.CpvEntry]
    digits: list[str]  # each entry's code without its dash, in code order
    languages: dict[str, _Language]


def _build() -> _Index:
    entries = list(cpv.entries().values())
    languages = {"fr": _Language(), "en": _Language()}
    for position, entry in enumerate(entries):
        for language, index in languages.items():
            index.add(position, entry.label(language))
    for index in languages.values():
        index.seal()
    return _Index(entries, [entry.code.replace("-", "") for entry in entries], languages)


_INDEX = _build()


def _with_prefixes(prefixes: list[str]) -> range | None:
    """Positions of the codes starting with every prefix (digits sort like codes)."""
    if not prefixes:
        return None
    longest = max(prefixes, key=len)
    if not all(longest.startswith(prefix) for prefix in prefixes):
        return range(0)
    start = bisect_left(_INDEX.digits, longest)
    end = bisect_left(_INDEX.digits, longest + "a")  # "a" sorts after every digit
    return range(start, end)


def _rank(
    typed: list[str], language: str, other: bool, candidates: range
) -> dict[int, tuple[int | str, ...]]:
    """Sort keys of the candidates whose label matches every typed word in `language`."""
    index = _INDEX.languages[language]
    matched = [index.matches(word) for word in typed]
    positions: set[int] | None = None
    for word_matches in matched:
        found = {p for word in word_matches for p in index.postings[word]}
        positions = found if positions is None else positions & found
    keys: dict[int, tuple[int | str, ...]] = {}
    for position in (p for p in positions or () if p in candidates):
        label_words = index.label_words[position]
        quality = [max(m.get(w, -1) for w in label_words) for m in matched]
        unmatched = sum(
            1 for w in label_words if w not in GENERIC_WORDS and all(w not in m for m in matched)
        )
        entry = _INDEX.entries[position]
        keys[position] = (
            int(min(quality) == _INSIDE),
            int(other),
            sum(1 for q in quality if q != _EXACT),
            unmatched,
            int(not entry.code.startswith("45")),
            len(entry.prefix),
            entry.code,
        )
    return keys


def search(query: str | None, limit: int, language: str = "fr") -> list[cpv.CpvEntry]:
    """Codes matching the query, best first (see the module's docstring for the order);
    without a query, the divisions and groups in code order."""
    if not query or not query.strip():
        return list(cpv.vocabulary().values())[:limit]
    tokens = words(_CODE_DASH.sub("", query))
    prefixes = [token for token in tokens if token.isdigit()]
    typed = [token for token in tokens if not token.isdigit()]
    within = _with_prefixes(prefixes)
    if not typed:
        found = [_INDEX.entries[position] for position in within or ()]
        return sorted(found, key=lambda entry: (len(entry.prefix), entry.code))[:limit]
    significant = [word for word in typed if word not in STOP_WORDS] or typed
    candidates = within if within is not None else range(len(_INDEX.entries))
    own, other = ("en", "fr") if language == "en" else ("fr", "en")
    keys = _rank(significant, own, False, candidates)
    for position, key in _rank(significant, other, True, candidates).items():
        keys[position] = min(keys.get(position, key), key)
    best = sorted(keys, key=keys.__getitem__)[:limit]
    return [_INDEX.entries[position] for position in best]
