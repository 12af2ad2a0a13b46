"""The import service: one file (or one iterable of rows) into the database, in one transaction.

:func:`import_file` detects the format (CSV, JSONL, FHIR R4 Bundle) and the kind, streams the rows
through validation, reference resolution and redaction, and writes them in batches. It is
idempotent (records are keyed by organisation, source and source id; people by external id) and
all-or-nothing: the first bad row stops the file and rolls everything back, unless ``skip_invalid``
is set, in which case bad rows go to a reject file and the rest is stored.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO, Literal

from sqlalchemy.exc import IntegrityError

from bedside.config import Settings
from bedside.ingest.door import RedactionGate, RedactorFactory, default_redactor
from bedside.ingest.errors import EncodingRowError, FileError, IngestError
from bedside.ingest.fhir import read_fhir_bundle
from bedside.ingest.job import FileImport
from bedside.ingest.readers import RawRow, Section, read_csv, read_jsonl
from bedside.ingest.rejects import RejectWriter, default_rejects_path
from bedside.ingest.report import ImportReport, KindCounts
from bedside.ingest.rows import RecordKind, check_columns, detect_kind
from bedside.store import records
from bedside.store.accounts import get_or_create_organisation
from bedside.store.database import Database

log = logging.getLogger(__name__)

FileFormat = Literal["csv", "jsonl", "fhir"]
ProgressCallback = Callable[[int, int], None]
"""Called with (bytes read so far, bytes to read) as the import advances, never going back.

Bytes to read is the file size; for a FHIR Bundle, which is read in two passes, twice its size
(without a byte-order mark), so the roster pass is the first half and the message pass the second.
"""


class ImportConflictError(IngestError):
    """The database refused a write, usually because another import of the same source ran at once."""


__all__ = ["ImportConflictError", "ImportReport", "KindCounts", "detect_format", "import_file", "import_rows"]


def detect_format(path: Path, head: bytes) -> FileFormat:
    """CSV, JSONL or a FHIR Bundle, from the file's first bytes (and its suffix for JSON Lines)."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if start.startswith(b"["):
        raise FileError(
            "a JSON array is not supported: use JSON Lines (one object per line) or a FHIR Bundle", file=str(path)
        )
    if not start.startswith(b"{"):
        return "csv"
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        return "jsonl"
    first_line = start.split(b"\n", 1)[0]
    try:
        value = json.loads(first_line)
    except (ValueError, RecursionError):
        return "fhir"  # a JSON document spread over several lines
    if isinstance(value, dict) and value.get("resourceType") == "Bundle":
        return "fhir"
    return "jsonl"


def import_file(
    database: Database,
    path: str | Path,
    *,
    settings: Settings,
    org_slug: str = "default",
    kind: RecordKind | str | None = None,
    skip_invalid: bool = False,
    source: str | None = None,
    rejects: str | Path | None = None,
    progress: ProgressCallback | None = None,
    redactor_factory: RedactorFactory = default_redactor,
) -> ImportReport:
    """Import one file in one transaction and report the counts; raise :class:`IngestError` if refused.

    ``source`` (default: the file's base name) scopes the record ids, so re-importing the same file
    adds nothing. With ``skip_invalid``, bad rows go to ``rejects`` (default ``<file>.rejects.jsonl``).
    """
    path = Path(path)
    label = str(path)
    if not path.is_file():
        raise FileError("no such file", file=label)
    wanted = RecordKind(kind) if kind is not None else None
    with path.open("rb") as stream:
        total = path.stat().st_size
        file_format = detect_format(path, stream.read(65536))
        stream.seek(0)
        sections, position, total = _open_sections(stream, file_format, wanted, label, total, progress)
        report = ImportReport(file=label, source=source or path.name, organisation=org_slug, format=file_format)
        reject_path = Path(rejects) if rejects is not None else default_rejects_path(path)
        _run(
            database,
            sections,
            settings=settings,
            report=report,
            skip_invalid=skip_invalid,
            reject_path=reject_path,
            progress=(lambda: progress(position(), total)) if progress else None,
            redactor_factory=redactor_factory,
        )
    if progress:
        progress(total, total)
    return report


