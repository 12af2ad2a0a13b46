"""FHIR R4 Bundles as import rows: Practitioner + PractitionerRole become roster rows, Communication
becomes message rows whose sender and recipient references resolve to practitioners.

Each resource is validated with ``fhir.resources`` (its R4B models, which match R4 for these
resources). A Bundle is one JSON document, so it is parsed whole; bundles are exchange files of
modest size; for a million messages use CSV or JSONL. Rows are located by their entry ("entry 7
(Communication/c12)") because line numbers mean little in a JSON document.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from fhir.resources.R4B.communication import Communication
from fhir.resources.R4B.practitioner import Practitioner
from fhir.resources.R4B.practitionerrole import PractitionerRole
from pydantic import ValidationError

from bedside.ingest.errors import FileError, RowError
from bedside.ingest.readers import RawRow, Section, encoding_error
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


def _entry_label(index: int, resource: Mapping[str, Any]) -> str:
    return f"entry {index} ({resource.get('resourceType', '?')}/{resource.get('id', '?')})"


def _validation_error(exc: ValidationError) -> RowError:
    first = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first.get("loc", ()))
    return RowError(str(first.get("msg", "invalid")).removeprefix("Value error, "), field=where or None)


class _References:
    """Resolves references ("Practitioner/p1", absolute URLs, ``urn:uuid:`` fullUrls) to practitioner ids."""

    def __init__(self) -> None:
        self.full_urls: dict[str, tuple[str, str]] = {}
        self.role_practitioner: dict[str, str] = {}

    def target(self, reference: str | None) -> tuple[str, str] | None:
        if not reference:
            return None
        if reference in self.full_urls:
            return self.full_urls[reference]
        parts = reference.split("/_history/")[0].rstrip("/").split("/")
        if len(parts) < 2:
            return None
        return parts[-2], parts[-1]

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


def _load(stream: BinaryIO, file: str) -> list[Any]:
    raw = stream.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise encoding_error(stream, file) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileError(f"not valid JSON ({exc.msg} at column {exc.colno})", file=file, line=exc.lineno) from None
    except RecursionError:
        raise FileError("the JSON is nested too deeply", file=file) from None
    if not isinstance(document, dict) or document.get("resourceType") != "Bundle":
        found = document.get("resourceType") if isinstance(document, dict) else type(document).__name__
        raise FileError(f"expected a FHIR Bundle, found {found!r}", file=file)
    entries = document.get("entry") or []
    if not isinstance(entries, list):
        raise FileError("Bundle.entry must be a list", file=file)
    return entries


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


def read_fhir_bundle(stream: BinaryIO, *, file: str) -> list[Section]:
    """The roster and message sections of a FHIR R4 Bundle (roster first, so messages can refer to it)."""
    entries = _load(stream, file)
    refs = _References()
    places: dict[tuple[str, str], str] = {}
    practitioners: list[tuple[int, dict[str, Any], Practitioner | RowError]] = []
    roles: dict[str, PractitionerRole] = {}
    bad_roles: list[RawRow] = []
    communications: list[tuple[int, dict[str, Any]]] = []
    ignored: dict[str, int] = {}
    for index, entry in enumerate(entries, start=1):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict):
            bad_roles.append(
                RawRow(None, {"entry": entry}, RowError("the entry has no resource"), entry=f"entry {index}")
            )
            continue
        kind, ident = resource.get("resourceType"), str(resource.get("id", ""))
        if isinstance(entry.get("fullUrl"), str) and kind:
            refs.full_urls[entry["fullUrl"]] = (str(kind), ident)
        if kind in {"Organization", "Location"} and resource.get("name"):
            places[(kind, ident)] = str(resource["name"])
        elif kind == "Practitioner":
            try:
                practitioners.append((index, resource, Practitioner.model_validate(resource)))
            except ValidationError as exc:
                practitioners.append((index, resource, _validation_error(exc)))
        elif kind == "PractitionerRole":
            try:
                role = PractitionerRole.model_validate(resource)
            except ValidationError as exc:
                error = _validation_error(exc)
                bad_roles.append(RawRow(None, resource, error, entry=_entry_label(index, resource)))
                continue
            target = refs.target(role.practitioner.reference if role.practitioner else None)
            if target and target[0] == "Practitioner":
                roles.setdefault(target[1], role)
                refs.role_practitioner[ident] = target[1]
        elif kind == "Communication":
            communications.append((index, resource))
        else:
            ignored[str(kind)] = ignored.get(str(kind), 0) + 1
    if ignored:
        log.info("%s: ignored resources %s", file, ", ".join(f"{k} x{n}" for k, n in sorted(ignored.items())))

    def roster() -> Iterator[RawRow]:
        yield from bad_roles
        for index, resource, parsed in practitioners:
            label = _entry_label(index, resource)
            if isinstance(parsed, RowError):
                yield RawRow(None, resource, parsed, entry=label)
                continue
            row: dict[str, Any] = {"person_id": parsed.id, "name": _name(parsed)}
            emails = [t.value for t in parsed.telecom or [] if t.system == "email" and t.value]
            if emails:
                row["email"] = emails[0]
            if parsed.gender:
                row["gender"] = parsed.gender
            role = roles.get(str(parsed.id))
            if role is not None:
                row["role"] = _role(role).value
                place = role.organization or (role.location[0] if role.location else None)
                target = refs.target(place.reference) if place else None
                if place is not None and target is not None:
                    row["unit"] = target[1]
                    row["unit_name"] = place.display or places.get(target) or target[1]
            yield RawRow(None, row, entry=label)

    def messages() -> Iterator[RawRow]:
        for index, resource in communications:
            label = _entry_label(index, resource)
            try:
                message = Communication.model_validate(resource)
            except ValidationError as exc:
                yield RawRow(None, resource, _validation_error(exc), entry=label)
                continue
            try:
                row = _message_row(message, refs)
            except RowError as error:
                yield RawRow(None, resource, error, entry=label)
                continue
            yield RawRow(None, row, entry=label)

    return [
        Section(RecordKind.roster, roster(), ROSTER_FIELDS, strict=False),
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
