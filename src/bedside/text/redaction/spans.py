"""Result types of patient-identifier redaction: one span per identifier, and the redacted text.

Offsets are Python string indices. ``RedactionResult.spans`` point into the *input* text;
``RedactionResult.placeholders`` point into the *output* text, so that evidence spans computed
later on the stored (redacted) text stay consistent with what was removed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class RedactionSpan:
    """One identifier: its type (``"PATIENT"``, ``"MRN"``, ...), where it is, who found it and why."""

    type: str
    start: int
    end: int
    detector: str
    reason: str

    @property
    def placeholder(self) -> str:
        """The text that replaces this identifier, e.g. ``[MRN]``."""
        return f"[{self.type}]"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the span."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class RedactionResult:
    """The redacted text with the identifier spans (input offsets) and placeholder spans (output offsets)."""

    text: str
    spans: list[RedactionSpan] = field(default_factory=list)
    placeholders: list[RedactionSpan] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when at least one identifier was replaced."""
        return bool(self.spans)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the redacted text and both span lists."""
        return {
            "text": self.text,
            "spans": [span.to_dict() for span in self.spans],
            "placeholders": [span.to_dict() for span in self.placeholders],
        }
