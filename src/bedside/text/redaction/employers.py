"""Employers and nicknames written as phrases: identifiers the word-by-word name rules do not see.

Safe Harbor counts the names of a patient's (or a relative's) employer among the identifiers, and the
authored messages name them after a work cue: "works nights at UPS", "his job at Stop & Shop",
"laid off from Microsoft", "employer Puget Roofing". Southern nicknames built on "Big" or "Lil"
("Big Mama in 6", "aka Big Man", "Lil Bit") are names too, though neither word is one. Both are typed
PATIENT, the placeholder the annotation uses for every name of a patient's circle.
"""

from __future__ import annotations

import re

from bedside.text.redaction.candidates import Candidate, RedactionDetector
from bedside.text.redaction.clinical_terms import us_places
from bedside.text.redaction.vocabulary import CALENDAR_WORDS, FUNCTION_WORDS

_CAPITALISED = r"[A-Z][\w'’&.-]*"
_WORK_CUE = (
    r"(?i:\b(?:works?(?:\s+(?:nights|days|nites|weekends|offshore|remote(?:ly)?|part[- ]time|full[- ]time))?\s+(?:at|for)|retired\s+from|since\s+leaving"
    r"|working\s+(?:at|for)|worked\s+(?:at|for)|jobs?\s+(?:at|with)|employed\s+(?:at|by)|employer(?:\s+is)?:?"
    r"|laid\s+off\s+(?:from|by)|fired\s+from|(?:his|her|their)\s+desk\s+at|boss\s+(?:at|from)|shift\s+at"
    r"|(?:eng|engineer|driver|cashier|manager|clerk|worker|nurse\s+aide|(?<![\w-])op|operator|mechanic|cook|housekeeper|server|"
    r"janitor|welder|laborer|labourer|picker|packer|trucker|miner|roofer|dishwasher|guard|instructor|lifty|dealer|bartender|"
    r"housekeeping|valet|steelworker|contractor|employee|machinist|electrician|teacher|aide|associate|stocker|"
    r"forklift\s+driver)\s+(?:at|for|w/|with)|drives\s+(?:a\s+\w+\s+)?for|(?:starts?|started|back\s+to|return\s+to)\s+work\s+at"
    r"|work\s+injury\s+at|(?:yrs|years)\s+at"
    r"|at\s+work\s*\(|work\s+(?:note|excuse|letter)\s+for))"
)
_EMPLOYER = re.compile(
    _WORK_CUE + r"(?:\s+|(?<=\())(?i:the\s+)?(?P<org>" + _CAPITALISED + r"(?:\s+(?:&\s+)?" + _CAPITALISED + r"){0,3})"
)
# A work cue right before a name ("works at Shaw mill"): the name is an employer's, whatever else it could be.
WORK_CUE_BEFORE = re.compile(_WORK_CUE + r"\s+(?i:the\s+)?$")
# A company's HR or payroll: "HR from Menasha Packaging", "a note for MGM HR", "Raul from Station Casinos HR".
_COMPANY_HR = re.compile(
    r"\b(?:HR|[Pp]ayroll|[Hh]uman\s+[Rr]esources)\s+(?i:from|at|of)\s+(?i:the\s+)?(?P<org>" + _CAPITALISED + r"(?:\s+" + _CAPITALISED
    + r"){0,3})|(?i:\b(?:from|for|at|of|to)\s+(?:the\s+)?)(?P<org2>" + _CAPITALISED + r"(?:\s+" + _CAPITALISED + r"){0,3})(?=\s+(?:HR|payroll)\b)"
)
# A company by the last word of its name ("Spud Valley Farms", "Ellis Pecan Co", "Dodge City Feedyard", "Tyson Foods").
_COMPANY = re.compile(
    r"\b(?P<org>(?:[A-Z][\w'’&.-]*\s+){1,3}(?:Farms?|Dairy|Dairies|Feedyard|Feedlot|Construction|Trucking|Packing|Foods|"
    r"Industries|Manufacturing|Mfg|Logistics|Plumbing|Roofing|Lumber|Orchards|Restaurant|LLC|Inc|Corp|Poultry|Processing|Drilling|"
    r"Welding|Tubular|Seafood|Growers|Packaging|Produce|Cannery)\b"
    r"(?:,?\s+(?:Labor|Contracting|Contractors|Inc|LLC|Co)\b)?\.?"
    r"|(?:[A-Z][\w'’&.-]*\s+){2,3}Co\b\.?)"
)
# "the Honda plant", "at the Seaboard plant", "fell at ShopRite where she works": a workplace named by what follows it.
_WORKPLACE = re.compile(
    r"\b(?i:the)\s+(?P<org>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,2})\s+(?:plant|factory|mill|warehouse|cannery|packing\s+plant)\b"
    r"|\b(?P<org2>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,2})\s+(?i:where\s+(?:s?he|they|pt|patient|(?:his|her|their)\s+\w+)\s+works?)\b"
)
# Words in a company-shaped name that make it the hospital's own or a care provider ("North Tower Construction").
_NOT_A_COMPANY = re.compile(
    r"\b(?:Tower|Pavilion|Wing|Campus|Hospital|Medical|Health|Clinic|Center|Pharmacy|Home|Nursing|Hospice|County|Parish|"
    r"Dr|Pt|Mr|Mrs|Ms)\b"
)
_NICKNAME = re.compile(r"\b(?P<org>(?:Big|Lil'?|Li'l)\s+[A-Z][a-z]+)\b")
# Words after "Big" that make a place, not a person ("Big Branch", "Big Sandy Creek").
_PLACE_WORDS = frozenset(
    "branch creek sandy lake lakes spring springs horn bend island hill hills mountain mountains river bear pine rock "
    "stone valley run fork timber sky flats".split()
)
# Words that never start an employer: titles, the hospital itself, pronouns.
_NOT_EMPLOYER = frozenset(
    "dr dr. doctor the this that our my his her their home night nights days st st. saint hr payroll".split()
) | CALENDAR_WORDS


