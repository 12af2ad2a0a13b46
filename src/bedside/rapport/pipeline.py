"""The message analyzer: prepare → detect → adjust by context → merge → threshold, then label the tone.

Each stage is a small function that can be tested alone; :class:`ToneAnalyzer` strings them together
with its detectors and the trained politeness model. ``analyze(text, context)`` uses a default
analyzer built on first use (never at import). The analyzer's version combines its own version with
every detector's and the model's, so stored results say exactly what produced them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from bedside.rapport.analysis import Finding, MessageAnalysis, ToneLabel
from bedside.rapport.clinical import has_cus, looks_like_order
from bedside.rapport.context import EMPTY_CONTEXT, DetectionContext, MessageContext
from bedside.rapport.detector import Detector
from bedside.rapport.labels import COURTESY_LABELS, LABELS, SEVERITY_RANK, UNKNOWN_LABEL, LabelInfo
from bedside.rapport.model import PolitenessModel, features, load_model
from bedside.text.evidence import Evidence
from bedside.text.prepared import PreparedText

ANALYZER_NAME = "bedside.tone"
ANALYZER_VERSION = "1.0"

# Clinical emergencies, where bare commands are the right register (closed-loop crisis communication).
_URGENT_WORDS = frozenset({"stat", "code", "arrest", "crashing", "unresponsive", "seizing", "coding", "rrt"})
_COMMAND_LABELS = frozenset({"unmitigated_command", "demand"})
_CURT_REPLIES = frozenset({"k", "kk", "fine", "whatever", "y"})
_CONTEXT_SENSITIVE = frozenset({"sarcasm_candidate", "unmitigated_command", "demand", "terse_reply"})
_SENIOR_ROLES = frozenset({"physician", "administrator"})
_JUNIOR_ROLES = frozenset({"nurse", "resident", "technician", "other"})
# A label on the left hides overlapping evidence of the labels on the right.
SUPPRESSES: dict[str, frozenset[str]] = {
    "sarcasm": frozenset({"gratitude", "deference", "positive_word", "sarcasm_candidate"}),
    "insult": frozenset({"negative_word"}),
    "threat": frozenset({"demand", "unmitigated_command"}),
    "cus_unacknowledged": frozenset({"acknowledgement", "terse_reply"}),
}
POLITENESS_RESPECTFUL = 0.30  # politeness model 1.1; keeps the demo tone mix of 1.0 at 0.35 (model card)
POLITENESS_CURT = 0.5


def prepare(
    text: str, context: MessageContext | None = None, recent: PreparedText | None = None
) -> tuple[PreparedText, DetectionContext]:
    """Stage 1: tokenise the message (and the message it replies to, unless it is ``recent``) once."""
    return PreparedText(text), (DetectionContext.of(context, recent) if context is not None else EMPTY_CONTEXT)


def detect(prepared: PreparedText, context: DetectionContext, detectors: Sequence[Detector]) -> list[Evidence]:
    """Stage 2: run every detector and collect their evidence."""
    found: list[Evidence] = []
    for detector in detectors:
        found.extend(detector.detect(prepared, context))
    return found


def adjust_by_context(evidence: list[Evidence], prepared: PreparedText, context: DetectionContext) -> list[Evidence]:
    """Stage 3: let the rest of the message, the previous message and the roles change the reading."""
    if not evidence:
        return evidence
    message = context.message
    steep = message.sender_role in _SENIOR_ROLES and not _JUNIOR_ROLES.isdisjoint(message.recipient_roles)
    labels = {e.label for e in evidence}
    if not steep and labels.isdisjoint(_CONTEXT_SENSITIVE):
        return evidence
    problems = any(LABELS.get(label, UNKNOWN_LABEL).affects_tone for label in labels if label != "sarcasm_candidate")
    urgent = not _URGENT_WORDS.isdisjoint(prepared.word_set)
    previous = context.previous
    adjusted: list[Evidence] = []
    for e in evidence:
        label = e.label
        if label == "sarcasm_candidate" and (problems or "negative_word" in labels):
            e = e.with_changes(label="sarcasm", reason="Thanks or praise next to criticism reads as sarcasm.")
        elif label in _COMMAND_LABELS and "cus_concern" in labels:
            e = e.with_changes(
                label="urgent_command", reason="An assertive request while voicing a safety concern, as CUS teaches."
            )
        elif label in _COMMAND_LABELS and urgent:
            e = e.with_changes(
                label="urgent_command", reason="A bare command in a clinical emergency, where brevity is expected."
            )
        elif label in _COMMAND_LABELS and previous is not None and "?" in previous.text and looks_like_order(prepared):
            # An instruction that answers the colleague's own question ("Can I give more?" "Give 2 mg.").
            e = e.with_changes(label="urgent_command", reason="An instruction answering the colleague's question.")
        elif label == "terse_reply" and previous is not None and has_cus(previous):
            continue  # the CUS acknowledgement detector reports the unanswered concern
        elif label == "terse_reply" and not _CURT_REPLIES.isdisjoint(prepared.word_set):
            e = e.with_changes(
                label="curt_reply", reason="A one-word brush-off ('k', 'fine', 'whatever') reads as curt."
            )
        elif label == "terse_reply" and previous is not None:
            if looks_like_order(previous):
                e = e.with_changes(
                    label="acknowledgement", reason="A brief acknowledgement of an order closes the loop."
                )
        if steep and LABELS.get(e.label, UNKNOWN_LABEL).affects_tone:
            e = e.with_changes(
                reason=e.reason.rstrip(".")
                + "; written down the authority gradient, where it also discourages speaking up."
            )
        adjusted.append(e)
    return adjusted


def _order(e: Evidence) -> tuple[int, int, float]:
    return e.start, -e.end, -e.score


def merge(evidence: list[Evidence]) -> list[Evidence]:
    """Stage 4: drop duplicates (same label, overlapping: keep the stronger) and suppressed evidence; sort."""
    if len(evidence) < 2:
        return list(evidence)
    kept: list[Evidence] = []
    reach: dict[str, int] = {}  # label -> furthest end kept so far (spans arrive sorted by start)
    for e in sorted(evidence, key=_order):
        if reach.get(e.label, -1) > e.start:
            continue
        reach[e.label] = max(reach.get(e.label, -1), e.end)
        kept.append(e)
    if reach.keys() & SUPPRESSES.keys():
        suppressors = [e for e in kept if e.label in SUPPRESSES]
        kept = [
            e
            for e in kept
            if not any(
                e.label in SUPPRESSES[s.label] and (s.overlaps(e) or s.label == "cus_unacknowledged")
                for s in suppressors
            )
        ]
    return kept


def threshold(evidence: list[Evidence], catalog: dict[str, LabelInfo]) -> list[Evidence]:
    """Stage 5: keep evidence whose score reaches its label's threshold."""
    return [e for e in evidence if e.score >= catalog.get(e.label, UNKNOWN_LABEL).threshold]


