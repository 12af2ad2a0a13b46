"""Is this word a patient's name by itself, with no cue around it? The word test of the no-cue rules.

Clinicians often write a patient's name with nothing around it: "Oyelowo back from cath", "sithole hgb
6.9", "tran's lantus". :class:`StandaloneNames` decides whether a word may be a name there: it is in a
name list at any rank but rare as an English word, or it is in no list and looks like no English,
clinical or drug word (frequency, English and medical word-building, a scrambled spelling of a known
word such as "tnhaks"). Eponyms, devices and care organisations are refused. The roster-independent word
sets and the anagram index are built once per process (:func:`shared_word_sets`, :func:`anagram_index`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from bedside.text.lexicons import load_lexicon
from bedside.text.redaction.clinical_terms import clinical_shorthand, drug_names, medical_words
from bedside.text.redaction.cues import (
    DAY_WORDS,
    MONTH_WORDS,
    PATIENT_CUES,
    POSSESSIVE_CUE,
    RELATIVE_CUES,
    STAFF_CUES,
    TITLE_CUES,
)
from bedside.text.redaction.lexicon import NameLexicon
from bedside.text.redaction.ordinary import frequent_words, ordinary_words, spanish_words, typo_of
from bedside.text.redaction.scorer import word_frequencies
from bedside.text.redaction.tokens import Token
from bedside.text.redaction.vocabulary import AMBIGUOUS_NAME_WORDS, COMMON_WORDS, FUNCTION_WORDS

_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|O'|O’|D'|D’|De|Di|Da|Du|La|Le|Van|Von|St)[A-Z]|[A-Z][a-z]+-[A-Z]")

# Endings of clinical and drug words that are not names ("thrombectomy", "apixaban", "metoprolol").
MEDICAL_SUFFIXES = (
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
_STEM_FREQUENCY = 10 ** (1.5 - 9)  # Zipf 1.5: a stem this common makes "-s" a plural or a verb form
_COMPOUND_HEAD_FREQUENCY = 10 ** (4.0 - 9)  # "follow", "cross", "child": everyday words that open compounds
ROOM_RARE_FREQUENCY = 10 ** (3.0 - 9)  # Zipf 3: with a room right after it, a rarer English word may be a name
_COMMON_FREQUENCY = 10 ** (3.9 - 9)  # Zipf 3.9: a name-list word at least this common is also a word
_VOCABULARY_FREQUENCY = 10 ** (2.0 - 9)  # Zipf 2: words whose scrambled spellings are typos, not names
RARE_FREQUENCY = 10 ** (2.5 - 9)  # Zipf 2.5: rarer than this, an unknown word is no English word
# After a name or its possessive, words that make it an eponym ("Allen test", "Bell's palsy", "Swan placed").
EPONYM_AFTER = re.compile(
    r"[\s/]+(?:palsy|sign|signs|test|tests|score|scores|scale|positive|negative|pos|neg|stage|class|grade|syndrome|"
    r"placed|inserted|removed|harness|stand|lodge|pads|catheter|tube|line|dressing|boot|collar|splint|brace|"
    r"disease|position|phenomenon|triad|law|maneuver|manoeuvre|reflex|ulcer|"
    r"sarcoma|lymphoma|esophagus|oesophagus|pouch|procedure|fracture|node|cyst|criteria|solution|"
    r"classification|contracture|thyroiditis|encephalopathy|diverticulum|hernia|operation|tumou?r|"
    r"clamps?|forceps|wipes|retractors?|scissors|warmer|mattress|lift|monitor|machine|masks?|pumps?|bags?|setup|set-up|"
    r"trays?|kits?|numbers|alarms?|alarming|vents?|sump|supplies|is\s+in|is\s+out|(?:in|on)\s+(?:bed|icu|rm|room))\b",
    re.IGNORECASE,
)


def never_a_name(tok: Token) -> bool:
    """Words that are never a name, whatever the cue."""
    return _never_a_name(tok.raw, tok.upper)


@lru_cache(maxsize=65536)
def _never_a_name(raw: str, upper: bool) -> bool:
    lower = raw.lower()
    return (
        len(lower) < 2
        or (not upper and _INNER_CAPITAL.search(raw) is not None and not _NAME_PREFIX.match(raw))
        or lower in FUNCTION_WORDS
        or lower in TITLE_CUES
        or lower in STAFF_CUES
        or lower in PATIENT_CUES
        or lower in RELATIVE_CUES
        or PREFIXED_WORD.fullmatch(lower) is not None
    )


# "A-line", "G-tube", "X-ray", "In-basket", "Re-check", "Self-pay", "Non-urgent": a letter or a prefix before a
# hyphen makes a thing, not a name ("T-" is left out: "T-Bob", "T-Ray" are Cajun nicknames).
PREFIXED_WORD = re.compile(
    r"[a-su-z]-[a-z]+|(?:in|on|out|up|re|co|pre|post|non|self|over|under|cross|sub|anti|ex|mid|multi|semi)-[a-z]+(?:-[a-z]+)*"
)



@lru_cache(maxsize=1)
def shared_word_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The roster-independent word sets every detector reads: plain (ordinary, common and clinical words),
    frequent words, and clinical words. Built once per process and shared, so a detector per roster is cheap."""
    lists = clinical_words()
    plain = ordinary_words() | COMMON_WORDS | lists
    frequent = frequent_words() | FUNCTION_WORDS
    clinical = lists | COMMON_WORDS - AMBIGUOUS_NAME_WORDS
    return frozenset(plain), frozenset(frequent), frozenset(clinical)


