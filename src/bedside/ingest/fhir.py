"""FHIR R4 Bundles as import rows: Practitioner + PractitionerRole become roster rows, Communication
becomes message rows whose sender and recipient references resolve to practitioners.

Each resource is validated with ``fhir.resources`` (its R4B models, which match R4 for these
resources). A Bundle is one JSON document, but it is never held whole: it is read twice with
``ijson``, one entry at a time (:mod:`bedside.ingest.jsonstream`). Pass 1 keeps the small resources
(Practitioner, PractitionerRole, Organization, Location, opaque fullUrls) and counts the
Communications; pass 2 streams the Communications into message rows once the roster is stored, so
references resolve wherever in the Bundle they point. Rows are located by their entry ("entry 7
(Communication/c12)") because line numbers mean little in a JSON document.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, BinaryIO

from fhir.resources.R4B.communication import Communication
from fhir.resources.R4B.practitioner import Practitioner
from fhir.resources.R4B.practitionerrole import PractitionerRole
from pydantic import ValidationError

from bedside.ingest.errors import FileError, RowError
from bedside.ingest.jsonstream import JsonSource, TopLevel, too_deep
from bedside.ingest.readers import RawRow, Section
from bedside.ingest.rows import RecordKind
from bedside.store.models import StaffRole

log = logging.getLogger(__name__)

# Codes of http://terminology.hl7.org/CodeSystem/practitioner-role, then our own role names.
ROLE_CODES: dict[str, StaffRole] = {
    "doctor": StaffRole.physician,
    "nurse": StaffRole.nurse,
    "pharmacist": StaffRole.pharmacist,
    "researcher": StaffRole.other,
    "teacher": StaffRole.other,
    "ict": StaffRole.other,
    **{role.value: role for role in StaffRole},
}
# Communication.medium codes (v3 ParticipationMode) that name a channel we keep.
MEDIUM_CHANNELS = {"EMAILWRIT": "email", "email": "email", "page": "page", "PAGER": "page", "chat": "chat"}

# Row field -> the FHIR element a user would look for in the Bundle.
MESSAGE_FIELDS = {
    "message_id": "id",
    "sender_id": "sender",
    "recipient_ids": "recipient",
    "sent_at": "sent",
    "text": "payload.contentString",
    "in_reply_to": "inResponseTo",
    "thread_id": "partOf",
    "channel": "medium",
}
ROSTER_FIELDS = {
    "person_id": "id",
    "name": "name",
    "role": "PractitionerRole.code",
    "unit": "PractitionerRole.organization",
}
ENTRY_ITEMS = "entry.item"  # ijson's path of the items of Bundle.entry


def _entry_label(index: int, resource: Mapping[str, Any]) -> str:
    return f"entry {index} ({resource.get('resourceType', '?')}/{resource.get('id', '?')})"


def _validation_error(exc: ValidationError) -> RowError:
    first = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first.get("loc", ()))
    return RowError(str(first.get("msg", "invalid")).removeprefix("Value error, "), field=where or None)


def _split(reference: str) -> tuple[str, str] | None:
    """("Practitioner", "f1") from "Practitioner/f1", "http://x/fhir/Practitioner/f1/_history/2", ..."""
    parts = reference.split("/_history/")[0].rstrip("/").split("/")
    if len(parts) < 2:
        return None
    return parts[-2], parts[-1]


class _FullUrls:
    """fullUrl -> (resource type, id) of the entries whose fullUrl does not read as ``.../Type/id``.

    A transaction Bundle gives every entry a ``urn:uuid:`` fullUrl, so this map grows with the
    file: the first ``SPILL_AFTER`` are held in a dict, the rest in a private temporary SQLite file
    (deleted when the connection is garbage-collected with the rows), so a million Communications do
    not cost hundreds of megabytes.
    """

    SPILL_AFTER = 2_000
    FLUSH_EVERY = 2_000

    def __init__(self) -> None:
        self.memory: dict[str, tuple[str, str]] = {}
        self.db: sqlite3.Connection | None = None
        self.pending: dict[str, tuple[str, str] | None] = {}  # writes not yet in the db (None: delete)
        self.cache: dict[str, tuple[str, str] | None] = {}  # db answers since the last write

    def set(self, url: str, value: tuple[str, str]) -> None:
        if url in self.memory or (self.db is None and len(self.memory) < self.SPILL_AFTER):
            self.memory[url] = value
            return
        if self.db is None:
            self.db = sqlite3.connect("")  # "" = a temporary database on disk, private to this connection
            self.db.execute("CREATE TABLE full_url (url TEXT PRIMARY KEY, kind TEXT, ident TEXT) WITHOUT ROWID")
        self._write(url, value)

    def discard(self, url: str) -> None:
        self.memory.pop(url, None)
        if self.db is not None:
            self._write(url, None)

    def get(self, url: str) -> tuple[str, str] | None:
        if url in self.memory:
            return self.memory[url]
        if self.db is None:
            return None
        if url in self.pending:
            return self.pending[url]
        if url in self.cache:
            return self.cache[url]
        found = self.db.execute("SELECT kind, ident FROM full_url WHERE url = ?", (url,)).fetchone()
        if len(self.cache) >= self.FLUSH_EVERY:
            self.cache.clear()
        self.cache[url] = (found[0], found[1]) if found else None
        return self.cache[url]

    def _write(self, url: str, value: tuple[str, str] | None) -> None:
        self.cache.clear()
        self.pending[url] = value
        if len(self.pending) >= self.FLUSH_EVERY:
            self._flush()

    def _flush(self) -> None:
        assert self.db is not None
        with self.db:
            self.db.executemany(
                "DELETE FROM full_url WHERE url = ?", [(url,) for url, value in self.pending.items() if value is None]
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO full_url VALUES (?, ?, ?)",
                [(url, *value) for url, value in self.pending.items() if value is not None],
            )
        self.pending.clear()


class _References:
    """Resolves references ("Practitioner/p1", absolute URLs, ``urn:uuid:`` fullUrls) to practitioner ids."""

    def __init__(self) -> None:
        self.full_urls = _FullUrls()
        self.role_practitioner: dict[str, str] = {}

    def add_full_url(self, url: str, kind: str, ident: str) -> None:
        """Remember an entry's fullUrl (a later entry with the same fullUrl wins, as in a dict).

        A fullUrl that reads as ``.../kind/ident`` (most do) resolves without the map, so only
        urn:uuid and other opaque fullUrls are kept.
        """
        if _split(url) == (kind, ident):
            self.full_urls.discard(url)
        else:
            self.full_urls.set(url, (kind, ident))

    def target(self, reference: str | None) -> tuple[str, str] | None:
        if not reference:
            return None
        return self.full_urls.get(reference) or _split(reference)

    def practitioner(self, reference: str | None, field: str) -> str:
        target = self.target(reference)
        if target is None:
            raise RowError(f"reference {reference!r} does not name a Practitioner", field=field)
        kind, ident = target
        if kind == "Practitioner":
            return ident
        if kind == "PractitionerRole" and ident in self.role_practitioner:
            return self.role_practitioner[ident]
        raise RowError(
            f"reference {reference!r} is not a staff member: only Practitioner and PractitionerRole "
            "(with its practitioner) references are imported",
            field=field,
        )


def _name(practitioner: Practitioner) -> str | None:
    for name in practitioner.name or []:
        if name.text:
            return str(name.text)
        parts = [*(name.given or []), name.family or ""]
        joined = " ".join(str(p) for p in parts if p)
        if joined:
            return joined
    return None


def _role(role: PractitionerRole) -> StaffRole:
    for concept in role.code or []:
        for coding in concept.coding or []:
            if coding.code and str(coding.code) in ROLE_CODES:
                return ROLE_CODES[str(coding.code)]
        if concept.text and concept.text.strip().lower() in ROLE_CODES:
            return ROLE_CODES[concept.text.strip().lower()]
    return StaffRole.other


def _error_row(data: dict[str, Any], error: RowError, label: str, file: str) -> RawRow:
    """A row that failed, keeping the data as read (it may go to a reject file, so it must nest sanely)."""
    if too_deep(data):
        raise FileError("the JSON is nested too deeply", file=file)
    return RawRow(None, data, error, entry=label)


class _Roster:
    """Pass 1: the small resources of a Bundle (roster, units, fullUrls); Communications are only counted."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.refs = _References()
        self.places: dict[tuple[str, str], str] = {}
        self.practitioners: list[tuple[int, dict[str, Any], Practitioner | RowError]] = []
        self.roles: dict[str, PractitionerRole] = {}
        self.bad_entries: list[RawRow] = []
        self.communications = 0
        self.ignored: dict[str, int] = {}

    def add(self, index: int, entry: Any) -> None:
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict):
            error = RowError("the entry has no resource")
            self.bad_entries.append(_error_row({"entry": entry}, error, f"entry {index}", self.file))
            return
        kind, ident = resource.get("resourceType"), str(resource.get("id", ""))
        if isinstance(entry.get("fullUrl"), str) and kind:
            self.refs.add_full_url(entry["fullUrl"], str(kind), ident)
        if kind in {"Organization", "Location"} and resource.get("name"):
            self.places[(kind, ident)] = str(resource["name"])
        elif kind == "Practitioner":
            try:
                self.practitioners.append((index, resource, Practitioner.model_validate(resource)))
            except ValidationError as exc:
                self.practitioners.append((index, resource, _validation_error(exc)))
        elif kind == "PractitionerRole":
            try:
                role = PractitionerRole.model_validate(resource)
            except ValidationError as exc:
                error = _validation_error(exc)
                self.bad_entries.append(_error_row(resource, error, _entry_label(index, resource), self.file))
                return
            target = self.refs.target(role.practitioner.reference if role.practitioner else None)
            if target and target[0] == "Practitioner":
                self.roles.setdefault(target[1], role)
                self.refs.role_practitioner[ident] = target[1]
        elif kind == "Communication":
            self.communications += 1
        else:
            self.ignored[str(kind)] = self.ignored.get(str(kind), 0) + 1

    def rows(self) -> Iterator[RawRow]:
        yield from self.bad_entries
        for index, resource, parsed in self.practitioners:
            label = _entry_label(index, resource)
            if isinstance(parsed, RowError):
                yield _error_row(resource, parsed, label, self.file)
                continue
            row: dict[str, Any] = {"person_id": parsed.id, "name": _name(parsed)}
            emails = [t.value for t in parsed.telecom or [] if t.system == "email" and t.value]
            if emails:
                row["email"] = emails[0]
            if parsed.gender:
                row["gender"] = parsed.gender
            role = self.roles.get(str(parsed.id))
            if role is not None:
                row["role"] = _role(role).value
                place = role.organization or (role.location[0] if role.location else None)
                target = self.refs.target(place.reference) if place else None
                if place is not None and target is not None:
                    row["unit"] = target[1]
                    row["unit_name"] = place.display or self.places.get(target) or target[1]
            yield RawRow(None, row, entry=label)


