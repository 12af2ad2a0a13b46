"""The organisation's own sites: hospitals, campuses, buildings and clinics that are nobody's home.

Staff name their own hospital constantly ("Timberline ED has 2 boarders", "meet at the Halsted entrance",
"transfer from Desert Sage Elko"). Those names look like towns and surnames, and no word list can tell them
from a patient's, so the organisation lists them once, as it lists its staff (``Redactor(site_names=...)``,
the ``BEDSIDE_SITE_NAMES`` setting and the organisation's own name at ingest). A name or town the rules find
inside a mention of a site is then left alone.

A site is matched as written in full ("Lakeshore Medical Center", "Desert Sage Elko"), without a leading "the",
and by its brand: the words before the first generic facility word ("Lakeshore" of "Lakeshore Medical Center",
"Three Rivers" of "Three Rivers University Hospital"). A site named as a brand and a place ("Desert Sage Elko",
"Three Rivers Mon Valley") is also called by the place alone ("transferred from Elko", "float from Mon Valley"),
except after words that make the place someone's home ("lives in Elko", "pt is from Elko") and after a place
word with no part of a hospital after it ("the Walmart in Elko"; but "wait time in Elko ED", "transferred from Elko").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bedside.text.redaction.places import HOME_CUE

# Words that say what kind of place a site is; the words before them are its brand. Buildings ("Schenley Tower",
# "Allegheny Pavilion") are often named after a place or a person, so their first words make no brand.
_BUILDINGS = frozenset("pavilion tower building wing annex hall house".split())
_GENERIC = _BUILDINGS | frozenset(
    "medical center centre hospital hospitals clinic clinics campus health healthcare university community regional "
    "memorial general main institute system center's of and at the for children's childrens women's womens care "
    "critical access".split()
)
# Before a site's short form, words that make the place someone's home ("north of Elko", "from up in the Fox Valley").
_HOME_NEAR = re.compile(
    r"\b(?:lives?|living|resides?|home|north|south|east|west|outside|near|up\s+in|down\s+in|out\s+in|from\s+up)\b"
    r"[^.,;\n]{0,25}$",
    re.IGNORECASE,
)
# After a building's first word, the parts of a building that make it the building ("the Balboa basement",
# "Harbor View parking structure", "Catawba ambulance bay", "Balboa 2 conf rm").
_BUILDING_PART = (
    r"basement|lobby|entrance|garage|parking|cafeteria|café|cafe|atrium|auditorium|classroom|conf(?:erence)?\s+r(?:oo)?m|"
    r"ambulance\s+bay|loading\s+dock|elevators?|skybridge|breezeway|chapel|gift\s+shop|security\s+office|roof|helipad|"
    r"front\s+desk|desk|doors?|stairs|stairwell|hallway|tunnel|bridge"
)
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# A short form after a place word is the town, not the site ("boats out of New Bedford", "the Walmart in Tifton",
# "pt Mike from Quincy"), unless a part of a hospital follows ("wait time in Alamosa ED") or a word of staff moving
# people or work between sites comes before ("transferred from Elko", "telehealth from Alamosa", "float to Mon Valley").
_PLACE_WORD_BEFORE = re.compile(r"\b(?:in|from|out\s+of|near|around|outside)\s+$", re.IGNORECASE)
_HOSPITAL_PART_AFTER = re.compile(
    r"\s+(?:ed|er|icu|nicu|picu|l&d|or|pacu|lab|labs|pharmacy|staff|helipad|clinic|campus|hospital|floor|unit|outpt|"
    r"outpatient|inpatient|rehab|infusion|imaging|radiology|ct|mri|dialysis|nursery|ob|cath|house\s+sup|site|location)\b",
    re.IGNORECASE,
)
_BETWEEN_SITES_BEFORE = re.compile(
    r"\b(?:transfer\w*|xfer\w*|float\w*|courier|telehealth|tele|sen[dt]\w*|accept\w*|divert\w*|shuttle|flights?|report|transport\w*)(?:\s+[\w/]+){0,2}\s+$",
    re.IGNORECASE,
)


def _head(words: list[str]) -> list[str]:
    """The words before the first generic facility word."""
    head: list[str] = []
    for word in words:
        if word.lower() in _GENERIC:
            break
        head.append(word)
    return head


def site_phrases(site_names: Iterable[str]) -> tuple[list[str], list[str], list[str]]:
    """The phrases that name each site (its full name, without a leading "the", and its brand), the short forms
    staff use for a site named as brand + place ("Elko" of "Desert Sage Elko" when "Desert Sage" is a brand) and
    the first words of buildings, which name them before a floor ("Juneau 5" of "Juneau Tower")."""
    names = [_WORD.findall(re.sub(r"^\s*the\s+", "", n.strip(), flags=re.IGNORECASE)) for n in site_names]
    heads = [(words, _head(words)) for words in names if words]
    brands = {
        tuple(head) for words, head in heads if 0 < len(head) < len(words) and words[len(head)].lower() not in _BUILDINGS
    }
    phrases: set[str] = set()
    short: set[str] = set()
    buildings: set[str] = set()
    for words, head in heads:
        phrases.add(" ".join(words))
        if tuple(head) in brands:
            phrases.add(" ".join(head))
        elif 0 < len(head) < len(words) and words[len(head)].lower() in _BUILDINGS:
            buildings.add(" ".join(head))
        for brand in brands:
            if len(brand) < len(head) and tuple(head[: len(brand)]) == brand:
                short.add(" ".join(head[len(brand) :]))
    return _longest_first(phrases), _longest_first(short - phrases), _longest_first(buildings - phrases)


def _longest_first(items: set[str]) -> list[str]:
    return sorted(items, key=len, reverse=True)


class SiteNames:
    """Finds mentions of the organisation's sites in a text."""

    def __init__(self, site_names: Iterable[str] = ()) -> None:
        phrases, short, buildings = site_phrases(site_names)
        self.phrases, self.short_forms, self.buildings = tuple(phrases), tuple(short), tuple(buildings)
        self._pattern = _alternatives(self.phrases)
        self._short = _alternatives(self.short_forms)
        # "Juneau 5", "Balboa basement", "the Olmsted front desk", and a floor before it: "9 Catawba has 2 clean
        # beds", "3rd floor Beale".
        self._floor = _alternatives(self.buildings, after=rf"(?=\s*#?\d|\s+(?:{_BUILDING_PART})\b)")
        self._floor_first = _alternatives(self.buildings, before=r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:(?:floor|fl\.?)\s+)?")

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Where a site is named in ``text`` (start, end, how): by a full name or brand ("name"), by a building's
        first word next to a floor or a part of the building ("building"), or by a short form that no word making
        it someone's home comes before ("short": "transferred from Elko", not "lives in Elko")."""
        found = [(m.start(), m.end(), "name") for m in self._pattern.finditer(text)] if self._pattern else []
        found += [(m.start(), m.end(), "building") for p in (self._floor, self._floor_first) if p for m in p.finditer(text)]
        if self._short:
            found += [
                (m.start(), m.end(), "short") for m in self._short.finditer(text)
                if not HOME_CUE.search(text[max(0, m.start() - 60) : m.start()])
                and not _HOME_NEAR.search(text[max(0, m.start() - 40) : m.start()])
                and not _town_after_place_word(text, m.start(), m.end())
            ]
        return found

    def covers(self, spans: list[tuple[int, int, str]], start: int, end: int) -> bool:
        """Whether a span begins inside a site's full name ("Juneau Tower 6" is the tower's) or lies inside a short
        form ("Elko", but not "the Elko Colony")."""
        return any(s <= start < e and (how != "short" or end <= e) for s, e, how in spans)

    def inside(self, spans: list[tuple[int, int, str]], start: int, end: int) -> bool:
        """Whether ``start:end`` lies wholly inside a mention of a site ("Big Sioux" of "Big Sioux Tower")."""
        return any(s <= start and end <= e for s, e, _ in spans)

    def within(self, spans: list[tuple[int, int, str]], start: int, end: int) -> bool:
        """Whether a building is named by its floor or part inside ``start:end`` ("moved to 1530, Balboa 2 conf rm"):
        a brand inside an address stays part of it ("400 Lakeshore Dr")."""
        return any(start <= s and e <= end and how == "building" for s, e, how in spans)


def _town_after_place_word(text: str, start: int, end: int) -> bool:
    """Whether a short form at ``start:end`` is the town it is named after (see ``_PLACE_WORD_BEFORE``)."""
    return (
        _PLACE_WORD_BEFORE.search(text, max(0, start - 12), start) is not None
        and _HOSPITAL_PART_AFTER.match(text, end) is None
        and _BETWEEN_SITES_BEFORE.search(text, max(0, start - 50), start) is None
    )


def _alternatives(phrases: tuple[str, ...], after: str = "", before: str = "") -> re.Pattern[str] | None:
    """One pattern for all ``phrases``, each a whole word, with what must come ``before`` (part of the match) and
    ``after`` (a lookahead)."""
    if not phrases:
        return None
    alternatives = "|".join(_flexible(p) for p in phrases)
    return re.compile(before + r"(?<![\w\-])(?:" + alternatives + r")(?![\w\-])" + after, re.IGNORECASE)


def _flexible(phrase: str) -> str:
    """A phrase as a pattern that allows any spacing between its words."""
    return r"\s+".join(re.escape(word) for word in phrase.split())
