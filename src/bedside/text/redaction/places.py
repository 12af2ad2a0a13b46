"""Towns where a patient lives or comes from (Safe Harbor item 2: a city is a geographic unit smaller than a state).

A town is taken only after words that make it someone's home or origin ("lives in Kelso", "from Dothan",
"drove up from Waycross", "going home to Chelsea", "a shelter in Gadsden") and only when it is a US
town on the USPS list (``clinical_terms.us_places``) or a city abroad on the GeoNames list
(``clinical_terms.world_places``; after a weak cue only when it is no name at all), is followed by a state code ("Omak, WA") or, after a
strong cue, is one or two capitalised words that are not frequent English words ("lives in Reynosa"). A
following state code and ZIP code join the span ("Storm Lake 50588"). After a weak cue ("from", "in",
"near") a one-word town that is also a frequent word ("Hope", "Home"), a common first name ("Linda") or a
roster name is left alone: "a call from Linda" is a person, and names are the name detector's business.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bedside.text.redaction.addresses import FOOD_TALK, PLACE_TO_EAT_BEFORE, STATE_CODES
from bedside.text.redaction.candidates import Candidate, RedactionDetector
from bedside.text.redaction.clinical_terms import named_things, regions, us_places, world_places
from bedside.text.redaction.cues import RELATION_BRACKET_AFTER
from bedside.text.redaction.lexicon import census_lexicon
from bedside.text.redaction.ordinary import frequent_words
from bedside.text.redaction.standalone import clinical_words
from bedside.text.redaction.vocabulary import CALENDAR_WORDS

# Words before a town that make it where someone lives or comes from (also what keeps a site's short form a home
# in ``sites.py``: "lives in Elko", as opposed to "flight from Elko").
HOME_CUE = re.compile(
    r"\b(?:(?:lives?|living|resides?|residing|staying|stays|housed|placed|homeless)(?:\s+(?:alone|w/?\s*\w+|with\s+\w+|now))?"
    r"\s+(?:in|near|outside(?:\s+of)?|out\s+(?:by|near|in|past)|on\s+the)"
    r"|(?:is|are|was|were|originally|family|families|pt|patient|moved(?:\s+here)?|came|comes|come|coming|arriving|drove(?:\s+(?:up|down|in|over))?"
    r"|driving(?:\s+(?:up|down|in|over))?|(?:flew|flying|flown)(?:\s+(?:up|down|in|over))?|relocated|visiting)\s+from"
    r"|home\s+(?:to|in)|back\s+(?:home\s+)?(?:to|in)|(?:moved|moving|move|relocating|relocated)\s+(?:back\s+)?to|closer\s+to|ride\s+(?:home\s+)?to|farm\s+(?:outside|near)"
    r"|(?:house|apt|apartment|trailer|place|farm|ranch|walk-?up|condo|duplex|camper|rv)\s+(?:in|on|near|outside|at)|discharged\s+(?:home\s+)?to|d/c'?d?\s+(?:home\s+)?to"
    r"|shelter\s+in|cousin'?s\s+in|(?:sister|brother|daughter|son|mom|dad|mother|father|wife|husband|family|parents)\s+in|home\s+is(?:\s+in)?"
    r"|home\s*town:?|lives|resides)\s+$",
    re.IGNORECASE,
)
_WEAK_CUE = re.compile(r"\b(?:from|in|near|outside|around|of|(?:letter|mail|mailed|mailing)\s+to)\s+$", re.IGNORECASE)
# A weak cue after which a town that is also a common first name is still a town ("55M from Theodore", "yard in
# Lillian"), unless a word about people or messages comes just before "from" ("a call from Milton", "help from
# Grace"): "of" stays a person's ("son of Milton").
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_SURNAME_AFTER = re.compile(r"\s[A-Z][a-z]")
_PLACE_ONLY_CUE = re.compile(r"\b(?:in|near|outside|around)\s+$", re.IGNORECASE)
# Before "in", a service whose town it names, not anyone's home ("dialysis in Pierre", "ENT in Pierre", "conf in Rapid City").
_SERVICE_BEFORE_IN = re.compile(
    r"\b(?:dialysis|clinic|office|hospital|appt|appointment|surgery|rehab|mri|ct|ent|cardiology|cards|onc|oncology|infusion|"
    r"pharmacy|lab|labs|facility|snf|ltc|center|conf|conference|training|meeting|mtg|course|class|mbs|scan|er|ed)\b"
    r"(?:\s+\w+){0,2}\s+in\s+$",
    re.IGNORECASE,
)
_PERSON_BEFORE_FROM = re.compile(
    r"\b(?:call(?:s|ed)?|calling|message|msg|text(?:ed)?|page[ds]?|note|e-?mail|vm|voicemail|letter|card|flowers|gifts?|"
    r"update|report|word|heard|hear|help|ok|okay|approval|permission|consent|referral|orders?|visit|visitors?|request|"
    r"questions?|q|sign-?off|handoff|hand-?off|info|news|money|cover(?:age)?|relief)\b(?:\s+\w+){0,2}\s+from\s+$",
    re.IGNORECASE,
)
_TOWN_WORDS = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'.]+(?:(?:[ -]|\s(?:du|de|la|le|del|des|of)\s)[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'.]+){0,2}")
_STATE_AFTER = re.compile(rf",?\s(?:{STATE_CODES}|PR)\b(?:\s+\d{{5}}(?:-\d{{4}})?\b)?")
_ZIP_AFTER = re.compile(r",?\s\d{5}(?:-\d{4})?\b(?![-/.]\d)")
# State codes that, after a listed town with no cue, make it an address ("Hindman KY"); left out are those that are
# also clinical or everyday abbreviations ("Chloe, MD", "Stone, Rachel MD", "PA plate", "CT", "MS", "DC", "ID").
_PLAIN_STATE_AFTER = re.compile(r",?\s(?:AK|AZ|AR|CA|FL|GA|IA|IL|KS|KY|MI|MN|NH|NJ|NM|NV|NY|OH|TN|TX|VT|WA|WI|WV|WY)\b(?![-/.]\w)"
                                r"(?:\s+\d{5}(?:-\d{4})?\b)?")
COMMON_FIRST_NAME_RANK = 1000
# A run that starts with a courtesy title is a person ("family of Mr. Hill"), not a neighbourhood.
_TITLE_FIRST = re.compile(r"(?:Mr|Mrs|Ms|Mx|Miss|Dr|Sr|Sra|Srta|Mme|Mlle|Rev|Fr)\.?\s")
# Two capitalised words that name a neighbourhood even off the town list ("East Flatbush", "Borough Park").
_NEIGHBOURHOOD = re.compile(
    r"^(?:East|West|North|South|Upper|Lower|Old|New|Fort|Mount|Mt\.?|Port|Lake|Glen)\s|"
    r"\s(?:Park|Heights|Hill|Hills|Village|Beach|Springs|Falls|Valley|Harbor|Harbour|Point|Ridge|Grove|Bay|Landing)$"
)
# After a town's name, words that make it part of a facility's or a company's name ("Brookhaven SNF", "Rosedale
# colony", "Dodge City Feedyard").
_FACILITY_AFTER = re.compile(
    r"\s+(?:snf|nursing|rehab|colony|hospital|medical|memorial|regional|general|clinic|center|centre|health|house|"
    r"manor|village|gardens?|home|homes|terrace|place|commons|estates|care|living|shelter|ltc|alf|va|ihs|"
    r"farms?|dairy|feedyard|feedlot|packing|foods|lumber|trucking|construction|roofing|co|inc|llc)\b",
    re.IGNORECASE,
)


# After a name, words that make it a person's whatever comes before ("move to Ahmad MRN ...", "from the Marchand
# family"): no town.
PERSON_AFTER = re.compile(r"(?:['’]s\b|\s+(?:MRN|DOB|FIN|b\.\s*\d|(?i:family|fam|kids|household|born|dob)\b))")


# A name with one of these after it (or as its last word) is the hospital's own building or a facility elsewhere,
# not anyone's home: "the Cyr Pavilion", "Sierra tower", "Houlton Regional", "Fort Kent PD". A village's clinic
# stays ("f/u at Shishmaref clinic"): in a small place it says where the patient lives.
_HOSPITAL_PLACE_WORD = (
    r"(?:pavilion|tower|atrium|lobby|wing|stairwell|classroom|conf(?:erence)?|room(?!\s*#?\d)|garage|lot|"
    r"regional|draw\s+station|home\s+care|pd|police|airport|campus|entrance|cah|pharmacy|pharm|area\s+office)"
)
_HOSPITAL_PLACE_AFTER = re.compile(rf"\s+{_HOSPITAL_PLACE_WORD}\b", re.IGNORECASE)
_HOSPITAL_PLACE_LAST = re.compile(rf"\s{_HOSPITAL_PLACE_WORD}$", re.IGNORECASE)
_PERSON_BEFORE = re.compile(r"\b(?:pt|patient|mr|mrs|ms|miss)\.?\s+$", re.IGNORECASE)
# A chain store before a town names its branch ("Walmart Presque Isle", "CVS Caribou").
_CHAINS = r"(?:cvs|walgreens|walmart|wal-mart|rite\s+aid|kroger|costco|target|safeway|publix|heb|h-e-b)"
_BRANCH_BEFORE = re.compile(rf"\b{_CHAINS}\s+$", re.IGNORECASE)
_BRANCH_FIRST = re.compile(rf"{_CHAINS}\s", re.IGNORECASE)


def hospital_place(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is a building, a facility or a chain store's branch, not a home
    (a listed town ending in a building word stays a town: "Red Wing")."""
    if _PERSON_BEFORE.search(text, max(0, start - 10), start):
        return False  # "pt Nou Xiong pharmacy contact": a patient's name, then what the message is about
    return (
        _HOSPITAL_PLACE_AFTER.match(text, end) is not None
        or (_HOSPITAL_PLACE_LAST.search(text, start, end) is not None and text[start:end].lower() not in us_places())
        or _BRANCH_BEFORE.search(text, max(0, start - 15), start) is not None
        or _BRANCH_FIRST.match(text, start, end) is not None
    )


