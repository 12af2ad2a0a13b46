"""Patient and relative names, found from context cues, capitalisation and the Census name lists.

Rules first: a name is a word (or two or three) that a cue announces ("Mr. Brown",
"pt smith in 4b", "daughter Grace", "room 12 – Garcia"), that a cue after it confirms ("Lopez in
bed 3", "Nguyen (MRN ..."), or a capitalised first-name + last-name pair from the Census lists
("John Smith called"). Once a word is found as a name, its other mentions in the same text are
redacted too. Staff names from the roster, and names after "Dr." / "RN" / "nurse", are not PHI and
stay. A word the rules leave is then scored by a small logistic regression over cheap features
(``scorer.py``, weights in the package); above its threshold it is a name too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from bedside.text.lexicons import load_lexicon
from bedside.text.redaction.candidates import Candidate, RedactionDetector
from bedside.text.redaction.clinical_terms import (
    care_organisations,
    clinical_shorthand,
    drug_names,
    medical_words,
    named_things,
    us_places,
)
from bedside.text.redaction.cues import (
    CUE_GAP,
    DAY_WORDS,
    FAMILY_OF,
    FIELD_AFTER,
    LOCATION_CUE,
    MONTH_WORDS,
    PATIENT_CUES,
    PATIENT_OBJECT_VERBS,
    PLACE_AFTER,
    PLACE_RIGHT_AFTER,
    POSSESSIVE_CUE,
    POST_CUE,
    RELATIVE_CUES,
    STAFF_CUES,
    TITLE_CUES,
    VERB_AFTER,
)
from bedside.text.redaction.lexicon import COMMON_SURNAME_RANK, NameLexicon, census_lexicon
from bedside.text.redaction.name_forms import NameWords, extend_names, shape_pairs
from bedside.text.redaction.ordinary import frequent_words, ordinary_words, typo_of
from bedside.text.redaction.scorer import (
    FeatureContext,
    NameScorer,
    has_context,
    load_scorer,
    token_features,
    word_frequencies,
)
from bedside.text.redaction.tokens import WORD as _WORD
from bedside.text.redaction.tokens import Token as _Token
from bedside.text.redaction.tokens import tokens as _tokens
from bedside.text.redaction.vocabulary import (
    AMBIGUOUS_NAME_WORDS,
    COMMON_WORDS,
    FUNCTION_WORDS,
    NOT_NAME_SUFFIXES,
    STRUCTURE_WORDS,
    nickname_group,
)

_INITIAL = re.compile(r"\s+[A-Z]\.?\s+$")
_MAX_NAME_TOKENS = 3
_PLAIN_GAP = re.compile(r"[ ,\"'()]+")


class NameDetector(RedactionDetector):
    """PATIENT spans for names of patients and their relatives; roster staff names are kept."""

    name = "names"

    def __init__(
        self, staff_names: Iterable[str] = (), lexicon: NameLexicon | None = None, *, use_scorer: bool = True
    ) -> None:
        self._lex = lexicon or census_lexicon()
        full: set[tuple[str, ...]] = set()
        parts: set[str] = set()
        nick_pairs: set[tuple[str, str]] = set()
        for staff in staff_names:
            words = tuple(w.lower() for w in _WORD.findall(staff))
            if words:
                full.add(words)
                parts.update(w for w in words if len(w) > 1)
            if len(words) > 1:
                # "Sam Osei" for Samuel Osei: a short form counts only next to the roster surname, so that a patient
                # called Sam stays a name.
                nick_pairs.update((nick, words[-1]) for nick in nickname_group(words[0]) if nick != words[0])
        self._nick_pairs = frozenset(nick_pairs)
        self._staff_full = frozenset(full)
        self._staff_parts = frozenset(parts)
        # word -> the roster words that may stand next to it in a roster person's own name
        partners: dict[str, set[str]] = {}
        for words in full:
            for w in words:
                partners.setdefault(w, set()).update(x for x in words if x != w)
        self._staff_partners = {w: frozenset(v) for w, v in partners.items()}
        # Words that are not names without a strong cue: ordinary English (by frequency), clinical words.
        self._plain, self._frequent, self._clinical = _shared_word_sets()
        self._scorer: NameScorer | None = load_scorer() if use_scorer else None
        self._freq = word_frequencies()
        self._eponyms = named_things()
        self._organisations = care_organisations()
        self._places = us_places()
        self._anagrams = _anagram_index()
        self._staff_anagrams = {_anagram_key(w): w for w in self._staff_parts if len(w) >= 4}
        self._ctx = FeatureContext(self._lex, self._plain, self._frequent, self._clinical, self._freq, self._eponyms)

    # -- word tests ---------------------------------------------------------------------------
    def _nameish_part(self, lower: str) -> bool:
        if "-" in lower:
            return any(self._lex.is_name(p) for p in lower.split("-"))
        return self._lex.is_name(lower)

    def _census_common(self, lower: str) -> bool:
        return self._lex.is_common_name(lower) or ("-" in lower and any(self._lex.is_common_name(p) for p in lower.split("-") if p))

    @staticmethod
    def _never(tok: _Token) -> bool:
        """Words that are never a name, whatever the cue."""
        return (
            len(tok.lower) < 2
            or (not tok.upper and _INNER_CAPITAL.search(tok.raw) is not None and not _NAME_PREFIX.match(tok.raw))
            or tok.lower in FUNCTION_WORDS
            or tok.lower in TITLE_CUES
            or tok.lower in STAFF_CUES
            or tok.lower in PATIENT_CUES
            or tok.lower in RELATIVE_CUES
        )

    def _unknown_lower_ok(self, tok: _Token) -> bool:
        """A lower-case word in no list that does not look like a verb or adjective ("pt ivanova")."""
        lower = tok.lower
        return (
            len(lower) >= 4
            and lower.isalpha()
            and lower not in self._plain
            and not self._nameish_part(lower)
            and not typo_of(lower, self._plain)
            and not lower.endswith(NOT_NAME_SUFFIXES)
        )

    def _strong_ok(
        self, tok: _Token, nxt: _Token | None, text: str, relative: bool = False, location: bool = False
    ) -> bool:
        """After a strong cue (title, "pt", relative, room number with a dash)."""
        if self._never(tok) and not (tok.cap and tok.lower in AMBIGUOUS_NAME_WORDS and (relative or (nxt is not None and nxt.cap))):
            return False
        if tok.upper:
            return self._nameish_part(tok.lower) and tok.lower not in self._plain
        if tok.cap:
            if relative and tok.lower in AMBIGUOUS_NAME_WORDS:
                return True
            confirmed = POST_CUE.match(text, tok.end) is not None
            if not relative and tok.lower in self._plain and not confirmed and not (
                nxt is not None and nxt.cap and text[tok.end : nxt.start] == " " and self._nameish_part(nxt.lower)
            ) and not (self._lex.is_name(tok.lower) and (
                _RECORD_FIELD_AFTER.match(text, tok.end) or _PATIENT_VERB_AFTER.match(text, tok.end)
            )):
                return False  # "pt - Staff meeting", "re: Sunday": an ordinary word after a patient cue
            if confirmed and self._lex.is_last(tok.lower, COMMON_SURNAME_RANK) and tok.lower not in _STRUCTURE_WORDS:
                return True  # "pt Little in ED 8"
            return tok.lower not in COMMON_WORDS or (
                self._lex.is_first(tok.lower) and nxt is not None and nxt.cap and self._nameish_part(nxt.lower)
            )
        if self._weak_ok(tok):
            return True
        if self._unknown_lower_ok(tok):
            # After a room number, a lower-case word in no list is more often a finding ("bed 4: syncope")
            # than a name: it needs a second sign ("bed 4: sokolov, 80M").
            return not location or POST_CUE.match(text, tok.end) is not None or FIELD_AFTER.match(text, tok.end) is not None
        # "pt wood in 3A", "pt rose lindqvist": an ambiguous word confirmed by what follows.
        if tok.lower in AMBIGUOUS_NAME_WORDS and self._nameish_part(tok.lower):
            if POST_CUE.match(text, tok.end) or VERB_AFTER.match(text, tok.end):
                return True
            return nxt is not None and not nxt.cap and text[tok.end : nxt.start] == " " and (
                self._weak_ok(nxt) or self._unknown_lower_ok(nxt)
            )
        return False

    def _weak_ok(self, tok: _Token) -> bool:
        """Without capitals: a common Census name that is not an everyday or clinical word."""
        lower = tok.lower
        if lower in self._plain or lower in AMBIGUOUS_NAME_WORDS or len(lower) < 2:
            return False
        if lower in self._lex.world and typo_of(lower, self._plain):
            return False  # "drian" is a Dutch first name, but here a typo of "drain"
        return self._census_common(lower)

    def _continuation_ok(self, tok: _Token, lower_run: bool) -> bool:
        """A second or third word of a name that already started."""
        if self._never(tok):
            return False
        if tok.cap and not tok.upper and tok.lower in COMMON_WORDS:
            return self._lex.is_last(tok.lower, COMMON_SURNAME_RANK) and tok.lower not in _STRUCTURE_WORDS
        if tok.lower in COMMON_WORDS:
            return False
        if tok.cap:
            return not tok.upper or self._nameish_part(tok.lower)
        if not lower_run:
            return False
        return self._weak_ok(tok) or self._unknown_lower_ok(tok) or (
            tok.lower in AMBIGUOUS_NAME_WORDS and self._lex.is_last(tok.lower, COMMON_SURNAME_RANK)
        )

    def _cap_name_ok(self, tok: _Token, allow_unknown: bool, allow_ambiguous: bool) -> bool:
        """A capitalised word with no strong cue before it."""
        if not tok.cap or tok.upper or self._never(tok) or tok.lower in COMMON_WORDS:
            return False
        if tok.lower in self._organisations or (tok.lower in self._eponyms and not self._very_common_name(tok.lower)):
            return False  # "the Nissen", "the Zoll", "from Sanford": a device, a procedure or an organisation
        if "-" in tok.lower and any(p in DAY_WORDS or p in MONTH_WORDS for p in tok.lower.split("-")):
            return False  # "a work note for Mon-Wed"
        if tok.lower in AMBIGUOUS_NAME_WORDS:
            return allow_ambiguous
        return allow_unknown or self._nameish_part(tok.lower)

    # -- detection ----------------------------------------------------------------------------
    def scorer_rows(self, text: str, *, include_found: bool = False) -> list[tuple[_Token, list[str]]]:
        """The words the scorer would judge in ``text`` (those the rules leave), with their features.

        With ``include_found`` the words the rules take are included too (each judged as if the rules had
        left it). Used by ``scripts/train_name_scorer.py`` to build its training rows.
        """
        toks = _tokens(text, self._lex)
        if not toks:
            return []
        found, staff = self._rules(toks, text)
        covered = _covered(found)
        judged = self._scorable(toks, set() if include_found else covered, staff)
        rows = [(toks[i], token_features(toks, i, text, self._ctx, covered - {i}, staff)) for i in judged]
        return [(tok, feats) for tok, feats in rows if has_context(feats)]

    def detect(self, text: str) -> list[Candidate]:
        toks = _tokens(text, self._lex)
        if not toks:
            return []
        found, staff = self._rules(toks, text)
        if self._scorer is not None:
            self._scored(toks, text, found, staff, self._scorer)
        self._propagate(toks, found, staff)

        out: list[Candidate] = []
        for first, (last, reason) in sorted(found.items()):
            span = range(first, last + 1)
            if any(k in staff for k in span) and all(k in staff or (toks[k].lower in self._plain and toks[k].cap) for k in span):
                continue  # a roster name, maybe with the next sentence's first word ("Evening Kent Anyone free?")
            if first > 0 and toks[first - 1].lower in STAFF_CUES and text[toks[first - 1].end : toks[first].start] in (" ", ". ", "."):
                continue
            out.append(Candidate("PATIENT", toks[first].start, toks[last].end, self.name, reason))
        return out

    def _scorable(self, toks: list[_Token], covered: set[int], staff: set[int]) -> list[int]:
        """Words the scorer may judge: not taken by the rules, not roster words, not clinical or function words,
        not an unlisted word in capitals (an abbreviation: "HFNC"), not a typo of an ordinary word ("bolsu"),
        not a place qualifier ("hall bed")."""
        return [
            i for i, tok in enumerate(toks)
            if i not in covered and i not in staff and not self._never(tok) and tok.lower not in self._clinical
            and not (i > 0 and toks[i - 1].lower in STAFF_CUES)
            and not (tok.upper and (not self._nameish_part(tok.lower) or len(tok.lower) <= 4 or "-" in tok.lower))
            and not tok.lower.endswith(_MEDICAL_SUFFIXES)
            and not (tok.lower in self._eponyms and not self._very_common_name(tok.lower))
            and not ("-" in tok.lower and any(p in self._plain for p in tok.lower.split("-") if len(p) > 2))
            and not typo_of(tok.lower, self._plain)
            and not (i + 1 < len(toks) and toks[i + 1].lower in _PLACE_WORDS)
        ]

    def _scored(
        self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]], staff: set[int], scorer: NameScorer
    ) -> None:
        """Add the words the scorer calls names, joined to an adjacent name of the same case shape."""
        covered = _covered(found)
        hits = []
        for i in self._scorable(toks, covered, staff):
            if toks[i].lower in self._eponyms and text.startswith(("'s", "’s"), toks[i].end) \
                    and not POSSESSIVE_CUE.match(text, toks[i].end):
                continue  # "Fowler's 30 deg": an eponym's possessive
            feats = token_features(toks, i, text, self._ctx, covered, staff)
            if has_context(feats) and scorer.is_name(feats):
                hits.append(i)
        reason = "The name scorer (logistic regression over word and context features) calls this word a name."
        for i in hits:
            ends = {last: first for first, (last, _r) in found.items()}
            prev = ends.get(i - 1)
            if prev is not None and text[toks[i - 1].end : toks[i].start] == " " and toks[i - 1].shape == toks[i].shape:
                found[prev] = (i, found[prev][1])
            elif i + 1 in found and text[toks[i].end : toks[i + 1].start] == " " and toks[i + 1].shape == toks[i].shape:
                found[i] = found.pop(i + 1)
            else:
                found[i] = (i, reason)

    def _rules(self, toks: list[_Token], text: str) -> tuple[dict[int, tuple[int, str]], set[int]]:
        """What the rules find (before propagation): first word -> (last word, reason); and the roster words."""
        by_start = {t.start: i for i, t in enumerate(toks)}
        staff = self._staff_token_indexes(toks, text)
        found: dict[int, tuple[int, str]] = {}  # first token index -> (last token index, reason)

        def extend(first: int) -> int:
            last = first
            lower_run = not toks[first].cap
            while last + 1 < len(toks) and last - first + 1 < _MAX_NAME_TOKENS:
                gap = text[toks[last].end : toks[last + 1].start]
                initial = len(toks[last].raw) == 1 and toks[last].cap
                if gap not in (" ", "-") and not (initial and gap in (". ", ".")):
                    break
                nxt_tok = toks[last + 1]
                if nxt_tok.cap == lower_run:
                    break
                if not self._continuation_ok(nxt_tok, lower_run):
                    break
                last += 1
            return last

        def take(
            first: int, reason: str, strong: bool, relative: bool = False, location: bool = False, title: bool = False
        ) -> None:
            if first >= len(toks):
                return
            nxt = toks[first + 1] if first + 1 < len(toks) else None
            tok = toks[first]
            if title and tok.cap and not tok.upper and not self._never(tok) and tok.lower not in DAY_WORDS:
                ok = True  # "Mr. Foley", "Mr. Church": after a title a capitalised word is a name, whatever else it is
            elif strong:
                ok = self._strong_ok(tok, nxt, text, relative, location)
            elif tok.cap:
                ok = self._cap_name_ok(tok, allow_unknown=True, allow_ambiguous=True)
            else:
                ok = self._weak_ok(tok) or (
                    nxt is not None and not nxt.cap and text[tok.end : nxt.start] == " "
                    and (self._lex.is_first(tok.lower) or self._unknown_lower_ok(tok))
                    and tok.lower not in COMMON_WORDS and tok.lower not in FUNCTION_WORDS
                    and self._weak_ok(nxt)
                )
            if not ok:
                return
            last = extend(first)
            if first in found and found[first][0] >= last:
                return
            found[first] = (last, reason)

        for i, tok in enumerate(toks[:-1]):
            gap = text[tok.end : toks[i + 1].start]
            lower = tok.lower
            if lower in TITLE_CUES and (gap.startswith(".") or gap.isspace()) and len(gap) <= 3:
                take(i + 1, f"A name after the title '{tok.raw}'.", strong=True, relative=True, title=True)
            elif lower in PATIENT_CUES and _cue_gap_ok(gap) and (lower != "re" or ":" in gap or tok.cap):
                take(i + 1, f"A name after the patient cue '{tok.raw}'.", strong=True)
            elif lower in RELATIVE_CUES and _cue_gap_ok(gap):
                take(i + 1, f"A relative's name after '{tok.raw}'.", strong=True, relative=True)
                # "daughters Karen and Linda": a second name joined by "and"
                if i + 3 < len(toks) and i + 1 in found and toks[i + 2].lower == "and" and found[i + 1][0] == i + 1:
                    take(i + 3, f"A relative's name after '{tok.raw}' and another name.", strong=True, relative=True)
            elif lower in PATIENT_OBJECT_VERBS and gap == " ":
                self._after_object_word(i, toks, text, found, extend)
        for m in FAMILY_OF.finditer(text):
            j = by_start.get(_skip_space(text, m.end()))
            if j is not None:
                take(j, "A name after 'family of'.", strong=True)
        for m in LOCATION_CUE.finditer(text):
            j = by_start.get(m.end())
            if j is None:
                continue
            sep = (m.group("sep") or m.group("sep2") or "").strip()
            # "bed 13 (Branch)": a word in brackets right after a room is a label, as after a title.
            label = sep == "(" and text.startswith(")", toks[j].end)
            take(j, "A name right after a room or bed number.", strong=bool(sep), relative=label, location=not label)
        self._post_cues(toks, text, found)
        self._segment_starts(toks, text, found, extend)
        self._possessives(toks, text, found)
        self._particles(toks, text, found)
        self._initials(text, toks, found)
        self._full_names(toks, text, found)
        self._last_first(toks, text, found)
        self._mid_sentence(toks, text, found, extend)
        self._bracketed(toks, text, found)
        words = NameWords(self._lex, self._plain, staff.__contains__, self._frequent, self._eponyms, self._clinical)
        shape_pairs(toks, text, found, words)
        extend_names(toks, text, found, words)
        self._list_items(toks, text, found)
        self._drop_places(toks, text, found)
        return found, staff

    def _drop_places(self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """'dialysis in Pierre MWF', 'lives out by Dupree', 'going to Rapid City': a town after a place word is no patient."""
        for first, (last, _reason) in list(found.items()):
            if first == 0 or not all(toks[k].cap for k in range(first, last + 1)):
                continue
            name = text[toks[first].start : toks[last].end].lower()
            before = toks[first - 1].lower
            travel = first > 1 and toks[first - 2].lower in _TRAVEL_WORDS
            if name not in self._places or not (before in _PLACE_PREPOSITIONS or (before in {"to", "by"} and travel)):
                continue
            if first > 1 and (toks[first - 2].lower in PATIENT_CUES or toks[first - 2].lower in TITLE_CUES):
                continue
            del found[first]

    def _after_object_word(
        self, i: int, toks: list[_Token], text: str, found: dict[int, tuple[int, str]], extend: Callable[[int], int]
    ) -> None:
        """'Rehab accepted Brown', 'labs back for abernathy:', 'd/c the foley on reyes'."""
        tok, nxt = toks[i], toks[i + 1]
        is_verb = tok.lower not in {"for", "on", "about", "re", "with", "update", "if", "round", "check"}
        if nxt.cap and not nxt.upper:
            if nxt.lower in MONTH_WORDS or nxt.lower in DAY_WORDS or PLACE_AFTER.match(text, nxt.end):
                return
            if not is_verb and nxt.lower in self._plain and nxt.lower not in AMBIGUOUS_NAME_WORDS \
                    and not POST_CUE.match(text, nxt.end):
                return  # "a page about Halloween", "sources for Canada": an ordinary word after a preposition
            if self._cap_name_ok(nxt, allow_unknown=True, allow_ambiguous=True):
                found.setdefault(i + 1, (extend(i + 1), f"A capitalised name after '{tok.raw}'."))
            return
        if nxt.cap or not (self._weak_ok(nxt) or self._alone_ok(nxt, text)):
            return
        if not self._weak_ok(nxt):
            # "TR band deflation on oyelowo", "give ilse her melatonin": a word that is no English, clinical or drug word
            if len(nxt.lower) < 4:
                return  # "has pho today"
            found.setdefault(i + 1, (extend(i + 1), f"A word in no English or clinical list after '{tok.raw}'."))
            return
        after = text[nxt.end : nxt.end + 2]
        surname_next = i + 2 < len(toks) and text[nxt.end : toks[i + 2].start] == " " and not toks[i + 2].cap \
            and self._lex.is_first(nxt.lower) and self._lex.is_last(toks[i + 2].lower, COMMON_SURNAME_RANK) \
            and toks[i + 2].lower not in FUNCTION_WORDS and toks[i + 2].lower not in _STRUCTURE_WORDS
        if is_verb or surname_next or after == "" or after[0] in ":,.?!;" or POST_CUE.match(text, nxt.end):
            found.setdefault(i + 1, (extend(i + 1), f"A Census surname in lower case after '{tok.raw}'."))

    def _post_cues(self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """'Lopez in bed 3', 'Nguyen (MRN ...', 'Oduya, 72M', "Cook's labs", 'Long fell'."""
        covered = _covered(found)
        for i, tok in enumerate(toks):
            if i in covered or tok.upper or self._never(tok):
                continue
            if tok.lower in _UNIT_WORDS and _NUMBER_BEFORE.search(text, 0, tok.start):
                continue  # "4 Tower has 2 dirty beds", "6 East": a unit, not a person
            census = self._nameish_part(tok.lower)
            strong_post = POST_CUE.match(text, tok.end) is not None
            if not tok.cap:
                # A rare or unlisted word needs a cue stronger than "in 4": an age, an MRN, "- 26A -".
                # After "the", "a", "my"... a lower-case word is a thing ("the whiteboard in 433").
                rare_ok = (
                    _IN_PLACE.match(text, tok.end) is None
                    and not (i > 0 and toks[i - 1].lower in _DETERMINERS)
                    and (self._unknown_lower_ok(tok) or (
                        self._lex.is_last(tok.lower) and tok.lower not in self._plain and tok.lower not in AMBIGUOUS_NAME_WORDS
                    ))
                )
                ok = strong_post and (self._weak_ok(tok) or rare_ok)
            elif strong_post:
                ok = (tok.lower not in COMMON_WORDS and (census or tok.lower not in self._plain)) or (
                    tok.lower in AMBIGUOUS_NAME_WORDS and tok.lower not in _STRUCTURE_WORDS
                )
            elif POSSESSIVE_CUE.match(text, tok.end) or VERB_AFTER.match(text, tok.end):
                mid = i > 0 and _PLAIN_GAP.fullmatch(text[toks[i - 1].end : tok.start]) is not None
                ok = tok.lower not in COMMON_WORDS and (census or (mid and tok.lower not in self._plain)) and (
                    tok.lower not in FUNCTION_WORDS
                )
            else:
                continue
            if not ok:
                continue
            first = i
            while first > 0 and first > i - 2:
                prev = toks[first - 1]
                if text[prev.end : toks[first].start] != " ":
                    break
                if tok.cap and not self._cap_name_ok(prev, False, True) and not (
                    # "Tendai Haugen, 81M": an unlisted capitalised word right before the name
                    self._cap_name_ok(prev, True, False) and prev.lower not in self._plain and self._unknown_lower_ok(prev)
                ):
                    break
                if not tok.cap and (prev.cap or self._never(prev) or prev.lower in COMMON_WORDS or not (
                    self._lex.is_first(prev.lower) or self._weak_ok(prev) or self._unknown_lower_ok(prev)
                )):
                    break
                first -= 1
            found.setdefault(first, (i, "A name followed by a room, MRN, age, possessive or verb cue."))

    def _very_common_name(self, low: str) -> bool:
        """A name so common (Allen, Murphy, Bishop) that an eponym list must not hide it without a head noun."""
        first, last = self._lex.first_names.get(low), self._lex.last_names.get(low)
        return (first is not None and first <= 1_000 and low not in self._lex.world) or (last is not None and last <= 2_000)

    def _alone_ok(self, tok: _Token, text: str, rare: float | None = None) -> bool:
        """A word that is a name by itself: in a name list (any rank) or no English, clinical or drug word at all.

        Used where clinicians put a patient's name with no cue: at the start of a message or of a handoff
        row ("Oyelowo back from cath", "sithole hgb 6.9"), and before a possessive ("tran's lantus").
        """
        low = tok.lower
        if len(low) < 3 or self._never(tok) or low in self._plain or low in AMBIGUOUS_NAME_WORDS or low in self._frequent:
            return False
        if tok.upper and len(low) <= 4:
            return False  # "OSA", "COPD": a short word in capitals is an abbreviation
        parts = [p for p in re.split(r"[-'’]", low) if p]
        if any(p in DAY_WORDS or p in MONTH_WORDS for p in parts):
            return False  # "Mon-Wed"
        if _EPONYM_AFTER.match(text, tok.end + (2 if text.startswith(("'s", "’s"), tok.end) else 0)):
            return False  # "Allen test", "Murphy's sign", "Bishop score": an eponym
        if low in self._organisations:
            return False  # "Kaiser auth came through", "Hopkins wants the slides": an organisation
        if any(p in self._eponyms and not self._very_common_name(p) for p in parts):
            return False  # "Impella flow 3.2", "Chvostek positive", "Swan-Ganz": a thing named after a person
        possessive = text.startswith(("'s", "’s"), tok.end)
        if low in self._eponyms and possessive and not POSSESSIVE_CUE.match(text, tok.end):
            return False  # "Fowler's 30 deg", "Murphy's positive"; but "Bell's daughter called" is a person
        long_parts = [p for p in parts if len(p) > 2]
        if len(parts) > 1 and not self._lex.is_name(low) and long_parts and long_parts[0] in self._plain \
                and self._freq.get(long_parts[0], 0.0) >= _COMPOUND_HEAD_FREQUENCY:
            return False  # "follow-up", "Cross-cover", "Child-Pugh": a compound that opens with an everyday word
        if low.endswith(_MEDICAL_SUFFIXES):
            return False  # "thrombectomy", "apixaban", "lisinopril": clinical or drug words
        if self._lex.is_name(low) or any(self._lex.is_name(p) for p in parts if len(p) > 2):
            # A name that is also a fairly common word ("Crystal clear", "Baker Act") needs a cue.
            return not (tok.upper and low in self._clinical) and self._freq.get(low, 0.0) < _COMMON_FREQUENCY
        if tok.upper:
            return False  # an unlisted word in capitals is an abbreviation ("CIWA", "HAPE")
        if low.endswith(_ENGLISH_SUFFIXES):
            return False  # "repleting", "hemolyzed", "premedicate", "cushingoid": English word-building
        if low.endswith("s") and any(
            self._freq.get(stem, 0.0) >= _STEM_FREQUENCY or stem in self._clinical for stem in (low[:-1], low[:-2])
        ):
            return False  # "armbands", "premeds", "ambulates": the plural or third person of a word
        if low.startswith(_MEDICAL_PREFIXES):
            return False  # "anticoag", "pyelo", "hypercapnic"
        vowels = sum(c in "aeiouyáéíóúàèìòùäëïöüâêîôûãõåæøœ" for c in low)
        return (
            len(low) >= 4
            and vowels >= (2 if len(low) >= 5 else 1)  # "hfref", "ckd": shorthand, not a name
            and self._freq.get(low, 0.0) < (rare or _RARE_FREQUENCY)
            and not typo_of(low, self._plain)
            and not self._scrambled(low)
        )

    def _scrambled(self, low: str) -> bool:
        """'tnhaks', 'seiegn', 'rhnoda': the letters of an ordinary word or a roster name, in another order."""
        if self._freq.get(low, 0.0) >= _VOCABULARY_FREQUENCY:
            return False  # a word that is itself in use ("rangi") is no typo
        key = _anagram_key(low)
        word = self._anagrams.get(key)
        if word is not None and word != low:
            return True  # "" stands for two or more words with these letters, so one of them is not ``low``
        staff = self._staff_anagrams.get(key)
        return staff is not None and staff != low

    def _segment_starts(
        self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]], extend: Callable[[int], int]
    ) -> None:
        """A name that opens a message or a row, or sits right before a room: "Petrosyan MRI neg", "sherpa rm 16"."""
        covered = _covered(found)
        for i, tok in enumerate(toks):
            if i in covered:
                continue
            before = text[toks[i - 1].end if i else 0 : tok.start]
            opens = (i == 0 and not any(c.isalpha() for c in before)) or _SEGMENT_BREAK.search(before) is not None
            place_after = PLACE_RIGHT_AFTER.match(text, tok.end) is not None or (
                opens and _ROOM_THEN_FIELD.match(text, tok.end) is not None
            )
            if opens and self._word_name_opening(toks, i, text, found, covered):
                continue
            if not (opens or place_after) or (len(tok.lower) < 4 and not place_after):
                continue  # a three-letter word ("osa", "ptx") needs a room right after it
            if i > 0 and toks[i - 1].lower in STAFF_CUES:
                continue
            # With a room right after it, a rarer English word may be a name too ("Tallulah 6 - mother ...").
            if not self._alone_ok(tok, text, _ROOM_RARE_FREQUENCY if place_after else None) or PLACE_AFTER.match(text, tok.end):
                continue
            if text.startswith(":", tok.end) and not self._lex.is_name(tok.lower):
                continue  # "Ortho:", "Derm:": a label
            last = extend(i)
            j = last + 1
            if j < len(toks) and text[toks[last].end : toks[j].start] in (", ", ",") and toks[j].shape == tok.shape != "lower" \
                    and self._alone_ok(toks[j], text):
                last = j  # "TUILAGI, MOANA extubated": an EHR "LAST, FIRST"
            found.setdefault(i, (last, "A name at the start of a message or of a row, with no other word before it."))
            covered.update(range(i, last + 1))

    def _word_name_opening(
        self, toks: list[_Token], i: int, text: str, found: dict[int, tuple[int, str]], covered: set[int]
    ) -> bool:
        """At the start of a message: 'Baker back from IR' (a surname that is a word, then a patient's verb) and
        'Memory Chikwanha VL undetectable' (any capitalised word before a surname in no list). True when taken."""
        tok = toks[i]
        if not tok.cap or tok.upper or self._never(tok) or tok.lower in self._eponyms or tok.lower in self._clinical:
            return False
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and text[tok.end : nxt.start] == " " and nxt.shape == "title" and i + 1 not in covered \
                and not self._lex.is_name(nxt.lower) and self._alone_ok(nxt, text) and tok.lower not in FUNCTION_WORDS \
                and tok.lower not in _STRUCTURE_WORDS and tok.lower not in PATIENT_OBJECT_VERBS:
            found.setdefault(i, (i + 1, "A capitalised word and a surname in no list, opening a message."))
            covered.update((i, i + 1))
            return True
        if self._lex.is_name(tok.lower) and tok.lower not in AMBIGUOUS_NAME_WORDS and tok.lower not in self._frequent \
                and _PATIENT_VERB_AFTER.match(text, tok.end):
            found.setdefault(i, (i, "A surname that is also a word, opening a message before a patient's verb."))
            covered.add(i)
            return True
        return False

    def _initials(self, text: str, toks: list[_Token], found: dict[int, tuple[int, str]]) -> None:
        """'JR in 6 tox +', 're: T.M. (bed 2)', 'bed 7 K.R. - CIWA': a patient's initials next to a room."""
        by_start = {t.start: k for k, t in enumerate(toks)}
        for m in (*_INITIALS.finditer(text), *_INITIALS_AFTER_PLACE.finditer(text)):
            value = m.group("value")
            if value.lower().replace(".", "").replace(" ", "") in self._clinical or value.lower() in STAFF_CUES:
                continue  # "RN in 6", "MD in 4", "IV in 3"
            k = by_start.get(m.start("value"))
            if k is not None and k not in found:
                last = max(j for j in range(k, len(toks)) if toks[j].start < m.end("value"))
                found[k] = (last, "A patient's initials next to a room or after 'pt'.")

    def _particles(self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """'von Hohenberg', 'Ó Súilleabháin', 'de la Cruz', 'Maximilian van der Berg': a surname particle and a name."""
        covered = _covered(found)
        for i, tok in enumerate(toks):
            if tok.raw not in _PARTICLES or i in covered:
                continue
            j = i
            while j + 1 < len(toks) and toks[j + 1].raw in _PARTICLES and text[toks[j].end : toks[j + 1].start] == " ":
                j += 1  # "de la", "van der"
            k = j + 1
            if k >= len(toks) or text[toks[j].end : toks[k].start] != " ":
                continue
            if k in found:  # "pt de la [Cruz] in 4": the surname was found, its particles join it
                found[i] = found.pop(k)
                covered.update(range(i, k))
                continue
            if k in covered:
                continue
            head = toks[k]
            if not (head.cap and not head.upper) or not (self._alone_ok(head, text) or self._lex.is_last(head.lower)):
                continue
            first = i
            if i > 0 and text[toks[i - 1].end : tok.start] == " " and toks[i - 1].shape == "title" \
                    and (self._lex.is_first(toks[i - 1].lower) or self._alone_ok(toks[i - 1], text)) and i - 1 not in covered:
                first = i - 1  # "Maximilian von Hohenberg", "Seán Ó Súilleabháin"
            span = range(first, k + 1)
            if any(x in found for x in span):
                continue
            found[first] = (k, "A surname with its particle ('von', 'de la', 'Ó').")
            covered.update(span)

    def _list_items(self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """'ED boarding: Minh Pham 8h, Yesenia Ochoa 6h, Tuilagi 5h': an item of a list whose other items are names."""
        starts = [i for i, tok in enumerate(toks) if i == 0 or _LIST_BREAK.search(text, toks[i - 1].end, tok.start)]
        if len(starts) < 3:
            return
        named = [i for i in starts if i in found]
        if len(named) < 2:
            return
        covered = _covered(found)
        for i in starts:
            tok = toks[i]
            if i in covered or not (self._alone_ok(tok, text) or (tok.cap and self._cap_name_ok(tok, False, False))):
                continue
            if tok.shape != toks[named[0]].shape:
                continue  # the items of one list are written alike
            found[i] = (i, "An item of a list whose other items are names.")
            covered.add(i)

    def _possessives(self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """'tran's lantus', "ah-young's ionized Ca": a name-list or unknown word with a possessive."""
        covered = _covered(found)
        for i, tok in enumerate(toks):
            if i in covered or not (text.startswith("'s", tok.end) or text.startswith("’s", tok.end)):
                continue
            if (i > 0 and toks[i - 1].lower in STAFF_CUES) or not self._alone_ok(tok, text):
                continue
            found.setdefault(i, (i, "A name-list or unknown word with a possessive."))

    def _mid_sentence(self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]], extend: Callable[[int], int]) -> None:
        """A capitalised Census name in the middle of a sentence, where only names are capitalised."""
        covered = _covered(found)
        for i, tok in enumerate(toks):
            if i in covered or i == 0:
                continue
            before = text[toks[i - 1].end : tok.start]
            if not _PLAIN_GAP.fullmatch(before) or toks[i - 1].lower in STAFF_CUES:
                continue
            if not self._cap_name_ok(tok, allow_unknown=False, allow_ambiguous=False) or tok.lower in self._plain:
                continue
            if not (self._lex.is_first(tok.lower) or self._lex.is_last(tok.lower, COMMON_SURNAME_RANK)):
                continue
            last = extend(i)
            if PLACE_AFTER.match(text, toks[last].end) or (
                last == i and tok.lower in self._lex.world and self._freq.get(tok.lower, 0.0) >= _RARE_FREQUENCY / 3
            ):
                continue  # a well-known world-list name alone ("Nazareth", "Messiah") needs a cue or a second name word
            found.setdefault(i, (last, "A capitalised Census name in the middle of a sentence."))
            covered.update(range(i, last + 1))

    def _bracketed(self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """'Fatima (Young)': a capitalised word in brackets right after a found name."""
        for last, _reason in list(found.values()):
            j = last + 1
            if j < len(toks) and text[toks[last].end : toks[j].start] == " (" and text[toks[j].end : toks[j].end + 1] == ")":
                if self._cap_name_ok(toks[j], False, True):
                    found.setdefault(j, (j, "A capitalised word in brackets after a name."))

    def _propagate(self, toks: list[_Token], found: dict[int, tuple[int, str]], staff: set[int]) -> None:
        """Every other mention of a word already found as a name."""
        covered = _covered(found)
        name_words = {toks[k].lower for k in covered if len(toks[k].lower) > 2 and k not in staff}
        if not name_words:
            return
        # A lower-case mention counts only when the name was itself found in lower case somewhere.
        lower_found = {toks[k].lower for k in covered if not toks[k].cap}
        for i, tok in enumerate(toks):
            if i in covered or i in staff:
                continue
            if tok.lower not in name_words:
                # "two Frosts", "the Lopezes": a plural of a capitalised name found elsewhere in this text
                stem = tok.lower[:-2] if tok.lower.endswith("es") and tok.lower[:-2] in name_words else tok.lower[:-1]
                if not (tok.cap and tok.lower.endswith("s") and stem in name_words and len(stem) > 2):
                    continue
            if not tok.cap and (tok.lower not in lower_found or tok.lower in COMMON_WORDS or tok.lower in AMBIGUOUS_NAME_WORDS):
                continue
            if i > 0 and toks[i - 1].lower in STAFF_CUES:
                continue
            found[i] = (i, "Another mention of a name found elsewhere in this text.")

    def _full_names(self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """Two capitalised words, at least one a Census name ("John Smith", "Agnieszka Fitzgerald")."""
        covered = _covered(found)
        for i in range(len(toks) - 1):
            a, b = toks[i], toks[i + 1]
            if i in covered or i + 1 in covered or text[a.end : b.start] != " ":
                continue
            a_first = self._lex.is_first(a.lower) and a.lower not in AMBIGUOUS_NAME_WORDS and self._cap_name_ok(a, False, False)
            b_surname_word = b.cap and not b.upper and b.lower in COMMON_WORDS and self._lex.is_last(b.lower, COMMON_SURNAME_RANK) \
                and not self._never(b) and b.lower not in _STRUCTURE_WORDS
            # "Harmony Keawe", "Blessing Oyebanji": a first name that is also a word, before a surname that is none.
            word_first = a.cap and not a.upper and self._lex.is_first(a.lower) and a.lower not in self._frequent \
                and a.lower not in AMBIGUOUS_NAME_WORDS and not self._never(a) and a.lower not in _STRUCTURE_WORDS \
                and b.cap and not b.upper and b.lower not in self._plain and self._alone_ok(b, text)
            if not (a_first and b_surname_word) and not word_first:
                if not (self._cap_name_ok(a, True, True) and self._cap_name_ok(b, True, True)):
                    continue
                if (a.lower in self._plain and a.lower not in AMBIGUOUS_NAME_WORDS) or (
                    b.lower in self._plain and b.lower not in AMBIGUOUS_NAME_WORDS
                ):
                    continue  # "Railway Companies", "Saudi Arabia": ordinary words, not a first name and surname
                if a.lower in AMBIGUOUS_NAME_WORDS and b.lower in AMBIGUOUS_NAME_WORDS:
                    continue
                a_census = self._lex.is_first(a.lower)
                b_census = self._lex.is_last(b.lower, COMMON_SURNAME_RANK) or self._lex.is_first(b.lower)
                mid = i > 0 and _PLAIN_GAP.fullmatch(text[toks[i - 1].end : a.start]) is not None
                if not (a_census or b_census or (mid and len(a.raw) > 2 and len(b.raw) > 2)):
                    continue
            last = i + 1
            if i + 2 < len(toks) and text[b.end : toks[i + 2].start] == " " and self._cap_name_ok(toks[i + 2], False, True) \
                    and self._lex.is_last(toks[i + 2].lower, COMMON_SURNAME_RANK):
                last = i + 2
            if PLACE_AFTER.match(text, toks[last].end):
                continue
            found.setdefault(i, (last, "Two capitalised words that are a first name and a surname (Census lists)."))
            covered.update(range(i, last + 1))

    def _last_first(self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """'SMITH, John' / 'Achebe, Olga' as written in lists and exports."""
        for i in range(len(toks) - 1):
            a, b = toks[i], toks[i + 1]
            if text[a.end : b.start] not in (", ", ","):
                continue
            if not (b.cap and not b.upper and self._lex.is_first(b.lower) and b.lower not in COMMON_WORDS):
                continue
            if not (a.raw[0].isupper() and len(a.raw) > 1) or a.lower in COMMON_WORDS or self._never(a):
                continue
            if a.lower in AMBIGUOUS_NAME_WORDS and b.lower in AMBIGUOUS_NAME_WORDS:
                continue
            found.setdefault(i, (i, "A surname written before a comma and a first name."))
            found.setdefault(i + 1, (i + 1, "A first name after a surname and a comma."))

    def _staff_token_indexes(self, toks: list[_Token], text: str) -> set[int]:
        """Indexes of tokens that belong to a roster name (not preceded by a patient or relative cue)."""
        if not self._staff_parts:
            return set()
        staff: set[int] = set()
        for i, tok in enumerate(toks[:-1]):
            if (tok.lower, toks[i + 1].lower) in self._nick_pairs and text[tok.end : toks[i + 1].start] == " ":
                staff.update((i, i + 1))
        for i, tok in enumerate(toks):
            if tok.lower not in self._staff_parts:
                continue
            if i > 0 and (toks[i - 1].lower in PATIENT_CUES or toks[i - 1].lower in RELATIVE_CUES or toks[i - 1].lower in TITLE_CUES
                          or (toks[i - 1].lower == "named" and i > 1 and toks[i - 2].lower in PATIENT_CUES)):
                continue  # "pt Diaz", "2 pts named Chen": a patient who shares a roster name
            if self._other_person(toks, text, i):
                continue
            if _NOT_OUR_STAFF_AFTER.match(text, self._roster_name_end(toks, text, i)) or _NEW_PATIENT_BEFORE.search(
                text, 0, self._roster_name_start(toks, text, i)
            ):
                continue  # "Patience Mensah (pt, no relation to Kofi)", "admitted a Marcus Bell to 12"
            if tok.raw[0].isupper() and _PATIENT_PLACE_AFTER.match(text, tok.end) and not text[: tok.start].endswith("@") \
                    and not _GREETING_BEFORE.search(text, 0, tok.start):
                continue  # "Sharma in 18", "Martin bed 3": a roster name with a patient's room is a patient's name
            staff.add(i)
        return staff

    def _roster_name_end(self, toks: list[_Token], text: str, i: int) -> int:
        """End offset of the roster-shaped name that word ``i`` belongs to (itself, or with the next roster word)."""
        j = i
        while j + 1 < len(toks) and toks[j + 1].lower in self._staff_parts and text[toks[j].end : toks[j + 1].start] == " ":
            j += 1
        return toks[j].end

    def _roster_name_start(self, toks: list[_Token], text: str, i: int) -> int:
        j = i
        while j > 0 and toks[j - 1].lower in self._staff_parts and text[toks[j - 1].end : toks[j].start] == " ":
            j -= 1
        return toks[j].start

    def _other_person(self, toks: list[_Token], text: str, i: int) -> bool:
        """'aisha stone' with Rachel Stone on the roster: a roster word next to a name that is not that person's."""
        partners = self._staff_partners.get(toks[i].lower, frozenset())
        for j, gaps in ((i - 1, (" ",)), (i + 1, (" ", ", ", ","))):
            if not 0 <= j < len(toks):
                continue
            other = toks[min(i, j)], toks[max(i, j)]
            gap = text[other[0].end : other[1].start]
            nb = toks[j]
            if gap not in gaps or nb.lower in partners or nb.lower in self._staff_parts or nb.shape != toks[i].shape and nb.shape != "title":
                continue
            if nb.lower in self._plain or nb.lower in AMBIGUOUS_NAME_WORDS or self._never(nb) or len(nb.lower) < 3:
                continue
            if self._lex.is_first(nb.lower) if j < i or gap != " " else self._lex.is_last(nb.lower, COMMON_SURNAME_RANK):
                return True
            if j > i and gap == " " and not self._lex.is_name(nb.lower) and self._alone_ok(nb, text):
                return True  # "Chloe Adebayo" with Chloe Martin on the roster: a surname in no list after a roster first name
        return False


_PATIENT_PLACE_AFTER = re.compile(
    r"(?:\s+(?:is|was|now|still))?\s+(?:in|on)\s+(?:(?:icu|hall|er|ed|pacu|ldr)\s+)?(?:(?:room|rm|bed|bay)\s*)?#?\d{1,4}[A-Za-z]?\b"
    r"(?![.:,/]\d|\s*(?:min|mins|minutes|hours?|hrs?|days?|weeks?|am|pm)\b)"
    r"|\s+(?:rm\.?|room|bed|bay)\s*#?\d{1,4}[A-Za-z]?\b",
    re.IGNORECASE,
)
# After "pt Short", what shows the word is the patient's name: a clinical abbreviation, a dash or a place.
_RECORD_FIELD_AFTER = re.compile(r"\s+[A-Z]{2,5}\b|\s*[-–:(]\s|\s+(?:trauma|hall|icu|ed|er)?\s*(?:bay|bed|rm|room)\s*\d")
# After a roster name, words saying it is a patient's: "(pt, no relation to Kofi)", "(the patient, not bell)".
_NOT_OUR_STAFF_AFTER = re.compile(
    r"\s*\(\s*(?:the\s+)?(?:pt|patient)\b|\s*\(\s*not\s+(?:our|the)\b|,?\s+(?:the\s+)?(?:pt|patient)\b,?\s+not\b"
    r"|,?\s+no\s+relation\b|,?\s+not\s+our\s+(?:rn|rt|md|np|pa|doc|nurse|charge|pharmacist|tech|staff|[a-z]+)\b",
    re.IGNORECASE,
)
# Before a roster name, words that introduce a patient: "admitted a Marcus Bell", "new pt Grace Kim".
_NEW_PATIENT_BEFORE = re.compile(r"\b(?:admitted|admitting|admit|a|another|new\s+pt|new\s+patient)\s+$", re.IGNORECASE)
# Before a town's name: "dialysis in Pierre", "transfer to Fargo", "out by Dupree", "from Sanford".
_PLACE_PREPOSITIONS = frozenset({"in", "from", "near", "towards", "toward", "outside", "around", "via"})
# Before "to" or "by", words that make what follows a place ("going to Pierre", "divert to Fargo", "out by Dupree").
_TRAVEL_WORDS = frozenset(
    {"go", "going", "goes", "went", "drive", "driving", "drove", "fly", "flying", "flew", "transfer", "transferred",
     "transferring", "divert", "diverted", "diverting", "move", "moved", "moving", "back", "home", "out", "way", "trip",
     "ride", "bus", "route", "routed", "heading", "headed", "travel", "traveling", "travelling", "run", "runs"}
)
# "Hi Gregory bed 10 is on lorazepam": the roster name right after a greeting is the person addressed.
_GREETING_BEFORE = re.compile(
    r"\b(?:hi|hello|hey|morning|evening|afternoon|thanks|thank\s+you|thx|dear|yo|ok|okay|sorry)[,!.]?\s*$", re.IGNORECASE
)
# Initials standing for a patient, with a room after them: "JR in 6", "T.M. (bed 2)".
_INITIALS = re.compile(
    r"(?<![\w.])(?P<value>[A-Z]\.\s?[A-Z]\.?|[A-Z]{2})(?=(?:\s+(?:is|was|now|still))?\s+(?:in|on)\s+(?:room\s*|rm\s*|bed\s*)?\d"
    r"|\s*\(\s*(?:bed|rm|room|bay)\s*\d|\s+(?:rm|room|bed)\s*\d)"
)
# "Tallulah 6 - mother requesting", "Young 505 agitated": a bare room number, then a field or a patient's verb.
_ROOM_THEN_FIELD = re.compile(
    r"\s+\d{1,4}[A-Za-z]?\s*(?:[-–—:]\s|\((?:\d|[A-Za-z]{1,4}\s*\d)|\s(?:agitated|pulled|vomited|spiked|fell|refused|refusing|"
    r"asking|wants|needs|c/o|desatted|confused|febrile|hypotensive|tachy|brady|crying|yelling|back|still)\b)"
)
_INITIALS_AFTER_PLACE = re.compile(
    r"(?:\b(?:bed|rm|room|bay)\s*#?\d{1,4}[A-Za-z]?(?:\s+|\s*[-:(]\s*)|\b(?:pt|patient|re)\b:?\s+)(?P<value>[A-Z]\.\s?[A-Z]\.?|[A-Z]\.[A-Z]\.[A-Z]\.?)"
    r"(?=[\s,;:)]|$)",
)
# After a name that is also an everyday word, verbs that make it a patient ("Baker back from IR", "Rich still waiting").
_PATIENT_VERB_AFTER = re.compile(
    r"\s+(?:got|gets|needs|wants|refused|refuses|refusing|pulled|fell|spiked|desatted|desatting|vomited|coded|c/o|"
    r"complains|complaining|back|still|asking|asked|requesting|ambulated|ate|slept|left|arrived|transferred|extubated|"
    r"intubated|discharged|d/c'd|declined|agreed|says|states|denies|reports|tolerated|tolerating|voided|"
    r"confused|agitated|febrile|hypotensive|tachy|brady)\b"
)
_LIST_BREAK = re.compile(r"[,;:/|\n]\s*(?:\d{1,4}[A-Za-z]?\s*[-:]?\s*)?$")
# After a number, words that name a hospital unit or building ("4 North", "6 East", "4 Tower").
_UNIT_WORDS = frozenset({"north", "south", "east", "west", "tower", "wing", "pavilion", "annex", "main"})
_NUMBER_BEFORE = re.compile(r"\b\d{1,2}[A-Za-z]?\s$")
# Particles that open a surname ("von Hohenberg", "de la Cruz", "Ó Súilleabháin", "bin Laden", "al-" is one word).
_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "Ó", "Ní", "Mac",
     "bin", "ibn", "bint", "ter", "ten", "zu", "Van", "Von", "De", "Del", "Di", "Da", "Du", "La", "Le", "Te"}
)
# Endings of clinical and drug words that are not names ("thrombectomy", "apixaban", "metoprolol").
_MEDICAL_SUFFIXES = (
    "ectomy", "otomy", "ostomy", "plasty", "scopy", "itis", "osis", "emia", "algia", "pathy", "graphy", "uria", "penia",
    "plegia", "paresis", "mab", "nib", "pril", "sartan", "olol", "statin", "azole", "cillin", "mycin", "floxacin",
    "dipine", "parin", "azepam", "zepam", "tidine", "prazole", "gliptin", "gliflozin", "cycline", "codone", "caine",
    "vir", "afil", "oxacin", "semide", "thiazide", "xaban", "gatran", "lukast", "triptan", "profen", "fenac",
)
# Endings that build English words from English words; an unknown word with one is no name.
_ENGLISH_SUFFIXES = (
    "ing", "ed", "ize", "ise", "ate", "oid", "ous", "ive", "ible", "able", "ment", "ness", "tion", "sion", "ology",
    "ologist", "ist", "ism", "ular", "ary", "ical", "ically", "ly", "ic", "ics",
)
# Beginnings of clinical words ("anticoag", "hypercapnic", "pyelo"); an unknown word with one is no name.
_MEDICAL_PREFIXES = (
    "anti", "hyper", "hypo", "peri", "intra", "trans", "supra", "pyel", "nephr", "hepat", "gastr", "cardio", "pneum",
    "neuro", "psych", "derm", "oste", "arthr", "lapar", "thorac", "crani", "encephal", "mening", "myel", "angio",
    "thromb", "leuk", "lymph", "onco", "brady", "tachy", "dys", "poly",
)
_STEM_FREQUENCY = 10 ** (1.5 - 9)
_COMPOUND_HEAD_FREQUENCY = 10 ** (4.0 - 9)  # "follow", "cross", "child": everyday words that open compounds
_ROOM_RARE_FREQUENCY = 10 ** (3.0 - 9)  # Zipf 1.5: a stem this common makes "-s" a plural or a verb form
_COMMON_FREQUENCY = 10 ** (3.9 - 9)  # Zipf 3.9: a name-list word at least this common is also a word
_VOCABULARY_FREQUENCY = 10 ** (2.0 - 9)  # Zipf 2: words whose scrambled spellings are typos, not names
_RARE_FREQUENCY = 10 ** (2.5 - 9)  # Zipf 2.5: rarer than this, an unknown word is no English word
# Between two words, a break that starts a new message part: a sentence end, a list separator, a line.
_SEGMENT_BREAK = re.compile(r"[.!?;/\n|•]|:\s|\s[-–—]\s")
# After a possessive, words that make an eponym of the name before ("Bell's palsy", "Fowler's position").
_EPONYM_AFTER = re.compile(
    r"[\s/]+(?:palsy|sign|signs|test|tests|score|scores|scale|positive|negative|pos|neg|stage|class|grade|syndrome|"
    r"placed|inserted|removed|harness|stand|lodge|pads|catheter|tube|line|dressing|boot|collar|splint|brace|"
    r"disease|position|phenomenon|triad|law|maneuver|manoeuvre|reflex|ulcer|"
    r"sarcoma|lymphoma|esophagus|oesophagus|pouch|procedure|fracture|node|cyst|criteria|solution|"
    r"classification|contracture|thyroiditis|encephalopathy|diverticulum|hernia|operation|tumou?r)\b",
    re.IGNORECASE,
)
# "hall bed 3", "ICU room 4": a word right before one of these qualifies a place.
_PLACE_WORDS = frozenset({"bed", "beds", "room", "rm", "bay", "pod", "chair", "stretcher", "cubicle"})
_IN_PLACE = re.compile(r"(?:'s)?(?:\s+(?:is|was|now|still|back))?\s+(?:in|on)\b")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "my", "your", "our", "their", "his", "her", "its", "any", "some"})
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|O'|O’|D'|D’|De|Di|Da|Du|La|Le|Van|Von|St)[A-Z]|[A-Z][a-z]+-[A-Z]")