def anagram_key(word: str) -> str:
    """First letter, then all letters sorted: the key shared by a word and its scrambled spellings."""
    return word[0] + "".join(sorted(word))


@lru_cache(maxsize=1)
def anagram_index() -> dict[str, str]:
    """Letters (first letter, then all letters sorted) -> the word with those letters, or "" for several words.

    Covers the English words of Zipf >= 2 and the clinical words: a word in no list whose letters are one of
    these words in another order is a typo ("tnhaks", "seiegn"), not a name. Built once per process.
    """
    index: dict[str, str] = {}
    vocabulary = (w for w, f in word_frequencies().items() if f >= _VOCABULARY_FREQUENCY and w.isalpha())
    for w in (*vocabulary, *shared_word_sets()[2]):
        if len(w) >= 4:
            key = anagram_key(w)
            seen = index.get(key)
            index[key] = w if seen is None or seen == w else ""
    return index


def clinical_words(*, drugs: bool = True) -> frozenset[str]:
    """The package's clinical word lists (abbreviations, a patient's state), drug names and ICD-10-CM words."""
    words = (
        load_lexicon("clinical-abbreviations").entries | load_lexicon("clinical-neutral").entries | medical_words()
        | clinical_shorthand()
    )
    return words | drug_names() if drugs else words