class EmployerDetector(RedactionDetector):
    """Employers after a work cue and "Big"/"Lil" nicknames."""

    name = "employers"

    def __init__(self) -> None:
        self._places = us_places()

    def detect(self, text: str) -> list[Candidate]:
        out: list[Candidate] = []
        for m in _EMPLOYER.finditer(text):
            org = m.group("org")
            if re.split(r"[\s-]", org)[0].lower() in _NOT_EMPLOYER:
                continue
            org = org.rstrip(".,")
            start = m.start("org")
            out.append(Candidate("PATIENT", start, start + len(org), self.name, "An employer named after a work cue."))
        for m in _COMPANY_HR.finditer(text):
            group = "org" if m.group("org") else "org2"
            org = m.group(group).rstrip(".,")
            if org.split()[0].lower() not in _NOT_EMPLOYER:
                out.append(Candidate("PATIENT", m.start(group), m.start(group) + len(org), self.name, "A company named with its HR."))
        for m in _COMPANY.finditer(text):
            start, org = m.start("org"), m.group("org").rstrip(".,")
            while " " in org and org.split()[0].lower() in _NOT_EMPLOYER | FUNCTION_WORDS:
                cut = org.index(" ") + 1  # "At Tapia Farms": the preposition is no part of the name
                start, org = start + cut, org[cut:]
            if " " not in org or _NOT_A_COMPANY.search(org):
                continue
            out.append(Candidate("PATIENT", start, start + len(org), self.name, "A company named by its kind (Farms, Co, Packing...)."))
        for m in _WORKPLACE.finditer(text):
            group = "org" if m.group("org") else "org2"
            org = m.group(group)
            if org.split()[0].lower() in _NOT_EMPLOYER or _NOT_A_COMPANY.search(org):
                continue
            out.append(Candidate("PATIENT", m.start(group), m.end(group), self.name, "A workplace named before 'plant' or 'where she works'."))
        for m in _NICKNAME.finditer(text):
            nick = m.group("org")
            second = nick.split()[-1].lower()
            if second in _PLACE_WORDS or nick.lower() in self._places:
                continue
            out.append(Candidate("PATIENT", m.start("org"), m.end("org"), self.name, "A nickname built on 'Big' or 'Lil'."))
        return out
