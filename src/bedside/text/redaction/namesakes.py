"""Patients who share a staff member's name, when the message says so.

Roster names are staff and stay (``roster.py``). Staff often warn each other when a patient or relative has
the same name: "Will in 12 (the pt, not Will Turner)", "pt in 17 is ALSO named Jorge Alvarez - not our
Jorge!", "Baby Boy Mensah (no relation to Kofi)", "baby boy Stone", "baby Chen", "Kofi the pt in 818"; a full name with an age and sex after it, as
patient lists give them ("402 Ana Diaz 81F"), or with "Jr." ("Marcus Bell Jr. admitted"). A roster-shaped name with such a warning right after it or
just before it is the patient's, and is typed PATIENT; the mention of the staff member inside the warning
("not our Jorge", "not Dr. Murphy") stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bedside.text.redaction.candidates import Candidate, RedactionDetector
from bedside.text.redaction.cues import GREETING_BEFORE, STAFF_LABEL_BEFORE
from bedside.text.redaction.roster import Roster
from bedside.text.redaction.tokens import WORD

# Within the same clause after the name: the warning that it is someone else.
_WARNING_AFTER = re.compile(
    r"^(?:\s+|\s*\(\s*)the\s+(?:pt|patient)\b(?!['’]s)|^[^.\n!?]{0,40}?(?:\b(?:the\s+)?(?:pt|patient)\b[^.\n]{0,20}\bnot\b|\bnot\s+(?:ours\b|our\s+(?:rn|nurse|doc|md|np|pa|tech|charge|staff|(?-i:[A-Z][a-z]+))\b|our\s*[!.)\-–—]"
    r"|dr\b|the\s+(?:rn|nurse|doc|md)\b)"
    r"|\bno\s+relation\b|\bsame\s+(?:last\s+|first\s+)?name\b|\bdiff(?:erent)?\s+person\b|\bthe\s+other\s+\w+\b)",
    re.IGNORECASE,
)
_WARNING_BEFORE = re.compile(
    r"(?:\b(?:pts?|patients?)\s+named|\balso\s+(?:named|called)|\bis\s+also|\bname\s+is|\b(?:pt|patient)\s+is|\bis\s+named|"
    r"\bbaby(?:\s+(?:boy|girl))?(?:\s+[A-Z])?)\s+$", re.IGNORECASE
)
# After a whole roster name, a generation suffix: someone else of that name ("Marcus Bell Jr. admitted rm 302").
_SUFFIX_AFTER = re.compile(r",?\s+(?:Jr|Sr)\b\.?|\s+(?:II|III|IV)\b")
# Right after the name: an age and sex, as a patient list gives them ("402 Ana Diaz 81F", "Eva Lindgren, 84F").
_AGE_SEX_AFTER = re.compile(r",?\s+\d{1,3}\s?(?:[MF]\b|y/?o\b|yo[MF]?\b|-year-old\b)")
# Before a mention of the staff member inside the warning.
_STAFF_MENTION_BEFORE = re.compile(
    r"(?:\bnot\s+(?:our\s+|dr\.?\s+|the\s+)?|\bour\s+(?:rn\s+|nurse\s+)?|\bdr\.?\s+|\bto\s+|\bas\s+)$", re.IGNORECASE
)
# After a staff member's name: they are spoken to or are speaking ("Mei - pls check", "Samuel says no relation").
_STAFF_ROLE_AFTER = re.compile(r"\s*(?:[-–—:,]|\s(?:fyi|here|pls|please|can|says|said|asked|thinks)\b)", re.IGNORECASE)


# A doctor who is the patient: "Dr. Feinberg (the pt, retired surgeon)", "pt is retired Dr. Stanley Feldman",
# "Dr. Patel in bed 7 is the pt", "VIP: pt is Dr. Funmi Adeyemi".
_DOCTOR = re.compile(r"\b(?:Dr\.?|Doctor)\s+(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2})")
_PATIENT_DOCTOR_BEFORE = re.compile(r"\b(?:pt|patient)\s+(?:is\s+)?(?:a\s+)?(?:retired\s+)?$", re.IGNORECASE)
_PATIENT_DOCTOR_AFTER = re.compile(
    r"\s*(?:\((?:the\s+)?(?:pt|patient)\b|\((?:a\s+)?retired\b|(?:,?\s+(?:in\s+)?(?:bed|rm|room)\s*\d+\w?)?,?\s+is\s+the\s+(?:pt|patient)\b)",
    re.IGNORECASE,
)


class NamesakeDetector(RedactionDetector):
    """Roster-shaped names that the message itself says are a patient's or a relative's, and doctors who are the
    patient."""

    name = "roster-namesakes"

    def __init__(self, staff_names: Iterable[str] = ()) -> None:
        names = list(staff_names)
        self._parts = frozenset(w.lower() for name in names for w in WORD.findall(name) if len(w) > 1) | (
            Roster.from_names(names).short_forms if names else frozenset()
        )

    def detect(self, text: str) -> list[Candidate]:
        out = [
            Candidate("PATIENT", m.start("name"), m.end("name"), self.name, "A doctor the message says is the patient.")
            for m in _DOCTOR.finditer(text)
            if _PATIENT_DOCTOR_AFTER.match(text, m.end()) or _PATIENT_DOCTOR_BEFORE.search(text, max(0, m.start() - 25), m.start())
        ] if "D" in text else []
        if not self._parts:
            return out
        words = list(WORD.finditer(text))
        i = 0
        while i < len(words):
            if words[i].group().lower() not in self._parts:
                i += 1
                continue
            j = i
            while j + 1 < len(words) and words[j + 1].group().lower() in self._parts and text[words[j].end() : words[j + 1].start()] == " ":
                j += 1
            start, end = words[i].start(), words[j].end()
            # "hi Ana - the pt in 4 is not ours", "Mei - pls check on Mei Chen", "Samuel says no relation"
            spoken_to = GREETING_BEFORE.search(text, 0, start) is not None or (
                (not text[:start].strip() or text[end : end + 6].lstrip().lower().startswith(("says", "said")))
                and _STAFF_ROLE_AFTER.match(text, end) is not None
            )
            if not spoken_to and not _STAFF_MENTION_BEFORE.search(text, max(0, start - 12), start) \
                    and not STAFF_LABEL_BEFORE.search(text, max(0, start - 30), start) and (
                _WARNING_AFTER.match(text[end : end + 60]) or _WARNING_BEFORE.search(text, max(0, start - 20), start)
                or (j > i and (_AGE_SEX_AFTER.match(text, end) or _SUFFIX_AFTER.match(text, end)))
            ):
                out.append(Candidate("PATIENT", start, end, self.name, "A staff member's name that the message says is a patient's."))
            i = j + 1
        return out
