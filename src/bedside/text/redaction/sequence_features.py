"""The sequence models' view of a message: its tokens, and each token's features.

The CRF (``sequence.py``) reads each token's own features (case shape, suffix, prefix, Census and world name-list
ranks, US and world place lists, clinical, drug and Spanish lists, word frequency, roster words) and those of the two
tokens on each side with their words; the context model (``context_model.py``) reads each token's own features and
its word. The detector, both training scripts and the tests share this one definition.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache

from wordfreq import zipf_frequency

from bedside.text.redaction.clinical_terms import drug_names, us_places, world_places
from bedside.text.redaction.lexicon import census_lexicon
from bedside.text.redaction.ordinary import spanish_words
from bedside.text.redaction.standalone import clinical_words
from bedside.text.redaction.tokens import WORD

Token = tuple[int, int, str]
_WINDOW = (-2, -1, 1, 2)
_TOKEN = re.compile(r"[^\W_]+(?:['’\-.][^\W_]+)*|[^\w\s]")
_DIGIT, _LOWER, _UPPER = re.compile(r"[0-9]"), re.compile(r"[a-z]"), re.compile(r"[A-Z]")
_REPEAT = re.compile(r"(.)\1+")


def tokenize(text: str) -> list[Token]:
    """Tokens ``(start, end, text)``: words (with inner apostrophes, hyphens, dots), numbers, punctuation."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


class SequenceFeatures:
    """Turns a message into the CRF's per-token feature lists. Shared by the detector and the training script.

    ``known``: the attributes the model has weights for; others are left out of the lists, which changes nothing
    the model computes (it skips attributes it has no weight for) and saves handing them to it.
    """

    def __init__(self, staff_names: Iterable[str] = (), known: frozenset[str] | None = None) -> None:
        self.roster_words = frozenset(w.lower() for name in staff_names for w in WORD.findall(name))
        self.lexicon = census_lexicon()
        self.clinical = clinical_words(drugs=False)
        self.drugs = drug_names()
        self.us_places = us_places()
        self.world_places = world_places()
        self._spanish = spanish_words()
        self._known = known
        self._all_word = lru_cache(maxsize=65536)(self._word_features)
        self._word = lru_cache(maxsize=65536)(self._own_features)
        self._context = lru_cache(maxsize=65536)(self._context_features)
        self._bias = self._kept(("bias",))
        self._edge = {d: self._kept((f"{d}:edge",)) for d in _WINDOW}

    def sequence(self, text: str) -> tuple[list[Token], list[list[str]]]:
        """The tokens of ``text`` and, for each, its feature strings."""
        toks = tokenize(text)
        return toks, self.token_features(toks)

    def token_features(self, toks: list[Token]) -> list[list[str]]:
        """For each token, its feature strings."""
        words = [t[2] for t in toks]
        n = len(words)
        known = self._known
        out: list[list[str]] = []
        for i, word in enumerate(words):
            feats = [*self._bias, *self._word(word)]
            for d in _WINDOW:
                j = i + d
                feats.extend(self._context(words[j], d) if 0 <= j < n else self._edge[d])
            if 0 < i < n - 1:
                ctx = f"ctx={words[i - 1].lower()}_{words[i + 1].lower()}"
                if known is None or ctx in known:
                    feats.append(ctx)
            out.append(feats)
        return out

    def word_features(self, word: str) -> tuple[str, ...]:
        """All of a word's own features, whether or not the CRF has weights for them (``context_model.py`` reads them)."""
        return self._all_word(word)

    def _kept(self, feats: Iterable[str]) -> tuple[str, ...]:
        known = self._known
        return tuple(feats) if known is None else tuple(f for f in feats if f in known)

    def _own_features(self, word: str) -> tuple[str, ...]:
        return self._kept(self._all_word(word))

    def _context_features(self, word: str, offset: int) -> tuple[str, ...]:
        own = self._all_word(word)
        return self._kept((f"{offset}:w={word.lower()}", *(f"{offset}:{f}" for f in own if not f.startswith(("suf3=", "pre2=")))))

    def _word_features(self, word: str) -> tuple[str, ...]:
        low = word.lower()
        shape = _REPEAT.sub(r"\1\1", _UPPER.sub("X", _LOWER.sub("x", _DIGIT.sub("d", word))))
        feats = [f"sh={shape}", f"suf3={low[-3:]}", f"pre2={low[:2]}"]
        if word[:1].isupper():
            feats.append("cap")
        if word.isupper() and len(word) > 1:
            feats.append("upper")
        if word.isdigit():
            feats.append(f"dlen={len(word)}")
        if word.isalpha():
            first, last = self.lexicon.first_names.get(low), self.lexicon.last_names.get(low)
            if first:
                feats.append(f"first={min(4, int(math.log10(first)))}")
            if last:
                feats.append(f"last={min(5, int(math.log10(last)))}")
            for flag, words in (("world", self.lexicon.world_all), ("clin", self.clinical), ("drug", self.drugs),
                                ("usplace", self.us_places), ("wplace", self.world_places),
                                ("spanish", self._spanish), ("roster", self.roster_words)):
                if low in words:
                    feats.append(flag)
            feats.append(f"zipf={int(zipf_frequency(low, 'en'))}")
        return tuple(feats)
