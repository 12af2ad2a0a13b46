"""The trained politeness model: features of a prepared message and a small logistic regression over them.

Features are binary and cheap: which evidence labels occurred (the politeness strategies and conduct
detectors, prefixed ``s:``), which closed-class function words occurred (``w:``; chosen because they
carry politeness across domains rather than Wikipedia's topics), which of them open a sentence (``ss:``),
adjacent pairs of closed-class words (``b:``, e.g. "could you", "why did"), a hedge of the paper's
lexicon (``h:``) and a few shape features (``p:``).
The weights are learned by ``scripts/train_politeness.py`` from the Stanford Politeness Corpus
(Danescu-Niculescu-Mizil et al., ACL 2013; texts CC BY-SA, repository Apache-2.0) and shipped as
``data/politeness-model.json``; nothing is trained at run time. The score is the model's probability
that the message would be rated polite (top quartile) rather than impolite (bottom quartile).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from bedside.text.evidence import Evidence
from bedside.text.prepared import PreparedText

FUNCTION_WORDS = frozenset(
    """
    a about after again all also am an and any are as at be because been before being but by can
    could did do does doing don't done for from had has have having he her here him his how i i'd
    i'll i'm i've if in into is isn't it it's its just let's may me might mine more most must my
    no not now of off on once only or other our out over own please same she should so some such
    than thank thanks that the their them then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you you're your
    yours anyway actually really sorry hi hello hey dear great good nice welcome appreciate
    again already still even ever never always yet else instead also well ok okay yes yeah
    help hope mind wonder wondering think know need want see look seems understand mean tell
    explain ask wrong problem fix stop trying happy glad kind fine sure maybe perhaps
    """.split()
)


# Hedges of the paper's lexicon (Danescu-Niculescu-Mizil et al. 2013, from Hyland 2005; released with
# sudhof/politeness, Apache-2.0), single words only; its phrases are covered by the word pairs below.
HEDGE_WORDS = frozenset(
    """
    think thought thinking almost apparent apparently appear appeared appears approximately around
    assume assumed claim claimed claims doubt doubtful essentially estimate estimated feel felt feels
    frequently generally guess indicate indicated indicates largely likely mainly may maybe might
    mostly often ought perhaps plausible plausibly possible possibly postulate postulated presumable
    probable probably relatively roughly seems should sometimes somewhat suggest suggested suggests
    suppose supposed supposes suspect suspects typical typically uncertain unclear unlikely usually
    broadly presumably fairly quite rather argue argues argued
    """.split()
)

# Closed-class and interpersonal words whose adjacent pairs ("could you", "why did", "you should",
# "i think", "do you mind") and message openings ("<s> please", "<s> why") are features: they carry
# politeness across communities, unlike topical vocabulary.
PAIR_WORDS = FUNCTION_WORDS | frozenset(
    """
    wondered mind minding wonder appreciated grateful apologize apologies pardon excuse forgive
    fact point truth reality honestly clearly obviously seriously
    """.split()
)
_START = "<s>"


class ModelFileError(ValueError):
    """The shipped model file is missing or malformed."""


def features(prepared: PreparedText, evidence: Iterable[Evidence]) -> set[str]:
    """The binary features the politeness model reads.

    ``s:`` evidence labels; ``w:`` function words; ``ss:`` a function word opening any sentence (the paper's
    position-aware strategies: "please" / "could" / "why" / "i" / "so" starts); ``h:hedge`` a hedge of the
    paper's lexicon; ``b:`` adjacent pairs of closed-class words ("could you", "why did", "you should",
    "i think"; ``b:<s> why`` for the message's opening word); ``p:`` shape. Every feature is found with set
    operations or one pass over the tokens, so scoring stays a dictionary lookup per active feature.
    """
    found = {"s:" + e.label for e in evidence}
    word_set = prepared.word_set
    found.update("w:" + w for w in word_set & FUNCTION_WORDS)
    if not word_set.isdisjoint(HEDGE_WORDS):
        found.add("h:hedge")
    words = prepared.words
    n = len(words)
    for first, _ in prepared.sentences:
        found.add("ss:" + words[first] if words[first] in FUNCTION_WORDS else "ss:_")
    if n:
        pair_words = PAIR_WORDS
        previous = _START
        for word in words:
            if word in pair_words:
                if previous:
                    found.add(f"b:{previous} {word}")
                previous = word
            else:
                if previous is _START:
                    found.add("b:<s> _")
                previous = ""
    if "?" in prepared.text:
        found.add("p:question")
    if "!" in prepared.text:
        found.add("p:exclamation")
    if prepared.sentences:
        first, end = prepared.sentences[0]
        if words[end - 1].startswith("?"):
            found.add("p:first_sentence_question")
    found.add("p:short" if n < 12 else "p:long" if n > 40 else "p:medium")
    if len(prepared.sentences) > 1:
        found.add("p:several_sentences")
    return found


@dataclass(frozen=True)
class PolitenessModel:
    """A logistic regression over binary features: ``sigmoid(intercept + sum(weights[f] for f in features))``."""

    name: str
    version: str
    intercept: float
    weights: dict[str, float]
    metadata: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def fingerprint(self) -> str:
        """A short digest of the weights, so a retrained model changes the analyzer version."""
        payload = json.dumps([self.intercept, sorted(self.weights.items())]).encode()
        return hashlib.sha256(payload).hexdigest()[:12]

    def score_features(self, active: Iterable[str]) -> float:
        weights = self.weights
        z = self.intercept + sum(weights.get(f, 0.0) for f in active)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def score(self, prepared: PreparedText, evidence: Iterable[Evidence]) -> float:
        """Probability-like politeness in 0..1 (higher is more polite)."""
        return self.score_features(features(prepared, evidence))

    def contributions(self, active: Iterable[str]) -> list[tuple[str, float]]:
        """Each active feature's weight, largest magnitude first (to explain a score)."""
        pairs = [(f, self.weights[f]) for f in active if f in self.weights]
        return sorted(pairs, key=lambda p: -abs(p[1]))

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.metadata,
            "name": self.name,
            "version": self.version,
            "intercept": self.intercept,
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PolitenessModel:
        try:
            return cls(
                name=str(data["name"]),
                version=str(data["version"]),
                intercept=float(data["intercept"]),
                weights={str(k): float(v) for k, v in data["weights"].items()},
                metadata={k: v for k, v in data.items() if k not in {"name", "version", "intercept", "weights"}},
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelFileError(f"politeness model data is malformed: {exc}") from exc


MODEL_FILE = "politeness-model.json"


def load_model() -> PolitenessModel:
    """Load the shipped model from ``bedside/rapport/data/politeness-model.json``."""
    resource = files("bedside.rapport") / "data" / MODEL_FILE
    try:
        data = json.loads(resource.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelFileError(
            f"the politeness model file {MODEL_FILE} is missing; run scripts/train_politeness.py"
        ) from exc
    except json.JSONDecodeError as exc:
        raise ModelFileError(f"the politeness model file {MODEL_FILE} is not valid JSON: {exc}") from exc
    return PolitenessModel.from_dict(data)
