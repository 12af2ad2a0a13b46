"""The staff roster: whose names are not PHI, and when a roster name is a patient's after all.

Staff names from the roster stay in the text, in any case and as a first or last name alone. A roster word
is a patient's name when a patient, relative or title cue comes right before it ("pt Diaz"), when it stands
next to a name that is not that roster person's own ("aisha stone" with Rachel Stone on the roster), when
the message marks it as a patient's ("Patience Mensah (pt, no relation to Kofi)", "admitted a Marcus
Bell") or when a patient's room follows it ("Sharma in 18", not after a greeting). A roster first name's
short forms ("Sam" for Samuel Osei, "Liv" for Olivia Grant) count as staff like the first name itself; its
other nicknames ("Bill" for Will) only next to the roster surname.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bedside.text.redaction.cues import (
    AGE_SEX_AFTER,
    BED_BEFORE,
    GREETING_BEFORE,
    NEW_PATIENT_BEFORE,
    NOT_OUR_STAFF_AFTER,
    PATIENT_BRACKET_AFTER,
    PATIENT_CUES,
    PATIENT_PLACE_AFTER,
    RECORD_AFTER,
    RELATIVE_CUES,
    SELF_NAMED_BEFORE,
    STAFF_LABEL_BEFORE,
    TITLE_CUES,
    plural_cue_ended,
)
from bedside.text.redaction.lexicon import COMMON_SURNAME_RANK
from bedside.text.redaction.standalone import StandaloneNames, never_a_name
from bedside.text.redaction.tokens import WORD, Token
from bedside.text.redaction.vocabulary import AMBIGUOUS_NAME_WORDS, nickname_group

# After a name that opens a message, words that show the name is the person written to ("Sam can u", "Sam, ").
_ADDRESSED_AFTER = re.compile(r"\s+(?:can|could|would|will)\s+(?:u|you|ya)\b|,\s|:\s|\s+(?:pls|plz|please)\b|\s+[-–—]\s")
# A unit after a name ("Grace on 4N", "Mei Chen on 4N"): where a colleague works tonight, not a patient's room.
_UNIT_AFTER = re.compile(r"\s+on\s+\d[A-Za-z]{1,2}\b(?![-/]?\d)")


@dataclass(frozen=True)
class Roster:
    """Lower-cased roster words, the words each may stand next to, and (nickname, surname) pairs."""

    parts: frozenset[str]
    partners: dict[str, frozenset[str]]
    nick_pairs: frozenset[tuple[str, str]]
    short_forms: frozenset[str] = frozenset()  # "sam" for Samuel, "liv" for Olivia: staff even alone

    @classmethod
    def from_names(cls, staff_names: Iterable[str]) -> Roster:
        full: set[tuple[str, ...]] = set()
        nick_pairs: set[tuple[str, str]] = set()
        short_forms: set[str] = set()
        for staff in staff_names:
            words = tuple(w.lower() for w in WORD.findall(staff))
            if words:
                full.add(words)
            if len(words) > 1:
                # "Sam Osei" for Samuel Osei: a short form counts only next to the roster surname, so that a patient
                # called Sam stays a name.
                nick_pairs.update((nick, words[-1]) for nick in nickname_group(words[0]) if nick != words[0])
                short_forms.update(n for n in nickname_group(words[0]) if n != words[0] and len(n) > 2 and n in words[0])
        partners: dict[str, set[str]] = {}  # word -> the roster words that may stand next to it in its own name
        for words in full:
            for w in words:
                partners.setdefault(w, set()).update(x for x in words if x != w)
        parts = frozenset(w for words in full for w in words if len(w) > 1)
        return cls(parts, {w: frozenset(v) for w, v in partners.items()}, frozenset(nick_pairs), frozenset(short_forms - parts))

    def token_indexes(self, toks: list[Token], text: str, words: StandaloneNames) -> set[int]:
        """Indexes of tokens that belong to a roster name (not preceded by a patient or relative cue)."""
        if not self.parts:
            return set()
        staff: set[int] = set()
        nicknames = {nick for nick, _surname in self.nick_pairs}
        for i, tok in enumerate(toks):
            if tok.lower in nicknames and _ADDRESSED_AFTER.match(text, tok.end) and (
                i == 0 or GREETING_BEFORE.search(text, 0, tok.start)
            ):
                staff.add(i)  # "Sam can u check 307", "hi Sam, bed 4 is up": a roster nickname, spoken to
        for i, tok in enumerate(toks[:-1]):
            if (tok.lower, toks[i + 1].lower) in self.nick_pairs and text[tok.end : toks[i + 1].start] == " ":
                staff.update((i, i + 1))
        for i, tok in enumerate(toks):
            if tok.lower not in self.parts and tok.lower not in self.short_forms:
                continue  # a short form alone is staff like the first name ("tried Sam twice", "Liv said no"); Bill or Liam are not
            start = self._name_start(toks, text, i)
            if STAFF_LABEL_BEFORE.search(text, max(0, start - 30), start):
                staff.add(i)  # "ATT: RAMAN, PRIYA", "Attending: Stone, Rachel": the clinician's field of a record row
                continue
            if SELF_NAMED_BEFORE.search(text, max(0, tok.start - 12), tok.start):
                staff.add(i)  # "its Grace on 4W": the writer names themself
                continue
            if i > 0 and toks[i - 1].lower == "re" and self._full_name_at(toks, text, i):
                staff.add(i)  # "call ICU re Tom Hughes's pt": a whole roster name after "re" is the clinician
                continue
            if i > 0 and ((toks[i - 1].lower in PATIENT_CUES and not plural_cue_ended(text[toks[i - 1].end : tok.start], toks[i - 1].lower))
                          or toks[i - 1].lower in RELATIVE_CUES or toks[i - 1].lower in TITLE_CUES
                          or (toks[i - 1].lower == "named" and i > 1 and toks[i - 2].lower in PATIENT_CUES)):
                continue  # "pt Diaz", "2 pts named Chen": a patient who shares a roster name
            if self._other_person(toks, text, i, words):
                continue
            if NOT_OUR_STAFF_AFTER.match(text, self._name_end(toks, text, i)) or (
                PATIENT_BRACKET_AFTER.match(text, self._name_end(toks, text, i))
            ) or NEW_PATIENT_BEFORE.search(
                text, 0, self._name_start(toks, text, i)
            ):
                continue  # "Patience Mensah (pt, no relation to Kofi)", "admitted a Marcus Bell to 12"
            if tok.raw[0].isupper() and PATIENT_PLACE_AFTER.match(text, tok.end) and not text[: tok.start].endswith("@") \
                    and not GREETING_BEFORE.search(text, 0, tok.start) and not _UNIT_AFTER.match(text, tok.end):
                continue  # "Sharma in 18", "Martin bed 3": a roster name with a patient's room is a patient's name
            if BED_BEFORE.search(text, max(0, tok.start - 14), tok.start) and AGE_SEX_AFTER.match(text, self._name_end(toks, text, i)):
                continue  # "bed 6 Kim 45F pyelo": a sign-out line's patient
            if self._record_name(toks, text, i):
                continue  # "Kim, Grace (MRN 8810045) A1c 9.1": a chart's "LAST, FIRST" is a patient's
            staff.add(i)
        return staff

    def _record_name(self, toks: list[Token], text: str, i: int) -> bool:
        """Whether word ``i`` is part of one roster person's name written "Last, First" (maybe with a middle initial)
        before a record number, a date of birth, an age or a bed: the way a chart names a patient."""
        for last in (i - 1, i):
            if last < 0 or last + 1 >= len(toks):
                continue
            first = toks[last + 1]
            if text[toks[last].end : first.start] not in (", ", ",") or first.lower not in self.partners.get(toks[last].lower, frozenset()):
                continue
            end = first.end
            if last + 2 < len(toks) and len(toks[last + 2].raw) == 1 and text[end : toks[last + 2].start] == " ":
                end = toks[last + 2].end  # "Kim, Grace S"
            if RECORD_AFTER.match(text, end):
                return True
        return False

    def _full_name_at(self, toks: list[Token], text: str, i: int) -> bool:
        """Whether word ``i`` and the next are one roster person's two names ("Tom Hughes")."""
        return i + 1 < len(toks) and text[toks[i].end : toks[i + 1].start] == " " \
            and toks[i + 1].lower in self.partners.get(toks[i].lower, frozenset())

    def _name_end(self, toks: list[Token], text: str, i: int) -> int:
        """End offset of the roster-shaped name that word ``i`` belongs to (itself, or with the next roster word)."""
        j = i
        while j + 1 < len(toks) and toks[j + 1].lower in self.parts and text[toks[j].end : toks[j + 1].start] == " ":
            j += 1
        return toks[j].end

    def _name_start(self, toks: list[Token], text: str, i: int) -> int:
        """Start offset of the roster-shaped name that word ``i`` belongs to."""
        j = i
        while j > 0 and toks[j - 1].lower in self.parts and text[toks[j - 1].end : toks[j].start] == " ":
            j -= 1
        return toks[j].start

    def _other_person(self, toks: list[Token], text: str, i: int, words: StandaloneNames) -> bool:
        """'aisha stone' with Rachel Stone on the roster: a roster word next to a name that is not that person's."""
        partners = self.partners.get(toks[i].lower, frozenset())
        for j, gaps in ((i - 1, (" ",)), (i + 1, (" ", ", ", ","))):
            if not 0 <= j < len(toks):
                continue
            other = toks[min(i, j)], toks[max(i, j)]
            gap = text[other[0].end : other[1].start]
            nb = toks[j]
            if gap not in gaps or nb.lower in partners or nb.lower in self.parts or nb.shape != toks[i].shape and nb.shape != "title":
                continue
            if nb.lower in words.plain or nb.lower in AMBIGUOUS_NAME_WORDS or never_a_name(nb) or len(nb.lower) < 3:
                continue
            if words.lex.is_first(nb.lower) if j < i or gap != " " else words.lex.is_last(nb.lower, COMMON_SURNAME_RANK):
                return True
            if j > i and gap == " " and not words.lex.is_name(nb.lower) and words.name_alone(nb, text):
                return True  # "Chloe Adebayo" with Chloe Martin on the roster: a surname in no list after a roster first name
        return False
