"""Conduct detectors that need more than a word list: unmitigated commands and shouting.

*Unmitigated commands*: a sentence that opens with a bare imperative verb ("Call me", "Fix the
order") in a message with no softener anywhere (please, thanks, could you, when you get a chance).
Urgency ("now", "immediately", "!") turns it into a *demand*. Clinical emergencies legitimately
use bare commands; the pipeline's context stage downgrades them there.

*Shouting*: two or more ordinary words in capitals ("WHY IS THIS NOT DONE"); capitalised tokens that
are not ordinary words are clinical acronyms (ICU, STAT, RVR, HFNC) or names and never count, and one
emphasised "NOT" is a safety habit, not shouting. Also runs of "!!!" / "???".
"""

from __future__ import annotations

import re
from functools import cached_property

from bedside.rapport.context import DetectionContext
from bedside.rapport.detector import Detector
from bedside.rapport.phrases import PhraseMatcher
from bedside.rapport.vocabulary import COMMAND_VERBS, ordinary_words
from bedside.text.evidence import Evidence
from bedside.text.prepared import PreparedText

IMPERATIVE_VERBS = COMMAND_VERBS
SOFTENERS = frozenset(
    {
        "please",
        "pls",
        "plz",
        "kindly",
        "thanks",
        "thank",
        "thx",
        "appreciate",
        "could",
        "would",
        "sorry",
        "mind",
        "possible",
    }
)
SOFT_PHRASES = PhraseMatcher(
    (p, None)
    for p in ("when you get a chance", "when you can", "if you can", "if you have a moment", "let me know", "no rush")
)
_URGENCY = frozenset({"immediately", "asap", "stat"})
_DEMAND_PHRASES = PhraseMatcher((p, None) for p in ("i need you to", "you need to", "you must", "you have to"))
_NOT_AN_OBJECT = frozenset({".", ",", "!", "?", ":", ";"})
_SKIP_OPENERS = frozenset({"just", "ok", "okay", "so", "and", "now", "then", "also"})


class UnmitigatedCommands(Detector):
    """Bare imperatives with no softener; urgent ones are demands."""

    name = "unmitigated_commands"
    version = "1.0"
    description = "Bare imperatives ('Call me', 'Fix this') with no softener anywhere in the message."
    labels = ("unmitigated_command", "demand")

    def detect(self, prepared: PreparedText, context: DetectionContext) -> list[Evidence]:
        words = prepared.words
        if not words or not SOFTENERS.isdisjoint(prepared.word_set) or SOFT_PHRASES.first(prepared) is not None:
            return []
        found: list[Evidence] = []
        for first, end in prepared.sentences:
            head = first
            while head < end - 1 and words[head] in _SKIP_OPENERS:
                head += 1
            if words[head] not in IMPERATIVE_VERBS or words[end - 1].startswith("?"):
                continue
            if head + 1 >= end or words[head + 1] in _NOT_AN_OBJECT:
                continue  # a one-word reply ("Correct.") is an answer, not an order
            if words[head + 1] == "back":
                continue  # "Read back: ..." is closed-loop communication, not an order
            sentence = words[first:end]
            urgent = not _URGENCY.isdisjoint(sentence) or words[end - 1].startswith("!")
            if not urgent and any(w[0].isdigit() for w in sentence):
                continue  # an order with its dose or value ("Give 2 mg morphine IV") is standard order language
            label = "demand" if urgent else "unmitigated_command"
            reason = (
                "Orders with urgency and no softener; it reads as a demand."
                if urgent
                else "Gives an order with no softener (please, thanks, could you)."
            )
            found.append(
                Evidence(label, prepared.starts[first], prepared.ends[end - 1], 0.7, self.name, reason, words[head])
            )
        if _DEMAND_PHRASES.could_match(prepared):
            for first, last, tokens, _ in _DEMAND_PHRASES.finditer(prepared):
                found.append(
                    Evidence(
                        "demand",
                        prepared.starts[first],
                        prepared.ends[last],
                        0.7,
                        self.name,
                        "Tells the reader what they must do rather than asking.",
                        " ".join(tokens),
                    )
                )
        return found


_PUNCTUATION_RUN_RE = re.compile(r"[!?]{2}")
_CAPS_RE = re.compile(r"\[?\b[A-Z]{2,}(?:'[A-Z]+)?\b")


class Shouting(Detector):
    """Capitals (excluding clinical abbreviations) and runs of '!' or '?'."""

    name = "shouting"
    version = "1.0"
    description = "Words in capitals that are not clinical abbreviations (ICU, STAT, NPO), and '!!!' / '???'."
    labels = ("shouting_caps", "shouting_punctuation")

    @cached_property
    def _ordinary(self) -> frozenset[str]:
        # Unknown capitalised tokens are usually clinical acronyms (RVR, HFNC) or names, not shouting.
        return ordinary_words()

    def detect(self, prepared: PreparedText, context: DetectionContext) -> list[Evidence]:
        found: list[Evidence] = []
        text = prepared.text
        if text != prepared.lower:
            ordinary = self._ordinary
            shouted = [w for w in _CAPS_RE.findall(text) if w.lower() in ordinary]
            caps = [m for m in _CAPS_RE.finditer(text) if m.group().lower() in ordinary] if len(shouted) >= 2 else []
            # One emphasised word ("do NOT give") is a safety habit; two or more is shouting.
            if len(caps) >= 2:
                score = 0.9
                start, end = caps[0].start(), caps[-1].end()
                pattern = " ".join(m.group() for m in caps[:5])
                found.append(
                    Evidence(
                        "shouting_caps",
                        start,
                        end,
                        score,
                        self.name,
                        "Writes in capitals, which reads as shouting.",
                        pattern,
                    )
                )
        if _PUNCTUATION_RUN_RE.search(text) is None:
            return found
        for i, word in enumerate(prepared.words):
            if word[0] in "!?" and (len(word) >= 3 or ("!" in word and "?" in word)):
                found.append(
                    Evidence(
                        "shouting_punctuation",
                        prepared.starts[i],
                        prepared.ends[i],
                        0.8,
                        self.name,
                        "Repeated '!' or '?' reads as raised voice.",
                        word,
                    )
                )
        return found
