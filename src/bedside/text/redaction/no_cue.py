"""Names with no cue around them: where a stand-alone name may stand, and towns that are not names.

Clinicians write a patient's name with no cue at all in a few places: at the start of a message or of a
handoff row ("Petrosyan MRI neg", "502 Oduya - new afib"), right before a room ("kowalczyk rm 302"), with a
possessive ("tran's lantus"), as initials next to a room ("JR in 6"), with a surname particle ("von
Hohenberg"), or as one item of a list of names. :class:`NoCueRules` finds them there, taking a word only
when :class:`~bedside.text.redaction.standalone.StandaloneNames` says it may be a name by itself, and
drops a town's name after a place word ("dialysis in Pierre"). Each rule adds to the ``found`` map of
:mod:`bedside.text.redaction.names` (first token -> last token and reason).
"""

from __future__ import annotations

from collections.abc import Callable

from bedside.text.redaction.cues import (
    AGE_SEX_AFTER,
    DOTTED_INITIALS,
    FAMILY_AFTER,
    INITIALS,
    INITIALS_AFTER_PLACE,
    LIST_BREAK,
    NOT_ROW_NAMES,
    NUMBERED_ITEM_BEFORE,
    PARTICLES,
    PATIENT_BRACKET_AFTER,
    PATIENT_CUES,
    PATIENT_OBJECT_VERBS,
    PATIENT_ROOM_BEFORE,
    PATIENT_VERB_AFTER,
    PLACE_AFTER,
    PLACE_PREPOSITIONS,
    PLACE_RIGHT_AFTER,
    RELATION_BRACKET_AFTER,
    RELATIVE_CUES,
    ROOM_AFTER_NAME,
    ROOM_IN_AFTER,
    ROOM_NUMBER_THEN_FIELD,
    ROOM_THEN_FIELD,
    SEGMENT_BREAK,
    SMALL_ROOM_THEN_PATIENT,
    STAFF_CUES,
    THE_PATIENT_AFTER,
    TITLE_CUES,
    TRAVEL_WORDS,
)
from bedside.text.redaction.name_forms import covered_tokens
from bedside.text.redaction.standalone import ROOM_RARE_FREQUENCY, StandaloneNames, never_a_name
from bedside.text.redaction.tokens import Token
from bedside.text.redaction.vocabulary import AMBIGUOUS_NAME_WORDS, FUNCTION_WORDS, STRUCTURE_WORDS

_LOWER_TITLES = frozenset({"mr", "mrs", "ms", "miss"})
_OPENER_FREQUENCY = 10 ** (5.0 - 9)  # Zipf 5: "Keep bed 10 NPO", "Put rm 4 on q1h checks" open with a verb, not a name


# Letters that are a place or a record's field of the hospital, never a patient's initials ("from ED, 94 yo F", "D.O.B.").
_NEVER_INITIALS = frozenset({"ed", "er", "or", "icu", "ccu", "dob", "md", "do", "rn", "np", "pa", "pt", "ot", "rt", "iv", "po", "am", "pm", "us", "dc"})
STATED_INITIALS = "Initials the message marks as a patient's (an age and sex after them, or written with dots)."


class NoCueRules:
    """The no-cue rules, reading the stand-alone word test, the US town list and the detector's capitalised-name test."""

    def __init__(
        self, words: StandaloneNames, places: frozenset[str], cap_name_ok: Callable[[Token, bool, bool], bool]
    ) -> None:
        self._words = words
        self._places = places
        self._cap_name_ok = cap_name_ok

    def segment_starts(
        self, toks: list[Token], text: str, found: dict[int, tuple[int, str]], extend: Callable[[int], int]
    ) -> None:
        """A name that opens a message or a row, or sits right before a room: "Petrosyan MRI neg", "sherpa rm 16"."""
        covered = covered_tokens(found)
        for i, tok in enumerate(toks):
            if i in covered:
                continue
            opens = self._opens(toks, i, text)
            place_after = PLACE_RIGHT_AFTER.match(text, tok.end) is not None or (
                opens and ROOM_THEN_FIELD.match(text, tok.end) is not None
            )
            if opens and self._word_name_opening(toks, i, text, found, covered):
                continue
            if not (opens or place_after) or (len(tok.lower) < 4 and not place_after):
                continue  # a three-letter word ("osa", "ptx") needs a room right after it
            if i > 0 and toks[i - 1].lower in STAFF_CUES:
                continue
            # With a room right after it, a rarer English word may be a name too ("Tallulah 6 - mother ...").
            if not self._words.name_alone(tok, text, ROOM_RARE_FREQUENCY if place_after else None) or PLACE_AFTER.match(text, tok.end):
                continue
            if text.startswith(":", tok.end) and not self._words.lex.is_name(tok.lower):
                continue  # "Ortho:", "Derm:": a label
            last = extend(i)
            j = last + 1
            if j < len(toks) and text[toks[last].end : toks[j].start] in (", ", ",") and toks[j].shape == tok.shape != "lower" \
                    and self._words.name_alone(toks[j], text):
                last = j  # "TUILAGI, MOANA extubated": an EHR "LAST, FIRST"
            found.setdefault(i, (last, "A name at the start of a message or of a row, with no other word before it."))
            covered.update(range(i, last + 1))

    def room_openers(self, toks: list[Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """"Hope in 312 asking for her phone", "Olivia (peds 11, 6yo) NPO", "Major in CVICU bed 4": a very common name (or
        a word in no list) that opens a message, then a room or a patient's details in brackets, even an everyday word."""
        covered = covered_tokens(found)
        for i, tok in enumerate(toks):
            if i in covered or never_a_name(tok) or tok.upper or len(tok.lower) < 2:
                continue
            if not tok.cap and i > 0 and toks[i - 1].lower in _LOWER_TITLES and text[toks[i - 1].end : tok.start] in (" ", ". ") \
                    and self._words.lex.is_name(tok.lower) and (
                tok.lower in AMBIGUOUS_NAME_WORDS or self._words.very_common_name(tok.lower)
            ) and (toks[i - 1].lower in ("mrs", "miss") or text[toks[i - 1].end : tok.start] == ". " or ROOM_AFTER_NAME.match(text, tok.end)
                   or (i + 1 < len(toks) and len(toks[i + 1].lower) > 2 and self._words.lex.is_name(toks[i + 1].lower)
                       and text[tok.end : toks[i + 1].start] == " ")):
                nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
                two = len(nxt) > 2 and not toks[i + 1].cap and self._words.lex.is_name(nxt) and text[tok.end : toks[i + 1].start] == " " \
                    and (nxt in AMBIGUOUS_NAME_WORDS or nxt not in self._words.plain)  # "ms faith young"; not "mrs young re"
                found.setdefault(i, (i + 1 if two else i, "A name in lower case after a title ('mrs young', 'ms young 412')."))
                covered.add(i)
                continue
            if THE_PATIENT_AFTER.match(text, tok.end) and (tok.lower in AMBIGUOUS_NAME_WORDS or self._words.very_common_name(tok.lower)) \
                    and (tok.cap or self._opens(toks, i, text)):
                found.setdefault(i, (i, "A name the message then calls the patient ('Faith (the 19yo in 410)', 'faith the pt')."))
                covered.add(i)
                continue
            if PATIENT_ROOM_BEFORE.search(text, max(0, tok.start - 24), tok.start) and (
                self._words.name_alone(tok, text) or (tok.cap and self._words.very_common_name(tok.lower) and tok.lower not in self._words.plain)
                or (tok.cap and text.startswith(")", tok.end) and text[: tok.start].endswith("("))  # "pt in 14 (Bill)"
            ):
                found.setdefault(i, (i, "A name right after a patient's room ('pt in 614 deng c/o', 'pt in 22 Larry')."))
                covered.add(i)
                continue
            if not self._opens(toks, i, text):
                continue
            low = tok.lower
            if low in RELATIVE_CUES or low in STAFF_CUES or low in PATIENT_CUES or low in self._words.things:
                continue
            if low in self._words.clinical:
                continue  # "Labs in 312", "Pain in 412": a clinical word
            nameish = self._words.very_common_name(low) or self._words.name_alone(tok, text)  # "Family in 312": no name
            if nameish and (ROOM_IN_AFTER.match(text, tok.end) or PATIENT_BRACKET_AFTER.match(text, tok.end)):
                found.setdefault(i, (i, "A name opening a message, then a room or a patient's details in brackets."))
                covered.add(i)
            elif SMALL_ROOM_THEN_PATIENT.match(text, tok.end) and self._words.lex.is_first(low):
                found.setdefault(i, (i, "A first name opening a message, then a room and what the patient does."))
                covered.add(i)
            elif tok.cap and ROOM_NUMBER_THEN_FIELD.match(text, tok.end) and self._words.lex.is_name(low) and low not in NOT_ROW_NAMES:
                found.setdefault(i, (i, "A listed name opening a sign-out row, then its room number."))  # "Faith 802 - sickle crisis"
                covered.add(i)
            elif PLACE_RIGHT_AFTER.match(text, tok.end) and self._words.lex.is_name(low) and (tok.cap or self._words.name_alone(tok, text)) \
                    and (self._words.very_common_name(low) or self._words.freq.get(low, 0.0) < _OPENER_FREQUENCY):
                found.setdefault(i, (i, "A listed name opening a message, then a room."))  # "Tiger bed 3", "Dang rm 7"
                covered.add(i)

    @staticmethod
    def _opens(toks: list[Token], i: int, text: str) -> bool:
        """Whether token ``i`` opens the message or a segment of it."""
        before = text[toks[i - 1].end if i else 0 : toks[i].start]
        return (i == 0 and not any(c.isalpha() for c in before)) or SEGMENT_BREAK.search(before) is not None

    def relation_brackets(self, toks: list[Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """'a call from Trang (pt's niece)', 'Boo (pt's nickname)', 'pops aka Mr Heine': the message says whose name it is."""
        covered = covered_tokens(found)
        for i, tok in enumerate(toks):
            if i in covered or never_a_name(tok) or (tok.upper and len(tok.lower) <= 4) or len(tok.lower) < 2:
                continue
            low = tok.lower
            if low in RELATIVE_CUES or low in STAFF_CUES or low in PATIENT_CUES or low in FUNCTION_WORDS or low in STRUCTURE_WORDS \
                    or (low in self._words.clinical and low in self._words.frequent) or low in self._words.things:
                continue  # a rare word in the drug or clinical lists may still be a name here ("Armine (pt's wife)")
            if RELATION_BRACKET_AFTER.match(text, tok.end):
                found.setdefault(i, (i, "A name the message says is a patient's or a relative's, in brackets after it."))
                covered.add(i)
            elif tok.cap and not tok.upper and self._words.lex.is_name(low) and low not in self._words.clinical \
                    and FAMILY_AFTER.match(text, tok.end):
                found.setdefault(i, (i, "A listed name before 'family', 'kid' or 'pt in' a room."))
                covered.add(i)

    def _word_name_opening(
        self, toks: list[Token], i: int, text: str, found: dict[int, tuple[int, str]], covered: set[int]
    ) -> bool:
        """At the start of a message: 'Baker back from IR' (a surname that is a word, then a patient's verb) and
        'Memory Chikwanha VL undetectable' (any capitalised word before a surname in no list). True when taken."""
        tok = toks[i]
        if not tok.cap or tok.upper or never_a_name(tok) or tok.lower in self._words.things or tok.lower in self._words.clinical:
            return False
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and text[tok.end : nxt.start] == " " and nxt.shape == "title" and i + 1 not in covered \
                and not self._words.lex.is_name(nxt.lower) and self._words.name_alone(nxt, text) and tok.lower not in FUNCTION_WORDS \
                and tok.lower not in STRUCTURE_WORDS and tok.lower not in PATIENT_OBJECT_VERBS:
            found.setdefault(i, (i + 1, "A capitalised word and a surname in no list, opening a message."))
            covered.update((i, i + 1))
            return True
        if self._words.lex.is_name(tok.lower) and tok.lower not in AMBIGUOUS_NAME_WORDS and tok.lower not in self._words.frequent \
                and PATIENT_VERB_AFTER.match(text, tok.end):
            found.setdefault(i, (i, "A surname that is also a word, opening a message before a patient's verb."))
            covered.add(i)
            return True
        return False

    def initials(self, text: str, toks: list[Token], found: dict[int, tuple[int, str]]) -> None:
        """'JR in 6 tox +', 're: T.M. (bed 2)', 'bed 7 K.R. - CIWA', 'KM 17F OD', 'L.V. 210 hypoK': a patient's initials
        next to a room, after 'pt', or before an age and sex."""
        by_start = {t.start: k for k, t in enumerate(toks)}
        for m in (*INITIALS.finditer(text), *INITIALS_AFTER_PLACE.finditer(text), *DOTTED_INITIALS.finditer(text)):
            value = m.group("value")
            letters = value.lower().replace(".", "").replace(" ", "")
            if letters in STAFF_CUES or value.lower() in STAFF_CUES or letters in _NEVER_INITIALS:
                continue
            # Initials the message marks as a patient's (an age and sex after them, or dots) are stated; the
            # sequence model may not drop them. Letters that are a clinical word need that ("RN in 6", "IV in 3").
            stated = AGE_SEX_AFTER.match(text, m.end("value")) is not None or m.re is DOTTED_INITIALS
            if (letters in self._words.clinical or (m.re is INITIALS_AFTER_PLACE and letters in self._words.frequent)) and not stated:
                continue  # "RN in 6", "IV in 3"; "pt OK to go"
            k = by_start.get(m.start("value"))
            if k is not None and k not in found:
                last = max(j for j in range(k, len(toks)) if toks[j].start < m.end("value"))
                found[k] = (last, STATED_INITIALS if stated else "A patient's initials next to a room or after 'pt'.")

    def particles(self, toks: list[Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """'von Hohenberg', 'Ó Súilleabháin', 'de la Cruz', 'Maximilian van der Berg': a surname particle and a name."""
        covered = covered_tokens(found)
        for i, tok in enumerate(toks):
            if tok.raw not in PARTICLES or i in covered:
                continue
            j = i
            while j + 1 < len(toks) and toks[j + 1].raw in PARTICLES and text[toks[j].end : toks[j + 1].start] == " ":
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
            if not (head.cap and not head.upper) or not (self._words.name_alone(head, text) or self._words.lex.is_last(head.lower)):
                continue
            first = i
            if i > 0 and text[toks[i - 1].end : tok.start] == " " and toks[i - 1].shape == "title" \
                    and (self._words.lex.is_first(toks[i - 1].lower) or self._words.name_alone(toks[i - 1], text)) and i - 1 not in covered:
                first = i - 1  # "Maximilian von Hohenberg", "Seán Ó Súilleabháin"
            span = range(first, k + 1)
            if any(x in found for x in span):
                continue
            found[first] = (k, "A surname with its particle ('von', 'de la', 'Ó').")
            covered.update(span)

    def list_items(self, toks: list[Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """'ED boarding: Minh Pham 8h, Yesenia Ochoa 6h, Tuilagi 5h': an item of a list whose other items are names; the
        first word of an item of a numbered list ('1) Klassen afib 2) Wiens EGD done') when it may be a name alone."""
        numbered = [i for i, tok in enumerate(toks) if NUMBERED_ITEM_BEFORE.search(text, max(0, tok.start - 6), tok.start)] if ")" in text else []
        if len(numbered) >= 2:  # "sign-out: 1) Klassen afib rate controlled 2) Wiens EGD done": a numbered sign-out's patients
            covered = covered_tokens(found)
            for i in numbered:
                if i not in covered and toks[i].cap and not toks[i].upper and self._words.name_alone(toks[i], text):
                    found[i] = (i, "A name opening an item of a numbered list.")
        starts = [i for i, tok in enumerate(toks) if i == 0 or LIST_BREAK.search(text, toks[i - 1].end, tok.start)]
        if len(starts) < 3:
            return
        named = [i for i in starts if i in found]
        if len(named) < 2:
            return
        covered = covered_tokens(found)
        for i in starts:
            tok = toks[i]
            if i in covered or not (self._words.name_alone(tok, text) or (tok.cap and self._cap_name_ok(tok, False, False))):
                continue
            if tok.shape != toks[named[0]].shape:
                continue  # the items of one list are written alike
            found[i] = (i, "An item of a list whose other items are names.")
            covered.add(i)

    def possessives(self, toks: list[Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """'tran's lantus', "ah-young's ionized Ca": a name-list or unknown word with a possessive."""
        covered = covered_tokens(found)
        for i, tok in enumerate(toks):
            if i in covered or not (text.startswith("'s", tok.end) or text.startswith("’s", tok.end)):
                continue
            if (i > 0 and toks[i - 1].lower in STAFF_CUES) or not self._words.name_alone(tok, text):
                continue
            found.setdefault(i, (i, "A name-list or unknown word with a possessive."))

    def drop_places(self, toks: list[Token], text: str, found: dict[int, tuple[int, str]]) -> None:
        """'dialysis in Pierre MWF', 'lives out by Dupree', 'going to Rapid City': a town after a place word is no patient."""
        for first, (last, _reason) in list(found.items()):
            if first == 0 or not all(toks[k].cap for k in range(first, last + 1)):
                continue
            name = text[toks[first].start : toks[last].end].lower()
            before = toks[first - 1].lower
            travel = first > 1 and toks[first - 2].lower in TRAVEL_WORDS
            if name not in self._places or not (before in PLACE_PREPOSITIONS or (before in {"to", "by"} and travel)):
                continue
            if first > 1 and (toks[first - 2].lower in PATIENT_CUES or toks[first - 2].lower in TITLE_CUES):
                continue
            del found[first]
