"""A learned message-level reading: how likely a message is to carry any patient identifier at all.

Staff write about their own work as much as about patients: rotas, closures, training, parties, supplies
("clinic closed 11/27 and 11/28 for thanksgiving", "Priya's baby shower is 12/5"). Such a message's dates are
the hospital's, not a patient's. ``staff_only_message`` (``dates.py``) catches the ones whose words it lists;
this model catches the rest from the words it learned.

It is a logistic regression over a message's words and word pairs, trained on the authored messages
(``scripts/train_staff_talk.py``; label: the message has a marked identifier). Words are abstracted so that
the model learns what staff talk sounds like, not the names its authors used: an English word of Zipf 3 or
more stays itself ("shower", "closed", "thanksgiving"), any other word becomes its case shape ("~Xx"), a
number its digit shape ("#dd/dd"). A placeholder left by an earlier redaction stands for itself.

Used only to drop *dates* (never a date of birth, a name or a number): a date in a message the model gives
less than ``STAFF_TALK_BELOW`` chance of holding an identifier is no patient's. The weights ship in the package
(``data/staff-talk.json``): nothing is trained or downloaded at run time.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources

from wordfreq import zipf_frequency

WEIGHTS_FILE = "data/staff-talk.json"
# Below this probability of holding an identifier, a message's dates are staff dates (chosen by leave-files-out
# cross-validation on the training files: it costs no recall there; see the model card).
STAFF_TALK_BELOW = 0.05
_ENGLISH_MIN_ZIPF = 3.0
_LENGTH_BUCKET, _LONGEST_BUCKET = 5, 6
_TOKEN = re.compile(r"\[[A-Z>89]+\]|[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[/:.\-]\d+)*|[^\w\s]")
# Words that put a patient in a message whatever else it sounds like ("pt was here 10/11-10/15", "home health can
# start Monday 11/10"): such a message is never staff talk, whatever the model gives it.
_A_PATIENT = re.compile(r"\b(?:pt|pt's|patient|patient's|readmit\w*|home\s+health)\b", re.IGNORECASE)
_DIGIT, _LOWER, _UPPER, _REPEAT = re.compile(r"\d"), re.compile(r"[a-z]"), re.compile(r"[A-Z]"), re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def _word(token: str) -> str:
    """A token as the model sees it: an English word itself, any other word its shape, a number its digit shape."""
    if token.startswith("[") or not token[0].isalnum():
        return token
    shape = _REPEAT.sub(r"\1\1", _UPPER.sub("X", _LOWER.sub("x", _DIGIT.sub("d", token))))
    if token[0].isdigit():
        return "#" + shape
    low = token.lower()
    return low if zipf_frequency(low, "en") >= _ENGLISH_MIN_ZIPF else "~" + shape


def features(text: str) -> set[str]:
    """The model's features of a message: its words, its word pairs and a length bucket."""
    words = [_word(t) for t in _TOKEN.findall(text)]
    feats = {f"u:{w}" for w in words}
    feats.update(f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    feats.add(f"len:{min(_LONGEST_BUCKET, len(words) // _LENGTH_BUCKET)}")
    return feats


class StaffTalkModel:
    """The shipped weights: ``probability(text)`` that a message holds a patient identifier."""

    def __init__(self, bias: float, weights: dict[str, float]) -> None:
        self.bias = bias
        self.weights = weights

    def probability(self, text: str) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features(text))
        return 1.0 / (1.0 + math.exp(-score))

    def staff_talk(self, text: str) -> bool:
        """Whether the message is staff talk with no patient in it (its dates are no patient's)."""
        return not _A_PATIENT.search(text) and self.probability(text) < STAFF_TALK_BELOW


@lru_cache(maxsize=1)
def staff_talk_model() -> StaffTalkModel:
    """The model shipped in the package (loaded once per process)."""
    data = json.loads(resources.files("bedside.text.redaction").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8"))
    return StaffTalkModel(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})


@lru_cache(maxsize=1024)
def is_staff_talk(text: str) -> bool:
    """Whether the shipped model reads ``text`` as staff talk with no patient in it (cached: two detectors ask)."""
    return staff_talk_model().staff_talk(text)
