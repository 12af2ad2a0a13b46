"""Street addresses, PO boxes and ZIP codes (Safe Harbor item 2: geographic units smaller than a state).

A candidate starts at a house number followed by capitalised words and a street suffix, or after an
address cue ("lives at", "address:", "home at"). ``usaddress`` (a CRF address parser) then tags the
words that follow, so the span grows over unit, city, state and ZIP only as far as they really
are parts of the address.
"""

from __future__ import annotations

import re

import usaddress

from bedside.text.redaction.candidates import Candidate, RedactionDetector
from bedside.text.redaction.clinical_terms import drug_names, medical_words, us_places
from bedside.text.redaction.employers import WORK_CUE_BEFORE
from bedside.text.redaction.lexicon import census_lexicon
from bedside.text.redaction.ordinary import frequent_words, ordinary_words
from bedside.text.redaction.vocabulary import CALENDAR_WORDS, FUNCTION_WORDS

_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|"
    r"Circle|Cir|Highway|Hwy|Parkway|Pkwy|Trail|Trl|Square|Sq|Loop|Row|Pike|Alley|Crescent|Close)"
)
_STREET = re.compile(
    rf"(?<![\w/.\-])\d{{1,6}}(?:-\d{{1,4}})?[A-Za-z]?\s+(?:[NSEW]{{1,2}}\.?\s+|North\s+|South\s+|East\s+|West\s+)?"
    rf"(?:(?:[A-Z][a-z]+|\d{{1,3}}(?:st|nd|rd|th))\s+){{1,3}}{_SUFFIX}\b\.?"
)
# A house number on a numbered highway or a lettered avenue ("2344 Hwy 1", "322 Ave D").
_HIGHWAY_HOUSE = re.compile(
    r"(?<![\w/.\-])\d{1,6}\s+(?:(?:Hwy|Highway|Route|Rt|Rte|CR|SR|FM|County\s+Road|State\s+Route)\s+\d{1,4}[A-Z]?|(?:Ave|Avenue)\s+[A-Z])\b"
)
_PO_BOX = re.compile(
    r"\b(?:P\.?\s?O\.?|(?:HC|HCR|RR|Rt|Rte|Route|Rural\s+Route)\s*\d+)\s+Box\s+\d+\b|\b\d{1,5}\s+Rural\s+Route\s+\d+\b", re.IGNORECASE
)
_SUFFIX_ONLY = re.compile(_SUFFIX + r"\.?")
# A street named without a house number, after a word that places someone on it ("lives on Knickerbocker Ave",
# "the shelter on Atlantic Ave", "an RV park off Bus 83", "from Alter St") or after a chain pharmacy ("CVS Cottman Ave").
_NAMED_STREET = re.compile(
    rf"\b(?:on|off|at|from|by|near|CVS|Walgreens|Rite\s+Aid)\s+(?:the\s+)?(?P<value>(?:[A-Z][a-z]+\s+){{1,3}}{_SUFFIX}\b\.?|(?:Bus(?:iness)?|Hwy|Highway|Route|Rte|Rt|SR|CR|US|FM|State\s+Route|County\s+Road)\s+\d{{1,4}}\b)"
)
# "Worth County", "Jefferson Parish", "Hazle Township", "Tulsa Co.": a county or township is smaller than a state.
_COUNTY = re.compile(
    r"\b(?P<value>(?:St\.\s+)?(?:[A-Z][a-z]+\s+){1,2}(?:County|Parish|Borough|Township|Twp)\b"
    r"(?:\s+(?:Jail|Detention\s+Center|Sheriff(?:'s\s+Office)?|Courthouse|Fairgrounds)\b)?|"
    r"(?<=\b(?:in|of|to)\s)[A-Z][a-z]+\s+Co\b|(?<=\bfrom\s)[A-Z][a-z]+\s+Co\b)"
)
# After a county, words that make it a health system's name ("Cook County Health", "Harris County Hospital District").
_COUNTY_SYSTEM_AFTER = re.compile(r"\s+(?:Health|Hospital|Medical|General|Regional|Memorial|Clinic|EMS|Public\s+Health)\b", re.IGNORECASE)
# "outside the Wawa on Aramingo", "at the Kroger on E Main", "the QuikTrip on 39th and Main", "pharmacy is Hy-Vee on
# Cornhusker": a named business placed
# by its street, where someone was found, works or stays. The street is the identifier.
_BUSINESS_ON_STREET = re.compile(
    r"\b(?:at|outside|near|behind|across\s+from|(?:from|to)\s+the|(?i:pharmacy|pharm)\s*(?:is|=|:))\s+(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){1,3}on\s+"
    rf"(?P<value>(?:(?P<dir>[NSEW]\.?)\s+)?(?P<first>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|\d{{1,3}}(?:st|nd|rd|th)(?=\s+(?:and|&|{_SUFFIX})\b))"
    rf"(?:\s+(?:and|&)\s+(?:[A-Z][a-z]+|\d{{1,3}}(?:st|nd|rd|th)))?(?P<suffix>\s+{_SUFFIX}\b\.?)?)"
)
_FIRST_NAME_AFTER = re.compile(r",\s*[A-Z][a-z]+")
# "from Prince of Peace memory care", "Golden Pines nursing home": a named residence of care is where someone lives.
_CARE_HOME = re.compile(
    r"\b(?:at|from|to|in)\s+(?:the\s+)?(?P<value>[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3})\s+"
    r"(?i:memory\s+care|nursing\s+home|assisted\s+living|group\s+home|adult\s+(?:foster|family)\s+home|extended\s+care|"
    r"skilled\s+nursing|care\s+center|living\s+center|retirement\s+(?:home|community)|senior\s+living)\b"
)
# A school named with its kind ("nurse at Farwell Elementary", "cut at LBJ High", "Zapata Elementary School"): where a
# child spends the day. A bare "High" or "Middle" needs a name before it that is no everyday word ("Critical High").
_SCHOOL = re.compile(
    r"\b(?P<value>(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3})"
    r"(?:(?P<kind>Elementary|Primary|Intermediate|Middle|High|Junior\s+High)(?:\s+School)?|School)\b)"
)
# Where someone stays, named with its kind after a living word ("staying at Journey's End resettlement housing",
# "lives at the Hotel Niagara", "sleeps under the Claiborne overpass"): a hotel named without such a word may be anyone's.
_STAYS_AT = re.compile(
    r"\b(?i:lives|living|live|staying|stays|stay|resides|residing|lodging|housed|sleeps|sleeping|camps|camping)\s+"
    r"(?i:at|in|under|near|behind|by)\s+(?i:the\s+)?"
    r"(?P<value>(?i:hotel|motel|inn)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}|"
    r"[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3}\s+(?i:hotel|motel|inn|shelter|mission|apartments|apts|"
    r"(?:[a-z]+\s+)?housing|halfway\s+house|sober\s+living|trailer\s+park|mobile\s+home\s+park|rv\s+park|"
    r"campground|extended\s+stay|overpass|underpass|bridge|viaduct|camp|encampment))\b"
)
# "3318 S. Herman St 53207", "Lincoln Ave Apt 3, 53215": five digits right after a street suffix or an apartment.
_ZIP_AFTER_STREET = re.compile(
    rf"\b(?:{_SUFFIX}\.?|(?:apt|unit|ste|suite)\.?\s*#?\w{{1,5}})(?:,?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?,?\s+(?P<value>\d{{5}}(?:-\d{{4}})?)(?![\w\-/.:])"
)
# An apartment or unit in the same clause after a found address ("Cedar Crest Apts apt 14B", "the Sunset Apts on 34th &
# Slide, apt #12").
_UNIT_AFTER = re.compile(
    r"(?:[\s,]+(?:on|off|at)\s+[^,.;\n]{1,25})?[\s,]+(?P<value>(?i:apt|apartment|unit|ste|suite)\.?\s*#?\s*[A-Za-z]?\d{1,5}[A-Za-z]?|#\s?\d{1,5}[A-Za-z]?)\b"
)
# A listed town after a street or an apartment and a comma ("shelter on Main St, Middletown", "Lakeside Pointe Apts
# #214, Speedway"; not "Gordon Pike, Emily Pike's").
_COMMON_FIRST_RANK = 1000
_TOWN_AFTER_STREET = re.compile(
    rf"(?:\b{_SUFFIX}\.?|\b(?i:(?:apts?|apartments)(?:\s*#\s?\d{{1,5}}[A-Za-z]?)?|apt\.?\s*#?\s*\w{{1,5}}|unit\s*#?\s*\w{{1,5}})),\s+(?P<value>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
)
# A street corner where someone lives or was found ("lives near 38th and Post", "on 34th & Slide").
_CORNER = re.compile(
    r"\b(?:near|at|on|by|around|off)\s+(?P<value>\d{1,3}(?:st|nd|rd|th)\s+(?:and|&)\s+(?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th)))\b"
    r"(?!\s+(?:floors?|fl|fls)\b)"
)
# A numbered city ward or a named neighbourhood ("7th Ward", "the Lower Ninth", "Versailles neighborhood"; not "Goldie Ward").
_WARD = re.compile(
    r"\b(?P<value>(?:\d{1,2}(?:st|nd|rd|th)|(?:Lower\s+|Upper\s+)?(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|"
    r"Tenth|Eleventh|Twelfth|Thirteenth|Fourteenth|Fifteenth|Sixteenth|Seventeenth))\s+Ward|(?:the\s+)?Lower\s+Ninth|"
    r"[A-Z][a-z]+(?=\s+neighbou?rhood\b))"
)
# Puerto Rican addresses: an urbanización, barrio, sector or public housing by name, a road and kilometre, a
# building and apartment, and the town after them ("Urb. Las Delicias, Ponce", "Bo. Candelaria, Toa Baja PR
# 00949", "Carr. 2 km 14.5", "PR-52 km 32", "edificio 48 apt 912").
_PR_WORD = r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü'’.]*"
_PUERTO_RICO = re.compile(
    rf"\b(?:(?:Urb\.|Urbanizaci[oó]n|Bo\.|Barrio|Sector|Parcelas|Res\.|Residencial|Reparto|Comunidad)\s+"
    rf"{_PR_WORD}(?:\s+(?:de|del|la|las|los|el|{_PR_WORD})){{0,4}}|"
    r"(?:Carr(?:etera)?\.?\s*|(?<![#\w])PR-)[1-9]\d{0,2}(?![\d\-])(?:[,\s]+(?:km|k\.?m\.?)\s*\d+(?:\.\d+)?)?|"
    r"PR\s+[1-9]\d{0,2},?\s+km\s*\d+(?:\.\d+)?|"
    r"(?i:edif(?:icio)?\.?)\s*\d+[A-Z]?(?:,?\s+(?i:apt|apto|apartamento)\.?\s*#?\d+[A-Z]?)?)"
    rf"(?:,\s*{_PR_WORD}(?:\s+{_PR_WORD})?(?=\s*(?:,|PR\b|\d{{5}}|$))){{0,2}}"
)
_PR_ZIP = re.compile(r"\bPR,?\s+(?P<value>00[679]\d{2}(?:-\d{4})?)\b")
# After "moved to": a time of day or a date ("1400, conf rm B", "0930 today", "11/21 0730 OR 2").
_TIME_OR_DATE = re.compile(r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\s+)?\d{1,2}/\d{1,2}\b|(?:[01]\d|2[0-3])[0-5]\d(?:,|\s+(?:today|tomorrow|tmrw|tonight|am|pm|hrs?|h)\b)", re.IGNORECASE)
# Staff ordering food name the street of a place to eat ("anyone want pizza from the place on Atwood?").
FOOD_TALK = re.compile(
    r"\b(?:pizza|tacos?|lunch|dinner|breakfast|coffee|donuts?|doughnuts|food|sandwich(?:es)?|burgers?|wings|sushi|thai|"
    r"chinese\s+food|ordering|order\s+from|delivery|takeout)\b",
    re.IGNORECASE,
)
PLACE_TO_EAT_BEFORE = re.compile(r"\b(?:the|that|this)\s+(?:place|spot|one|restaurant|shop|truck)\s+(?:on|at)\s+$", re.IGNORECASE)
_COUNTY_CUES = frozenset({"pt", "transfer", "lives", "living", "transport", "eta", "sheriff", "jail"})
_ADDRESS_CUE = re.compile(
    r"\b(?:lives\s+(?:at|on)|living\s+at|address(?:\s+is)?\s*:?|addr\.?\s*:?|home\s+at|resides\s+(?:at|on)|residing\s+at|"
    r"moved\s+to|staying\s+at|mail(?:ed)?\s+to|send\s+to|d/c\s+to\s+home\s+at)\s*",
    re.IGNORECASE,
)
# In a clause about a ZIP code, its five-digit numbers ("he says 70117", "new zip 10452, insurance still has ... 10454").
_ZIP_CLAUSE = re.compile(r"\b(?:zip|zipcode|zip\s+code|postal\s+code)\b[^\n;]{0,60}", re.IGNORECASE)
_FIVE_DIGITS = re.compile(r"(?<![\w\-:/.$#])(?P<value>\d{5}(?:-\d{4})?)(?![\w\-:/%]|[.,]\d)")
# The two-letter codes of the states and DC.
STATE_CODES = (
    "A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]"
)
# A ZIP code after a state's code and a comma before it ("..., IN 46218").
_STATE_ZIP = re.compile(rf",\s*(?:{STATE_CODES})\s+(?P<value>\d{{5}}(?:-\d{{4}})?)(?![\w\-/])")
_CITY_STATE_ZIP = re.compile(
    rf"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:,\s*|\s+)(?:{STATE_CODES})\s+\d{{5}}(?:-\d{{4}})?\b"
)
# A Canadian postal code, with the town and province before it when they are there ("Fort Erie ON L2A 3K8"); not a
# Glasgow coma score ("E4V4M6").
_CANADIAN_POSTAL = re.compile(
    r"\b(?!E\dV\dM\d)(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,?\s+(?:ON|QC|NB|NS|PE|NL|MB|SK|AB|BC|YT|NT|NU)\s+|[A-Z][a-z]+,?\s+)?"
    r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d\b"
)
_ADDRESS_LABELS = {
    "AddressNumber", "AddressNumberPrefix", "AddressNumberSuffix", "StreetName", "StreetNamePreDirectional",
    "StreetNamePreModifier", "StreetNamePreType", "StreetNamePostDirectional", "StreetNamePostModifier",
    "StreetNamePostType", "OccupancyType", "OccupancyIdentifier", "SubaddressIdentifier", "SubaddressType",
    "PlaceName", "StateName", "ZipCode", "USPSBoxType", "USPSBoxID", "BuildingName",
}
_STOP_WORDS = {
    "and", "but", "with", "for", "on", "at", "in", "to", "pt", "she", "he", "they", "please", "pls", "call", "ph", "phone",
    "tel", "cell", "fax", "needs", "need", "mrn", "dob", "email", "home", "is", "was", "will", "then", "after", "before",
    # a person after the address ("2011 Nostrand Ave 2nd fl w husband Louis", "44 Rendezvous Rd, neighbor Gus Walker")
    "husband", "wife", "son", "daughter", "dtr", "mom", "dad", "mother", "father", "brother", "sister", "partner",
    "neighbor", "neighbour", "friend", "who", "has", "by",
}
_WINDOW = 90


