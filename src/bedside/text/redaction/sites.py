"""The organisation's own sites: hospitals, campuses, buildings and clinics that are nobody's home.

Staff name their own hospital constantly ("Timberline ED has 2 boarders", "meet at the Halsted entrance",
"transfer from Desert Sage Elko"). Those names look like towns and surnames, and no word list can tell them
from a patient's, so the organisation lists them once, as it lists its staff (``Redactor(site_names=...)``,
the ``BEDSIDE_SITE_NAMES`` setting and the organisation's own name at ingest). A name or town the rules find
inside a mention of a site is then left alone.

A site is matched as written in full ("Lakeshore Medical Center", "Desert Sage Elko"), without a leading "the",
and by its brand: the words before the first generic facility word ("Lakeshore" of "Lakeshore Medical Center",
"Three Rivers" of "Three Rivers University Hospital"). A town alone ("from Elko") is not a site: it may be a
patient's home.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words that say what kind of place a site is; the words before them are its brand.
_GENERIC = frozenset(
    "medical center centre hospital hospitals clinic clinics campus health healthcare university community regional "
    "memorial general main pavilion tower building wing annex institute system center's of and at the for "
    "children's childrens women's womens care critical access".split()
)
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def site_phrases(site_names: Iterable[str]) -> list[str]:
    """The phrases that name each site: its full name, without a leading "the", and its brand."""
    phrases: set[str] = set()
    for name in site_names:
        name = re.sub(r"^\s*the\s+", "", name.strip(), flags=re.IGNORECASE)
        words = _WORD.findall(name)
        if not words:
            continue
        phrases.add(" ".join(words))
        brand: list[str] = []
        for word in words:
            if word.lower() in _GENERIC:
                break
            brand.append(word)
        if brand and len(brand) < len(words):
            phrases.add(" ".join(brand))
    return sorted(phrases, key=len, reverse=True)


class SiteNames:
    """Finds mentions of the organisation's sites in a text."""

    def __init__(self, site_names: Iterable[str] = ()) -> None:
        self.phrases = tuple(site_phrases(site_names))
        self._pattern = (
            re.compile(r"(?<![\w\-])(?:" + "|".join(_flexible(p) for p in self.phrases) + r")(?![\w\-])", re.IGNORECASE)
            if self.phrases
            else None
        )

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where a site is named in ``text``."""
        if self._pattern is None:
            return []
        return [(m.start(), m.end()) for m in self._pattern.finditer(text)]

    def covers(self, spans: list[tuple[int, int]], start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside one of ``spans``."""
        return any(s <= start and end <= e for s, e in spans)


def _flexible(phrase: str) -> str:
    """A phrase as a pattern that allows any spacing between its words."""
    return r"\s+".join(re.escape(word) for word in phrase.split())
