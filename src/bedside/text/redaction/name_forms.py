"""Name shapes that hold in any case: "first last", "LAST, FIRST", and the words around a found name.

EHR exports print "LAST, FIRST" in capitals; clinicians type "dawn taylor in ED 2" in lower case. These
rules do not depend on capitals. They need the words themselves to look like names: both are in the
Census lists (the first as a first name, the other as a surname) and neither is an ordinary English or
clinical word (:mod:`bedside.text.redaction.ordinary`). Two words of the same case shape are required,
so "ICU, BP" or "will smith" (an ordinary word) never qualify.

:func:`extend_names` then grows every found name over neighbouring name-shaped words: "pt PATEL" →
"pt PATEL, SANDRA"; "[PATIENT], SANDRA" left by an earlier pass gets its first name too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wordfreq import zipf_frequency

from bedside.text.redaction.cues import POST_CUE, RECORD_AFTER
from bedside.text.redaction.lexicon import COMMON_SURNAME_RANK, NameLexicon
from bedside.text.redaction.ordinary import spanish_words, typo_of
from bedside.text.redaction.standalone import never_a_name, very_common_name
from bedside.text.redaction.tokens import Token
from bedside.text.redaction.vocabulary import (
    AMBIGUOUS_NAME_WORDS,
    COMMON_WORDS,
    FUNCTION_WORDS,
    NOT_NAME_SUFFIXES,
    STRUCTURE_WORDS,
)

Found = dict[int, tuple[int, str]]
_PATIENT_PLACEHOLDER = re.compile(r"\[PATIENT\]")
_OPEN_BRACKET = re.compile(r"\((?:(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+)?$")


@dataclass(frozen=True)
class NameWords:
    """Word tests shared by the shape rules; ``plain`` holds ordinary, clinical and function words."""

    lex: NameLexicon
    plain: frozenset[str]
    staff: Callable[[int], bool]
    frequent: frozenset[str] = frozenset()
    things: frozenset[str] = frozenset()  # eponyms, devices, organisations ("bair hugger", "nissen")
    clinical: frozenset[str] = frozenset()  # clinical abbreviations, shorthand, drugs and medical words

    def first(self, tok: Token) -> bool:
        return self.lex.is_first(tok.lower) and self._free(tok)

    def last(self, tok: Token, max_rank: int | None = COMMON_SURNAME_RANK) -> bool:
        if "-" in tok.lower:
            parts = [p for p in tok.lower.split("-") if p]
            return bool(parts) and all(self.lex.is_last(p) and (p not in self.plain or len(p) < 3) for p in parts) \
                and tok.lower not in self.plain and not any(p in self.plain for p in parts if len(p) >= 3)
        return self.lex.is_last(tok.lower, max_rank) and self._free(tok)

    def any_name(self, tok: Token) -> bool:
        return self.first(tok) or self.last(tok, None)

    def listed(self, tok: Token) -> bool:
        """In any name list, at any rank, and not an ordinary, clinical or drug word ("sadiq", "ferencz")."""
        return self.lex.is_name(tok.lower) and self._free(tok) and tok.lower not in AMBIGUOUS_NAME_WORDS \
            and tok.lower not in self.things

    def unlisted(self, tok: Token) -> bool:
        """A word in no list at all ("adebayo", "KACZMAREK"): a name only next to a listed name."""
        low = tok.lower
        return (
            len(low) >= 4
            and low.isalpha()
            and low not in self.plain
            and not self.lex.is_name(low)
            and not low.endswith(NOT_NAME_SUFFIXES)
            and any(v in low for v in "aeiouy")
            and not typo_of(low, self.plain)
            and low not in self.things
            and low not in spanish_words()  # "ella pregunta": Spanish between English words
        )

    def word_surname(self, tok: Token) -> bool:
        """A common Census surname that is also an ordinary word (Price, West, Long, Day, Brady)."""
        return (
            len(tok.lower) > 1
            and tok.lower not in FUNCTION_WORDS
            and tok.lower not in STRUCTURE_WORDS
            and self.lex.is_last(tok.lower, COMMON_SURNAME_RANK)
        )

    def word_first(self, tok: Token) -> bool:
        """A Census first name that is also an ordinary word (Heather, Christian, Wayne)."""
        return len(tok.lower) > 2 and tok.lower not in FUNCTION_WORDS and tok.lower not in STRUCTURE_WORDS \
            and self.lex.is_first(tok.lower)

    def census(self, tok: Token) -> bool:
        """In the Census lists, not only in the world lists: a word in no list needs such a neighbour."""
        return tok.lower not in self.lex.world

    def _free(self, tok: Token) -> bool:
        low = tok.lower
        if tok.upper and len(low) <= 3:
            return False  # "OSA", "CAD": an abbreviation in capitals
        return len(low) > 1 and low not in self.plain and not (low in self.lex.world and typo_of(low, self.plain))


# Before an EHR "LAST, FIRST" in capitals: "trop 0.84 on FONOTI, PITA", "d/c summary for LAM, BAO", "recollected on".
_RECORD_BEFORE = re.compile(r"(?:\b(?:on|for|re|pt|patient|of|from)|:)\s*$", re.IGNORECASE)


def _LONG_UNLISTED(tok: Token, words: NameWords) -> bool:  # noqa: N802 - reads as a predicate in the rule above
    """A word of three letters or more that is no ordinary, clinical or eponym word."""
    low = tok.lower
    return len(low) >= 3 and low.replace("-", "").isalpha() and low not in words.plain and any(v in low for v in "aeiouy") \
        and low not in words.things and (len(low) >= 4 or words.lex.is_name(low))


def covered_tokens(found: Found) -> set[int]:
    """Indexes of every token inside a found name."""
    return {k for first, (last, _r) in found.items() for k in range(first, last + 1)}


def _same_shape(a: Token, b: Token) -> bool:
    return a.shape == b.shape or (a.shape != "lower" and b.shape != "lower")


def shape_pairs(toks: Sequence[Token], text: str, found: Found, words: NameWords) -> None:
    """'dawn taylor', 'JEREMY WAGNER', 'WAGNER, JEREMY', 'gibson, lawrence' with no cue at all."""
    covered = covered_tokens(found)
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if i in covered or i + 1 in covered or a.shape != b.shape or a.shape == "title":
            continue
        if words.staff(i) or words.staff(i + 1):
            continue  # roster names stay; a patient who shares one is found by a cue
        gap = text[a.end : b.start]
        cued = POST_CUE.match(text, b.end) is not None
        if gap == " ":
            ok = not (a.lower in AMBIGUOUS_NAME_WORDS and b.lower in AMBIGUOUS_NAME_WORDS) and (
                (words.first(a) and words.last(b, None))
                or (words.first(a) and a.lower not in AMBIGUOUS_NAME_WORDS and words.unlisted(b) and words.census(a))
                or (words.unlisted(a) and words.last(b) and b.lower not in AMBIGUOUS_NAME_WORDS and words.census(b))
            )
            # With a cue after it ("samuel flowers in bay 2", "tyrone brady (ED 4)"), one of the two may
            # be an ordinary word.
            ok = ok or (cued and (
                (words.first(a) and words.word_surname(b)) or (words.word_first(a) and words.last(b))
            ))
            # A first name that is also a fairly common word, before a surname that is no word at all
            # ("destiny carver", "JOURNEY MWANGI"): the surname vouches for it.
            ok = ok or (
                a.shape != "title" and words.word_first(a) and a.lower not in words.frequent
                and a.lower not in AMBIGUOUS_NAME_WORDS and words.last(b) and b.lower not in AMBIGUOUS_NAME_WORDS
            )
            # Two words that are no English, clinical or drug word, one of them in a name list at any rank
            # ("tendai sadiq", "ludmila tursunov", "sunniva farouk"): people's names, whatever their origin.
            ok = ok or (
                (words.listed(a) or words.unlisted(a)) and (words.listed(b) or words.unlisted(b))
                and (words.listed(a) or words.listed(b))
            )
            reason = "A first name and a surname from the name lists, neither an ordinary word."
        elif gap in (", ", ","):
            # "PRICE, KELSEY": the surname may be an ordinary word when a real first name follows.
            ok = (words.last(a, None) or (a.shape == "upper" and words.word_surname(a))) and words.first(b)
            ok = ok or (words.last(a, None) and words.unlisted(b)) or (words.unlisted(a) and words.first(b))
            # In capitals before a DOB or an MRN ("ADEBAYO, FOLASADE DOB ...", "NIKOLAIDIS, THEO DOB"), a surname in no
            # list and a first name (listed or not) make a name.
            ok = ok or (a.shape == "upper" and _LONG_UNLISTED(a, words) and (
                _LONG_UNLISTED(b, words) or words.lex.is_first(b.lower)
                or (len(b.lower) >= 3 and b.lower.isalpha() and b.lower not in words.frequent  # "FONOTI, PITA"
                    and b.lower not in words.clinical)
            )
                        and (RECORD_AFTER.match(text, b.end) is not None or _RECORD_BEFORE.search(text, 0, a.start) is not None))
            # With a cue after it ("rich, mark - 831 -"), both may be ordinary words.
            ok = ok or (cued and (words.last(a, None) or words.word_surname(a)) and (words.first(b) or words.word_first(b)))
            reason = "A surname, a comma and a first name (the 'LAST, FIRST' form of lists and exports)."
        else:
            continue
        if ok:
            found[i] = (i + 1, reason)
            covered.update((i, i + 1))


def extend_names(toks: Sequence[Token], text: str, found: Found, words: NameWords) -> None:
    """Grow found names over adjacent name-shaped words, and anchor on earlier [PATIENT] placeholders."""
    index_at = {t.start: k for k, t in enumerate(toks)}
    for first in sorted(found):
        last, reason = found[first]
        last = _grow_right(toks, text, last, words)
        first_new = _grow_left(toks, text, first, words)
        if first_new != first or last != found[first][0]:
            del found[first]
            found[first_new] = (last, reason)
    covered = covered_tokens(found)
    for m in _PATIENT_PLACEHOLDER.finditer(text):
        after = re.match(r",? ", text[m.end() :])
        if after:
            j = index_at.get(m.end() + after.end())
            if j is not None and j not in covered and not words.staff(j) and not _plain_lower(toks[j], words) and (
                words.any_name(toks[j])
                or (POST_CUE.match(text, toks[j].end) is not None and words.word_surname(toks[j]))
                or (words.word_first(toks[j]) and _inverted_first(toks[j], text, after.group(), m.start()))
                or _bracketed_surname(toks[j], text, after.group(), m.start(), words)
            ):
                found[j] = (j, "A name-shaped word right after a redacted name.")
                covered.add(j)
        before = re.search(r"(?:, | )$", text[: m.start()])
        if before:
            k = next((n for n in range(len(toks)) if toks[n].end == before.start()), None)
            if k is not None and k not in covered and not words.staff(k) and not _plain_lower(toks[k], words) and (
                words.any_name(toks[k]) or (before.group() == ", " and toks[k].cap and words.word_surname(toks[k]))
                or (before.group() == " " and toks[k].shape != "title" and words.word_first(toks[k])
                    and toks[k].lower not in words.frequent and toks[k].lower not in AMBIGUOUS_NAME_WORDS)
            ):
                found[k] = (k, "A name-shaped word right before a redacted name.")
                covered.add(k)


def _plain_lower(tok: Token, words: NameWords) -> bool:
    """A lower-case everyday word next to a redacted name is a role or a word of the sentence ("home aide [PATIENT]",
    "the other Vang lady"), not the rest of the name, unless it is a common name ("Mr. [PATIENT] powers")."""
    return not tok.cap and not tok.upper and tok.lower in words.plain and not very_common_name(words.lex, tok.lower)


def _inverted_first(tok: Token, text: str, gap: str, start: int) -> bool:
    """'[PATIENT], CHRISTIAN': a first name that is also a word, after a redacted surname in capitals."""
    if gap != ", ":
        return False
    closed = re.match(r"\s*(?:[)\]]|$)", text[tok.end :]) is not None
    return tok.shape == "upper" or (tok.shape == "title" and closed and text[:start].rstrip().endswith("("))


def _bracketed_surname(tok: Token, text: str, gap: str, start: int, words: NameWords) -> bool:
    """'([PATIENT] powers)': a surname that is also a word, inside the bracket that holds a redacted name."""
    return (
        gap == " "
        and _OPEN_BRACKET.search(text, max(0, start - 8), start) is not None
        and text.startswith(")", tok.end)
        and words.word_surname(tok)
    )


def _grow_right(toks: Sequence[Token], text: str, last: int, words: NameWords) -> int:
    j = last + 1
    if j >= len(toks) or words.staff(j):
        return last
    gap = text[toks[last].end : toks[j].start]
    nxt = toks[j]
    if not _same_shape(toks[last], nxt):
        return last
    if gap in (", ", ",") and (words.first(nxt) or (nxt.shape == "upper" and words.unlisted(nxt))) and (j + 1 >= len(toks) or text[nxt.end : toks[j + 1].start] != ", "):
        return j  # "PATEL, SANDRA": a comma-inverted name
    if gap == " " and words.last(nxt) and words.lex.is_first(toks[last].lower):
        return j  # "kenneth malone"
    return last


def _grow_left(toks: Sequence[Token], text: str, first: int, words: NameWords) -> int:
    k = first - 1
    if k < 0 or words.staff(k):
        return first
    prev = toks[k]
    if text[prev.end : toks[first].start] != " " or not _same_shape(prev, toks[first]) or not words.lex.is_last(toks[first].lower):
        return first
    if words.first(prev):
        return k  # "jeremy [wagner]"
    if words.word_first(prev) and prev.lower not in words.frequent and prev.lower not in AMBIGUOUS_NAME_WORDS \
            and toks[first].lower not in AMBIGUOUS_NAME_WORDS and (prev.shape != "title" or first > k + 1 or k > 0):
        return k  # "autumn [okonkwo]": a first name that is also a word, before a surname found on its own
    return first


def last_first(toks: Sequence[Token], text: str, found: Found, words: NameWords) -> None:
    """'SMITH, John' / 'Achebe, Olga' as written in lists and exports; at the head of a sign-out line (after a bed
    or at the start) also names in no list, in capitals or not ("ICU 2 Tesfamariam, Yonas", "ALEMAYEHU, TIGIST")."""
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if text[a.end : b.start] not in (", ", ","):
            continue
        listed = b.cap and not b.upper and words.lex.is_first(b.lower) and b.lower not in COMMON_WORDS
        if not (listed or _line_head_pair(a, b, text, words)):
            continue
        if not (a.raw[0].isupper() and len(a.raw) > 1) or a.lower in COMMON_WORDS or never_a_name(a):
            continue
        if a.lower in AMBIGUOUS_NAME_WORDS and b.lower in AMBIGUOUS_NAME_WORDS:
            continue
        found.setdefault(i, (i, "A surname written before a comma and a first name."))
        found.setdefault(i + 1, (i + 1, "A first name after a surname and a comma."))


# Before a "Last, First" pair: the start of the message or of a line, or a bed, room or unit number.
_LINE_HEAD_BEFORE = re.compile(
    r"(?:^|\n|\b(?:icu|ccu|pacu|ed|er|bed|bd|rm|room|bay|pod|trauma)\s*#?\d{1,4}[A-Za-z]?\s*[-–:,]?)\s*$", re.IGNORECASE
)
_RARE_ZIPF = 3.0


def _line_head_pair(a: Token, b: Token, text: str, words: NameWords) -> bool:
    """Two rare capitalised words of the same case shape (three letters or more; four in capitals), at the head of a
    line."""
    same_shape = (a.upper and b.upper) or (a.cap and b.cap and not a.upper and not b.upper)
    return (
        same_shape
        and min(len(a.raw), len(b.raw)) >= (4 if a.upper else 3)  # "PSF, PCA" are abbreviations
        and all(t.lower not in words.plain and t.lower not in words.clinical and not never_a_name(t) for t in (a, b))
        and all(zipf_frequency(t.lower, "en") < _RARE_ZIPF for t in (a, b))
        and _LINE_HEAD_BEFORE.search(text, 0, a.start) is not None
    )
