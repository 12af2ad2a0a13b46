"""Names that the words around them show to be places: found as a person's, redacted as ``[ADDRESS]``.

A name rule reads a capitalised word as a person's; sometimes the words next to it say it is a town or a place:

- a listed town before a facility, a service or a business ("dialysis at Norwood DaVita", "called Henderson clinic",
  "brought in by Sanger PD", "Red Lake IHS", "the Leola pallet shop");
- a name ending in a kind of place after a word that places someone ("found down at Shelby Park", "unresponsive at
  Wesley Woods", "from Jackson Ward");
- a town before "address" after an article ("has a Cordia address", "pickup Lincoln Place address"), or a name right
  after "on" where someone stays or shops ("the shelter on Santa Maria", "her aunt on Warner", "walgreens on
  halsted"): a town, a street;
- in a message written in Spanish, a word after "de", "del" or "la" that follows a word of coming, living or nearness
  ("su hija viene de Reynosa", "vive solo cerca de Sásabe"): the preposition, not a surname particle.

And the other way: a town found right after "from" in a message's sender ("vm from Dora", "card from Gerald", "\"..."
from Roberta"; not "letter from Delano clinic") or after a workmate or a former job ("supervisor from Niagara Label Co", "retired from Dow") is a
person's name or an employer's, typed ``PATIENT`` as the brief types employers.

Only the type changes: the span stays as found, so what is hidden does not change, but the placeholder says what it
hid. Names the message marks as a patient's or a relative's keep their type (``_PERSON_BEFORE``, ``_PERSON_AFTER``), and
so do workplaces ("works at Shaw mill": the employer detector's business).
"""

from __future__ import annotations

import re

from bedside.text.redaction.candidates import Candidate
from bedside.text.redaction.clinical_terms import listed_place
from bedside.text.redaction.employers import WORK_CUE_BEFORE

# Detectors whose PATIENT spans are read from name lists and cues, not stated by the message as a person's.
_NAME_RULES = frozenset({"names", "sequence-model"})
# Detectors whose towns are read from town lists and cues ("from Roberta" may be a town's name or a person's).
_TOWN_RULES = frozenset({"names", "places", "sequence-model"})
# "vm from Dora", "MyChart message from Daisy", "card from Gerald & Marlys", "\"...\" from Roberta", "his supervisor from
# Niagara Label Co", "HR from Menasha Packaging", "retired from Dow": who sent something, or where someone works.
_SENDER_OR_EMPLOYER_BEFORE = re.compile(
    r"(?:\b(?:vm|voicemail|card|letter|note|text|message)(?:\s+(?:came|again|back|today))?|[\"“][^\"“”]{15,}[\"”]"
    r"|\b(?:supervisor|foreman|boss|manager|coworkers?|co-workers?|HR|payroll|retired))\s+from\s+$",
    re.IGNORECASE,
)
# After a town, words that make the sender a facility ("letter from Delano clinic", "note from Rehoboth ED").
_FACILITY_SENDER_AFTER = re.compile(
    r"\s+(?:clinic|hospital|health|medical|family\s+medicine|ED|ER|IHS|county|nursing|rehab|SNF|pharmacy|EMS|VA)\b", re.IGNORECASE
)
_FACILITY_AFTER = re.compile(
    r"\s+(?:DaVita|Fresenius|dialysis|clinic|PD|FD|police|sheriff|IHS|service\s+unit|health\s+(?:station|center)|"
    r"library|pharmacy|Walmart|Walgreens|CVS|Kroger|HEB|Hy-Vee|pallet|plant|mill|shop|school|jail|shelter|VA)\b"
)
_PLACE_KIND_LAST = re.compile(r"\s(?:Park|Woods|Ward|Bend|Harbor|Stadium|Pueblo|Landing|Heights|Village)$")
_LOCATIVE_BEFORE = re.compile(r"\b(?:at|from|near|in|by|to|of|around|behind)\s+(?:the\s+)?$", re.IGNORECASE)
_SPANISH_MOVE_BEFORE = re.compile(
    r"\b(?:viene|vienen|vino|vive|viven|vivía|cerca|lejos|atrás|afuera|detrás|llegó|llega|regresa|regresó|salió|va|fue|"
    r"rancho|pueblo|casa|apto|calle|colonia)\s+(?:de|del|de\s+la|en\s+la|en\s+el|en)\s+$",
    re.IGNORECASE,
)
_PARTICLE_REASON = "A surname with its particle"
# "has a Cordia address", "pickup Lincoln Place address is 5112 Glenhurst Dr".
_ADDRESS_WORD_AFTER = re.compile(r"\s+(?:address|addr)\b", re.IGNORECASE)
# "HEB pharmacy on Saunders", "the shelter on Santa Maria", "staying with her aunt on Warner", "the mission on SW Adams".
_STREET_ON_BEFORE = re.compile(
    r"\b(?:HEB|CVS|Walgreens|Walmart|Kroger|shelter|mission|motel|apartments?|trailer|aunt|uncle|cousin|grandma|"
    r"grandmother|staying|stays|lives|living)(?:'s)?\s+(?:\w+\s+)?on\s+$",
    re.IGNORECASE,
)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|his|her|their|old|new)\s+$", re.IGNORECASE)
_FIRST_NAME_AFTER = re.compile(r",\s*[A-Z][a-z]")  # "walgreens on Castañon, Irene": a chart's name
_PERSON_AFTER = re.compile(r"\s*\((?:the\s+)?(?:pt|patient)\b", re.IGNORECASE)
_PERSON_BEFORE = re.compile(
    r"\b(?:pt|patient|mr|mrs|ms|miss|dr|son|daughter|wife|husband|mom|dad|brother|sister|hija|hijo|esposa|esposo)\.?\s+$",
    re.IGNORECASE,
)


