"""What every redaction detector returns, and how overlapping findings are resolved into one set.

Detectors propose :class:`Candidate` spans; :func:`resolve_overlaps` keeps, among overlapping
candidates, the one of the most specific type (an e-mail address beats the name inside it, an MRN
beats a generic number), then the longest, then the leftmost, so the result is deterministic.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Higher wins when two candidates overlap: specific, validated patterns before heuristic ones.
TYPE_PRIORITY: dict[str, int] = {
    "EMAIL": 100,
    "URL": 95,
    "IP": 90,
    "SSN": 85,
    "MRN": 80,
    "FAX": 76,
    "PHONE": 75,
    "DOB": 72,
    "ADDRESS": 70,
    "DATE": 65,
    "ID": 60,
    "AGE>89": 55,
    "ZIP": 52,
    "PATIENT": 40,
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed identifier span in the input text."""

    type: str
    start: int
    end: int
    detector: str
    reason: str

    @property
    def priority(self) -> int:
        return TYPE_PRIORITY.get(self.type, 0)


class RedactionDetector(abc.ABC):
    """A detector of one family of identifiers. Built once (patterns compiled), then read-only."""

    name: str = "detector"

    @abc.abstractmethod
    def detect(self, text: str) -> list[Candidate]:
        """All candidate identifier spans in ``text``."""


def resolve_overlaps(candidates: Iterable[Candidate], blocked: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """Non-overlapping candidates, preferring priority, then length, then position; sorted by start.

    ``blocked`` ranges (e.g. placeholders already in the text) never receive a new span.
    """
    ordered = sorted(
        (c for c in candidates if c.end > c.start),
        key=lambda c: (-c.priority, -(c.end - c.start), c.start, c.type),
    )
    taken: list[tuple[int, int]] = list(blocked)
    kept: list[Candidate] = []
    for cand in ordered:
        if any(cand.start < end and start < cand.end for start, end in taken):
            continue
        taken.append((cand.start, cand.end))
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept
