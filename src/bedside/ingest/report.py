"""What an import did: counts per record kind (added, updated, already present, rejected)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bedside.ingest.rows import RecordKind


@dataclass
class KindCounts:
    """What happened to the records of one kind: newly stored, changed, already there, set aside."""

    added: int = 0
    updated: int = 0
    present: int = 0
    rejected: int = 0


@dataclass
class ImportReport:
    """The outcome of importing one file (or one iterable of rows)."""

    file: str
    source: str
    organisation: str
    format: str
    counts: dict[RecordKind, KindCounts] = field(default_factory=dict)
    rejects_path: Path | None = None
    seconds: float = 0.0

    def of(self, kind: RecordKind | str) -> KindCounts:
        """The counts of one kind (zeros when the file held none)."""
        return self.counts.setdefault(RecordKind(kind), KindCounts())

    @property
    def added(self) -> int:
        return sum(c.added for c in self.counts.values())

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.counts.values())

    @property
    def present(self) -> int:
        return sum(c.present for c in self.counts.values())

    @property
    def rejected(self) -> int:
        return sum(c.rejected for c in self.counts.values())