def import_rows(
    database: Database,
    rows: Iterable[Mapping[str, Any]],
    *,
    kind: RecordKind | str,
    source: str,
    settings: Settings,
    org_slug: str = "default",
    skip_invalid: bool = False,
    rejects: str | Path | None = None,
    redactor_factory: RedactorFactory = default_redactor,
) -> ImportReport:
    """Import row dicts (as JSONL lines would hold them) of one kind; row numbers count from 1.

    The same rules as :func:`import_file` apply; ``source`` names the rows' origin in errors and
    scopes their ids. Rejects go to ``rejects`` (default ``<data_dir>/<source>.rejects.jsonl``).
    """
    record_kind = RecordKind(kind)
    stream = (RawRow(number, dict(row)) for number, row in enumerate(rows, start=1))
    report = ImportReport(file=source, source=source, organisation=org_slug, format="rows")
    _run(
        database,
        [Section(record_kind, stream)],
        settings=settings,
        report=report,
        skip_invalid=skip_invalid,
        reject_path=Path(rejects) if rejects is not None else settings.data_dir / f"{source}.rejects.jsonl",
        progress=None,
        redactor_factory=redactor_factory,
    )
    return report


def _open_sections(
    stream: BinaryIO,
    file_format: FileFormat,
    wanted: RecordKind | None,
    label: str,
    total: int,
    progress: ProgressCallback | None,
) -> tuple[list[Section], Callable[[], int], int]:
    """The sections of the file, a function giving the bytes read so far, and the bytes to read."""
    if file_format == "fhir":
        if wanted not in (None, RecordKind.roster, RecordKind.messages):
            raise FileError(f"a FHIR Bundle holds roster and messages, not {wanted.value}", file=label)
        read = [0, total]  # bytes read over both passes, bytes both passes read

        def advance(done: int, work: int) -> None:
            read[:] = [done, work]
            if progress:
                progress(done, work)

        sections = read_fhir_bundle(stream, file=label, progress=advance)
        return [s for s in sections if wanted in (None, s.kind)], lambda: read[0], read[1]
    opened = read_csv(stream, file=label) if file_format == "csv" else read_jsonl(stream, file=label)
    rows = opened.rows
    if opened.columns is not None:
        kind = wanted or detect_kind(opened.columns, file=label)
        check_columns(kind, opened.columns, file=label)
    elif wanted is not None:
        kind = wanted
    else:
        kind, rows = _kind_from_first_object(rows, label)
    return [Section(kind, rows)], lambda: opened.bytes_read, total


def _kind_from_first_object(rows: Iterator[RawRow], label: str) -> tuple[RecordKind, Iterator[RawRow]]:
    held: list[RawRow] = []
    for row in rows:
        held.append(row)
        if row.error is None:
            kind = detect_kind(row.data.keys(), file=label)
            return kind, _chain(held, rows)
    for row in held:
        if isinstance(row.error, EncodingRowError):  # no line could be read: say why
            raise row.error.file_error(label)
    raise FileError("the file holds no JSON object to import", file=label)


def _chain(first: list[RawRow], rest: Iterator[RawRow]) -> Iterator[RawRow]:
    yield from first
    yield from rest


def _run(
    database: Database,
    sections: list[Section],
    *,
    settings: Settings,
    report: ImportReport,
    skip_invalid: bool,
    reject_path: Path,
    progress: Callable[[], None] | None,
    redactor_factory: RedactorFactory,
) -> None:
    started = time.perf_counter()
    try:
        with database.session() as session:
            organisation = get_or_create_organisation(session, report.organisation)
            gate = RedactionGate(
                enabled=settings.redaction_enabled,
                staff_names=lambda: records.staff_names(session, organisation.id),
                site_names=lambda: records.site_names(session, organisation.id, settings.site_names),
                factory=redactor_factory,
                workers=settings.redaction_workers,
            )
            with gate, RejectWriter(reject_path, gate) as rejects:
                job = FileImport(
                    session=session,
                    organisation=organisation,
                    settings=settings,
                    report=report,
                    gate=gate,
                    rejects=rejects if skip_invalid else None,
                    progress=progress,
                )
                for section in sections:
                    job.section(section)
                if rejects.count:
                    report.rejects_path = reject_path
    except IntegrityError as exc:
        raise ImportConflictError(
            f"{report.file}: the database refused the import ({exc.orig}); nothing from this file was stored. "
            "Was the same source imported at the same time? Try again."
        ) from exc
    except IngestError:
        log.info("%s: import refused; nothing from this file was stored", report.file)
        raise
    report.seconds = time.perf_counter() - started
    log.info(
        "%s: %d added, %d updated, %d already present, %d rejected in %.1fs",
        report.file, report.added, report.updated, report.present, report.rejected, report.seconds,
    )  # fmt: skip
