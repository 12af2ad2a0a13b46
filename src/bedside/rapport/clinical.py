"""Clinical team conventions: SBAR completeness, TeamSTEPPS CUS language and closed-loop replies.

- *SBAR* (Situation, Background, Assessment, Recommendation): in a message that escalates or hands
  off a patient, which of the four parts are present; an incomplete one gets a low-severity finding
  naming what is missing.
- *CUS* ("I'm Concerned, I'm Uncomfortable, this is a Safety issue"): speaking up is marked as a good
  practice; a reply to a CUS message is checked for an acknowledgement (needs the previous message).
- *Closed loop*: a reply to an order or request that reads back its facts (numbers, doses, drugs) or
  acknowledges it ("will do", "done") closes the loop. A bare "ok" is a *terse reply*; the pipeline's
  context stage decides whether that is an acknowledgement (after an order) or an unacknowledged
  concern (after CUS).
"""

from __future__ import annotations

import re

from bedside.rapport.conduct import IMPERATIVE_VERBS
from bedside.rapport.context import DetectionContext
from bedside.rapport.detector import Detector
from bedside.rapport.phrases import PhraseMatcher
from bedside.text.evidence import Evidence
from bedside.text.prepared import PreparedText

CUS_PHRASES = PhraseMatcher(
    (p, None)
    for p in (
        "i'm concerned",
        "i am concerned",
        "i'm really concerned",
        "i'm very concerned",
        "i'm worried",
        "i am worried",
        "i'm uncomfortable",
        "i am uncomfortable",
        "i'm not comfortable",
        "i am not comfortable",
        "not comfortable with",
        "this is a safety issue",
        "safety issue",
        "safety concern",
        "patient safety",
        "stop the line",
        "i have a concern",
        "concerned about",
        "worried about",
    )
)
ACK_PHRASES = PhraseMatcher(
    (p, None)
    for p in (
        "on my way",
        "on the way",
        "omw",
        "heard",
        "be there",
        "right away",
        "coming",
        "be right there",
        "i'll come",
        "i will come",
        "i'll be there",
        "will come",
        "will do",
        "i'll",
        "i will",
        "we'll",
        "let's",
        "let me",
        "good catch",
        "thanks for",
        "thank you for",
        "i agree",
        "agree",
        "you're right",
        "understood",
        "i hear you",
        "got it",
        "on it",
        "copy",
        "acknowledged",
        "roger",
        "done",
        "given",
        "ordered",
        "sent",
        "called",
        "heading",
        "will assess",
        "will review",
        "will check",
        "checking",
        "stop",
        "hold",
    )
)
TERSE_WORDS = frozenset(
    {"ok", "okay", "k", "kk", "y", "fine", "noted", "sure", "yes", "yep", "yeah", "yup", "no", "nope", "whatever", "."}
)
_REQUEST_WORDS = frozenset({"please", "pls", "could", "would", "can", "need", "order", "give", "start", "check"})
_FACT_RE = re.compile(r"\d|\[[a-z_ ]+\]")
_COMMON_WORDS = frozenset(
    {
        "about",
        "after",
        "again",
        "could",
        "would",
        "should",
        "there",
        "their",
        "these",
        "those",
        "please",
        "thanks",
        "check",
        "order",
        "start",
        "patient",
        "which",
        "where",
        "while",
        "being",
        "right",
        "think",
        "today",
        "tonight",
    }
)
_UNITS = frozenset(
    {"mg", "mcg", "g", "ml", "units", "unit", "meq", "mmol", "l", "kg", "mg/kg", "iv", "po", "im", "sc", "prn"}
)


def has_cus(prepared: PreparedText) -> bool:
    """Whether the text voices a concern in TeamSTEPPS CUS language."""
    return CUS_PHRASES.first(prepared) is not None


def looks_like_order(prepared: PreparedText) -> bool:
    """Whether the text asks for or orders something (a sentence opening with a verb, a request word, a dose)."""
    words = prepared.words
    if not words:
        return False
    if any(words[first] in IMPERATIVE_VERBS for first, _ in prepared.sentences):
        return True
    return not _REQUEST_WORDS.isdisjoint(prepared.word_set) or not _UNITS.isdisjoint(prepared.word_set)


