"""The work of one import inside its transaction: validate rows, resolve people, batch the writes.

:class:`FileImport` takes the sections a reader produced and, kind by kind, turns raw rows into
row models, resolves source ids of people to database ids through the in-memory id map, redacts free
text through the gate and hands batches to :mod:`bedside.store.records`. A bad row either raises its
located :class:`~bedside.ingest.errors.RowError` (the caller rolls back) or, when skipping invalid
rows, goes to the reject file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy.orm import Session

from bedside.config import Settings
from bedside.ingest.door import RedactionGate
from bedside.ingest.errors import EncodingRowError, RowError
from bedside.ingest.readers import RawRow, Section
from bedside.ingest.rejects import RejectWriter
from bedside.ingest.report import ImportReport, KindCounts
from bedside.ingest.rows import MessageRow, NoteRow, RatingRow, RecordKind, RosterRow, parse_row
from bedside.store import records
from bedside.store.models import Organisation, StaffRole

BATCH_SIZE = 2000


@dataclass
class _Pending:
    raw: RawRow
    row: MessageRow | NoteRow | RatingRow
    refs: dict[str, Any]


class FileImport:
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
            if isinstance(error, EncodingRowError):
                raise error.file_error(self.report.file)  # as it always was without --skip-invalid
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
            messages = [cast(MessageRow, pending.row) for pending in fresh]
            for pending, message, (text, redactions) in zip(
                fresh, messages, self.gate.redact_many([m.text for m in messages]), strict=True
            ):
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
            written = [cast(NoteRow, pending.row) for pending in fresh]
            for pending, note, (text, redactions) in zip(
                fresh, written, self.gate.redact_many([n.text for n in written]), strict=True
            ):
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
            rated = [cast(RatingRow, pending.row) for pending in fresh]
            comments = iter(self.gate.redact_many([r.comment for r in rated if r.comment is not None]))
            for pending, rating in zip(fresh, rated, strict=True):
                comment, redactions = next(comments) if rating.comment is not None else (None, [])
                ratings.append(
                    {k: v for k, v in base.items() if k != "created_at"}
                    | pending.refs
                    | {
                        "source_id": rating.rating_id,
                        "cycle": rating.cycle,
                        "criterion": rating.criterion,
                        "score": rating.score,
                        "comment": comment,
                        "redactions": redactions,
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
