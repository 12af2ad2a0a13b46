"""Words at the edge of a found name or town that are no part of it, and holidays that are no one's name.

The name and place detectors, and the sequence model, sometimes take a neighbouring word into a span or take
a word of the calendar or the building for a name:

- a weekday written short ("Deming Fri", "Chaparral Tues", "Tues-Thurs"): the abbreviation is the
  calendar, and a span made only of it is dropped;
- a compass word after a floor number ("on 5 West", "charge on 5 South, Ben on 4N"): the unit, not a surname;
- a holiday ("Mardi Gras", "Martin Luther King Day", "Veterans Day (11/11)", "Lundi Gras"): a name found
  inside one is the holiday's.

:func:`trim` is applied to the spans of the name-like detectors only (a street address or a record number
keeps its edges); what remains, if it is made only of roster words, is a colleague and is dropped too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bedside.text.redaction.candidates import Candidate
from bedside.text.redaction.tokens import WORD

# Short weekdays that are never anyone's name here ("Sat", "Sun" and "Thu" are names, "Mon" a name and a valley: kept out).
_SHORT_WEEKDAYS = frozenset({"tue", "tues", "wed", "thur", "thurs", "fri"})
_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
_FLOOR_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+$")
_UNIT_COMMA_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:" + "|".join(sorted(_COMPASS)) + r"),\s*$", re.IGNORECASE)
_HOLIDAY = re.compile(
    r"\b(?:(?:Mardi|Lundi)\s+Gras|Fat\s+Tuesday|Ash\s+Wednesday|Good\s+Friday|(?:Easter|Palm)\s+Sunday|"
    r"Martin\s+Luther\s+King(?:,?\s+Jr\.?)?(?:'s)?\s+(?:Day|Birthday)|MLK\s+Day|"
    r"(?:Presidents|Memorial|Labou?r|Veterans|Columbus|Indigenous\s+Peoples|Independence|Thanksgiving|Christmas|"
    r"Election|Boxing|Patriots|Groundhog|Armistice|Remembrance|Family|Canada|Victoria|Flag)['’]?\s+Day|"
    r"(?:Mother|Father|Valentine|St\.?\s+Patrick|Saint\s+Patrick|New\s+Year)['’]?s\s+(?:Day|Eve)|"
    r"Christmas\s+Eve|Juneteenth|Cinco\s+de\s+Mayo|D[ií]a\s+de\s+(?:los\s+)?Muertos|Rosh\s+Hashanah|Yom\s+Kippur|"
    r"Hanukkah|Chanukah|Kwanzaa|Ramadan|Eid(?:\s+al[- ](?:Fitr|Adha))?|Diwali|Holi|Lunar\s+New\s+Year|"
    r"Chinese\s+New\s+Year|T[eế]t|Passover|Orthodox\s+(?:Christmas|Easter)|Super\s+Bowl(?:\s+Sunday)?)\b"
)


class Edges:
    """Trims calendar and unit words off name-like spans; knows the roster's words to drop what is left of staff."""

    def __init__(self, staff_names: Iterable[str] = ()) -> None:
        self._roster = frozenset(w.lower() for name in staff_names for w in WORD.findall(name))

    def holidays(self, text: str) -> list[tuple[int, int]]:
        """Where the message names a holiday."""
        return [(m.start(), m.end()) for m in _HOLIDAY.finditer(text)] if any(c.isupper() for c in text) else []

    def trim(self, text: str, cand: Candidate, holidays: list[tuple[int, int]]) -> Candidate | None:
        """The span without weekday and floor-compass words at its edges; None when nothing of a name is left."""
        if any(start <= cand.start and cand.end <= end for start, end in holidays):
            return None
        words = [(m.start() + cand.start, m.end() + cand.start, m.group().lower()) for m in WORD.finditer(text[cand.start : cand.end])]
        first, last = 0, len(words) - 1
        while first <= last and self._edge_word(text, words[first]):
            first += 1
        while last >= first and _weekday(words[last][2]):
            last -= 1
        if first > last:
            return None
        roster_only = all(w[2] in self._roster for w in words[first : last + 1])
        if roster_only and _UNIT_COMMA_BEFORE.search(text, max(0, words[first][0] - 14), words[first][0]):
            return None  # "charge on 5 South, Ben on 4N": no "Last, First"
        if first == 0 and last == len(words) - 1:
            return cand
        if roster_only:
            return None  # "5 South, Ben": the rest is a colleague
        return Candidate(cand.type, words[first][0], words[last][1], cand.detector, cand.reason)

    @staticmethod
    def _edge_word(text: str, word: tuple[int, int, str]) -> bool:
        start, _end, low = word
        return _weekday(low) or unit_compass(text, start, low)


def unit_compass(text: str, start: int, low: str) -> bool:
    """Whether the lower-cased word at ``start`` is a compass word naming a unit after its floor ("7 North")."""
    return low in _COMPASS and _FLOOR_BEFORE.search(text, max(0, start - 6), start) is not None


def _weekday(low: str) -> bool:
    """A short weekday or a range of them ("tues-thurs")."""
    return all(part in _SHORT_WEEKDAYS for part in low.split("-"))
