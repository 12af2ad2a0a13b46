"""The import service: one file (or one iterable of rows) into the database, in one transaction.

:func:`import_file` detects the format (CSV, JSONL, FHIR R4 Bundle) and the kind, streams the rows
through validation, reference resolution and redaction, and writes them in batches. It is
idempotent (records are keyed by organisation, source and source id; people by external id) and
all-or-nothing: the first bad row stops the file and rolls everything back, unless ``skip_invalid``
is set, in which case bad rows go to a reject file and the rest is stored.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bedside.config import Settings
from bedside.ingest.door import RedactionGate, TextRedactor, default_redactor
from bedside.ingest.errors import FileError, IngestError, RowError
from bedside.ingest.fhir import read_fhir_bundle
from bedside.ingest.readers import RawRow, Section, read_csv, read_jsonl
from bedside.ingest.rejects import RejectWriter, default_rejects_path
from bedside.ingest.rows import (
    MessageRow,
    NoteRow,
    RatingRow,
    RecordKind,
    RosterRow,
    check_columns,
    detect_kind,
    parse_row,
)
from bedside.store import records
from bedside.store.accounts import get_or_create_organisation
from bedside.store.database import Database
from bedside.store.models import Organisation, StaffRole

log = logging.getLogger(__name__)

BATCH_SIZE = 2000
FileFormat = Literal["csv", "jsonl", "fhir"]
ProgressCallback = Callable[[int, int], None]
"""Called with (bytes read so far, file size in bytes) as the import advances."""


class ImportConflictError(IngestError):
    """The database refused a write, usually because another import of the same source ran at once."""


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
    redactor_factory: Callable[[list[str]], TextRedactor] = default_redactor,
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
        sections, position = _open_sections(stream, file_format, wanted, label, total)
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
    redactor_factory: Callable[[list[str]], TextRedactor] = default_redactor,
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
    stream: BinaryIO, file_format: FileFormat, wanted: RecordKind | None, label: str, total: int
) -> tuple[list[Section], Callable[[], int]]:
    if file_format == "fhir":
        if wanted not in (None, RecordKind.roster, RecordKind.messages):
            raise FileError(f"a FHIR Bundle holds roster and messages, not {wanted.value}", file=label)
        sections = read_fhir_bundle(stream, file=label)
        return [s for s in sections if wanted in (None, s.kind)], lambda: total
    opened = read_csv(stream, file=label) if file_format == "csv" else read_jsonl(stream, file=label)
    rows = opened.rows
    if opened.columns is not None:
        kind = wanted or detect_kind(opened.columns, file=label)
        check_columns(kind, opened.columns, file=label)
    elif wanted is not None:
        kind = wanted
    else:
        kind, rows = _kind_from_first_object(rows, label)
    return [Section(kind, rows)], lambda: opened.bytes_read


def _kind_from_first_object(rows: Iterator[RawRow], label: str) -> tuple[RecordKind, Iterator[RawRow]]:
    held: list[RawRow] = []
    for row in rows:
        held.append(row)
        if row.error is None:
            kind = detect_kind(row.data.keys(), file=label)
            return kind, _chain(held, rows)
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
    redactor_factory: Callable[[list[str]], TextRedactor],
) -> None:
    started = time.perf_counter()
    try:
        with database.session() as session:
            organisation = get_or_create_organisation(session, report.organisation)
            gate = RedactionGate(
                enabled=settings.redaction_enabled,
                staff_names=lambda: records.staff_names(session, organisation.id),
                factory=redactor_factory,
            )
            with RejectWriter(reject_path, gate) as rejects:
                job = _Import(
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


@dataclass
class _Pending:
    raw: RawRow
    row: MessageRow | NoteRow | RatingRow
    refs: dict[str, Any]


class _Import:
    """The work of one import: validation, references, batching; all writes go through the store layer."""

    def __init__(
        self,
        *,
        session: Session,
        organisation: Organisation,
        settings: Settings,
        report: ImportReport,
        gate: RedactionGate,
        rejects: RejectWriter | None,
        progress: Callable[[], None] | None,
    ) -> None:
        self.session = session
        self.organisation = organisation
        self.settings = settings
        self.report = report
        self.gate = gate
        self.rejects = rejects
        self.progress = progress
        self.people: dict[str, int] = records.person_ids(session, organisation.id)

    # -- errors ----------------------------------------------------------------------------------

    def refuse(self, error: RowError, raw: RawRow, section: Section) -> None:
        """Stop the file with the located error, or set the row aside when skipping invalid rows."""
        field = section.field_names.get(error.field, error.field) if error.field else None
        located = RowError(
            error.reason,
            line=error.line if error.line is not None else raw.line,
            field=field,
            file=self.report.file,
            entry=error.entry or raw.entry,
        )
        if self.rejects is None:
            raise located
        self.rejects.write(located, raw.data)
        self.report.of(section.kind).rejected += 1

    def parse(self, raw: RawRow, section: Section, *, check_required: bool = True) -> Any:
        if raw.error is not None:
            self.refuse(raw.error, raw, section)
            return None
        try:
            return parse_row(
                section.kind,
                raw.data,
                line=raw.line,
                max_field_chars=self.settings.max_field_chars,
                check_required=check_required,
            )
        except RowError as error:
            self.refuse(error, raw, section)
            return None

    # -- sections --------------------------------------------------------------------------------

    def section(self, section: Section) -> None:
        self.report.of(section.kind)
        if section.kind is RecordKind.roster:
            self.roster(section)
            self.people = records.person_ids(self.session, self.organisation.id)
            self.gate.reset()
        else:
            self.sourced(section)
        if self.progress:
            self.progress()

    def roster(self, section: Section) -> None:
        counts = self.report.of(RecordKind.roster)
        rows: dict[str, tuple[RawRow, RosterRow]] = {}
        for raw in section.rows:
            row = self.parse(raw, section, check_required=section.strict)
            if row is None:
                continue
            if row.person_id in rows:
                first = rows[row.person_id][0]
                self.refuse(
                    RowError(
                        f"duplicate person_id {row.person_id!r}: {_where(first)} has the same id", field="person_id"
                    ),
                    raw,
                    section,
                )
                continue
            rows[row.person_id] = (raw, row)
        known_units = set(records.unit_ids(self.session, self.organisation.id))
        rows = self._drop_unresolved_roster_rows(rows, known_units, section)
        unit_names: dict[str, str | None] = {}
        for _, row in rows.values():
            if row.unit:
                given = row.unit_name if "unit_name" in row.model_fields_set else None
                if unit_names.get(row.unit) is None:
                    unit_names[row.unit] = given
        unit_ids = records.upsert_units(self.session, self.organisation.id, unit_names)
        people = []
        for _, row in rows.values():
            person: dict[str, Any] = {"external_id": row.person_id, "name": row.name}
            if row.role is not None:
                person["role"] = row.role
            elif row.person_id not in self.people:
                person["role"] = StaffRole.other
            if "unit" in row.model_fields_set:
                person["unit_id"] = unit_ids.get(row.unit) if row.unit else None
            if "email" in row.model_fields_set:
                person["email"] = row.email
            people.append(person)
        changes = records.upsert_people(self.session, self.organisation.id, people)
        ids = records.person_ids(self.session, self.organisation.id)
        changed_ids: set[int] = set()
        managers = {
            ids[row.person_id]: ids[row.manager_id] if row.manager_id else None
            for _, row in rows.values()
            if "manager_id" in row.model_fields_set
        }
        changed_ids |= records.set_managers(self.session, managers)
        leads = {
            ids[row.person_id]: {unit_ids[u] for u in row.leads or ()}
            for _, row in rows.values()
            if "leads" in row.model_fields_set
        }
        changed_ids |= records.replace_unit_leadership(self.session, leads)
        demographics = {
            ids[row.person_id]: {f: getattr(row, f) for f in records.DEMOGRAPHIC_FIELDS if f in row.model_fields_set}
            for _, row in rows.values()
        }
        changed_ids |= records.upsert_demographics(self.session, {p: d for p, d in demographics.items() if d})
        by_id = {person_id: ext for ext, person_id in ids.items()}
        updated = (changes.updated | {by_id[p] for p in changed_ids}) - changes.added
        counts.added += len(changes.added)
        counts.updated += len(updated)
        counts.present += len(rows) - len(changes.added) - len(updated)

    def _drop_unresolved_roster_rows(
        self, rows: dict[str, tuple[RawRow, RosterRow]], known_units: set[str], section: Section
    ) -> dict[str, tuple[RawRow, RosterRow]]:
        """Check managers and led units once the whole roster is read; a rejected row may orphan others."""
        while True:
            units = known_units | {row.unit for _, row in rows.values() if row.unit}
            bad: dict[str, RowError] = {}
            for ext, (_, row) in rows.items():
                if row.manager_id and row.manager_id not in rows and row.manager_id not in self.people:
                    bad[ext] = RowError(
                        f"unknown manager {row.manager_id!r}: no person with this id in this file or in "
                        f"organisation {self.report.organisation!r}",
                        field="manager_id",
                    )
                elif row.manager_id == row.person_id:
                    bad[ext] = RowError("a person cannot be their own manager", field="manager_id")
                else:
                    missing = [u for u in row.leads or () if u not in units]
                    if missing:
                        bad[ext] = RowError(
                            f"unknown unit(s) {', '.join(map(repr, missing))} in leads: no person in this file "
                            "or the organisation belongs to such a unit",
                            field="leads",
                        )
            if not bad:
                return rows
            for ext, error in sorted(bad.items(), key=lambda item: rows[item[0]][0].line or 0):
                self.refuse(error, rows[ext][0], section)
            rows = {ext: value for ext, value in rows.items() if ext not in bad}

    def sourced(self, section: Section) -> None:
        kind = section.kind
        counts = self.report.of(kind)
        watermark = records.max_id(self.session, kind.value)
        batch: list[_Pending] = []
        in_batch: dict[str, RawRow] = {}
        for raw in section.rows:
            row = self.parse(raw, section)
            if row is None:
                continue
            try:
                refs = self.resolve(row)
            except RowError as error:
                self.refuse(error, raw, section)
                continue
            if row.row_id in in_batch:
                self.refuse(self._duplicate(row, _where(in_batch[row.row_id])), raw, section)
                continue
            in_batch[row.row_id] = raw
            batch.append(_Pending(raw, row, refs))
            if len(batch) >= BATCH_SIZE:
                self.flush(section, batch, watermark, counts)
                batch, in_batch = [], {}
        self.flush(section, batch, watermark, counts)

    def _duplicate(self, row: MessageRow | NoteRow | RatingRow, where: str) -> RowError:
        return RowError(f"duplicate {row.id_field} {row.row_id!r}: {where} has the same id", field=row.id_field)

    def _person(self, external_id: str, what: str) -> int:
        person_id = self.people.get(external_id)
        if person_id is None:
            raise RowError(
                f"unknown {what} {external_id!r}: no person with this id in organisation "
                f"{self.report.organisation!r} (import the roster first)"
            )
        return person_id

    def resolve(self, row: MessageRow | NoteRow | RatingRow) -> dict[str, Any]:
        """Person ids for the row's references, or a :class:`RowError` naming the unknown one."""
        try:
            if isinstance(row, MessageRow):
                field = "sender_id"
                sender = self._person(row.sender_id, "sender")
                field = "recipient_ids"
                recipients = [self._person(r, "recipient") for r in row.recipient_ids]
                return {"sender_id": sender, "recipients": recipients}
            if isinstance(row, NoteRow):
                field = "about_id"
                about = self._person(row.about_id, "subject")
                field = "author_id"
                author = self._person(row.author_id, "author") if row.author_id else None
                return {"about_id": about, "author_id": author}
            field = "subject_id"
            subject = self._person(row.subject_id, "subject")
            field = "rater_id"
            return {"subject_id": subject, "rater_id": self._person(row.rater_id, "rater")}
        except RowError as error:
            raise RowError(error.reason, field=field) from None

    def flush(self, section: Section, batch: list[_Pending], watermark: int, counts: KindCounts) -> None:
        if not batch:
            return
        kind = section.kind.value
        stored = records.existing_source_ids(
            self.session, kind, self.organisation.id, self.report.source, [p.row.row_id for p in batch]
        )
        fresh: list[_Pending] = []
        for pending in batch:
            row_id = stored.get(pending.row.row_id)
            if row_id is None:
                fresh.append(pending)
            elif row_id > watermark:
                self.refuse(self._duplicate(pending.row, "an earlier row of this file"), pending.raw, section)
            else:
                counts.present += 1
        now = dt.datetime.now(dt.UTC)
        base = {"organisation_id": self.organisation.id, "source": self.report.source, "created_at": now}
        if section.kind is RecordKind.messages:
            rows, recipients = [], []
            for pending in fresh:
                message = pending.row
                assert isinstance(message, MessageRow)
                text, redactions = self.gate.redact(message.text)
                rows.append(
                    base
                    | {
                        "source_id": message.message_id,
                        "sender_id": pending.refs["sender_id"],
                        "thread_id": message.thread_id,
                        "in_reply_to": message.in_reply_to,
                        "channel": message.channel,
                        "sent_at": message.sent_at,
                        "text": text,
                        "redactions": redactions,
                    }
                )
                recipients.append(pending.refs["recipients"])
            records.insert_messages(self.session, rows, recipients)
        elif section.kind is RecordKind.notes:
            notes = []
            for pending in fresh:
                note = pending.row
                assert isinstance(note, NoteRow)
                text, redactions = self.gate.redact(note.text)
                notes.append(
                    {k: v for k, v in base.items() if k != "created_at"}
                    | pending.refs
                    | {
                        "source_id": note.note_id,
                        "kind": note.kind,
                        "created_at": note.created_at,
                        "text": text,
                        "redactions": redactions,
                    }
                )
            records.insert_records(self.session, kind, notes)
        else:
            ratings = []
            for pending in fresh:
                rating = pending.row
                assert isinstance(rating, RatingRow)
                comment = self.gate.redact_text(rating.comment) if rating.comment is not None else None
                ratings.append(
                    {k: v for k, v in base.items() if k != "created_at"}
                    | pending.refs
                    | {
                        "source_id": rating.rating_id,
                        "cycle": rating.cycle,
                        "criterion": rating.criterion,
                        "score": rating.score,
                        "comment": comment,
                        "created_at": rating.created_at,
                    }
                )
            records.insert_records(self.session, kind, ratings)
        counts.added += len(fresh)
        if self.progress:
            self.progress()


def _where(raw: RawRow) -> str:
    if raw.line is not None:
        return f"line {raw.line}"
    return raw.entry or "another row"
