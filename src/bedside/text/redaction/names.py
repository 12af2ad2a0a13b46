"""Patient and relative names, found from context cues, capitalisation and the Census name lists.

No statistical model: a name is a word (or two or three) that a cue announces ("Mr. Brown",
"pt smith in 4b", "daughter Grace", "room 12 – Garcia"), that a cue after it confirms ("Lopez in
bed 3", "Nguyen (MRN ..."), or a capitalised first-name + last-name pair from the Census lists
("John Smith called"). Once a word is found as a name, its other mentions in the same text are
redacted too. Staff names from the roster, and names after "Dr." / "RN" / "nurse", are not PHI and
stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bedside.text.redaction.candidates import Candidate, RedactionDetector
from bedside.text.redaction.cues import (
    CUE_GAP,
    FAMILY_OF,
    LOCATION_CUE,
    PATIENT_CUES,
    POSSESSIVE_CUE,
    POST_CUE,
    RELATIVE_CUES,
    STAFF_CUES,
    TITLE_CUES,
)
from bedside.text.redaction.lexicon import COMMON_SURNAME_RANK, NameLexicon, census_lexicon
from bedside.text.redaction.vocabulary import AMBIGUOUS_NAME_WORDS, COMMON_WORDS, FUNCTION_WORDS

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_INITIAL = re.compile(r"\s+[A-Z]\.?\s+$")
_MAX_NAME_TOKENS = 3


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int  # without a possessive 's
    raw: str
    lower: str
    cap: bool  # starts with a capital (all-caps words only when they are known names)
    upper: bool


def _tokens(text: str, lexicon: NameLexicon) -> list[_Token]:
    out: list[_Token] = []
    for m in _WORD.finditer(text):
        raw = m.group()
        end = m.end()
        if raw[-2:] in ("'s", "’s") and len(raw) > 3:
            raw = raw[:-2]
            end -= 2
        lower = raw.lower()
        upper = raw.isupper() and len(raw) > 1
        cap = raw[0].isupper() and (not upper or (lexicon.is_name(lower) and lower not in COMMON_WORDS))
        out.append(_Token(m.start(), end, raw, lower, cap, upper))
    return out


class NameDetector(RedactionDetector):
    """PATIENT spans for names of patients and their relatives; roster staff names are kept."""

    name = "names"

    def __init__(self, staff_names: Iterable[str] = (), lexicon: NameLexicon | None = None) -> None:
        self._lex = lexicon or census_lexicon()
        full: set[tuple[str, ...]] = set()
        parts: set[str] = set()
        for staff in staff_names:
            words = tuple(w.lower() for w in _WORD.findall(staff))
            if words:
                full.add(words)
                parts.update(w for w in words if len(w) > 1)
        self._staff_full = frozenset(full)
        self._staff_parts = frozenset(parts)

    # -- word tests ---------------------------------------------------------------------------
    def _nameish_part(self, lower: str) -> bool:
        return any(self._lex.is_name(p) for p in lower.split("-")) if "-" in lower else self._lex.is_name(lower)

    def _strong_ok(self, tok: _Token, nxt: _Token | None) -> bool:
        """After a strong cue: a capitalised non-function word, or a lower-case known name."""
        if tok.lower in FUNCTION_WORDS and not (tok.cap and nxt is not None and nxt.cap and self._lex.is_name(tok.lower)):
            return False
        if tok.upper and not self._nameish_part(tok.lower):
            return False
        if tok.cap:
            return tok.lower not in COMMON_WORDS or (
                self._lex.is_first(tok.lower) and nxt is not None and nxt.cap and self._nameish_part(nxt.lower)
            )
        return self._weak_ok(tok)

    def _weak_ok(self, tok: _Token) -> bool:
        """Without capitals: a common Census name that is not an everyday or clinical word."""
        lower = tok.lower
        if lower in COMMON_WORDS or lower in AMBIGUOUS_NAME_WORDS or len(lower) < 2:
            return False
        return self._lex.is_common_name(lower) or any(self._lex.is_common_name(p) for p in lower.split("-") if p)

    def _continuation_ok(self, tok: _Token) -> bool:
        """A second or third word of a name that already started."""
        if tok.lower in COMMON_WORDS:
            return False
        if tok.cap:
            return not tok.upper or self._nameish_part(tok.lower)
        return self._weak_ok(tok)

    # -- detection ----------------------------------------------------------------------------
    def detect(self, text: str) -> list[Candidate]:
        toks = _tokens(text, self._lex)
        if not toks:
            return []
        by_start = {t.start: i for i, t in enumerate(toks)}
        staff = self._staff_token_indexes(toks, text)
        found: dict[int, tuple[int, str]] = {}  # first token index -> (last token index, reason)

        def take(first: int, reason: str, strong: bool) -> None:
            if first >= len(toks) or toks[first].lower in TITLE_CUES or toks[first].lower in STAFF_CUES:
                return
            nxt = toks[first + 1] if first + 1 < len(toks) else None
            ok = self._strong_ok(toks[first], nxt) if strong else (toks[first].cap and self._weak_cap_ok(toks[first])) or self._weak_ok(toks[first])
            if not ok:
                return
            last = first
            while last + 1 < len(toks) and last - first + 1 < _MAX_NAME_TOKENS:
                gap = text[toks[last].end : toks[last + 1].start]
                if gap not in (" ", ". ") and not _INITIAL.match(" " + gap) and gap != "-":
                    break
                if gap == ". " and len(toks[last].raw) > 1:
                    break
                nxt_tok = toks[last + 1]
                if toks[first].cap != nxt_tok.cap and not (len(toks[last].raw) == 1):
                    break
                if not self._continuation_ok(nxt_tok) or (not nxt_tok.cap and not self._weak_ok(nxt_tok)):
                    break
                last += 1
            if first in found and found[first][0] >= last:
                return
            found[first] = (last, reason)

        for i, tok in enumerate(toks):
            if i + 1 >= len(toks):
                break
            gap = text[tok.end : toks[i + 1].start]
            lower = tok.lower
            if lower in TITLE_CUES and (gap.startswith(".") or gap.isspace()) and len(gap) <= 3:
                take(i + 1, f"A name after the title '{tok.raw}'.", strong=True)
            elif lower in PATIENT_CUES and _cue_gap_ok(gap) and (lower != "re" or ":" in gap or tok.cap):
                take(i + 1, f"A name after the patient cue '{tok.raw}'.", strong=True)
            elif lower in RELATIVE_CUES and _cue_gap_ok(gap):
                take(i + 1, f"A relative's name after '{tok.raw}'.", strong=True)
        for m in FAMILY_OF.finditer(text):
            j = by_start.get(_skip_space(text, m.end()))
            if j is not None:
                take(j, "A name after 'family of'.", strong=True)
        for m in LOCATION_CUE.finditer(text):
            j = by_start.get(m.end())
            if j is None:
                continue
            sep = (m.group("sep") or m.group("sep2") or "").strip()
            if sep or toks[j].cap:
                take(j, "A name right after a room or bed number.", strong=bool(sep))
            else:
                take(j, "A name right after a room or bed number.", strong=False)
        for i, tok in enumerate(toks):
            if i in found or not (tok.cap or self._weak_ok(tok)):
                continue
            if tok.lower in COMMON_WORDS or tok.lower in AMBIGUOUS_NAME_WORDS and not tok.cap:
                continue
            if not self._nameish_part(tok.lower):
                continue
            if POST_CUE.match(text, tok.end) or POSSESSIVE_CUE.match(text, tok.end):
                first = i
                if i > 0 and toks[i - 1].cap and text[toks[i - 1].end : tok.start] == " " and self._lex.is_first(toks[i - 1].lower) \
                        and toks[i - 1].lower not in COMMON_WORDS:
                    first = i - 1
                found.setdefault(first, (i, "A name-list word followed by a room, MRN, age or possessive cue."))
        self._full_names(toks, text, found)
        self._last_first(toks, text, found)

        # Expand to every other mention of a found name word.
        name_words = {
            toks[k].lower
            for first, (last, _reason) in found.items()
            for k in range(first, last + 1)
            if len(toks[k].lower) > 2 and k not in staff
        }
        if name_words:
            covered = {k for first, (last, _r) in found.items() for k in range(first, last + 1)}
            for i, tok in enumerate(toks):
                if i in covered or tok.lower not in name_words or i in staff:
                    continue
                if not tok.cap and (tok.lower in COMMON_WORDS or tok.lower in AMBIGUOUS_NAME_WORDS):
                    continue
                if i > 0 and toks[i - 1].lower in STAFF_CUES:
                    continue
                found[i] = (i, "Another mention of a name found elsewhere in this text.")

        out: list[Candidate] = []
        for first, (last, reason) in sorted(found.items()):
            idx = range(first, last + 1)
            if all(k in staff for k in idx):
                continue
            if first > 0 and toks[first - 1].lower in STAFF_CUES and text[toks[first - 1].end : toks[first].start] in (" ", ". ", "."):
                continue
            out.append(Candidate("PATIENT", toks[first].start, toks[last].end, self.name, reason))
        return out

    def _weak_cap_ok(self, tok: _Token) -> bool:
        return tok.lower not in COMMON_WORDS and self._nameish_part(tok.lower)

    def _full_names(self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """Capitalised Census first name + Census last name, with no cue needed."""
        for i in range(len(toks) - 1):
            a, b = toks[i], toks[i + 1]
            if not (a.cap and b.cap) or text[a.end : b.start] != " ":
                continue
            if a.lower in COMMON_WORDS or b.lower in COMMON_WORDS:
                continue
            if a.lower in AMBIGUOUS_NAME_WORDS and b.lower in AMBIGUOUS_NAME_WORDS:
                continue
            if self._lex.is_first(a.lower) and (self._lex.is_last(b.lower, COMMON_SURNAME_RANK) or self._lex.is_first(b.lower)):
                if any(first <= i <= last for first, (last, _r) in found.items()):
                    continue
                last = i + 1
                if i + 2 < len(toks) and toks[i + 2].cap and text[b.end : toks[i + 2].start] == " " \
                        and self._lex.is_last(toks[i + 2].lower, COMMON_SURNAME_RANK) and toks[i + 2].lower not in COMMON_WORDS:
                    last = i + 2
                found.setdefault(i, (last, "A capitalised first name followed by a surname (Census lists)."))

    def _last_first(self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """'SMITH, John' / 'Smith, John' as written in lists and census exports."""
        for i in range(len(toks) - 1):
            a, b = toks[i], toks[i + 1]
            if not (a.cap and b.cap) or text[a.end : b.start] not in (", ", ","):
                continue
            if a.lower in COMMON_WORDS or b.lower in COMMON_WORDS:
                continue
            if (a.upper or self._lex.is_last(a.lower, COMMON_SURNAME_RANK)) and self._lex.is_first(b.lower) and self._lex.is_last(a.lower):
                if a.lower in AMBIGUOUS_NAME_WORDS and b.lower in AMBIGUOUS_NAME_WORDS:
                    continue
                found.setdefault(i, (i + 1, "A surname, comma, first name (Census lists)."))

    def _staff_token_indexes(self, toks: list[_Token], text: str) -> set[int]:
        """Indexes of tokens that belong to a roster name (not preceded by a patient or relative cue)."""
        if not self._staff_parts:
            return set()
        staff: set[int] = set()
        for i, tok in enumerate(toks):
            if tok.lower not in self._staff_parts:
                continue
            if i > 0 and (toks[i - 1].lower in PATIENT_CUES or toks[i - 1].lower in RELATIVE_CUES):
                continue
            staff.add(i)
        return staff


def _cue_gap_ok(gap: str) -> bool:
    m = CUE_GAP.fullmatch(gap)
    return m is not None and "\n" not in gap


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos
