"""import_file / import_rows on SQLite and PostgreSQL: every format and kind, idempotency, rollback,
rejects, FHIR references and redaction at the door."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import sqlalchemy as sa

from bedside.config import Settings
from bedside.ingest import IngestError, RecordKind, RowError, import_file, import_rows
from bedside.ingest.door import TextRedactor, default_redactor
from bedside.store.database import Database, open_database
from bedside.store.models import (
    FeedbackNote,
    Message,
    MessageRecipient,
    Organisation,
    Person,
    PersonDemographics,
    ReviewRating,
    StaffRole,
    Unit,
    UnitLeader,
)
from bedside.text.redaction.pool import START_AT

Counts = Callable[[Database], dict[str, int]]
REDACTION_TEST_SET = Path(__file__).parents[1] / "data" / "redaction" / "test.jsonl"


def _people(database: Database) -> dict[str, Person]:
    with database.session() as session:
        return {p.external_id: p for p in session.scalars(sa.select(Person))}


def test_roster_csv_creates_units_people_managers_leaders_and_demographics(
    database: Database, backend_settings: Settings, samples: Path
) -> None:
    report = import_file(database, samples / "roster.csv", settings=backend_settings)

    assert report.format == "csv"
    assert report.of(RecordKind.roster).added == 5
    people = _people(database)
    assert people["p2"].role is StaffRole.nurse  # "Nurse" in the file
    assert people["p1"].manager_id == people["p3"].id  # p3 comes later in the file
    assert people["p5"].manager_id == people["p4"].id
    with database.session() as session:
        units = {u.external_id: u for u in session.scalars(sa.select(Unit))}
        assert {k: u.name for k, u in units.items()} == {"icu": "Intensive Care", "ed": "Emergency Department"}
        leaders = {(u, p) for u, p in session.execute(sa.select(UnitLeader.unit_id, UnitLeader.person_id))}
        assert leaders == {(units["icu"].id, people["p3"].id), (units["ed"].id, people["p3"].id)}
        demographics = session.get(PersonDemographics, people["p1"].id)
        assert demographics is not None and (demographics.gender, demographics.age_band) == ("female", "35-44")
        assert session.scalar(sa.select(Organisation.slug)) == "default"


@pytest.mark.parametrize(
    ("name", "kind", "added"),
    [
        ("messages.csv", RecordKind.messages, 4),
        ("messages.jsonl", RecordKind.messages, 3),
        ("notes.csv", RecordKind.notes, 3),
        ("notes.jsonl", RecordKind.notes, 2),
        ("ratings.csv", RecordKind.ratings, 3),
        ("ratings.jsonl", RecordKind.ratings, 1),
        ("roster.jsonl", RecordKind.roster, 2),
    ],
)
def test_each_format_and_kind_imports(
    database: Database, backend_settings: Settings, samples: Path, name: str, kind: RecordKind, added: int
) -> None:
    import_file(database, samples / "roster.csv", settings=backend_settings)
    report = import_file(database, samples / name, settings=backend_settings)
    assert list(report.counts) == [kind]
    assert report.of(kind).added == added
    assert report.rejected == 0


def test_message_fields_are_stored(database: Database, backend_settings: Settings, samples: Path) -> None:
    import_file(database, samples / "roster.csv", settings=backend_settings)
    import_file(database, samples / "messages.csv", settings=backend_settings)
    people = _people(database)
    with database.session() as session:
        messages = {m.source_id: m for m in session.scalars(sa.select(Message))}
        m2, m3 = messages["m2"], messages["m3"]
        assert m2.source == "messages.csv" and m2.in_reply_to == "m1" and m2.thread_id == "t1"
        assert m2.sent_at.replace(tzinfo=dt.UTC) == dt.datetime(2026, 3, 2, 7, 21, tzinfo=dt.UTC)
        assert m3.channel == "email" and m3.sender_id == people["p3"].id
        recipients = set(
            session.scalars(sa.select(MessageRecipient.person_id).where(MessageRecipient.message_id == m3.id))
        )
        assert recipients == {people["p1"].id, people["p2"].id, people["p4"].id}


def test_reimport_adds_nothing(database: Database, backend_settings: Settings, samples: Path, counts: Counts) -> None:
    files = ["roster.csv", "messages.csv", "notes.csv", "ratings.csv", "messages.jsonl"]
    for name in files:
        import_file(database, samples / name, settings=backend_settings)
    before = counts(database)
    again = [import_file(database, samples / name, settings=backend_settings) for name in files]
    assert counts(database) == before
    assert [r.added for r in again] == [0, 0, 0, 0, 0]
    assert [r.updated for r in again] == [0, 0, 0, 0, 0]
    assert [r.present for r in again] == [5, 4, 3, 3, 3]


def test_source_scopes_ids(database: Database, backend_settings: Settings, samples: Path, counts: Counts) -> None:
    import_file(database, samples / "roster.csv", settings=backend_settings)
    import_file(database, samples / "messages.csv", settings=backend_settings)
    report = import_file(database, samples / "messages.csv", settings=backend_settings, source="other-export")
    assert report.of(RecordKind.messages).added == 4
    assert counts(database)["message"] == 8


def test_roster_reimport_updates_fields(
    database: Database, backend_settings: Settings, samples: Path, tmp_path: Path
) -> None:
    import_file(database, samples / "roster.csv", settings=backend_settings)
    changed = tmp_path / "roster.csv"
    changed.write_text(
        "person_id,name,role,unit,manager_id,leads\n"
        "p1,Ana Diaz-Ruiz,physician,icu,p3,\n"  # renamed
        "p2,Ben Oyelaran,app,icu,p3,\n"  # new role
        "p3,Carla Mendes,administrator,icu,,icu\n"  # leads one unit fewer
        "p4,Dev Patel,resident,ed,,\n"  # manager cleared
        "p5,Ellen Okafor,nurse,ed,p4,\n",  # unchanged
        encoding="utf-8",
    )
    report = import_file(database, changed, settings=backend_settings)
    counts = report.of(RecordKind.roster)
    assert (counts.added, counts.updated, counts.present) == (0, 4, 1)
    people = _people(database)
    assert people["p1"].name == "Ana Diaz-Ruiz"
    assert people["p2"].role is StaffRole.app
    assert people["p4"].manager_id is None
    assert people["p1"].email == "ana.diaz@example.org"  # no email column: left as stored
    with database.session() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(UnitLeader)) == 1


def test_bad_row_rolls_back_the_whole_file(
    database: Database, backend_settings: Settings, samples: Path, tmp_path: Path, counts: Counts
) -> None:
    import_file(database, samples / "roster.csv", settings=backend_settings)
    path = tmp_path / "big.csv"
    lines = ["message_id,sender_id,recipient_ids,sent_at,text"]
    lines += [f"m{i},p1,p2,2026-03-01T10:00:00Z,hello {i}" for i in range(2500)]  # more than one batch
    lines.append("bad,p1,p2,yesterday,hello")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    with pytest.raises(RowError) as caught:
        import_file(database, path, settings=backend_settings)

    assert str(caught.value) == (
        f"{path}:2502: field 'sent_at': 'yesterday' is not an ISO 8601 timestamp (expected e.g. 2024-03-01T14:30:00Z)"
    )
    assert (caught.value.line, caught.value.field) == (2502, "sent_at")
    stored = counts(database)
    assert stored["message"] == 0 and stored["recipient"] == 0
    assert not (tmp_path / "big.csv.rejects.jsonl").exists()
    with pytest.raises(RowError, match=r"big.csv:2: field 'sender_id': unknown sender 'p1'"):
        import_file(database, path, settings=backend_settings, org_slug="fresh-org")
    assert counts(database)["organisation"] == 1  # "fresh-org" was rolled back too


def test_skip_invalid_stores_the_rest_and_writes_redacted_rejects(
    database: Database, backend_settings: Settings, samples: Path, tmp_path: Path
) -> None:
    import_file(database, samples / "roster.csv", settings=backend_settings)
    path = tmp_path / "mixed.csv"
    path.write_text(
        "message_id,sender_id,recipient_ids,sent_at,text\n"
        "a1,p1,p2,2026-03-01T10:00:00Z,fine\n"
        "a2,p99,p2,2026-03-01T10:00:00Z,pt John Smith MRN 4471123 is waiting\n"
        "a3,p1,p2,not-a-date,also fine\n"
        "a4,p1,p2,2026-03-01T10:05:00Z,fine again\n",
        encoding="utf-8",
    )
    report = import_file(database, path, settings=backend_settings, skip_invalid=True)

    counts = report.of(RecordKind.messages)
    assert (counts.added, counts.rejected) == (2, 2)
    assert report.rejects_path == tmp_path / "mixed.csv.rejects.jsonl"
    rejects = [json.loads(line) for line in report.rejects_path.read_text(encoding="utf-8").splitlines()]
    assert [(r["line"], r["field"]) for r in rejects] == [(3, "sender_id"), (4, "sent_at")]
    assert rejects[0]["file"] == str(path)
    assert rejects[0]["reason"].startswith("unknown sender 'p99'")
    assert rejects[0]["row"]["sender_id"] == "p99"
    assert "John Smith" not in rejects[0]["row"]["text"] and "4471123" not in rejects[0]["row"]["text"]
    assert rejects[1]["row"]["text"] == "also fine"
    with database.session() as session:
        assert set(session.scalars(sa.select(Message.source_id))) == {"a1", "a4"}


def test_fhir_bundle_resolves_references(database: Database, backend_settings: Settings, samples: Path) -> None:
    report = import_file(database, samples / "bundle.json", settings=backend_settings)

    assert report.format == "fhir"
    assert report.of(RecordKind.roster).added == 3
    assert report.of(RecordKind.messages).added == 2
    people = _people(database)
    assert people["f1"].name == "Hana Nakamura" and people["f1"].role is StaffRole.physician
    assert people["f1"].email == "hana.nakamura@example.org"
    assert people["f2"].name == "Isaac Brennan" and people["f2"].role is StaffRole.nurse
    assert people["f3"].role is StaffRole.other and people["f3"].unit_id is None  # no PractitionerRole
    with database.session() as session:
        unit = session.scalars(sa.select(Unit)).one()
        assert (unit.external_id, unit.name) == ("ward7", "Ward 7 Cardiology")
        messages = {m.source_id: m for m in session.scalars(sa.select(Message))}
        c1, c2 = messages["c1"], messages["c2"]
        assert c1.sender_id == people["f1"].id
        assert set(
            session.scalars(sa.select(MessageRecipient.person_id).where(MessageRecipient.message_id == c1.id))
        ) == {people["f2"].id, people["f3"].id}
        assert c2.sender_id == people["f2"].id  # sender was PractitionerRole/r2
        assert (c2.in_reply_to, c2.channel, c2.text) == ("c1", "email", "Will do.\n\nResult to follow.")
    again = import_file(database, samples / "bundle.json", settings=backend_settings)
    assert again.added == 0 and again.present == 5


def test_redaction_at_the_door(database: Database, backend_settings: Settings, samples: Path) -> None:
    import_file(database, samples / "roster.csv", settings=backend_settings)
    rows = [
        {
            "message_id": "r1",
            "sender_id": "p1",
            "recipient_ids": ["p2"],
            "sent_at": "2026-03-05T10:00:00Z",
            "text": "pt John Smith MRN 4471123 needs a repeat K, Ben Oyelaran please check",
        }
    ]
    import_rows(database, rows, kind="messages", source="api", settings=backend_settings)
    notes = [
        {
            "note_id": "n1",
            "about_id": "p2",
            "kind": "patient",
            "created_at": "2026-03-05",
            "text": "Mr John Smith said thanks",
        }
    ]
    import_rows(database, notes, kind="notes", source="api", settings=backend_settings)
    ratings = [
        {"rating_id": "q1", "subject_id": "p2", "rater_id": "p3", "cycle": "2026-H1", "criterion": "care",
         "score": 4, "created_at": "2026-03-05", "comment": "kind to pt John Smith (MRN 4471123)"}
    ]  # fmt: skip
    import_rows(database, ratings, kind="ratings", source="api", settings=backend_settings)
    with database.session() as session:
        message = session.scalars(sa.select(Message)).one()
        note = session.scalars(sa.select(FeedbackNote)).one()
        rating = session.scalars(sa.select(ReviewRating)).one()
    for text in (message.text, note.text, rating.comment or ""):
        assert "John" not in text and "Smith" not in text and "4471123" not in text
    assert "Ben Oyelaran" in message.text  # staff names are not patient identifiers
    assert "[PATIENT]" in message.text and "[MRN]" in message.text
    assert {r["type"] for r in message.redactions} >= {"PATIENT", "MRN"}
    assert all(message.text[r["start"] : r["end"]].startswith("[") for r in message.redactions)


def test_configured_sites_are_nobodys_home(database: Database, backend_settings: Settings, samples: Path) -> None:
    """The organisation's own sites stay (BEDSIDE_SITE_NAMES); a patient's town is still redacted."""
    settings = backend_settings.model_copy(update={"site_names": ["Timberline Medical Center"]})
    import_file(database, samples / "roster.csv", settings=settings)
    rows = [
        {"message_id": "s1", "sender_id": "p1", "recipient_ids": "p2", "sent_at": "2026-03-05",
         "text": "Timberline ED has 2 boarders waiting"},
        {"message_id": "s2", "sender_id": "p1", "recipient_ids": "p2", "sent_at": "2026-03-05",
         "text": "pt lives in Timberline, wife drives him"},
    ]  # fmt: skip
    import_rows(database, rows, kind="messages", source="api", settings=settings)
    with database.session() as session:
        texts = {source_id: text for source_id, text in session.execute(sa.select(Message.source_id, Message.text))}
    assert texts["s1"] == "Timberline ED has 2 boarders waiting"
    assert "Timberline" in texts["s2"]  # a site's name stays even after "lives in": the admin listed it


def test_redaction_disabled_stores_text_as_given(database: Database, backend_settings: Settings, samples: Path) -> None:
    settings = backend_settings.model_copy(update={"redaction_enabled": False})
    import_file(database, samples / "roster.csv", settings=settings)
    rows = [
        {"message_id": "r1", "sender_id": "p1", "recipient_ids": "p2", "sent_at": "2026-03-05", "text": "pt John Smith"}
    ]
    import_rows(database, rows, kind=RecordKind.messages, source="api", settings=settings)
    with database.session() as session:
        message = session.scalars(sa.select(Message)).one()
    assert (message.text, message.redactions) == ("pt John Smith", [])


def test_import_rows_reports_errors_by_row_number(
    database: Database, backend_settings: Settings, counts: Counts
) -> None:
    roster = [
        {"person_id": "a", "name": "A One", "role": "nurse", "unit": "u"},
        {"person_id": "b", "name": "B Two", "role": "wizard", "unit": "u"},
    ]
    with pytest.raises(IngestError, match=r"^generator:2: field 'role': unknown value 'wizard'"):
        import_rows(database, iter(roster), kind="roster", source="generator", settings=backend_settings)
    assert counts(database)["person"] == 0


def test_progress_reports_bytes_and_rows_api_rejects_go_to_data_dir(
    sqlite_database: Database, sqlite_settings: Settings, samples: Path
) -> None:
    calls: list[tuple[int, int]] = []
    import_file(
        sqlite_database, samples / "roster.csv", settings=sqlite_settings, progress=lambda d, t: calls.append((d, t))
    )
    size = (samples / "roster.csv").stat().st_size
    assert calls and calls[-1] == (size, size)
    assert all(done <= total for done, total in calls)

    rows = [
        {"note_id": "a", "about_id": "p1", "kind": "peer", "created_at": "2026-01-01", "text": "great handoff"},
        {"note_id": "b", "about_id": "p1", "kind": "peer", "created_at": "2026-01-01", "text": ""},
    ]
    report = import_rows(
        sqlite_database, rows, kind="notes", source="demo", settings=sqlite_settings, skip_invalid=True
    )
    assert (report.of("notes").added, report.of("notes").rejected) == (1, 1)
    assert report.rejects_path == sqlite_settings.data_dir / "demo.rejects.jsonl"
    assert json.loads(report.rejects_path.read_text(encoding="utf-8"))["field"] == "text"


def test_byte_order_marks_are_accepted(sqlite_database: Database, sqlite_settings: Settings, tmp_path: Path) -> None:
    roster = tmp_path / "excel.csv"
    roster.write_bytes("person_id,name,role,unit\r\np1,Zoë Ng,nurse,icu\r\n".encode("utf-8-sig"))
    notes = tmp_path / "notes.jsonl"
    notes.write_bytes(
        '{"note_id": "n", "about_id": "p1", "kind": "self", "created_at": "2026-01-01", "text": "ok"}\n'.encode(
            "utf-8-sig"
        )
    )
    assert import_file(sqlite_database, roster, settings=sqlite_settings).added == 1
    assert import_file(sqlite_database, notes, settings=sqlite_settings).of("notes").added == 1
    assert _people(sqlite_database)["p1"].name == "Zoë Ng"


def test_a_big_batch_is_redacted_over_worker_processes_as_in_one(sqlite_settings: Settings, samples: Path) -> None:
    texts = [json.loads(line)["text"] for line in REDACTION_TEST_SET.read_text(encoding="utf-8").splitlines()]
    rows = [
        {"message_id": f"m{n}", "sender_id": "p1", "recipient_ids": "p2", "sent_at": "2026-03-05", "text": texts[n % len(texts)]}
        for n in range(START_AT + 5)
    ]  # fmt: skip
    stored, asked = [], []

    def factory(names: list[str], sites: Sequence[str], workers: int) -> TextRedactor:
        asked.append(workers)
        return default_redactor(names, sites, workers)

    for workers in (2, 1):
        settings = sqlite_settings.model_copy(
            update={"redaction_workers": workers, "database_url": f"sqlite:///{samples / f'w{workers}.db'}"}
        )
        database = open_database(settings)
        database.upgrade()
        try:
            import_file(database, samples / "roster.csv", settings=settings)
            report = import_rows(database, rows, kind="messages", source="api", settings=settings, redactor_factory=factory)
            assert report.of("messages").added == len(rows)
            with database.session() as session:
                stored.append([(m.source_id, m.text, m.redactions) for m in session.scalars(sa.select(Message).order_by(Message.id))])
        finally:
            database.dispose()
    assert asked == [2, 1]  # the setting reached the redactor (RedactionPool spreads a batch this big over 2)
    assert stored[0] == stored[1]
    assert [source_id for source_id, _, _ in stored[0]] == [row["message_id"] for row in rows]
    assert sum("[PATIENT]" in text for _, text, _ in stored[0]) > len(rows) // 2