def is_terse(prepared: PreparedText) -> bool:
    """A reply of at most three words, all bare acknowledgements ("ok", "fine", "k.")."""
    words = prepared.words
    return 0 < len(words) <= 3 and all(w in TERSE_WORDS for w in words)


def fact_tokens(prepared: PreparedText) -> set[str]:
    """Tokens carrying clinical facts worth reading back: numbers, placeholders, dose units, drug-like words."""
    return {
        w
        for w in prepared.word_set
        if _FACT_RE.match(w) or w in _UNITS or (len(w) >= 5 and w.isalpha() and w not in _COMMON_WORDS)
    }


class CUSLanguage(Detector):
    """Speaking up with CUS language ('I'm concerned', 'this is a safety issue')."""

    name = "cus_language"
    version = "1.0"
    description = "TeamSTEPPS CUS language: I'm Concerned, I'm Uncomfortable, this is a Safety issue."
    labels = ("cus_concern",)

    def detect(self, prepared: PreparedText, context: DetectionContext) -> list[Evidence]:
        return [
            Evidence(
                "cus_concern",
                prepared.starts[first],
                prepared.ends[last],
                0.9,
                self.name,
                "Speaks up about a concern in CUS language, as TeamSTEPPS teaches.",
                " ".join(tokens),
            )
            for first, last, tokens, _ in CUS_PHRASES.finditer(prepared)
        ]


class CUSAcknowledgement(Detector):
    """In a reply to a CUS message: was the concern acknowledged?"""

    name = "cus_acknowledgement"
    version = "1.0"
    description = "Whether a reply to a CUS concern acknowledges it (needs the previous message)."
    labels = ("cus_acknowledged", "cus_unacknowledged")

    def detect(self, prepared: PreparedText, context: DetectionContext) -> list[Evidence]:
        previous = context.previous
        if previous is None or not prepared.words or not has_cus(previous):
            return []
        match = ACK_PHRASES.first(prepared)
        if match is not None and not is_terse(prepared):
            first, last, tokens, _ = match
            return [
                Evidence(
                    "cus_acknowledged",
                    prepared.starts[first],
                    prepared.ends[last],
                    0.8,
                    self.name,
                    "Acknowledges the colleague's safety concern and says what happens next.",
                    " ".join(tokens),
                )
            ]
        return [
            Evidence(
                "cus_unacknowledged",
                0,
                len(prepared.text),
                0.8,
                self.name,
                "Answers a stated safety concern without acknowledging it or saying what will happen next.",
                "reply to CUS without acknowledgement",
            )
        ]


class ClosedLoop(Detector):
    """Read-back and acknowledgement of an order or request (needs the previous message); terse replies."""

    name = "closed_loop"
    version = "1.0"
    description = "Closed-loop replies: read-back of an order's facts, acknowledgements, and terse one-word replies."
    labels = ("read_back", "acknowledgement", "terse_reply")

    def detect(self, prepared: PreparedText, context: DetectionContext) -> list[Evidence]:
        found: list[Evidence] = []
        if is_terse(prepared):
            found.append(
                Evidence(
                    "terse_reply",
                    0,
                    len(prepared.text),
                    0.8,
                    self.name,
                    "A one-word reply; whether it closes the loop depends on what it answers.",
                    " ".join(prepared.words),
                )
            )
            return found
        previous = context.previous
        if previous is None or not looks_like_order(previous):
            return found
        facts = fact_tokens(previous)
        repeated = [i for i, w in enumerate(prepared.words) if w in facts] if facts else []
        if repeated:
            found.append(
                Evidence(
                    "read_back",
                    prepared.starts[repeated[0]],
                    prepared.ends[repeated[-1]],
                    0.8,
                    self.name,
                    "Reads back the order's details, closing the loop.",
                    " ".join(prepared.words[i] for i in repeated[:6]),
                )
            )
        match = ACK_PHRASES.first(prepared)
        if match is not None:
            first, last, tokens, _ = match
            found.append(
                Evidence(
                    "acknowledgement",
                    prepared.starts[first],
                    prepared.ends[last],
                    0.8,
                    self.name,
                    "Acknowledges the request, closing the loop.",
                    " ".join(tokens),
                )
            )
        return found


