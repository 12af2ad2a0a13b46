"""A small learned name scorer: logistic regression over cheap token features, on top of the rules.

The rules (``names.py``) decide first. A word they leave is then scored: its own features (case
shape, Census and world-list membership with rank bands, word-frequency band, whether it is a clinical
word, a typo or an eponym, accented Latin letters, length, a few suffix letters), its context (the cues
around it, what follows it: "in 12", "(MRN", ", 84F", "'s labs"), the two words or numbers on each side
of it ("L1=mom", "R1=in", "R2=#") and, since 1.5.0, each kind of word in each kind of context
("first1&r_in_number": a common first name before "in 12"). Features are binary strings; the weights are a plain JSON
file in the package (``data/name-scorer.json``, written by ``scripts/train_name_scorer.py``), so the
score is a sum of looked-up weights: no training and no new dependency at run time.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from wordfreq import get_frequency_dict

from bedside.text.redaction.cues import (
    PATIENT_CUES,
    PATIENT_OBJECT_VERBS,
    PLACE_RIGHT_AFTER,
    POSSESSIVE_CUE,
    POST_CUE,
    RELATIVE_CUES,
    STAFF_CUES,
    TITLE_CUES,
    VERB_AFTER,
)
from bedside.text.redaction.lexicon import NameLexicon
from bedside.text.redaction.ordinary import spanish_words, typo_of
from bedside.text.redaction.tokens import Token
from bedside.text.redaction.vocabulary import AMBIGUOUS_NAME_WORDS, COMMON_WORDS, FUNCTION_WORDS

WEIGHTS_FILE = "data/name-scorer.json"
_SENTENCE_END = re.compile(r"[.!?\n;]")
_PLACE_BEFORE = re.compile(r"(?:room|rm\.?|bed|bay|ed|er|chair|pod)\s*#?\s*\d{1,4}[a-z]?\s*[-–—:,(|]?\s*$", re.IGNORECASE)
_IN_NUMBER = re.compile(r"(?:'s)?\s+(?:is\s+|was\s+)?(?:in|on)\s+(?:\w+\s+)?\d")
_AGE_SEX = re.compile(r",?\s*\(?\d{1,3}\s?(?:[MFmf]\b|yo\b|y/o)")
_MRN_AFTER = re.compile(r"\s*[-(,:]?\s*(?:MRN|DOB|mrn|dob)\b")
_CONTEXT_WORDS = frozenset(
    {"check", "see", "look", "following", "covering", "family", "labs", "for", "on", "about", "with", "of", "summary",
     "is", "who", "has", "transport", "admit", "handoff", "census", "swap", "update", "called", "pls", "please"}
)


_PIECE = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")


def _lexical(text: str, start: int, end: int) -> list[str]:
    """The two pieces (words, numbers as '#', punctuation) on each side of a word, as features."""
    left = _PIECE.findall(text[max(0, start - 40) : start])[-2:]
    right = _PIECE.findall(text[end : end + 40])[:2]
    norm = ["#" if p.isdigit() else p.lower() for p in left]
    out = [f"L{len(norm) - k}={w}" for k, w in enumerate(norm)]
    out += [f"R{k + 1}={'#' if p.isdigit() else p.lower()}" for k, p in enumerate(right)]
    if not left:
        out.append("L1=<s>")
    if not right:
        out.append("R1=</s>")
    return out


@dataclass(frozen=True)
class FeatureContext:
    """What the features read: the name lists, the ordinary and clinical words, word frequencies."""

    lex: NameLexicon
    plain: frozenset[str]
    frequent: frozenset[str]
    clinical: frozenset[str]
    freq: dict[str, float]
    eponyms: frozenset[str] = frozenset()
    medical_suffixes: tuple[str, ...] = ()
    # Word features depend only on the word and its case, so each is computed once per context.
    cache: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False, repr=False)


@lru_cache(maxsize=1)
def word_frequencies() -> dict[str, float]:
    """wordfreq's English frequencies (read from the installed package, shared by every detector)."""
    return get_frequency_dict("en", wordlist="best")


def _zipf_band(freq: float) -> str:
    if freq <= 0:
        return "z0"
    zipf = math.log10(freq) + 9
    return f"z{min(6, max(1, int(zipf)))}"


def _word_features(tok: Token, ctx: FeatureContext) -> list[str]:
    key = (tok.lower, tok.shape)
    cached = ctx.cache.get(key)
    if cached is None:
        if len(ctx.cache) >= _WORD_CACHE_SIZE:
            ctx.cache.clear()
        cached = ctx.cache[key] = tuple(_compute_word_features(tok, ctx))
    return list(cached)


_WORD_CACHE_SIZE = 50_000


def _compute_word_features(tok: Token, ctx: FeatureContext) -> list[str]:
    low = tok.lower
    key = low.replace("'", "").replace("’", "")
    out = [f"shape={tok.shape}", _zipf_band(ctx.freq.get(low, 0.0)), f"len={min(len(low), 10) // 2}"]
    first = ctx.lex.first_names.get(key)
    last = ctx.lex.last_names.get(key)
    if first is not None:
        out.append("first1" if first <= 500 else "first2" if first <= 5000 else "first3")
    if last is not None:
        out.append("last1" if last <= 1000 else "last2" if last <= 20000 else "last3")
    if key in ctx.lex.world_all:
        out.append("world")
    if key in ctx.lex.world:
        out.append("world_only")
    if first is None and last is None:
        out.append("unlisted")
    if low in ctx.plain:
        out.append("plain")
    if low in COMMON_WORDS:
        out.append("common")
    if low in AMBIGUOUS_NAME_WORDS:
        out.append("ambiguous")
    if low in ctx.frequent:
        out.append("frequent")
    if low in ctx.clinical:
        out.append("clinical")
    if not low.isascii():
        out.append("nonascii")
    if "-" in low:
        out.append("hyphen")
    if low in ctx.eponyms:
        out.append("eponym")
    if typo_of(low, ctx.plain):
        out.append("typo")
    if low in spanish_words():
        out.append("spanish")
    if low.endswith(ctx.medical_suffixes):
        out.append("medsuffix")
    if tok.upper and len(low) <= 4:
        out.append("upper_short")
    if len(low) >= 4 and low not in ctx.plain:
        out.append(f"suf3={low[-3:]}")
        out.append(f"suf2={low[-2:]}")
    return out


