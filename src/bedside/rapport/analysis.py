"""The result types of the message analyzer: :class:`Finding` and :class:`MessageAnalysis`.

A finding is evidence a person is shown, with its category and severity. A message analysis carries
the tone label, the politeness score, the findings, all evidence (including model-only features) and
the analyzer's name and version, and turns itself into JSON for storage and batch output. The
``label_counts`` and ``categories`` views make results easy to aggregate per person / unit / month.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

from bedside.text.evidence import Evidence

ToneLabel = Literal["respectful", "neutral", "curt", "hostile"]
TONE_LABELS: tuple[ToneLabel, ...] = ("respectful", "neutral", "curt", "hostile")


@dataclass(frozen=True, slots=True)
class Finding:
    """One shown piece of evidence: what, where, how serious, why, and which detector version found it."""

    category: str
    label: str
    start: int
    end: int
    text: str
    severity: str
    reason: str
    detector: str
    detector_version: str
    pattern: str
    score: float

    @property
    def is_problem(self) -> bool:
        return self.severity in ("low", "medium", "high")

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "severity": self.severity,
            "reason": self.reason,
            "detector": self.detector,
            "detector_version": self.detector_version,
            "pattern": self.pattern,
            "score": round(self.score, 4),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(**{k: data[k] for k in cls.__slots__})  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class MessageAnalysis:
    """The analyzer's reading of one message."""

    text: str
    tone: ToneLabel
    politeness: float
    findings: tuple[Finding, ...]
    evidence: tuple[Evidence, ...]
    analyzer: str
    analyzer_version: str

    @property
    def problems(self) -> tuple[Finding, ...]:
        """Findings that point at something to improve (severity low, medium or high)."""
        return tuple(f for f in self.findings if f.is_problem)

    @property
    def label_counts(self) -> Counter[str]:
        """How often each finding label occurs (for aggregation)."""
        return Counter(f.label for f in self.findings)

    @property
    def categories(self) -> frozenset[str]:
        """The distinct categories of problem findings."""
        return frozenset(f.category for f in self.findings if f.is_problem)

    def to_dict(self, include_evidence: bool = False) -> dict[str, Any]:
        """JSON-ready dict: tone, politeness, findings, analyzer name and version (and all evidence if asked)."""
        data: dict[str, Any] = {
            "tone": self.tone,
            "politeness": round(self.politeness, 4),
            "findings": [f.to_dict() for f in self.findings],
            "analyzer": self.analyzer,
            "analyzer_version": self.analyzer_version,
        }
        if include_evidence:
            data["evidence"] = [e.to_dict() for e in self.evidence]
        return data
