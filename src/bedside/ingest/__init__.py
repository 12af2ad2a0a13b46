"""Import of staff rosters, messages, feedback notes and review ratings from CSV, JSONL and FHIR R4.

Use :func:`import_file` (or :func:`import_rows` for rows already in memory): it validates every row,
resolves people by their source ids, redacts patient identifiers from free text before storing it,
and writes in one transaction per file. Bad input raises :class:`IngestError` with a message naming
the file, line and field. ``docs/ingest-formats.md`` describes the formats.
"""

from __future__ import annotations

from bedside.ingest.errors import FileError, IngestError, RowError
from bedside.ingest.report import ImportReport, KindCounts
from bedside.ingest.rows import RecordKind
from bedside.ingest.service import ImportConflictError, import_file, import_rows

__all__ = [
    "FileError",
    "ImportConflictError",
    "ImportReport",
    "IngestError",
    "KindCounts",
    "RecordKind",
    "RowError",
    "import_file",
    "import_rows",
]
