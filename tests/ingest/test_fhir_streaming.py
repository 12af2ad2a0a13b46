"""FHIR Bundles are read in two streaming passes: any key order, any entry order, bounded memory, clear errors."""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from bedside.config import Settings
from bedside.ingest import FileError, RecordKind, RowError, import_file, job
from bedside.ingest.fhir import read_fhir_bundle
from bedside.store.database import Database
from bedside.store.models import Message, Person

Counts = Callable[[Database], dict[str, int]]
SAMPLE = Path(__file__).parents[1] / "data" / "ingest" / "bundle.json"
SITE = "https://fhir.hospital.example.org"
HL7 = "http://terminology.hl7.org/CodeSystem"


def _sample() -> dict[str, Any]:
    bundle: dict[str, Any] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return bundle


def _rows(data: bytes) -> dict[RecordKind, list[Any]]:
    return {
        section.kind: [(row.data, row.error, row.entry) for row in section.rows]
        for section in read_fhir_bundle(io.BytesIO(data), file="b.json")
    }


def _communication(i: int, staff: int = 50) -> dict[str, Any]:
    return {
        "fullUrl": f"urn:uuid:00000000-0000-4000-8000-{i:012d}",
        "resource": {
            "resourceType": "Communication",
            "id": f"c{i}",
            "status": "completed",
            "sender": {"reference": f"Practitioner/p{i % staff}"},
            "recipient": [{"reference": f"urn:uuid:p{(i * 7 + 1) % staff}"}],
            "sent": "2026-04-01T09:30:00Z",
            "inResponseTo": [{"reference": f"urn:uuid:00000000-0000-4000-8000-{i - 1:012d}"}] if i % 4 else [],
            "payload": [{"contentString": f"Please check the potassium in bed {i % 40} before rounds, thanks."}],
            # What an export adds and the import does not keep (the batch of rows stays small, the file not).
            "meta": {"lastUpdated": "2026-04-01T09:30:05Z", "profile": [f"{SITE}/StructureDefinition/secure-chat"]},
            "identifier": [{"system": f"{SITE}/sid/secure-chat-message", "value": f"MSG-2026-{i:09d}"}],
            "category": [{"coding": [{"system": f"{HL7}/communication-category", "code": "notification"}]}],
            "medium": [
                {"coding": [{"system": f"{HL7}/v3-ParticipationMode", "code": "WRITTEN", "display": "written"}]}
            ],
            "priority": "routine",
        },
    }


def _practitioner(i: int) -> dict[str, Any]:
    return {
        "fullUrl": f"urn:uuid:p{i}",
        "resource": {"resourceType": "Practitioner", "id": f"p{i}", "name": [{"text": f"Staff Member{i}"}]},
    }


def _write_bundle(path: Path, entries: Iterator[dict[str, Any]]) -> Path:
    """A Bundle written entry by entry (one per line), with ``resourceType`` last."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"type": "collection",\n "entry": [\n')
        for n, entry in enumerate(entries):
            handle.write((",\n" if n else "") + json.dumps(entry))
        handle.write('\n ],\n "resourceType": "Bundle"\n}\n')
    return path


def test_resource_type_after_entry(sqlite_database: Database, sqlite_settings: Settings, tmp_path: Path) -> None:
    bundle = _sample()
    bundle["resourceType"] = bundle.pop("resourceType")  # now the last key
    assert list(bundle)[-1] == "resourceType"
    path = tmp_path / "bundle.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(bundle, indent=1).encode("utf-8"))  # and a byte-order mark
    report = import_file(sqlite_database, path, settings=sqlite_settings)
    assert (report.of(RecordKind.roster).added, report.of(RecordKind.messages).added) == (3, 2)
    assert _rows(path.read_bytes()) == _rows(SAMPLE.read_bytes())

    bundle["resourceType"] = "Patient"
    path.write_text(json.dumps(bundle, indent=1), encoding="utf-8")
    with pytest.raises(FileError, match=r"bundle.json: expected a FHIR Bundle, found 'Patient'"):
        import_file(sqlite_database, path, settings=sqlite_settings)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"entry": []}, "expected a FHIR Bundle, found None"),
        ({"entry": [{"resource": {"resourceType": "Bundle"}}], "resourceType": "Basic"}, "found 'Basic'"),
        ({"resourceType": "Bundle", "entry": {"item": {"resource": {}}}}, "Bundle.entry must be a list"),
        ({"resourceType": "Bundle", "entry": "x"}, "Bundle.entry must be a list"),
    ],
)
def test_top_level_checks_without_building_the_document(document: dict[str, Any], message: str) -> None:
    with pytest.raises(FileError, match=message):
        _rows(json.dumps(document).encode("utf-8"))


def test_communications_before_practitioners(
    sqlite_database: Database, sqlite_settings: Settings, tmp_path: Path
) -> None:
    bundle = _sample()
    comms = [e for e in bundle["entry"] if e["resource"]["resourceType"] == "Communication"]
    bundle["entry"] = comms + [e for e in bundle["entry"] if e not in comms]
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    report = import_file(sqlite_database, path, settings=sqlite_settings)
    assert (report.of(RecordKind.roster).added, report.of(RecordKind.messages).added) == (3, 2)
    with sqlite_database.session() as session:
        people = {p.id: p.external_id for p in session.scalars(sa.select(Person))}
        messages = {m.source_id: m for m in session.scalars(sa.select(Message))}
        assert people[messages["c1"].sender_id] == "f1"
        assert people[messages["c2"].sender_id] == "f2"  # PractitionerRole/r2 -> its urn:uuid practitioner
        assert messages["c2"].in_reply_to == "c1"
    labels = [entry for _, _, entry in _rows(path.read_bytes())[RecordKind.messages]]
    assert labels == ["entry 1 (Communication/c1)", "entry 2 (Communication/c2)"]


@pytest.mark.slow
def test_a_large_bundle_is_imported_with_memory_well_below_its_size(
    sqlite_database: Database, sqlite_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(job, "BATCH_SIZE", 500)  # rows held per insert: a constant, not the reader's memory
    staff, messages = 50, 20_000
    entries = (_communication(i, staff) for i in range(messages))
    path = _write_bundle(tmp_path / "big.json", _chain(entries, (_practitioner(i) for i in range(staff))))
    size = path.stat().st_size
    assert size > 18_000_000
    settings = sqlite_settings.model_copy(update={"redaction_enabled": False})
    # Warm up first: the first import builds one-off caches (FHIR model classes, validators) whose
    # size does not depend on the file; the trace should see only what grows with the file.
    warm = _write_bundle(
        tmp_path / "warm.json", _chain((_communication(i, 2) for i in range(5)), (_practitioner(i) for i in range(2)))
    )
    import_file(sqlite_database, warm, settings=settings, org_slug="warm-up")

    tracemalloc.start()
    try:
        report = import_file(sqlite_database, path, settings=settings)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert (report.of(RecordKind.roster).added, report.of(RecordKind.messages).added) == (staff, messages)
    assert peak < size / 4, f"peak {peak:,} bytes for a {size:,}-byte file"
    with sqlite_database.session() as session:
        reply = session.scalars(sa.select(Message).where(Message.source_id == "c19999")).one()
        assert reply.in_reply_to == "c19998"  # an urn:uuid fullUrl of another Communication


def _chain(*parts: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for part in parts:
        yield from part


def test_invalid_json_in_the_middle_names_line_and_column(
    sqlite_database: Database, sqlite_settings: Settings, tmp_path: Path, counts: Counts
) -> None:
    path = _write_bundle(
        tmp_path / "broken.json", _chain((_practitioner(i) for i in range(50)), map(_communication, range(3000)))
    )
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if '"id": "c2100"' in line)
    lines[number] = lines[number].replace('"status": "completed"', '"status": completed')
    path.write_text("\n".join(lines), encoding="utf-8")
    column = lines[number].index("completed,") + 1
    before = counts(sqlite_database)
    for skip_invalid in (False, True):
        with pytest.raises(FileError) as caught:
            import_file(sqlite_database, path, settings=sqlite_settings, skip_invalid=skip_invalid)
        text = str(caught.value)
        assert text.startswith(f"{path}:{number + 1}: not valid JSON (")
        assert text.endswith(f" at column {column})")
        assert "completed" not in text  # the parser's excerpt of the document is not quoted
    assert counts(sqlite_database) == before


def test_bad_utf8_in_the_middle_is_an_encoding_error(tmp_path: Path) -> None:
    path = _write_bundle(tmp_path / "latin1.json", map(_communication, range(200)))
    data = path.read_bytes().replace(b"bed 17 before", b"caf\xe9 17 before", 1)
    line = data[: data.index(b"\xe9")].count(b"\n") + 1
    with pytest.raises(FileError, match=rf"b.json:{line}: the file is not valid UTF-8 \(byte 0xe9"):
        _rows(data)


class _Pipe(io.RawIOBase):
    """A stream that cannot seek (a pipe or an upload): the reader spools it to a temporary file."""

    def __init__(self, data: bytes) -> None:
        self._inner = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._inner.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_a_stream_that_cannot_seek_is_read_twice_too() -> None:
    data = SAMPLE.read_bytes()
    pipe = _Pipe(data)
    assert not pipe.seekable()
    sections = read_fhir_bundle(pipe, file="b.json")  # type: ignore[arg-type]
    rows = {s.kind: [row.data for row in s.rows] for s in sections}
    assert [r["message_id"] for r in rows[RecordKind.messages]] == ["c1", "c2"]
    assert {r["person_id"] for r in rows[RecordKind.roster]} == {"f1", "f2", "f3"}


def test_patient_references_and_bad_entries_keep_their_entry_labels() -> None:
    bundle = {
        "resourceType": "Bundle",
        "entry": [
            {"resource": {"resourceType": "Communication", "id": "c9", "status": "completed",
                          "sender": {"reference": "Patient/x1"}, "sent": "2026-04-01T09:30:00Z"}},
            7,
            {"resource": {"resourceType": "Practitioner", "id": "f1", "name": [{"text": "Kim Lee"}]}},
        ],
    }  # fmt: skip
    rows = _rows(json.dumps(bundle).encode("utf-8"))
    (bad, practitioner) = rows[RecordKind.roster]
    assert (bad[0], bad[2], str(bad[1])) == ({"entry": 7}, "entry 2", "<rows>: the entry has no resource")
    assert practitioner[2] == "entry 3 (Practitioner/f1)"
    ((data, error, entry),) = rows[RecordKind.messages]
    assert entry == "entry 1 (Communication/c9)"
    assert isinstance(error, RowError) and error.field == "sender" and "'Patient/x1'" in error.reason


def test_data_nested_too_deeply_is_refused_not_kept() -> None:
    # json.loads refused this with RecursionError; ijson builds it, so a row that would keep it is refused.
    data = b'{"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Communication", "id": '
    data += b"[" * 2_000 + b'"x"' + b"]" * 2_000 + b"}}]}"
    with pytest.raises(FileError, match="nested too deeply"):
        _rows(data)