@lru_cache(maxsize=1)
def _shared_word_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The roster-independent word sets every detector reads: plain (ordinary, common and clinical words),
    frequent words, and clinical words. Built once per process and shared, so a detector per roster is cheap."""
    clinical_words = _clinical_words()
    plain = ordinary_words() | COMMON_WORDS | clinical_words
    frequent = frequent_words() | FUNCTION_WORDS
    clinical = clinical_words | COMMON_WORDS - AMBIGUOUS_NAME_WORDS
    return frozenset(plain), frozenset(frequent), frozenset(clinical)


def _anagram_key(word: str) -> str:
    return word[0] + "".join(sorted(word))


@lru_cache(maxsize=1)
def _anagram_index() -> dict[str, str]:
    """Letters (first letter, then all letters sorted) -> the word with those letters, or "" for several words.

    Covers the English words of Zipf >= 2 and the clinical words: a word in no list whose letters are one of
    these words in another order is a typo ("tnhaks", "seiegn"), not a name. Built once per process.
    """
    index: dict[str, str] = {}
    vocabulary = (w for w, f in word_frequencies().items() if f >= _VOCABULARY_FREQUENCY and w.isalpha())
    for w in (*vocabulary, *_shared_word_sets()[2]):
        if len(w) >= 4:
            key = _anagram_key(w)
            seen = index.get(key)
            index[key] = w if seen is None or seen == w else ""
    return index


def _clinical_words() -> frozenset[str]:
    """The package's clinical word lists (abbreviations, a patient's state), drug names and ICD-10-CM words."""
    return (
        load_lexicon("clinical-abbreviations").entries | load_lexicon("clinical-neutral").entries | drug_names()
        | medical_words() | clinical_shorthand()
    )


_STRUCTURE_WORDS = STRUCTURE_WORDS


def _covered(found: dict[int, tuple[int, str]]) -> set[int]:
    return {k for first, (last, _r) in found.items() for k in range(first, last + 1)}


def _cue_gap_ok(gap: str) -> bool:
    m = CUE_GAP.fullmatch(gap)
    return m is not None and "\n" not in gap


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos
