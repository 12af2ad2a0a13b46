"""Words at the edge of a found name or town that are no part of it, and holidays that are no one's name.

The name and place detectors, and the sequence model, sometimes take a neighbouring word into a span or take
a word of the calendar or the building for a name:

- a weekday written short ("Deming Fri", "Chaparral Tues", "Tues-Thurs"): the abbreviation is the
  calendar, and a span made only of it is dropped;
- a name with "area" or "county" after it, or "Co" as its last word, is a place ("Kingman area", "McDowell Co"), and so
  is a word only the name scorer took for a name that is a listed town and no common name, after "of", "from" or
  "in" ("a letter from pt X of Eudora");
- a compass word after a floor number ("on 5 West", "charge on 5 South, Ben on 4N", "5 Oeste"): the unit, not a
  surname;
- a holiday ("Mardi Gras", "Martin Luther King Day", "Veterans Day (11/11)", "Lundi Gras"): a name found
  inside one is the holiday's;
- a country or a state taken for a name ("daughter in Germany wants updates") or a town ("visiting from Bosnia"):
  Safe Harbor keeps them, so a name span made only of one is dropped, unless a title stands before it or it is a
  common first name or surname ("Mrs. Kenya", "Georgia in 12", "who is covering Washington"), and a town span
  unless it is a US town too ("lives in Lebanon");
- a five-digit number right after a found town or county is its ZIP code ("from Greenup County 41144", "in Roseburg
  (97471)"), and a listed town after a found town and "to", or after a found person and "of", is a town ("moved from
  Tunnel Hill to Chatsworth", "Patricia DeGroot of De Pere"; ``after_places``);
- a one-word town right before a comma and a found first name is a chart's "Last, First" ("on Wolde, Tsehay"), and
  is joined to it (``last_first``);
- a nickname right before a found name in brackets ("Sunny (Sun-hee Choi) in 33", "Bubba (Tull, Herman) in 12")
  is the same person's name, and is added (``nicknames``);
- a staff role in brackets right after a name ("Brown (RT) is covering the vents", "Hunter (travel RN)"), a department
  ("Hunter from IT") or a new hire's role ("Faith is the new grad"): a colleague who is not on the roster, unless a
  title or a patient word stands before the name;
- a colour ("hunter green scrubs"), a verb written with an apostrophe ("dc'ing Ethel"), a month and its day ("out Dec 1-5"), and a hyphenated word with a function word or a prefix in it, or made of
  frequent words in lower case ("RN-to-RN", "anti-Kell", "short-term"): no one's name;
- a company or a thing, not a person: a word before "rep" ("Abbott rep bringing cartridges", "the Medtronic rep"),
  one capitalised word after an insurance label ("ins Fidelis member id", "Ins: Molina Apple Health"), a word of
  the eponym list between a determiner and the thing it names ("the Kelly clamps", "a new Swan placed"; not
  "Claude signs").

:func:`trim` is applied to the spans of the name-like detectors only (a street address or a record number
keeps its edges); what remains, if it is made only of roster words, is a colleague and is dropped too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bedside.text.redaction.candidates import Candidate
from bedside.text.redaction.clinical_terms import named_things, regions, us_places
from bedside.text.redaction.lexicon import census_lexicon
from bedside.text.redaction.ordinary import frequent_words
from bedside.text.redaction.places import COMMON_FIRST_NAME_RANK
from bedside.text.redaction.standalone import EPONYM_AFTER, never_a_name, shared_word_sets
from bedside.text.redaction.tokens import WORD, Token
from bedside.text.redaction.vocabulary import CALENDAR_WORDS, FUNCTION_WORDS

# Short weekdays that are never anyone's name here ("Sat", "Sun" and "Thu" are names, "Mon" a name and a valley: kept out).
_SHORT_WEEKDAYS = frozenset({"tue", "tues", "wed", "thur", "thurs", "fri"})
# After a name or as its last word, words that make it a place ("Kingman area", "McDowell Co").
_AREA_AFTER = re.compile(r"\s+(?:area|county|parish|twp|township)\b", re.IGNORECASE)
_COUNTY_LAST = re.compile(r"^[\w'’-]+\s(?:Co\.?|County|Parish|Twp)$")  # one word before it: "Sweetwater Trona Co" is a company
_WEEKDAYS = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?", re.IGNORECASE)
_COMPASS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "norte", "sur", "este", "oeste"}
)
_COMMON_SURNAME_RANK = 2000
_NAME_LIKE = frozenset({"names", "places", "sequence-model"})
_SCORER = "The name scorer"
_FROM_BEFORE = re.compile(r"\b(?:of|from|in|near|outside)\s+$")
# After a month taken for a name: its day ("out Dec 1-5"), not an age and sex ("June 82F").
_TOWN_AFTER = re.compile(r"\s+(?P<word>to|of)\s+(?P<town>(?:St\.?\s)?[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b(?![ -][A-Z])")
_ZIP_AFTER = re.compile(r"(?:,\s?|\s|\s?\(\s?)(?P<zip>\d{5})(?:-\d{4})?(?![\w/.:,-]\d|\w)")
_DAY_AFTER = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:[MF]\b|y/?o\b|yo\b))")
_PREFIXES = frozenset({"anti", "non", "pre", "post", "tele", "wi", "self", "multi", "semi", "sub", "pro", "co", "ex", "re"})
_TITLE_BEFORE = re.compile(r"\b(?:mr|mrs|ms|miss|mx)\.?\s+$", re.IGNORECASE)
_PATIENT_WORD_BEFORE = re.compile(r"\b(?:pt|pts|patient|patients|mr|mrs|ms|miss|mx)\.?:?\s+$", re.IGNORECASE)
_ROLE_IN_BRACKETS = re.compile(
    r"\s*\((?:the\s+|our\s+)?(?:new\s+)?(?:travel(?:er|ing)?\s+|(?i:charge\s+))?(?:(?:RT|RRT|RN|LPN|CNA|NP|PA|PA-C|MD|OT|SLP|SW|CM|PharmD|RD|EMT|"
    r"CRNA|APRN|CRNP|PCT|LCSW|MSW)|(?i:tech|charge|pharmacist|resident|intern|fellow|attending|nurse|travell?ers?|"
    r"chaplain|interpreter|transport|security|registration|scheduler|unit clerk|clerk|secretary|anesthesia|"
    r"social work(?:er)?|case manager|staffing|IT|float(?: pool)?))\)"
)
# A colleague's department or a new hire's role after a name ("Hunter from IT will fix the badge readers", "Faith is the new
# grad on nights").
_COLLEAGUE_AFTER = re.compile(
    r"\s+(?:from\s+(?:IT|PT|OT|RT|HR|EVS|(?i:biomed|transport|pharmacy|registration|dietary|housekeeping|facilities|"
    r"payroll|staffing|infection\s+control|education))\b(?!['’])|is\s+(?:the|our|a)\s+new\s+(?i:grad|nurse|rn|tech|resident|intern|np|cna|hire|"
    r"traveler|unit\s+clerk|charge))"
    # "Rose and Hunter both called out sick", "Hunter and Faith (the new grads) start monday"
    r"|(?:\s+and\s+[A-Z][a-z]+)?(?:\s+(?:both\s+)?called\s+(?:out|in\s+sick)\b|\s*\((?i:the\s+)?new\s+(?i:grads?|hires?|rns?|cnas?|techs?|nurses?)\))"
)
# A colour named after a person's word ("hunter green scrubs"), and a verb written with an apostrophe ("dc'ing", "ok'd").
_COLOUR_FIRST = frozenset({"hunter", "kelly", "forest"})
_COLOUR = re.compile(r"(?:hunter|kelly|forest)\s+green$")
_GREEN_AFTER = re.compile(r"\s+green\b", re.IGNORECASE)
_VERB_ENDING = re.compile(r"[a-z]['’](?:ing|d|ed)$")
_COMPANY_AFTER = re.compile(r"\s+(?:reps?|representatives?|sales)\b", re.IGNORECASE)
# A capitalised word (or one in capitals) and an opening bracket, right before a found name.
_NICKNAME_BEFORE = re.compile(r"(?:^|(?<=[\s:;,.]))(?P<nick>[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)?)\s*\(\s*$")
# "Bubba in 7 (real name Alphonse Hebert)": a name with its room before the bracket that gives the real name.
_REAL_NAME_BEFORE = re.compile(
    r"(?:^|(?<=[\s:;,.]))(?P<nick>[A-Z][\w'’]*)(?:\s+(?:in|rm|bed)\s*\d{1,4}[A-Za-z]?)?\s*\(\s*(?:real|legal|full|given)\s+name\s*(?:is\s*)?:?\s*$"
)
# A nickname in quotes in brackets right after a name ("LaFountain, Marie ("Sissy")").
_QUOTED_NICKNAME_AFTER = re.compile(r"\s*\(\s*[\"“'‘](?P<nick>[A-Z][\w'’\-]{1,20})[\"”'’]\s*\)")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|new|old|our)\s+$", re.IGNORECASE)
_INSURANCE_BEFORE = re.compile(r"\b(?:ins|insurance|insurer|payer|payor|carrier)\b\s*[:\-]?\s*$", re.IGNORECASE)
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
        self._eponyms = named_things()
        self._clinical = shared_word_sets()[2]

    def holidays(self, text: str) -> list[tuple[int, int]]:
        """Where the message names a holiday."""
        return [(m.start(), m.end()) for m in _HOLIDAY.finditer(text)] if any(c.isupper() for c in text) else []

    def trim(self, text: str, cand: Candidate, holidays: list[tuple[int, int]]) -> Candidate | None:
        """The span without weekday and floor-compass words at its edges; None when nothing of a name is left."""
        if any(start <= cand.start and cand.end <= end for start, end in holidays) or self._region(text, cand):
            return None
        if cand.type == "PATIENT" and self._not_a_patient(text, cand):
            return None
        if cand.type == "ADDRESS" and _WEEKDAYS.fullmatch(text, cand.start, cand.end):
            return None  # "moved to Thursdays": the calendar
        if cand.type == "PATIENT" and (_AREA_AFTER.match(text, cand.end) or _COUNTY_LAST.search(text[cand.start : cand.end])):
            cand = Candidate("ADDRESS", cand.start, cand.end, cand.detector, f"{cand.reason} Typed ADDRESS: a place word follows.")
        elif cand.type == "PATIENT" and cand.reason.startswith(_SCORER) and _town_no_name(text[cand.start : cand.end].lower()) \
                and _FROM_BEFORE.search(text, max(0, cand.start - 8), cand.start):
            cand = Candidate("ADDRESS", cand.start, cand.end, cand.detector, f"{cand.reason} Typed ADDRESS: a listed town and no common name.")
        words = [(m.start() + cand.start, m.end() + cand.start, m.group().lower()) for m in WORD.finditer(text[cand.start : cand.end])]
        first, last = 0, len(words) - 1
        while first <= last and self._edge_word(text, words[first]):
            first += 1
        while last >= first and (_weekday(words[last][2]) or (words[last][2] in CALENDAR_WORDS and _DAY_AFTER.match(text, words[last][1]))):
            last -= 1  # "Deming Fri", "flying in from Houston Nov 9"
        if first > last:
            return None
        roster_only = all(w[2] in self._roster for w in words[first : last + 1])
        if roster_only and _UNIT_COMMA_BEFORE.search(text, max(0, words[first][0] - 14), words[first][0]):
            return None  # "charge on 5 South, Ben on 4N": no "Last, First"
        if first == 0 and last == len(words) - 1:
            return cand
        if roster_only:
            return None  # "5 South, Ben": the rest is a colleague
        trimmed = Candidate(cand.type, words[first][0], words[last][1], cand.detector, cand.reason)
        return None if self._region(text, trimmed) else trimmed  # "from Haiti Nov 9": the country that is left

    def _region(self, text: str, cand: Candidate) -> bool:
        """A name span that is only a country or a state, with no title before it and no common name ("Washington")."""
        low = text[cand.start : cand.end].lower()
        if cand.type == "ADDRESS":
            return low in _regions_no_name() and low not in us_places()  # "visiting from Bosnia"; not "lives in Lebanon"
        return (
            cand.type == "PATIENT" and low in _regions_no_name()
            and _TITLE_BEFORE.search(text, max(0, cand.start - 6), cand.start) is None
        )

    def nicknames(self, text: str, kept: list[Candidate]) -> list[Candidate]:
        """``kept`` with the nicknames written right before a found name in brackets ("Sunny (Sun-hee Choi)", "Bubba in 7
        (real name Alphonse Hebert)") or quoted in brackets right after it ("LaFountain, Marie ("Sissy")")."""
        if "(" not in text:
            return kept
        added: list[Candidate] = []
        for cand in kept:
            if cand.type != "PATIENT":
                continue
            before = _NICKNAME_BEFORE.search(text, max(0, cand.start - 30), cand.start) or _REAL_NAME_BEFORE.search(
                text, max(0, cand.start - 45), cand.start
            )
            for m, reason in ((before, "A nickname written before the name it stands for."),
                              (_QUOTED_NICKNAME_AFTER.match(text, cand.end), "A nickname quoted after the name.")):
                if m is not None and self._nickname_ok(m.group("nick")) and not any(
                    c.start <= m.start("nick") < c.end for c in kept + added
                ):
                    added.append(Candidate("PATIENT", m.start("nick"), m.end("nick"), cand.detector, reason))
        return sorted(kept + added, key=lambda c: c.start) if added else kept

    def _nickname_ok(self, nick: str) -> bool:
        tok = Token(0, len(nick), nick, nick.lower(), True, nick.isupper() and len(nick) > 1)
        return not (never_a_name(tok) or nick.lower() in self._clinical or nick.lower() in self._roster)

    @staticmethod
    def last_first(text: str, kept: list[Candidate]) -> list[Candidate]:
        """``kept`` with a one-word "town" right before a comma and a found first name joined to it as one name: a
        chart's "Last, First" after a preposition ("mass on Wolde, Tsehay", "ROI request from Cortez, Alma DOB")."""
        out: list[Candidate] = []
        for cand in kept:
            prev = out[-1] if out else None
            if (
                prev is not None and prev.type == "ADDRESS" and cand.type == "PATIENT" and prev.detector in _NAME_LIKE
                and text[prev.end : cand.start] in (",", ", ") and WORD.fullmatch(text, prev.start, prev.end) is not None
                and WORD.fullmatch(text, cand.start, cand.end) is not None and _first_or_unlisted(text[cand.start : cand.end].lower())
            ):
                out[-1] = Candidate("PATIENT", prev.start, cand.end, cand.detector, "A surname, a comma and a first name: a chart's name, not a town.")
            else:
                out.append(cand)
        return out

    @staticmethod
    def after_places(text: str, kept: list[Candidate]) -> list[Candidate]:
        """``kept`` with what a found town or person says about the words after it: a five-digit number right after a
        town or county is its ZIP code ("from Greenup County 41144", "in Roseburg (97471)"); a listed US town after
        a found town and "to" is a town too ("moved from Tunnel Hill to Chatsworth"), and so is one after a found
        person and "of" ("a letter from Patricia DeGroot of De Pere")."""
        added: list[Candidate] = []
        for cand in kept:
            m = _ZIP_AFTER.match(text, cand.end) if cand.type == "ADDRESS" else None
            if m is not None:
                added.append(Candidate("ZIP", m.start("zip"), m.end("zip"), cand.detector, "A five-digit ZIP code right after a town."))
            m = _TOWN_AFTER.match(text, cand.end)
            if m is not None and (m.group("word") == "to") == (cand.type == "ADDRESS") and cand.type in ("ADDRESS", "PATIENT") \
                    and _listed_town(m.group("town")):
                added.append(Candidate("ADDRESS", m.start("town"), m.end("town"), cand.detector,
                                       f"A listed town after a found {'town' if cand.type == 'ADDRESS' else 'person'} and '{m.group('word')}'."))
        if not added:
            return kept
        # A new span replaces a found one on the same words ("of [PATIENT De Pere]"); otherwise it only fills a gap.
        replaced = {id(c) for c in kept for a in added if (c.start, c.end) == (a.start, a.end) and c.type == "PATIENT"}
        kept = [c for c in kept if id(c) not in replaced]
        added = [a for a in added if not any(c.start < a.end and a.start < c.end for c in kept)]
        return sorted(kept + added, key=lambda c: c.start)

    def _not_a_patient(self, text: str, cand: Candidate) -> bool:
        """A colleague named with a role in brackets, a company (a rep's, an insurer) or an eponym's thing."""
        if _PATIENT_WORD_BEFORE.search(text, max(0, cand.start - 10), cand.start):
            return False
        if _ROLE_IN_BRACKETS.match(text, cand.end) or _COMPANY_AFTER.match(text, cand.end) or _COLLEAGUE_AFTER.match(text, cand.end):
            return True
        low = text[cand.start : cand.end].lower()
        if _COLOUR.match(low) or (low in _COLOUR_FIRST and _GREEN_AFTER.match(text, cand.end)) or _VERB_ENDING.search(low):
            return True  # "hunter green scrubs", "dc'ing Ethel Merrill", "ok'd w/ wheelchair"
        if WORD.fullmatch(text, cand.start, cand.end) is None:
            return False
        if low in CALENDAR_WORDS and _DAY_AFTER.match(text, cand.end):
            return True  # "Dr. Kim is out Dec 1-5": a month with its day
        if "-" in low and _compound(low, text[cand.start : cand.end].islower()):
            return True  # "short-term", "tele-visit", "RN-to-RN", "anti-Kell", "Wi-fi"
        return _INSURANCE_BEFORE.search(text, max(0, cand.start - 14), cand.start) is not None or (
            text[cand.start : cand.end].lower() in self._eponyms and EPONYM_AFTER.match(text, cand.end) is not None
            and _DETERMINER_BEFORE.search(text, max(0, cand.start - 8), cand.start) is not None
        )

    @staticmethod
    def _edge_word(text: str, word: tuple[int, int, str]) -> bool:
        start, _end, low = word
        return _weekday(low) or unit_compass(text, start, low)


def _listed_town(surface: str) -> bool:
    """A US town ("De Pere", "Soddy-Daisy") whose words are no common first name."""
    low = surface.lower().replace("-", " ")
    return any(_town_no_name(form) for form in (low, re.sub(r"^st\.?\s", "saint ", low), low.replace(".", "")))


def _first_or_unlisted(low: str) -> bool:
    """A first name, or a word in no Census list ("tsehay"); not a surname alone ("out by Sonoita, Whitcomb will")."""
    lexicon = census_lexicon()
    return low in lexicon.first_names or low not in lexicon.last_names


def _town_no_name(low: str) -> bool:
    """A US town that is no common first name or surname ("ogallala", "eudora"; not "helena")."""
    return low in us_places() and not _common_name(low)


def _common_name(low: str) -> bool:
    """Among the commonest Census first names or surnames."""
    lexicon = census_lexicon()
    return (
        lexicon.first_names.get(low, COMMON_FIRST_NAME_RANK + 1) <= COMMON_FIRST_NAME_RANK
        or lexicon.last_names.get(low, _COMMON_SURNAME_RANK + 1) <= _COMMON_SURNAME_RANK
    )


@lru_cache(maxsize=1)
def _regions_no_name() -> frozenset[str]:
    """Countries and states that are not also a common first name or surname ("germany", not "washington")."""
    short = {low.split(" and ")[0] for low in regions() if " and " in low and "," not in low}  # "bosnia"
    return frozenset(low for low in regions() | short if not _common_name(low))


def _compound(low: str, lower_case: bool) -> bool:
    """A hyphenated word that is no name: a part is a function word or a prefix ("rn-to-rn", "anti-kell"), or, written in
    lower case, every part is a frequent word ("short-term")."""
    parts = [p for p in low.split("-") if p]
    if any(p in FUNCTION_WORDS or p in _PREFIXES for p in parts):
        return True
    return lower_case and all(len(p) > 2 and p in frequent_words() for p in parts)


def unit_compass(text: str, start: int, low: str) -> bool:
    """Whether the lower-cased word at ``start`` is a compass word naming a unit after its floor ("7 North")."""
    return low in _COMPASS and _FLOOR_BEFORE.search(text, max(0, start - 6), start) is not None


def _weekday(low: str) -> bool:
    """A short weekday or a range of them ("tues-thurs")."""
    return all(part in _SHORT_WEEKDAYS for part in low.split("-"))
