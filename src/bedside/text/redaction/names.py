"""Patient and relative names, found from context cues, capitalisation and the Census name lists.

Rules first: a name is a word (or two or three) that a cue announces ("Mr. Brown",
"pt smith in 4b", "daughter Grace", "room 12 – Garcia"), that a cue after it confirms ("Lopez in
bed 3", "Nguyen (MRN ..."), or a capitalised first-name + last-name pair from the Census lists
("John Smith called"). Once a word is found as a name, its other mentions in the same text are
redacted too. Staff names from the roster, and names after "Dr." / "RN" / "nurse", are not PHI and
stay. A word the rules leave is then scored by a small logistic regression over cheap features
(``scorer.py``, weights in the package); above its threshold it is a name too.

Three neighbours hold parts of the detector: ``roster.py`` (which words are staff), ``standalone.py`` (may a
word be a name with no cue at all?) and ``no_cue.py`` (the rules for names without a cue: message and row
openings, rooms right after, possessives, initials, particles, lists, and towns that are not names).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bedside.text.redaction.candidates import Candidate, RedactionDetector
from bedside.text.redaction.clinical_terms import (
    care_organisations,
    named_things,
    us_places,
)
from bedside.text.redaction.cues import (
    DAY_WORDS,
    FAMILY_OF,
    FIELD_AFTER,
    LOCATION_CUE,
    MONTH_WORDS,
    NUMBER_BEFORE,
    PATIENT_CUES,
    PATIENT_OBJECT_VERBS,
    PATIENT_VERB_AFTER,
    PLACE_AFTER,
    POSSESSIVE_CUE,
    POST_CUE,
    RECORD_FIELD_AFTER,
    RELATIVE_CUES,
    STAFF_CUES,
    TITLE_CUES,
    UNIT_WORDS,
    VERB_AFTER,
    cue_gap_ok,
    lower_case_title,
    skip_space,
)
from bedside.text.redaction.lexicon import COMMON_SURNAME_RANK, NameLexicon, census_lexicon
from bedside.text.redaction.name_forms import NameWords, covered_tokens, extend_names, last_first, shape_pairs
from bedside.text.redaction.no_cue import NoCueRules
from bedside.text.redaction.ordinary import dropped_letter_of, spanish_words, typo_of
from bedside.text.redaction.roster import Roster
from bedside.text.redaction.scorer import (
    FeatureContext,
    NameScorer,
    load_scorer,
    token_features,
    word_frequencies,
)
from bedside.text.redaction.standalone import (
    MEDICAL_SUFFIXES,
    RARE_FREQUENCY,
    StandaloneNames,
    anagram_index,
    anagram_key,
    never_a_name,
    shared_word_sets,
)
from bedside.text.redaction.tokens import Token as _Token
from bedside.text.redaction.tokens import tokens as _tokens
from bedside.text.redaction.vocabulary import (
    AMBIGUOUS_NAME_WORDS,
    CALENDAR_WORDS,
    COMMON_WORDS,
    FUNCTION_WORDS,
    NOT_NAME_SUFFIXES,
    STRUCTURE_WORDS,
)

_INITIAL = re.compile(r"\s+[A-Z]\.?\s+$")
_MAX_NAME_TOKENS = 3
_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx"})
_GIVEN_NAME_HEADS = frozenset({"Pa"})

_TIME_WORD_BEFORE = re.compile(r"\b(?:by|in|until|till|til|starting|since|from|thru|through|before|after|early|late|mid|next|last)\s+$", re.I)
_PLAIN_GAP = re.compile(r"[ ,\"'()]+")


class NameDetector(RedactionDetector):
    """PATIENT spans for names of patients and their relatives; roster staff names are kept."""

    name = "names"

    def __init__(
        self, staff_names: Iterable[str] = (), lexicon: NameLexicon | None = None, *, use_scorer: bool = True
    ) -> None:
        self._lex = lexicon or census_lexicon()
        self._roster = Roster.from_names(staff_names)
        self._staff_parts = self._roster.parts
        # Words that are not names without a strong cue: ordinary English (by frequency), clinical words.
        self._plain, self._frequent, self._clinical = shared_word_sets()
        spanish_words()  # built now, once per process, rather than inside the first message's redaction
        self._scorer: NameScorer | None = load_scorer() if use_scorer else None
        self._freq = word_frequencies()
        self._eponyms = named_things()
        self._organisations = care_organisations()
        self._standalone = StandaloneNames(
            self._lex, self._plain, self._frequent, self._clinical, self._freq, self._eponyms, self._organisations,
            anagram_index(), {anagram_key(w): w for w in self._staff_parts if len(w) >= 4},
        )
        self._alone_ok = self._standalone.name_alone
        self._no_cue = NoCueRules(self._standalone, us_places(), self._cap_name_ok)
        self._very_common_name = self._standalone.very_common_name
        self._ctx = FeatureContext(
            self._lex, self._plain, self._frequent, self._clinical, self._freq, self._eponyms, MEDICAL_SUFFIXES
        )

    # -- word tests ---------------------------------------------------------------------------
    def _nameish_part(self, lower: str) -> bool:
        if "-" in lower:
            return any(self._lex.is_name(p) for p in lower.split("-"))
        return self._lex.is_name(lower)

    def _census_common(self, lower: str) -> bool:
        return self._lex.is_common_name(lower) or ("-" in lower and any(self._lex.is_common_name(p) for p in lower.split("-") if p))

    _never = staticmethod(never_a_name)

    def _well_known_name(self, lower: str) -> bool:
        """Among the 2,000 commonest first names or the 5,000 commonest surnames ("Hope", "Tia"; not "Put", "Na")."""
        first = self._lex.first_names.get(lower)
        last = self._lex.last_names.get(lower)
        return (first is not None and first <= _WELL_KNOWN_FIRST) or (last is not None and last <= _WELL_KNOWN_LAST)

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
            and not dropped_letter_of(lower, self._plain)
        )

    def _lower_after_title(self, tok: _Token) -> bool:
        """A lower-case word after "mrs" / "mr." that is in no everyday, clinical or function-word list."""
        lower = tok.lower
        return (
            len(lower) >= 2 and lower.isalpha() and lower not in self._plain and lower not in COMMON_WORDS
            and not self._never(tok) and not typo_of(lower, self._plain)
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
                RECORD_FIELD_AFTER.match(text, tok.end) or PATIENT_VERB_AFTER.match(text, tok.end)
            )):
                return False  # "pt - Staff meeting", "re: Sunday": an ordinary word after a patient cue
            if confirmed and self._lex.is_last(tok.lower, COMMON_SURNAME_RANK) and tok.lower not in STRUCTURE_WORDS:
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
            return self._lex.is_last(tok.lower, COMMON_SURNAME_RANK) and tok.lower not in STRUCTURE_WORDS
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
        covered = covered_tokens(found)
        judged = self._scorable(toks, set() if include_found else covered, staff)
        rows = [(toks[i], token_features(toks, i, text, self._ctx, covered - {i}, staff)) for i in judged]
        return rows

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
        """Words the scorer judges: every word the rules leave except roster words, words that are never names
        (function words, cues), a word after a staff cue, a place qualifier ("hall bed"), a short word in capitals
        (an abbreviation: "HFNC", "OSA"), an eponym that is no common name ("Pavlik harness"), a compound of
        ordinary words ("Cross-cover"), a typo of an ordinary word that is no first name ("drian"), an ordinary word
        in lower case that is in no name list ("urine"), a frequent word or a short clinical word that is no well-known
        name ("Put", "Na", "OSA") and a very frequent word ("Read back:"). Other clinical and ordinary words are judged, with
        features saying what they are ("Tia in 7 vomited", "Hope in 22")."""
        return [
            i for i, tok in enumerate(toks)
            if i not in covered and i not in staff and not self._never(tok)
            and not (i > 0 and toks[i - 1].lower in STAFF_CUES)
            and not (i + 1 < len(toks) and toks[i + 1].lower in _PLACE_WORDS)
            and not (tok.upper and len(tok.lower) <= 4)
            and not (tok.lower in self._eponyms and not self._very_common_name(tok.lower))
            and not ("-" in tok.lower and any(p in self._plain for p in tok.lower.split("-") if len(p) > 2))
            and not (typo_of(tok.lower, self._plain) and tok.lower not in self._lex.first_names)
            and (tok.cap or tok.lower not in self._plain or self._lex.is_name(tok.lower) or tok.lower in self._lex.world_all)
            and not (tok.lower in self._frequent and not self._well_known_name(tok.lower))
            and self._freq.get(tok.lower, 0.0) < _SCORER_MAX_FREQUENCY
            and not (len(tok.lower) <= 3 and tok.lower in self._clinical and not self._well_known_name(tok.lower))
        ]

    def _scored(
        self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]], staff: set[int], scorer: NameScorer
    ) -> None:
        """Add the words the scorer calls names, joined to an adjacent name of the same case shape."""
        covered = covered_tokens(found)
        hits = []
        for i in self._scorable(toks, covered, staff):
            if toks[i].lower in self._eponyms and text.startswith(("'s", "’s"), toks[i].end) \
                    and not POSSESSIVE_CUE.match(text, toks[i].end):
                continue  # "Fowler's 30 deg": an eponym's possessive
            feats = token_features(toks, i, text, self._ctx, covered, staff)
            if scorer.is_name(feats):
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
        staff = self._roster.token_indexes(toks, text, self._standalone)
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
            elif title and tok.cap and toks[first - 1].lower in _COURTESY_TITLES and (
                len(tok.raw) == 1 or (tok.lower in FUNCTION_WORDS and not tok.upper)
            ) and (nxt is None or not nxt.cap or text[tok.end : nxt.start] != " "):
                ok = True  # "Mrs. Do in 19", "Ms. Her d/c planned", "Mr. K rm 17": a short surname or an initial
            elif title and not tok.cap and lower_case_title(toks[first - 1].lower, text, toks[first - 1].end) and self._lower_after_title(tok):
                ok = True  # "mrs whitehorse", "mr. pham": a rare name in lower case after an unmistakable title
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
            elif tok.raw in _GIVEN_NAME_HEADS and gap == " " and toks[i + 1].cap and not toks[i + 1].upper \
                    and toks[i + 1].lower not in STAFF_CUES and not self._never(toks[i + 1]):
                # "Pa Nhia", "Pa Houa Vang": a Hmong given name opening with "Pa", not a physician assistant ("PA Lee")
                found.setdefault(i, (extend(i + 1), "A Hmong given name (Pa and a capitalised word)."))
            elif lower in PATIENT_CUES and cue_gap_ok(gap, lower) and (lower != "re" or ":" in gap or tok.cap):
                take(i + 1, f"A name after the patient cue '{tok.raw}'.", strong=True)
            elif lower in RELATIVE_CUES and cue_gap_ok(gap):
                take(i + 1, f"A relative's name after '{tok.raw}'.", strong=True, relative=True)
                # "daughters Karen and Linda": a second name joined by "and"
                if i + 3 < len(toks) and i + 1 in found and toks[i + 2].lower == "and" and found[i + 1][0] == i + 1:
                    take(i + 3, f"A relative's name after '{tok.raw}' and another name.", strong=True, relative=True)
            elif lower in PATIENT_OBJECT_VERBS and gap == " ":
                self._after_object_word(i, toks, text, found, extend)
        for m in FAMILY_OF.finditer(text):
            j = by_start.get(skip_space(text, m.end()))
            if j is not None:  # after "his name is", "goes by" a capitalised word is a name, whatever else it is ("Boy", "Paddy")
                take(j, "A name after 'family of', 'baby girl', 'goes by' or 'his name is'.", strong=True, title=bool(m.group("stated") or m.group("named") or m.group("newborn")))
        for m in LOCATION_CUE.finditer(text):
            j = by_start.get(m.end())
            if j is None:
                continue
            sep = (m.group("sep") or m.group("sep2") or "").strip()
            # "bed 13 (Branch)": a word in brackets right after a room is a label, as after a title.
            label = sep == "(" and text.startswith(")", toks[j].end)
            take(j, "A name right after a room or bed number.", strong=bool(sep), relative=label, location=not label)
        self._post_cues(toks, text, found)
        self._no_cue.segment_starts(toks, text, found, extend)
        self._no_cue.room_openers(toks, text, found)
        self._no_cue.relation_brackets(toks, text, found)
        self._no_cue.possessives(toks, text, found)
        self._no_cue.particles(toks, text, found)
        self._no_cue.initials(text, toks, found)
        words = NameWords(self._lex, self._plain, staff.__contains__, self._frequent, self._eponyms, self._clinical)
        self._full_names(toks, text, found)
        last_first(toks, text, found, words)
        self._mid_sentence(toks, text, found, extend)
        self._bracketed(toks, text, found)
        shape_pairs(toks, text, found, words)
        extend_names(toks, text, found, words)
        self._no_cue.list_items(toks, text, found)
        self._no_cue.drop_places(toks, text, found)
        return found, staff

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
            and toks[i + 2].lower not in FUNCTION_WORDS and toks[i + 2].lower not in STRUCTURE_WORDS
        if is_verb or surname_next or after == "" or after[0] in ":,.?!;" or POST_CUE.match(text, nxt.end):
            found.setdefault(i + 1, (extend(i + 1), f"A Census surname in lower case after '{tok.raw}'."))

    def _post_cues(self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """'Lopez in bed 3', 'Nguyen (MRN ...', 'Oduya, 72M', "Cook's labs", 'Long fell'."""
        covered = covered_tokens(found)
        for i, tok in enumerate(toks):
            if i in covered or tok.upper or self._never(tok) or (tok.lower in self._eponyms and not self._very_common_name(tok.lower)):
                continue  # ("the Vocera on 5E": a device)
            if tok.lower in UNIT_WORDS and NUMBER_BEFORE.search(text, 0, tok.start):
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
                    tok.lower in AMBIGUOUS_NAME_WORDS and tok.lower not in STRUCTURE_WORDS
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

    def _mid_sentence(self, toks: list[_Token], text: str, found: dict[int, tuple[int, str]], extend: Callable[[int], int]) -> None:
        """A capitalised Census name in the middle of a sentence, where only names are capitalised."""
        covered = covered_tokens(found)
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
            if tok.lower in CALENDAR_WORDS and _TIME_WORD_BEFORE.search(text, 0, tok.start):
                continue  # "starting Jan", "by Jan": a month
            last = extend(i)
            if PLACE_AFTER.match(text, toks[last].end) or (
                last == i and tok.lower in self._lex.world and self._freq.get(tok.lower, 0.0) >= RARE_FREQUENCY / 3
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
        covered = covered_tokens(found)
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
        covered = covered_tokens(found)
        for i in range(len(toks) - 1):
            a, b = toks[i], toks[i + 1]
            if i in covered or i + 1 in covered or text[a.end : b.start] != " ":
                continue
            a_first = self._lex.is_first(a.lower) and a.lower not in AMBIGUOUS_NAME_WORDS and self._cap_name_ok(a, False, False)
            b_surname_word = b.cap and not b.upper and b.lower in COMMON_WORDS and self._lex.is_last(b.lower, COMMON_SURNAME_RANK) \
                and not self._never(b) and b.lower not in STRUCTURE_WORDS
            # "Harmony Keawe", "Blessing Oyebanji": a first name that is also a word, before a surname that is none.
            word_first = a.cap and not a.upper and self._lex.is_first(a.lower) and a.lower not in self._frequent \
                and a.lower not in AMBIGUOUS_NAME_WORDS and not self._never(a) and a.lower not in STRUCTURE_WORDS \
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


# "hall bed 3", "ICU room 4": a word right before one of these qualifies a place.
_PLACE_WORDS = frozenset({"bed", "beds", "room", "rm", "bay", "pod", "chair", "stretcher", "cubicle"})
_IN_PLACE = re.compile(r"(?:'s)?(?:\s+(?:is|was|now|still|back))?\s+(?:in|on)\b")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "my", "your", "our", "their", "his", "her", "its", "any", "some"})


_SCORER_MAX_FREQUENCY = 10 ** (5.3 - 9)  # Zipf 5.3: "read", "will", "young" are left to the rules' cues
_WELL_KNOWN_FIRST = 2_000
_WELL_KNOWN_LAST = 5_000