class AddressDetector(RedactionDetector):
    """ADDRESS spans (street, unit, city, state, ZIP) and ZIP codes on their own."""

    name = "addresses"

    def detect(self, text: str) -> list[Candidate]:
        found: list[Candidate] = []
        starts: dict[int, tuple[str, int]] = {}
        for m in _STREET.finditer(text):
            starts.setdefault(m.start(), ("A house number, street name and street suffix.", m.end()))
        for m in _ADDRESS_CUE.finditer(text):
            if _TIME_OR_DATE.match(text, m.end()):
                continue  # "moved to 1400, conf rm B", "moved to 11/21 0730 OR 2": a time or a date, not a house
            if m.end() < len(text) and (text[m.end()].isdigit() or text[m.end()].isupper()):
                starts.setdefault(m.end(), ("Words after an address cue that parse as a street address.", m.end()))
        food = FOOD_TALK.search(text) is not None
        for m in _NAMED_STREET.finditer(text):
            if food and PLACE_TO_EAT_BEFORE.search(text, max(0, m.start("value") - 20), m.start("value")):
                continue  # "pizza from the place on Eastern Ave": where staff order food
            if WORK_CUE_BEFORE.search(text, max(0, m.start("value") - 40), m.start("value")):
                continue  # "she works at Hamilton Place": a workplace (the employer detector's), not a street someone lives on
            found.append(Candidate("ADDRESS", m.start("value"), m.end("value"), self.name, "A street named after 'on', 'off', 'at', 'from' or a pharmacy."))
        for m in _COUNTY.finditer(text):
            start, value = m.start("value"), m.group("value")
            if _COUNTY_SYSTEM_AFTER.match(text, m.end("value")):
                continue
            first = value.split()[0].lower()
            if value.count(" ") > 1 and (first in FUNCTION_WORDS or first in _COUNTY_CUES):
                start += len(value.split()[0]) + 1  # "From Cook County": the cue is no part of it
            found.append(Candidate("ADDRESS", start, m.end("value"), self.name, "A county, parish or township."))
        for m in _BUSINESS_ON_STREET.finditer(text):
            first = m.group("first").split()[0].lower()
            if first in CALENDAR_WORDS or (not (m.group("dir") or m.group("suffix")) and first in frequent_words()):
                continue  # "at the VA on Monday", "at Sanford on call"
            if not (m.group("dir") or m.group("suffix")) and _FIRST_NAME_AFTER.match(text, m.end("value")):
                continue  # "look at BMP on Garcia, Maria Elena": a chart's "Last, First", not a street
            found.append(Candidate("ADDRESS", m.start("value"), m.end("value"), self.name, "A street a named business stands on."))
        for m in _CARE_HOME.finditer(text):
            found.append(Candidate("ADDRESS", m.start("value"), m.end("value"), self.name, "A named care home where someone lives."))
        if "School" in text or "Elementary" in text or "High" in text or "Middle" in text:
            for m in _SCHOOL.finditer(text):
                if _is_school(text, m):
                    found.append(Candidate("ADDRESS", m.start("value"), m.end("value"), self.name, "A named school."))
        for m in _STAYS_AT.finditer(text):
            found.append(Candidate("ADDRESS", m.start("value"), m.end("value"), self.name, "A named hotel, shelter or housing where someone stays."))
        for m in _ZIP_AFTER_STREET.finditer(text):
            found.append(Candidate("ZIP", m.start("value"), m.end("value"), self.name, "A ZIP code right after a street or an apartment."))
        if "PR" in text or "." in text or "dific" in text or "arr" in text:
            for m in _PUERTO_RICO.finditer(text):
                found.append(Candidate("ADDRESS", m.start(), m.end(), self.name, "A Puerto Rican address (urbanización, barrio, road and km)."))
            for m in _PR_ZIP.finditer(text):
                found.append(Candidate("ZIP", m.start("value"), m.end("value"), self.name, "A Puerto Rican ZIP code after 'PR'."))
        for m in _HIGHWAY_HOUSE.finditer(text):
            found.append(Candidate("ADDRESS", m.start(), m.end(), self.name, "A house number on a numbered highway or a lettered avenue."))
        for m in _PO_BOX.finditer(text):
            found.append(Candidate("ADDRESS", m.start(), m.end(), self.name, "A post-office box."))
        for start, (reason, min_end) in sorted(starts.items()):
            # After a cue alone ("moved to 1500 today"), usaddress must also see a street type, a state or a ZIP code.
            end = max(self._extend(text, start, strict=min_end == start), min_end)
            if end > start and not _SUFFIX_ONLY.fullmatch(text, start, end):  # "moved to Dr. Martin's schedule": a title
                found.append(Candidate("ADDRESS", start, end, self.name, reason))
        for m in _TOWN_AFTER_STREET.finditer(text):
            first = m.group("value").split()[0].lower()
            if (m.group("value").lower() in us_places() or first in us_places()) and census_lexicon().first_names.get(first, _COMMON_FIRST_RANK + 1) > _COMMON_FIRST_RANK:
                found.append(Candidate("ADDRESS", m.start("value"), m.end("value"), self.name, "A listed town after a street and a comma."))
        for m in _STATE_ZIP.finditer(text):
            found.append(Candidate("ZIP", m.start("value"), m.end("value"), self.name, "A ZIP code after a state's code."))
        for pattern, reason in ((_CORNER, "A street corner."), (_WARD, "A named ward or neighbourhood of a city.")):
            for m in pattern.finditer(text):
                found.append(Candidate("ADDRESS", m.start("value"), m.end("value"), self.name, reason))
        for cand in [c for c in found if c.type == "ADDRESS"]:
            unit = _UNIT_AFTER.match(text, cand.end)
            if unit:
                found.append(Candidate("ADDRESS", unit.start("value"), unit.end("value"), self.name, "An apartment or unit after an address."))
        for m in _CITY_STATE_ZIP.finditer(text):
            found.append(Candidate("ADDRESS", m.start(), m.end(), self.name, "A city, state and ZIP code."))
        for m in _CANADIAN_POSTAL.finditer(text):
            found.append(Candidate("ADDRESS", m.start(), m.end(), self.name, "A Canadian postal code (with its town)."))
        for clause in _ZIP_CLAUSE.finditer(text):
            for m in _FIVE_DIGITS.finditer(text, clause.start(), clause.end()):
                found.append(Candidate("ADDRESS", m.start("value"), m.end("value"), self.name, "A ZIP code."))
        return found

    @staticmethod
    def _extend(text: str, start: int, strict: bool = False) -> int:
        """End offset of the address that starts at ``start``, following usaddress's tags."""
        window = text[start : start + _WINDOW]
        cut = re.search(r"[;\n()]|\.\s|\s[-–—]\s", window)
        if cut:
            window = window[: cut.start()]
        try:
            tagged = usaddress.parse(window)
        except (ValueError, TypeError):  # pragma: no cover - usaddress raises on odd input only
            return start
        end = start
        pos = 0
        street_seen = False
        state_seen = False
        typed = False
        for token, label in tagged:
            at = window.find(token, pos)
            if at < 0:
                break
            pos = at + len(token)
            if label not in _ADDRESS_LABELS or token.lower().strip(",.") in _STOP_WORDS:
                break
            if label in {"StreetName", "StreetNamePostType", "USPSBoxID", "PlaceName", "ZipCode"}:
                street_seen = True
            typed = typed or label in {"StreetNamePostType", "StateName", "ZipCode", "USPSBoxID"}
            if state_seen and label != "ZipCode":
                break
            end = start + at + len(token.rstrip(",."))
            if label == "ZipCode":
                break
            state_seen = state_seen or label == "StateName"
        if not street_seen or (strict and not typed):
            return start
        return end


def _is_school(text: str, m: re.Match[str]) -> bool:
    """Whether a ``_SCHOOL`` match names a school: "Farwell Elementary", "Lincoln High School"; a bare "High" or
    "Middle" only after "at", "from" or "to" or before a school word ("cut at LBJ High", "Hueytown High football"),
    and never after an everyday or clinical word ("Nursing School", "Critical High", "Troponin High")."""
    words = [w for w in m.group("name").split() if w not in _SCHOOL_KINDS]
    if not words or words[-1].lower() in _NOT_SCHOOL_NAMES:
        return False
    if m.group("value").endswith(("Elementary", "School")):
        return True
    low = words[-1].lower()
    return (
        len(low) > 2 and low not in ordinary_words() and low not in medical_words() and low not in drug_names()
        and bool(_SCHOOL_CUE_BEFORE.search(text, max(0, m.start() - 12), m.start()) or _SCHOOL_WORD_AFTER.match(text, m.end()))
    )


_SCHOOL_CUE_BEFORE = re.compile(r"\b(?:at|from|to|attends|attending)\s+(?:the\s+)?$", re.IGNORECASE)
_SCHOOL_WORD_AFTER = re.compile(
    r"\s+(?:football|basketball|baseball|soccer|wrestling|team|student|students|nurse|counselor|class|band|game|campus)\b", re.IGNORECASE
)
_SCHOOL_KINDS = frozenset({"Elementary", "Primary", "Intermediate", "Middle", "High", "Junior"})
_NOT_SCHOOL_NAMES = frozenset({"nursing", "medical", "med", "the", "summer", "night", "sunday", "grad", "graduate", "pharmacy"})