class PlaceDetector(RedactionDetector):
    """ADDRESS spans for a town (and its state and ZIP) after a cue that makes it someone's home or origin."""

    name = "places"

    def __init__(self, staff_names: Iterable[str] = ()) -> None:
        self._places = us_places()
        self._world = world_places()
        # Clinical words without the drug list: a town after "from" is no drug ("Fargo" is also a brand name).
        self._clinical = clinical_words(drugs=False) | named_things()
        self._regions = regions()
        self._frequent = frequent_words()
        self._lex = census_lexicon()
        self._staff = frozenset(w.lower() for name in staff_names for w in name.split())

    def detect(self, text: str) -> list[Candidate]:
        found: list[Candidate] = []
        for m in _TOWN_WORDS.finditer(text):
            before = text[max(0, m.start() - 60) : m.start()]
            strong = HOME_CUE.search(before) is not None
            if not strong and not _WEAK_CUE.search(before):
                found.extend(self._town_with_zip(text, m))
                continue
            if _TITLE_FIRST.match(m.group(0)):
                continue
            end = self._town_end(text, m.start(), m.group(0), strong)
            if end is None or _FACILITY_AFTER.match(text, end) or PERSON_AFTER.match(text, end) or RELATION_BRACKET_AFTER.match(text, end) or (
                PLACE_TO_EAT_BEFORE.search(before) and FOOD_TALK.search(text)
            ):
                continue
            state = _STATE_AFTER.match(text, end) or _ZIP_AFTER.match(text, end)
            if state:
                end = state.end()
            found.append(Candidate("ADDRESS", m.start(), end, self.name, "A town where someone lives or comes from."))
        return found

    def _town_with_zip(self, text: str, m: re.Match[str]) -> list[Candidate]:
        """A listed US town with no cue, kept when a ZIP code or a state code follows it ("Winton 95388", "Storm
        Lake, 50588", "addr Hindman KY")."""
        parts = re.split(r"(?<=\S)(?=[ -])", m.group(0))
        for k in range(len(parts), 0, -1):
            town = "".join(parts[:k])
            low = town.lower()
            if low not in self._places:
                continue
            after = _ZIP_AFTER.match(text, m.start() + len(town))
            if after:  # a ZIP code makes even a clinical word a town ("Milwaukee 53215")
                return [Candidate("ADDRESS", m.start(), after.end(), self.name, "A town followed by its ZIP code.")]
            after = _PLAIN_STATE_AFTER.match(text, m.start() + len(town))
            if after and low not in self._clinical and not (k == 1 and (low in self._staff or low in self._lex.first_names)):
                return [Candidate("ADDRESS", m.start(), after.end(), self.name, "A town followed by its state's code.")]
        return []

    @staticmethod
    def _place_cue(text: str, start: int, end: int) -> bool:
        """Whether a listed town that is also a first name reads as a place here: after "in" or "near", or after
        "from" with no word about people or messages before it, and with no capitalised surname after it."""
        before = text[max(0, start - 40) : start]
        if _SURNAME_AFTER.match(text, end):
            return False  # "from Milton Barnes" is a person
        if _PLACE_ONLY_CUE.search(before):
            return not _SERVICE_BEFORE_IN.search(before)
        return _FROM_BEFORE.search(before) is not None and not _PERSON_BEFORE_FROM.search(before)

    def _town_end(self, text: str, start: int, words: str, strong: bool) -> int | None:
        """The end of the longest run of words from ``start`` that is a town, or None."""
        parts = re.split(r"(?<=\S)(?=[ -])", words)
        for k in range(len(parts), 0, -1):
            candidate = "".join(parts[:k])
            low = candidate.lower().rstrip(".")
            end = start + len(candidate.rstrip("."))
            # A city abroad after a weak cue must be no name at all ("from Caracas", but not "a call from Victoria").
            listed = low in self._places or (
                low in self._world and (strong or not any(self._lex.is_name(w) or w in self._lex.world_all for w in low.split()))
            )
            state_after = _STATE_AFTER.match(text, end) is not None
            # A listed town that is also a clinical word stands after a strong cue or before its state ("lives in
            # Tunica", "from Palatine", "from Tunica MS").
            clinical = low in self._clinical and not ((strong or state_after) and low in self._places)
            # After a strong cue, a town off the US list may stand ("lives in Reynosa", "home to Las Milpas").
            unlisted_ok = (strong and k <= 2 and not any(w in self._frequent for w in low.split())) or (
                k == 2 and _NEIGHBOURHOOD.search(candidate) is not None
            )
            town_words = low.split()
            # A staff name is no town ("from Hannah"), but a town may end in a staff surname ("Hunting Park").
            if not (listed or state_after or unlisted_ok) or clinical or low in CALENDAR_WORDS or (
                low in self._regions and not state_after  # a state or a country is no town ("flew in from Arizona")
            ) or (
                town_words[0] in self._staff and not (listed and k >= 2)  # "Marcus Hook" is a town, "Marcus Bell" staff
            ):
                continue
            if k == 1 and not strong and not state_after and (
                low in self._frequent or (self._lex.first_names.get(low, COMMON_FIRST_NAME_RANK + 1) <= COMMON_FIRST_NAME_RANK
                                          and not self._place_cue(text, start, end))
            ):
                return None
            return end
        return None
