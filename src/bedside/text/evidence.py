"""Evidence: one span of a text that a detector or model points at, with the reason it fired.

Every judgement Bedside shows carries evidence (DESIGN.md, "Evidence first"). An :class:`Evidence`
is always completely filled in: what was found (``label``), where (character offsets ``start`` to
``end`` in the original text), how sure (``score`` in 0..1), who found it (``detector``), why in one
human sentence (``reason``) and the rule, word or feature that fired (``pattern``). It is frozen and
slotted: detectors create many of them, and nothing downstream may strip or mutate them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any


class EvidenceError(ValueError):
    """An :class:`Evidence` was built with missing or inconsistent fields."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """A labelled character span with its score, source detector, reason and triggering pattern."""

    label: str
    start: int
    end: int
    score: float
    detector: str
    reason: str
    pattern: str

    def __post_init__(self) -> None:
        if not (self.label and self.detector and self.reason and self.pattern):
            raise EvidenceError(f"evidence must name its label, detector, reason and pattern: {self!r}")
        if not 0 <= self.start <= self.end:
            raise EvidenceError(f"evidence span must satisfy 0 <= start <= end, got {self.start}..{self.end}")
        if not 0.0 <= self.score <= 1.0:
            raise EvidenceError(f"evidence score must lie in 0..1, got {self.score}")

    def text_in(self, text: str) -> str:
        """The covered part of ``text`` (the text the evidence was found in)."""
        return text[self.start : self.end]

    def with_changes(self, **changes: Any) -> Evidence:
        """A copy with some fields changed (evidence itself never changes)."""
        return replace(self, **changes)

    def overlaps(self, other: Evidence) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with every field."""
        return {
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "detector": self.detector,
            "reason": self.reason,
            "pattern": self.pattern,
        }