def places_by_context(text: str, kept: list[Candidate]) -> list[Candidate]:
    """``kept`` with the names that the words around them show to be places typed ``ADDRESS``, and the towns that
    they show to be people or employers typed ``PATIENT`` (see the module)."""
    out = []
    for cand in kept:
        if cand.type == "PATIENT" and cand.detector in _NAME_RULES:
            cand = _retyped(text, cand)
        elif cand.type == "ADDRESS" and cand.detector in _TOWN_RULES and _SENDER_OR_EMPLOYER_BEFORE.search(
            text, max(0, cand.start - 120), cand.start
        ) and not _FACILITY_SENDER_AFTER.match(text, cand.end):
            cand = Candidate("PATIENT", cand.start, cand.end, cand.detector,
                             f"{cand.reason} Typed PATIENT: who a message came from, or a workplace.")
        out.append(cand)
    return out


def _retyped(text: str, cand: Candidate) -> Candidate:
    surface = text[cand.start : cand.end]
    if _PERSON_BEFORE.search(text, max(0, cand.start - 12), cand.start) or _PERSON_AFTER.match(text, cand.end) \
            or WORK_CUE_BEFORE.search(text, max(0, cand.start - 40), cand.start):
        return cand  # "Hannah Park (the pt)"; "works at Shaw mill", "starts work at Eat'n Park": an employer's
    head, _, last = surface.rpartition(" ")
    if (_FACILITY_AFTER.match(text, cand.end) and listed_place(surface)) or (head and _FACILITY_AFTER.fullmatch(" " + last) and listed_place(head)):
        why = "a listed town before a facility or a business"  # "Norwood DaVita" may be found whole
    elif _PLACE_KIND_LAST.search(surface) and _LOCATIVE_BEFORE.search(text, max(0, cand.start - 12), cand.start):
        why = "a name ending in a kind of place, after a word that places someone"
    elif _ADDRESS_WORD_AFTER.match(text, cand.end) and (
        _ARTICLE_BEFORE.search(text, max(0, cand.start - 8), cand.start) or _PLACE_KIND_LAST.search(surface)
    ):
        why = "a town before the word 'address'"
    elif _STREET_ON_BEFORE.search(text, max(0, cand.start - 30), cand.start) and not _FIRST_NAME_AFTER.match(text, cand.end):
        why = "a street after 'on' where someone stays or shops"
    elif cand.reason.startswith(_PARTICLE_REASON) and _SPANISH_MOVE_BEFORE.search(text, max(0, cand.start - 30), _word_start(surface, cand.start)):
        why = "a place after a Spanish word of coming, living or nearness"
    else:
        return cand
    return Candidate("ADDRESS", cand.start, cand.end, cand.detector, f"{cand.reason} Typed ADDRESS: {why}.")


def _word_start(surface: str, start: int) -> int:
    """Where the name proper begins in a particle rule's span ("de Douglas" -> "Douglas"), for the look behind."""
    particle = re.match(r"(?:(?:de|del|la|el|en)\s+)+", surface, re.IGNORECASE)
    return start + (particle.end() if particle else 0)
