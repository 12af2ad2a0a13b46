"""Reject files: one JSON line per row that ``--skip-invalid`` set aside, with where and why.

Each line holds ``file``, ``line`` (or ``entry`` for a FHIR Bundle), ``field``, ``reason`` and
``row``, the raw row as read. Free text in the raw row passes the redaction gate first: a reject file
never holds patient identifiers that the database would not hold. The file is created on the first
reject only (so a clean import leaves no reject file) and replaced on each import.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from bedside.ingest.door import RedactionGate
from bedside.ingest.errors import RowError
from bedside.ingest.readers import RAW_LINE_KEY

# Raw-row fields kept as read: ids, references, codes and timestamps. Everything else (message text,
# comments, unknown extra columns, unparseable lines) goes through redaction.
STRUCTURED_FIELDS = frozenset(
    {
        "person_id", "name", "role", "unit", "unit_name", "manager_id", "email", "leads", "gender",
        "ethnicity", "age_band", "message_id", "sender_id", "recipient_ids", "sent_at", "thread_id",
        "in_reply_to", "channel", "note_id", "about_id", "author_id", "kind", "created_at", "rating_id",
        "subject_id", "rater_id", "cycle", "criterion", "score", "resourceType", "id", "status", "sent",
        "sender", "recipient", "inResponseTo", "partOf", "medium", "meta",
    }
)  # fmt: skip


def default_rejects_path(path: Path) -> Path:
    return path.with_name(path.name + ".rejects.jsonl")


def _redacted(value: Any, gate: RedactionGate) -> Any:
    if isinstance(value, str):
        return gate.redact_text(value)
    if isinstance(value, list):
        return [_redacted(item, gate) for item in value]
    if isinstance(value, dict):
        return {key: _redacted(item, gate) for key, item in value.items()}
    return value


def safe_row(raw: dict[str, Any], gate: RedactionGate) -> dict[str, Any]:
    """The raw row with every free-text value redacted (when redaction is enabled)."""
    if not gate.enabled:
        return raw
    return {
        key: value if key in STRUCTURED_FIELDS and key != RAW_LINE_KEY else _redacted(value, gate)
        for key, value in raw.items()
    }


class RejectWriter:
    """Writes rejected rows to ``path``, opening (and truncating) it on the first one."""

    def __init__(self, path: Path, gate: RedactionGate) -> None:
        self.path = path
        self.gate = gate
        self.count = 0
        self._handle: IO[str] | None = None

    def write(self, error: RowError, raw: dict[str, Any]) -> None:
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("w", encoding="utf-8")
        record: dict[str, Any] = {"file": error.file, "line": error.line}
        if error.entry:
            record["entry"] = error.entry
        record |= {"field": error.field, "reason": error.reason, "row": safe_row(raw, self.gate)}
        self._handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        self.count += 1

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> RejectWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