def token_features(
    toks: list[Token], i: int, text: str, ctx: FeatureContext, found: Collection[int], staff: Collection[int]
) -> list[str]:
    """The binary features of word ``i``; ``found`` are words the rules took, ``staff`` roster words."""
    tok = toks[i]
    feats = _word_features(tok, ctx)
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    before = text[prev.end : tok.start] if prev is not None else text[: tok.start]
    if prev is None or _SENTENCE_END.search(before):
        feats.append("sent_start")
    if "(" in before:
        feats.append("l_paren")
    if _PLACE_BEFORE.search(text, 0, tok.start):
        feats.append("l_place")
    if prev is not None:
        pl = prev.lower
        feats.append(f"p_shape={prev.shape}")
        if before == " ":
            feats.append("p_space")
        if pl in PATIENT_CUES:
            feats.append("p_ptcue")
        if pl in TITLE_CUES:
            feats.append("p_title")
        if pl in RELATIVE_CUES:
            feats.append("p_relative")
        if pl in STAFF_CUES:
            feats.append("p_staffcue")
        if pl in PATIENT_OBJECT_VERBS:
            feats.append("p_object")
        if pl in _CONTEXT_WORDS or pl in FUNCTION_WORDS:
            feats.append(f"pw={pl}")
        if i - 1 in found:
            feats.append("p_found")
        if i - 1 in staff:
            feats.append("p_staff")
        if ctx.lex.is_name(pl) and pl not in ctx.plain and i - 1 not in staff:
            feats.append("p_nameish")  # a roster name next to a word is no sign that the word is a name
    for k in (i - 2, i - 3):
        if k >= 0 and toks[k].lower in _CONTEXT_WORDS:
            feats.append(f"w={toks[k].lower}")
    if nxt is not None:
        gap = text[tok.end : nxt.start]
        nl = nxt.lower
        feats.append(f"n_shape={nxt.shape}")
        if gap == " ":
            feats.append("n_space")
        if i + 1 in found:
            feats.append("n_found")
        if i + 1 in staff:
            feats.append("n_staff")
        if ctx.lex.is_name(nl) and nl not in ctx.plain and i + 1 not in staff:
            feats.append("n_nameish")
        if nl in ctx.plain:
            feats.append("n_plain")
        if nl in FUNCTION_WORDS:
            feats.append(f"nw={nl}")
    else:
        feats.append("last_word")
    after = text[tok.end : tok.end + 2]
    if after[:1] in (":", "?", ",", ".", ")", "!"):
        feats.append(f"r_punct={after[:1]}")
    if after.startswith(("'s", "’s")):
        feats.append("r_possessive")
    if POST_CUE.match(text, tok.end):
        feats.append("r_postcue")
    if _IN_NUMBER.match(text, tok.end):
        feats.append("r_in_number")
    if _AGE_SEX.match(text, tok.end):
        feats.append("r_age_sex")
    if _MRN_AFTER.match(text, tok.end):
        feats.append("r_mrn")
    if POSSESSIVE_CUE.match(text, tok.end):
        feats.append("r_possessive_cue")
    if VERB_AFTER.match(text, tok.end):
        feats.append("r_verb")
    if PLACE_RIGHT_AFTER.match(text, tok.end):
        feats.append("r_place")
    feats += _lexical(text, tok.start, tok.end)
    kinds = [f for f in feats if f in _WORD_KINDS or f.startswith("shape=")]
    contexts = [f for f in feats if f in _CONJ_CONTEXTS]
    feats += [f"{a}&{b}" for a in kinds for b in contexts]  # "unlisted&r_in_number": a word kind in a context
    return feats


_WORD_KINDS = frozenset(
    {"first1", "first2", "first3", "last1", "last2", "last3", "world", "unlisted", "plain", "common", "frequent",
     "ambiguous", "clinical", "typo", "eponym", "nonascii"}
)
_CONJ_CONTEXTS = frozenset(
    {"sent_start", "r_in_number", "r_place", "l_place", "p_ptcue", "p_title", "p_relative", "r_verb", "r_possessive",
     "r_age_sex", "r_mrn", "p_object", "l_paren", "r_postcue", "p_found", "n_found", "r_possessive_cue"}
)


@dataclass(frozen=True)
class NameScorer:
    """Logistic regression over binary features: ``P(name) = sigmoid(bias + sum of weights)``."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, feats: list[str]) -> float:
        get = self.weights.get
        z = self.bias + sum(get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_name(self, feats: list[str]) -> bool:
        return self.probability(feats) >= self.threshold


@lru_cache(maxsize=1)
def load_scorer() -> NameScorer | None:
    """The shipped weights, or None when the package has none (the rules then work alone)."""
    ref = resources.files("bedside.text.redaction").joinpath(WEIGHTS_FILE)
    if not ref.is_file():
        return None
    data = json.loads(ref.read_text(encoding="utf-8"))
    return NameScorer(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
    )

