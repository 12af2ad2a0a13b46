"""Is this word an ordinary English word, or mostly a name? Decided from word frequency against name frequency.

The Census name lists hold thousands of English words (Fell, Staff, Go, Sun, Hope...). A word counts
as *ordinary* when it is used on the web far more often than the number of people carrying it as a
name explains: ``log10(web frequency / population share) > ORDINARY_EXCESS``. "kenneth" (-2.7),
"taylor" (-1.9) and "brown" (-1.8) stay names; "fell" (+0.6), "staff" (+1.1) and "sun" (+0.2) are
ordinary. A word in no name list is ordinary when its Zipf frequency is at least
``UNLISTED_MIN_ZIPF`` ("onset", "weigh"), so rare words and unknown surnames stay possible names
after a cue. A name in the world lists (``lexicon.py``) is not ordinary below ``WORLD_NAME_MIN_ZIPF``
("yusuf" 3.1, "nikolai" 3.1, "bao" 3.1; the Census shares of such names are too small to count) and
is ordinary from there on ("destiny" 4.2, "can", "said").

Frequencies come from the ``wordfreq`` package (code Apache-2.0, data CC BY-SA 4.0, Robyn Speer et
al.), read from its installed wheel: nothing is downloaded and nothing is copied into Bedside. The set
is computed once per process (about a quarter of a second) and is read-only afterwards.
"""

from __future__ import annotations

import logging
import math
from functools import lru_cache

from wordfreq import get_frequency_dict

from bedside.text.redaction.lexicon import census_lexicon

logger = logging.getLogger(__name__)

ORDINARY_EXCESS = -0.9
UNLISTED_MIN_ZIPF = 3.0
WORLD_NAME_MIN_ZIPF = 3.6  # a world-list name with no Census share is ordinary from this frequency on
_WORLD_MIN_FREQUENCY = 10 ** (WORLD_NAME_MIN_ZIPF - 9)
FREQUENT_MIN_ZIPF = 4.5
_FREQUENT_FREQUENCY = 10 ** (FREQUENT_MIN_ZIPF - 9)
_MIN_FREQUENCY = 10 ** (UNLISTED_MIN_ZIPF - 9)  # Zipf = log10(frequency per billion words)
_SHARE_FLOOR = 5e-7  # the Census lists round rare names' shares to zero


def ordinary_words() -> frozenset[str]:
    """Lower-cased English words (Zipf >= 3) that are not mostly names."""
    return _word_sets()[0]


def frequent_words() -> frozenset[str]:
    """Lower-cased words of Zipf >= ``FREQUENT_MIN_ZIPF`` ("said", "can", "will"): never a first name by shape alone."""
    return _word_sets()[1]


@lru_cache(maxsize=1)
def _word_sets() -> tuple[frozenset[str], frozenset[str]]:
    lex = census_lexicon()
    out: set[str] = set()
    frequent: set[str] = set()
    for word, freq in get_frequency_dict("en", wordlist="best").items():
        if freq < _MIN_FREQUENCY or not word.replace("'", "").replace("-", "").isalpha():
            continue
        if freq >= _FREQUENT_FREQUENCY:
            frequent.add(word)
        key = word.replace("'", "")
        share = lex.shares.get(key)
        if freq < _WORLD_MIN_FREQUENCY and key in lex.world_all:
            continue  # "yusuf", "nikolai", "bao": a name in the world lists, not frequent enough to be a word
        if share is not None and math.log10(freq / max(share, _SHARE_FLOOR)) <= ORDINARY_EXCESS:
            continue
        out.add(word)
    logger.debug("%d ordinary English words", len(out))
    return frozenset(out), frozenset(frequent)


_SPANISH_MIN_FREQUENCY = 10 ** (3.5 - 9)  # Zipf 3.5


@lru_cache(maxsize=1)
def spanish_words() -> frozenset[str]:
    """Lower-cased Spanish words of Zipf >= 3.5 that are in no name list ("pregunta", "puede", "enfermera").

    Staff in many US hospitals write Spanish between English words; such a word is no name.
    """
    lex = census_lexicon()
    return frozenset(
        w for w, f in get_frequency_dict("es", wordlist="best").items()
        if f >= _SPANISH_MIN_FREQUENCY and w.isalpha() and not lex.is_name(w) and w not in lex.world_all
    )


@lru_cache(maxsize=65536)
def typo_of(low: str, plain: frozenset[str]) -> bool:
    """'wolud', 'satff', 'rpeeat': two neighbouring letters swapped, or a letter doubled, in a word of ``plain``."""
    for k in range(len(low) - 1):
        if low[:k] + low[k + 1] + low[k] + low[k + 2 :] in plain:
            return True
        if low[k] == low[k + 1] and low[:k] + low[k + 1 :] in plain:
            return True
    return False


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=65536)
def dropped_letter_of(low: str, plain: frozenset[str]) -> bool:
    """'sayng', 'wantd', 'famly': a word of five letters or more with one letter left out of a word of ``plain``."""
    if len(low) < 5:
        return False
    return any(low[:k] + c + low[k:] in plain for k in range(1, len(low) + 1) for c in _LETTERS)
