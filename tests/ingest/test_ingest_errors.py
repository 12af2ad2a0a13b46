"""Every class of bad input gets a clear error naming file, line and field, and stores nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bedside.config import Settings
from bedside.ingest import FileError, IngestError, RowError, import_file, job
from bedside.store.database import Database

MESSAGES_HEADER = "message_id,sender_id,recipient_ids,sent_at,text\n"
Counts = Callable[[Database], dict[str, int]]


@pytest.fixture
def roster(sqlite_database: Database, sqlite_settings: Settings, samples: Path) -> Database:
    import_file(sqlite_database, samples / "roster.csv", settings=sqlite_settings)
    return sqlite_database


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


ROW_ERRORS = [
    pytest.param(
        "messages.csv",
        MESSAGES_HEADER + "m1,p1,p2,2026-03-01T10:00:00Z,hi\nm2,p99,p2,2026-03-01T10:00:00Z,hi\n",
        3, "sender_id", "unknown sender 'p99': no person with this id in organisation 'default' (import the roster first)",
        id="unknown-sender",
    ),
    pytest.param(
        "messages.csv", MESSAGES_HEADER + "m1,p1,p2;ghost,2026-03-01T10:00:00Z,hi\n",
        2, "recipient_ids", "unknown recipient 'ghost'", id="unknown-recipient",
    ),
    pytest.param(
        "notes.csv", "note_id,about_id,kind,created_at,text\nn1,nobody,peer,2026-01-01,good work\n",
        2, "about_id", "unknown subject 'nobody'", id="unknown-note-subject",
    ),
    pytest.param(
        "ratings.csv", "rating_id,subject_id,rater_id,cycle,criterion,score,created_at\nr1,p1,zz,c,x,3,2026-01-01\n",
        2, "rater_id", "unknown rater 'zz'", id="unknown-rater",
    ),
    pytest.param(
        "messages.csv", MESSAGES_HEADER + "m1,p1,p2,03/01/2026 10am,hi\n",
        2, "sent_at", "'03/01/2026 10am' is not an ISO 8601 timestamp", id="bad-timestamp",
    ),
    pytest.param(
        "messages.csv", MESSAGES_HEADER + 'm1,p1,p2,2026-03-01T10:00:00Z,"   "\n',
        2, "text", "the text is empty", id="empty-text",
    ),
    pytest.param(
        "messages.csv", MESSAGES_HEADER + "m1,p1,p2,2026-03-01T10:00:00Z," + "x" * 150 + "\n",
        2, "text", "the text has 150 characters, more than the limit of 100 (max_field_chars)", id="huge-field",
    ),
    pytest.param(
        "messages.csv", MESSAGES_HEADER + "m1,p1,p2,2026-03-01T10:00:00Z,a\nm1,p1,p2,2026-03-01T10:00:00Z,b\n",
        3, "message_id", "duplicate message_id 'm1': line 2 has the same id", id="duplicate-id",
    ),
    pytest.param(
        "roster.csv", "person_id,name,role,unit\nq1,Quinn Ash,surgeon,icu\n",
        2, "role", "unknown value 'surgeon'; expected 'physician', 'resident', 'nurse', 'app'", id="unknown-role",
    ),
    pytest.param(
        "notes.csv", "note_id,about_id,kind,created_at,text\nn1,p1,gossip,2026-01-01,hmm\n",
        2, "kind", "unknown value 'gossip'; expected 'peer', 'patient', 'manager', 'self' or 'incident'",
        id="unknown-note-kind",
    ),
    pytest.param(
        "messages.csv", "message_id,sender_id,recipient_ids,sent_at,text,channel\nm1,p1,p2,2026-03-01,hi,fax\n",
        2, "channel", "unknown value 'fax'; expected 'chat', 'email' or 'page'", id="unknown-channel",
    ),
    pytest.param(
        "roster.csv", "person_id,name,role,unit,manager_id\nq1,Quinn Ash,nurse,icu,nobody\n",
        2, "manager_id", "unknown manager 'nobody'", id="unknown-manager",
    ),
    pytest.param(
        "roster.csv", "person_id,name,role,unit,leads\nq1,Quinn Ash,nurse,icu,mars\n",
        2, "leads", "unknown unit(s) 'mars' in leads", id="unknown-led-unit",
    ),
    pytest.param(
        "roster.csv", "person_id,name,role,unit\nq1,Quinn Ash,nurse,icu\nq1,Quinn Ash,nurse,icu\n",
        3, "person_id", "duplicate person_id 'q1': line 2 has the same id", id="duplicate-person",
    ),
    pytest.param(
        "messages.csv", MESSAGES_HEADER + "m1,p1,p2,2026-03-01,hi,extra\n",
        2, None, "the row has 6 values but the header has 5 columns", id="wrong-value-count",
    ),
    pytest.param(
        "messages.csv", MESSAGES_HEADER + 'm1,p1,p2,2026-03-01,"a\nmultiline"\nm2,,p2,2026-03-01,x\n',
        4, "sender_id", "required value is missing", id="line-after-multiline-value",
    ),
    pytest.param(
        "ratings.csv", "rating_id,subject_id,rater_id,cycle,criterion,score,created_at\nr1,p1,p2,c,x,high,2026-01-01\n",
        2, "score", "'high' is not a number", id="bad-score",
    ),
    pytest.param(
        "messages.jsonl",
        '{"message_id": "j1", "sender_id": "p1", "recipient_ids": ["p2"], "sent_at": "2026-03-01", "text": "a"}\n'
        '{"message_id": "j2", "sender_id": "p1", "recipient_ids": ["p2"], "sent_at": "2026-03-01", "text": "b"\n',
        2, None, "not valid JSON", id="bad-json-line",
    ),
    pytest.param(
        "messages.jsonl",
        '{"message_id": "j1", "sender_id": "p1", "recipient_ids": ["p2"], "sent_at": "2026-03-01", "text": "a"}\n'
        '{"message_id": "j2", "sender_id": "p1", "recipient_ids": ["p2"], "text": "b"}\n',
        2, "sent_at", "required value is missing", id="jsonl-missing-key",
    ),
    pytest.param(
        "messages.jsonl",
        '{"message_id": "j1", "sender_id": "p1", "recipient_ids": ["p2"], "sent_at": "2026-03-01", "text": "a"}\n[1, 2]\n',
        2, None, "expected a JSON object, found list", id="jsonl-not-an-object",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "line", "field", "reason"), ROW_ERRORS)
def test_row_errors_name_file_line_and_field(
    roster: Database,
    sqlite_settings: Settings,
    tmp_path: Path,
    counts: Counts,
    name: str,
    content: str,
    line: int,
    field: str | None,
    reason: str,
) -> None:
    settings = sqlite_settings.model_copy(update={"max_field_chars": 100})
    path = _write(tmp_path, name, content)
    before = counts(roster)
    with pytest.raises(RowError) as caught:
        import_file(roster, path, settings=settings)
    error = caught.value
    assert (error.file, error.line, error.field) == (str(path), line, field)
    assert reason in error.reason
    prefix = f"{path}:{line}: " + (f"field {field!r}: " if field else "")
    assert str(error).startswith(prefix)
    assert counts(roster) == before

    report = import_file(roster, path, settings=settings, skip_invalid=True)
    assert report.rejected == 1
    assert report.rejects_path is not None
    (reject,) = [json.loads(x) for x in report.rejects_path.read_text(encoding="utf-8").splitlines()]
    assert (reject["line"], reject["field"]) == (line, field)
    assert reason in reject["reason"]


FILE_ERRORS = [
    pytest.param(
        "messages.csv", "message_id,sender_id,recipient_ids,text\nm1,p1,p2,hi\n",
        "messages.csv:1: missing column(s) sent_at for messages", id="missing-column",
    ),
    pytest.param(
        "stuff.csv", "a,b,c\n1,2,3\n",
        "stuff.csv: cannot tell what this file holds from its columns (a, b, c)", id="unknown-kind",
    ),
    pytest.param("empty.csv", "", "empty.csv:1: the file is empty or has no header row", id="empty-file"),
    pytest.param(
        "dup.csv", "message_id,text,text\n", "dup.csv:1: the header names column(s) text more than once",
        id="duplicate-column",
    ),
    pytest.param(
        "latin1.csv", MESSAGES_HEADER.encode() + b"m1,p1,p2,2026-03-01,ok\nm2,p1,p2,2026-03-01,caf\xe9\n",
        "latin1.csv:3: the file is not valid UTF-8 (byte 0xe9 at column 24)", id="wrong-encoding-csv",
    ),
    pytest.param(
        "latin1.jsonl", b'{"message_id": "j1", "sender_id": "p1", "recipient_ids": ["p2"], "sent_at": "2026-03-01", "text": "caf\xe9"}\n',
        "latin1.jsonl:1: the file is not valid UTF-8 (byte 0xe9", id="wrong-encoding-jsonl",
    ),
    pytest.param("array.json", '[{"a": 1}]', "a JSON array is not supported", id="json-array"),
    pytest.param(
        "patient.json", '{\n "resourceType": "Patient"\n}', "patient.json: expected a FHIR Bundle, found 'Patient'",
        id="not-a-bundle",
    ),
    pytest.param(
        "broken.json", '{\n "resourceType": "Bundle",\n "entry": [\n', "broken.json:4: not valid JSON", id="broken-json"
    ),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "message"), FILE_ERRORS)
def test_file_errors_are_clear_and_store_nothing(
    roster: Database,
    sqlite_settings: Settings,
    tmp_path: Path,
    counts: Counts,
    name: str,
    content: str | bytes,
    message: str,
) -> None:
    path = _write(tmp_path, name, content)
    before = counts(roster)
    for skip_invalid in (False, True):  # a whole-file problem cannot be skipped row by row
        with pytest.raises(FileError) as caught:
            import_file(roster, path, settings=sqlite_settings, skip_invalid=skip_invalid)
        assert message in str(caught.value)
        assert str(caught.value).startswith(str(path))
    assert counts(roster) == before


def test_duplicate_ids_across_batches(
    roster: Database, sqlite_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(job, "BATCH_SIZE", 2)
    rows = [f"m{i},p1,p2,2026-03-01T10:00:00Z,hi" for i in (1, 2, 3, 4, 1)]
    path = _write(tmp_path, "messages.csv", MESSAGES_HEADER + "\n".join(rows) + "\n")
    with pytest.raises(
        RowError, match=r"messages.csv:6: field 'message_id': duplicate message_id 'm1': an earlier row"
    ):
        import_file(roster, path, settings=sqlite_settings)
    report = import_file(roster, path, settings=sqlite_settings, skip_invalid=True)
    assert (report.added, report.rejected) == (4, 1)
    again = import_file(roster, path, settings=sqlite_settings, skip_invalid=True)
    # Only an id map of people is kept in memory, so a repeat of an id that was already stored before
    # this import counts as present (nothing is added either way).
    assert (again.added, again.present, again.rejected) == (0, 5, 0)


def test_skip_invalid_roster_drops_people_orphaned_by_a_rejected_manager(
    sqlite_database: Database, sqlite_settings: Settings, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        "roster.csv",
        "person_id,name,role,unit,manager_id\na,Al Ames,wizard,u,\nb,Bo Bell,nurse,u,a\nc,Cy Cole,nurse,u,\n",
    )
    report = import_file(sqlite_database, path, settings=sqlite_settings, skip_invalid=True)
    assert (report.added, report.rejected) == (1, 2)
    assert report.rejects_path is not None
    fields = [json.loads(x)["field"] for x in report.rejects_path.read_text(encoding="utf-8").splitlines()]
    assert fields == ["role", "manager_id"]


def test_fhir_reference_to_a_patient_is_refused(
    sqlite_database: Database, sqlite_settings: Settings, tmp_path: Path
) -> None:
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"resource": {"resourceType": "Practitioner", "id": "f1", "name": [{"text": "Kim Lee"}]}},
            {
                "resource": {
                    "resourceType": "Communication", "id": "c9", "status": "completed",
                    "sender": {"reference": "Patient/x1"}, "recipient": [{"reference": "Practitioner/f1"}],
                    "sent": "2026-04-01T09:30:00Z", "payload": [{"contentString": "hello"}],
                }
            },
            {
                "resource": {
                    "resourceType": "Communication", "id": "c10", "status": "completed",
                    "sender": {"reference": "Practitioner/f1"}, "sent": "last tuesday",
                }
            },
        ],
    }  # fmt: skip
    path = _write(tmp_path, "bundle.json", json.dumps(bundle))
    with pytest.raises(RowError) as caught:
        import_file(sqlite_database, path, settings=sqlite_settings)
    assert str(caught.value).startswith(f"{path}: entry 2 (Communication/c9): field 'sender': reference 'Patient/x1'")
    report = import_file(sqlite_database, path, settings=sqlite_settings, skip_invalid=True)
    assert (report.added, report.rejected) == (1, 2)
    assert report.rejects_path is not None
    rejects = [json.loads(x) for x in report.rejects_path.read_text(encoding="utf-8").splitlines()]
    assert [(r["entry"], r["field"]) for r in rejects] == [
        ("entry 2 (Communication/c9)", "sender"),
        ("entry 3 (Communication/c10)", "sent"),
    ]


def test_missing_file(sqlite_database: Database, sqlite_settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        import_file(sqlite_database, tmp_path / "nope.csv", settings=sqlite_settings)