def to_findings(
    evidence: Iterable[Evidence], text: str, catalog: dict[str, LabelInfo], versions: dict[str, str]
) -> tuple[Finding, ...]:
    """The evidence a person is shown, with category and severity."""
    findings = []
    for e in evidence:
        info = catalog.get(e.label, UNKNOWN_LABEL)
        if info.shown:
            findings.append(
                Finding(
                    info.category,
                    e.label,
                    e.start,
                    e.end,
                    text[e.start : e.end],
                    info.severity,
                    e.reason,
                    e.detector,
                    versions.get(e.detector, "?"),
                    e.pattern,
                    e.score,
                )
            )
    return tuple(findings)


def label_tone(findings: Sequence[Finding], politeness: float, catalog: dict[str, LabelInfo]) -> ToneLabel:
    """Respectful / neutral / curt / hostile from the tone-affecting findings and the politeness score."""
    worst = 0
    courtesy = False
    for f in findings:
        info = catalog.get(f.label, UNKNOWN_LABEL)
        if info.affects_tone:
            worst = max(worst, SEVERITY_RANK[info.severity])
        elif f.label in COURTESY_LABELS:
            courtesy = True
    if worst >= SEVERITY_RANK["high"]:
        return "hostile"
    if worst >= SEVERITY_RANK["medium"]:
        return "curt"
    if worst >= SEVERITY_RANK["low"]:
        return "curt" if politeness < POLITENESS_CURT else "neutral"
    if courtesy and politeness >= POLITENESS_RESPECTFUL:
        return "respectful"
    return "neutral"


class ToneAnalyzer:
    """Detectors plus the politeness model, run through the pipeline stages."""

    name = ANALYZER_NAME

    def __init__(self, detectors: Sequence[Detector], model: PolitenessModel) -> None:
        self.detectors = tuple(detectors)
        self.model = model
        self.catalog: dict[str, LabelInfo] = dict(LABELS)
        for detector in self.detectors:
            for label, info in detector.label_infos().items():
                self.catalog.setdefault(label, info)
        self.versions = {d.name: d.version for d in self.detectors}
        parts = [f"{d.name}@{d.version}" for d in self.detectors] + [f"{model.name}@{model.version}", model.fingerprint]
        digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:8]
        self.version = f"{ANALYZER_VERSION}+{digest}"
        self._recent: PreparedText | None = None

    def evidence(self, prepared: PreparedText, context: DetectionContext) -> list[Evidence]:
        """Stages 2-4: detect, adjust by context, merge (before thresholds)."""
        return merge(adjust_by_context(detect(prepared, context, self.detectors), prepared, context))

    def analyze(self, text: str, context: MessageContext | None = None) -> MessageAnalysis:
        """Analyse one message; ``context`` gives roles and the message it replies to."""
        prepared, detection_context = prepare(text, context, self._recent)
        self._recent = prepared  # the next message is often a reply to this one
        merged = self.evidence(prepared, detection_context)
        politeness = self.model.score_features(features(prepared, merged))
        kept = threshold(merged, self.catalog)
        findings = to_findings(kept, text, self.catalog, self.versions)
        return MessageAnalysis(
            text=text,
            tone=label_tone(findings, politeness, self.catalog),
            politeness=politeness,
            findings=findings,
            evidence=tuple(kept),
            analyzer=self.name,
            analyzer_version=self.version,
        )


@cache
def default_analyzer(rules_dir: Path | None = None) -> ToneAnalyzer:
    """The analyzer with the registered detectors (built-ins, ``rules_dir`` files, plug-ins) and the shipped model."""
    from bedside.rapport.registry import load_detectors

    return ToneAnalyzer([item.detector for item in load_detectors(rules_dir=rules_dir)], load_model())


def analyze(text: str, context: MessageContext | None = None) -> MessageAnalysis:
    """Analyse one message with the default analyzer."""
    return default_analyzer().analyze(text, context)