@contextmanager
def _nesting(file: str) -> Iterator[None]:
    """Data nested thousands deep (which ijson builds without recursing) as the error json.loads gave."""
    try:
        yield
    except RecursionError:
        raise FileError("the JSON is nested too deeply", file=file) from None


def _check_bundle(source: JsonSource, top: TopLevel) -> None:
    """Refuse a document that is not a Bundle or whose ``entry`` is not a list (after the JSON was read)."""
    if top.type_name != "dict":
        raise FileError(f"expected a FHIR Bundle, found {top.type_name!r}", file=source.file)
    resource_type = top.resource_type if top.resource_type_known else source.last_value("resourceType")
    if resource_type != "Bundle":
        raise FileError(f"expected a FHIR Bundle, found {resource_type!r}", file=source.file)
    if top.entry_type not in (None, "list") and top.entry_truthy:
        raise FileError("Bundle.entry must be a list", file=source.file)


def read_fhir_bundle(
    stream: BinaryIO, *, file: str, progress: Callable[[int, int], None] | None = None
) -> list[Section]:
    """The roster and message sections of a FHIR R4 Bundle (roster first, so messages can refer to it).

    The Bundle is read twice, an entry at a time: now for the roster, units and fullUrls (this also
    checks the whole document is valid JSON and a Bundle), then, as the message rows are consumed,
    for its Communications. ``stream`` must stay open until the rows are read. ``progress`` is told
    (bytes read over both passes, bytes both passes read): pass 1 is the first half, pass 2 the second.
    """
    source = JsonSource(stream, file=file)
    top = source.top_level()
    roster = _Roster(file)
    work = 2 * source.size

    def first_pass(position: int) -> None:
        if progress is not None:
            progress(min(position, source.size), work)

    def second_pass(position: int) -> None:
        if progress is not None:
            progress(source.size + min(position, source.size), work)

    with _nesting(file):
        for index, entry in enumerate(source.items(ENTRY_ITEMS, first_pass), start=1):
            roster.add(index, entry)
    _check_bundle(source, top)
    if roster.ignored:
        log.info("%s: ignored resources %s", file, ", ".join(f"{k} x{n}" for k, n in sorted(roster.ignored.items())))
    log.debug("%s: %d Communications to read in the second pass", file, roster.communications)
    refs = roster.refs

    def messages() -> Iterator[RawRow]:
        with _nesting(file):
            yield from _messages()

    def _messages() -> Iterator[RawRow]:
        count = 0
        for index, entry in enumerate(source.items(ENTRY_ITEMS, second_pass), start=1):
            resource = entry.get("resource") if isinstance(entry, dict) else None
            if not isinstance(resource, dict) or resource.get("resourceType") != "Communication":
                continue
            count += 1
            label = _entry_label(index, resource)
            try:
                message = Communication.model_validate(resource)
            except ValidationError as exc:
                yield _error_row(resource, _validation_error(exc), label, file)
                continue
            try:
                row = _message_row(message, refs)
            except RowError as error:
                yield _error_row(resource, error, label, file)
                continue
            yield RawRow(None, row, entry=label)
        if count != roster.communications:
            raise FileError(
                f"the file changed while it was read ({roster.communications:,} Communications, then {count:,})",
                file=file,
            )

    return [
        Section(RecordKind.roster, roster.rows(), ROSTER_FIELDS, strict=False),
        Section(RecordKind.messages, messages(), MESSAGE_FIELDS),
    ]


def _message_row(message: Communication, refs: _References) -> dict[str, Any]:
    if message.sender is None:
        raise RowError("required value is missing", field="sender")
    row: dict[str, Any] = {
        "message_id": message.id,
        "sender_id": refs.practitioner(message.sender.reference, "sender"),
        "recipient_ids": [
            refs.practitioner(r.reference, f"recipient[{i}]") for i, r in enumerate(message.recipient or [])
        ],
        "sent_at": message.sent,
        "text": "\n\n".join(str(p.contentString) for p in message.payload or [] if p.contentString),
    }
    if message.inResponseTo:
        target = refs.target(message.inResponseTo[0].reference)
        row["in_reply_to"] = target[1] if target else None
    if message.partOf:
        target = refs.target(message.partOf[0].reference)
        row["thread_id"] = target[1] if target else None
    for concept in message.medium or []:
        for coding in concept.coding or []:
            if coding.code and str(coding.code) in MEDIUM_CHANNELS:
                row["channel"] = MEDIUM_CHANNELS[str(coding.code)]
    return row