_ESCALATION = PhraseMatcher(
    (p, None)
    for p in (
        "handoff",
        "hand off",
        "handover",
        "sign out",
        "signout",
        "signing out",
        "escalate",
        "escalating",
        "calling about",
        "paging about",
        "rapid response",
        "rrt",
        "sbar",
        "deteriorating",
        "please come",
        "come see",
        "come and see",
        "come evaluate",
        "need you to evaluate",
        "please evaluate",
        "concerned about",
        "worried about",
        "i'm concerned",
    )
)
_SITUATION = frozenset({"[patient]", "[name]", "pt", "patient", "room", "bed", "situation", "calling", "paging"})
_BACKGROUND = PhraseMatcher(
    (p, None)
    for p in (
        "hx",
        "history",
        "pmh",
        "admitted",
        "post op",
        "postop",
        "post-op",
        "s/p",
        "pod",
        "background",
        "known",
        "baseline",
        "diagnosed",
        "dx",
        "here for",
        "in for",
        "yo",
        "year old",
    )
)
_ASSESSMENT = PhraseMatcher(
    (p, None)
    for p in (
        "assessment",
        "i think",
        "concerned",
        "worried",
        "looks",
        "appears",
        "seems",
        "unstable",
        "worsening",
        "deteriorating",
        "sats",
        "bp",
        "hr",
        "rr",
        "temp",
        "spo2",
        "gcs",
        "febrile",
        "hypotensive",
        "tachycardic",
        "likely",
        "i suspect",
    )
)
_RECOMMENDATION = PhraseMatcher(
    (p, None)
    for p in (
        "recommend",
        "request",
        "requesting",
        "please come",
        "can you",
        "could you",
        "would you",
        "need you",
        "suggest",
        "would like",
        "i'd like",
        "should we",
        "want",
        "please",
        "can we",
        "plan",
        "please evaluate",
        "to do",
        "follow up",
        "f/u",
    )
)
_SBAR_PARTS: tuple[tuple[str, str], ...] = (
    ("sbar_situation", "situation"),
    ("sbar_background", "background"),
    ("sbar_assessment", "assessment"),
    ("sbar_recommendation", "recommendation"),
)


class SBARCompleteness(Detector):
    """Which SBAR parts an escalation or handoff message has, and which are missing."""

    name = "sbar_completeness"
    version = "1.0"
    description = "SBAR (Situation, Background, Assessment, Recommendation) completeness in escalations and handoffs."
    labels = ("sbar_situation", "sbar_background", "sbar_assessment", "sbar_recommendation", "sbar_incomplete")

    def detect(self, prepared: PreparedText, context: DetectionContext) -> list[Evidence]:
        if len(prepared.words) < 8:
            return []
        trigger = _ESCALATION.first(prepared)
        if trigger is None:
            return []
        starts, ends = prepared.starts, prepared.ends
        hits: dict[str, tuple[int, int, str]] = {}
        situation = [i for i, w in enumerate(prepared.words) if w in _SITUATION]
        if situation:
            i = situation[0]
            hits["sbar_situation"] = (starts[i], ends[i], prepared.words[i])
        for label, matcher in (
            ("sbar_background", _BACKGROUND),
            ("sbar_assessment", _ASSESSMENT),
            ("sbar_recommendation", _RECOMMENDATION),
        ):
            match = matcher.first(prepared)
            if match is not None:
                hits[label] = (starts[match[0]], ends[match[1]], " ".join(match[2]))
        if "sbar_assessment" not in hits and any(w[0].isdigit() and "/" in w for w in prepared.words):
            i = next(i for i, w in enumerate(prepared.words) if w[0].isdigit() and "/" in w)
            hits["sbar_assessment"] = (starts[i], ends[i], prepared.words[i])
        found = [
            Evidence(label, s, e, 0.8, self.name, f"Gives the SBAR {part}.", pattern)
            for label, part in _SBAR_PARTS
            if label in hits
            for s, e, pattern in (hits[label],)
        ]
        missing = [part for label, part in _SBAR_PARTS if label not in hits]
        if missing:
            found.append(
                Evidence(
                    "sbar_incomplete",
                    starts[trigger[0]],
                    ends[trigger[1]],
                    0.7,
                    self.name,
                    f"An escalation or handoff without the SBAR {', '.join(missing)}.",
                    "missing: " + ", ".join(missing),
                )
            )
        return found
