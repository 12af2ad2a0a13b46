"""Languages and peoples named in a message ("Crow speaker", "anyone speak Jarai?", "Hutterite pt"): not identifiers.

Interpreter requests name a language, and a language is often also a surname or an unknown capitalised word.
The vocabulary is ISO 639-3 (the 7,900 language names that ``pycountry`` ships, from Debian's iso-codes), plus
Bedside's own list of languages and peoples as staff name them (``text/data/languages.txt``). A word of that
vocabulary counts as a language only where its context says so:

- right after it a language word ("speaker", "interpreter", "-speaking", "language"), or right before it a
  speaking word ("speaks", "speak only", "Lang:", "interpreter for");
- or, for a word that is in no name list (or on the project's list), weaker signs: brackets after another
  language ("German (Hutterisch)"), a preference before it ("prefers Kichwa", but "prefers Dan to decide" is a
  son), a people word after it ("Hutterite pt", "Montagnard community"; "the Gurung family" is a family).

A title or a relative cue before the word still makes it a name ("Mrs. Crow"): those spans never reach here as
languages because the context test looks only at language words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bedside.text.redaction.clinical_terms import languages
from bedside.text.redaction.lexicon import census_lexicon

_LANGUAGE_AFTER = re.compile(
    r"[\s-]*(?:speakers?|speaking|interpreters?|interp|translat(?:or|ion)|language|lang|dialect)\b", re.IGNORECASE
)
_LANGUAGE_BEFORE = re.compile(
    r"(?:\bspeaks?|\bspeaking|\bpref(?:erred)?\.?\s+lang(?:uage)?:?|\blang(?:uage)?:|\binterpreter\s+(?:for|in)|"
    r"\binterp(?:reter)?\s+req(?:uest)?:|\bfluent\s+in)\s*(?:some\s+|only\s+|a\s+little\s+)?$",
    re.IGNORECASE,
)
# Weaker: "prefers Dan to decide" is a son, so after these only a word that is no listed name counts.
_PREFERENCE_BEFORE = re.compile(r"(?:\bprefers?|\bunderstands?|\bonly\s+has)\s*(?:some\s+|only\s+|a\s+little\s+)?$", re.IGNORECASE)
_PEOPLE_AFTER = re.compile(
    r"\s+(?:pts?|patients?|community|communities|colony|elders?|culture|cultural|tribe|tribal|nation|"
    r"people|woman|man|men|women|speakers?|males?|females?|boys?|girls?|nationals?|citizens?|workers?|immigrants?|"
    r"refugees?|gentleman|lady|couple|teen|infant|toddler|child)\b",
    re.IGNORECASE,
)
_BRACKETED_AFTER = re.compile(r"([A-Za-z'’-]+)\s*\(\s*(?:(?:not|NOT|Not|or)\s+)?$")  # "prefers German (Hutterisch)", "Kurmanji (NOT Sorani)"
_EDGE = "'’"


@lru_cache(maxsize=1)
def language_words() -> frozenset[str]:
    """Lower-cased language names and their first words ("crow", "k'iche", "hutterite" from "Hutterite German")."""
    import pycountry

    words: set[str] = set(w.strip(_EDGE) for w in languages())
    for language in pycountry.languages:
        name = language.name.split(" (")[0].lower()
        words.add(name.strip(_EDGE))
        first = name.split()[0].strip(_EDGE)
        if len(first) > 3:
            words.add(first)
    return frozenset(words)


def is_language_mention(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a language or a people in this context (see the module docstring)."""
    surface = text[start:end].strip(_EDGE).lower()
    if surface not in language_words():
        return False
    after = end + 1 if text.startswith(("'", "’"), end) else end
    if _LANGUAGE_AFTER.match(text, after) or _LANGUAGE_BEFORE.search(text, max(0, start - 30), start):
        return True
    if surface not in languages() and census_lexicon().is_name(surface):
        return False  # "prefers Dan to decide", "the Gurung family": a name
    bracketed = _BRACKETED_AFTER.search(text, max(0, start - 30), start)
    if bracketed and bracketed.group(1).strip(_EDGE).lower() in language_words():
        return True
    return bool(_PEOPLE_AFTER.match(text, after) or _PREFERENCE_BEFORE.search(text, max(0, start - 30), start))