@dataclass(frozen=True)
class StandaloneNames:
    """The word sets the test reads; ``staff_anagrams`` holds the roster's own scrambled-spelling keys."""

    lex: NameLexicon
    plain: frozenset[str]
    frequent: frozenset[str]
    clinical: frozenset[str]
    freq: dict[str, float]
    things: frozenset[str]  # eponyms, devices, care organisations
    organisations: frozenset[str]
    anagrams: dict[str, str] = field(default_factory=dict)
    staff_anagrams: dict[str, str] = field(default_factory=dict)

    def very_common_name(self, low: str) -> bool:
        """A name so common (Allen, Murphy, Bishop) that an eponym list must not hide it without a head noun."""
        return very_common_name(self.lex, low)

    def name_alone(self, tok: Token, text: str, rare: float | None = None) -> bool:
        """A word that is a name by itself: in a name list (any rank) or no English, clinical or drug word at all.

        Used where clinicians put a patient's name with no cue: at the start of a message or of a handoff
        row ("Oyelowo back from cath", "sithole hgb 6.9"), and before a possessive ("tran's lantus").
        """
        low = tok.lower
        if len(low) < 3 or never_a_name(tok) or low in self.plain or low in AMBIGUOUS_NAME_WORDS or low in self.frequent:
            return False
        if tok.upper and len(low) <= 4:
            return False  # "OSA", "COPD": a short word in capitals is an abbreviation
        parts = [p for p in re.split(r"[-'’]", low) if p]
        if any(p in DAY_WORDS or p in MONTH_WORDS for p in parts):
            return False  # "Mon-Wed"
        if EPONYM_AFTER.match(text, tok.end + (2 if text.startswith(("'s", "’s"), tok.end) else 0)):
            return False  # "Allen test", "Murphy's sign", "Bishop score": an eponym
        if low in self.organisations:
            return False  # "Kaiser auth came through", "Hopkins wants the slides": an organisation
        if any(p in self.things and not self.very_common_name(p) for p in (low, *parts)):
            return False  # "Impella flow 3.2", "Chvostek positive", "Swan-Ganz", "Pleur-Evac": a thing named after a person
        possessive = text.startswith(("'s", "’s"), tok.end)
        if low in self.things and possessive and not POSSESSIVE_CUE.match(text, tok.end):
            return False  # "Fowler's 30 deg", "Murphy's positive"; but "Bell's daughter called" is a person
        long_parts = [p for p in parts if len(p) > 2]
        if len(parts) > 1 and not self.lex.is_name(low) and long_parts and long_parts[0] in self.plain \
                and self.freq.get(long_parts[0], 0.0) >= _COMPOUND_HEAD_FREQUENCY:
            return False  # "follow-up", "Cross-cover", "Child-Pugh": a compound that opens with an everyday word
        if low.endswith(MEDICAL_SUFFIXES):
            return False  # "thrombectomy", "apixaban", "lisinopril": clinical or drug words
        if self.lex.is_name(low) or any(self.lex.is_name(p) for p in parts if len(p) > 2):
            # A name that is also a fairly common word ("Crystal clear", "Baker Act") needs a cue.
            return not (tok.upper and low in self.clinical) and self.freq.get(low, 0.0) < _COMMON_FREQUENCY
        if tok.upper:
            return False  # an unlisted word in capitals is an abbreviation ("CIWA", "HAPE")
        if low in spanish_words():
            return False  # "la sra Treviño pregunta si puede comer": Spanish between English words
        if low.endswith(_ENGLISH_SUFFIXES):
            return False  # "repleting", "hemolyzed", "premedicate", "cushingoid": English word-building
        if low.endswith("s") and any(
            self.freq.get(stem, 0.0) >= _STEM_FREQUENCY or stem in self.clinical for stem in (low[:-1], low[:-2])
        ):
            return False  # "armbands", "premeds", "ambulates": the plural or third person of a word
        if low.startswith(_MEDICAL_PREFIXES):
            return False  # "anticoag", "pyelo", "hypercapnic"
        vowels = sum(c in "aeiouyáéíóúàèìòùäëïöüâêîôûãõåæøœ" for c in low)
        return (
            len(low) >= 4
            and vowels >= (2 if len(low) >= 5 else 1)  # "hfref", "ckd": shorthand, not a name
            and self.freq.get(low, 0.0) < (rare or RARE_FREQUENCY)
            and not typo_of(low, self.plain)
            and not self.scrambled(low)
        )

    def scrambled(self, low: str) -> bool:
        """'tnhaks', 'seiegn', 'rhnoda': the letters of an ordinary word or a roster name, in another order."""
        if self.freq.get(low, 0.0) >= _VOCABULARY_FREQUENCY:
            return False  # a word that is itself in use ("rangi") is no typo
        key = anagram_key(low)
        word = self.anagrams.get(key)
        if word is not None and word != low:
            return True  # "" stands for two or more words with these letters, so one of them is not ``low``
        staff = self.staff_anagrams.get(key)
        return staff is not None and staff != low


def very_common_name(lex: NameLexicon, low: str) -> bool:
    """Among the 1,000 commonest first names (not also a world name) or the 2,000 commonest surnames."""
    first, last = lex.first_names.get(low), lex.last_names.get(low)
    return (first is not None and first <= 1_000 and low not in lex.world) or (last is not None and last <= 2_000)
