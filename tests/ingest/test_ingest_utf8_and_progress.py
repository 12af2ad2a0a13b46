"""Lines that are not UTF-8 are set aside with --skip-invalid (without their text); FHIR progress is honest."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from bedside.config import Settings
from bedside.ingest import FileError, import_file
from bedside.store.database import Database
from bedside.store.models import Message

Counts = Callable[[Database], dict[str, int]]
SECRET = "MRN 4481920 Jos\xe9 Garc\xeda"  # a patient identifier on the Latin-1 line


@pytest.fixture
def roster(sqlite_database: Database, sqlite_settings: Settings, samples: Path) -> Database:
    import_file(sqlite_database, samples / "roster.csv", settings=sqlite_settings)
    return sqlite_database


def _jsonl(good: int = 6, bad_at: int = 4) -> bytes:
    """JSON Lines in UTF-8 (accents included) with line ``bad_at`` in Latin-1."""
    lines = []
    for n in range(1, good + 2):
        row = {"message_id": f"j{n}", "sender_id": "p1", "recipient_ids": ["p2"], "sent_at": "2026-03-01"}
        if n == bad_at:
            lines.append(json.dumps(row | {"text": SECRET}, ensure_ascii=False).encode("latin-1"))
        else:
            lines.append(json.dumps(row | {"text": f"caf\u00e9 run {n} for Zo\u00eb"}, ensure_ascii=False).encode())
    return b"\n".join(lines) + b"\n"


def _csv() -> bytes:
    """CSV in UTF-8 with a quoted value spanning lines; the record on lines 5-6 has a Latin-1 byte on line 6."""
    head = "message_id,sender_id,recipient_ids,sent_at,text\n"
    return (
        (head + "m1,p1,p2,2026-03-01,caf\u00e9 ok\n" + 'm2,p1,p2,2026-03-01,"two\nlines, Zo\u00eb"\n').encode()
        + ('m3,p1,p2,2026-03-01,"first line\nthen ' + SECRET + '"\n').encode("latin-1")
        + "m4,p1,p2,2026-03-01,after\nm5,p1,p2,2026-03-01,\u00fcber last\n".encode()
    )


def _ids(database: Database) -> list[str]:
    with database.session() as session:
        return sorted(session.scalars(sa.select(Message.source_id)))


@pytest.mark.parametrize(
    ("name", "content", "line", "bad_line", "detail", "expected"),
    [
        pytest.param(
            "latin1.jsonl", _jsonl(), 4, 4, "byte 0xe9 at column", ["j1", "j2", "j3", "j5", "j6", "j7"], id="jsonl"
        ),
        pytest.param(
            "latin1.csv", _csv(), 5, 6, "byte 0xe9 at column 21", ["m1", "m2", "m4", "m5"], id="csv-record-over-lines"
        ),
    ],
)
def test_a_line_that_is_not_utf8_is_rejected_without_its_text(
    roster: Database,
    sqlite_settings: Settings,
    tmp_path: Path,
    counts: Counts,
    name: str,
    content: bytes,
    line: int,
    bad_line: int,
    detail: str,
    expected: list[str],
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    before = counts(roster)

    with pytest.raises(FileError) as caught:
        import_file(roster, path, settings=sqlite_settings)
    assert str(caught.value).startswith(f"{path}:{bad_line}: the file is not valid UTF-8 ({detail}")
    assert counts(roster) == before
    assert not (tmp_path / f"{name}.rejects.jsonl").exists()

    report = import_file(roster, path, settings=sqlite_settings, skip_invalid=True)
    assert (report.added, report.rejected) == (len(expected), 1)
    assert _ids(roster) == expected
    assert report.rejects_path is not None
    text = report.rejects_path.read_text(encoding="utf-8")
    (reject,) = [json.loads(x) for x in text.splitlines()]
    assert (reject["file"], reject["line"], reject["field"]) == (str(path), line, "encoding")
    assert reject["reason"].startswith(f"line {bad_line} is not valid UTF-8 ({detail}")
    assert reject["reason"].endswith("save the file as UTF-8")
    assert list(reject["row"]) == ["byte_offset"]  # nothing of the line's text
    offset = reject["row"]["byte_offset"]
    assert content[offset] == 0xE9
    assert content.count(b"\n", 0, offset) + 1 == bad_line
    for leak in ("4481920", "Jos", "Garc", "first line"):
        assert leak not in text

    again = import_file(roster, path, settings=sqlite_settings, skip_invalid=True)
    assert (again.added, again.present, again.rejected) == (0, len(expected), 1)


def test_a_byte_order_mark_counts_as_utf8_and_shifts_columns(
    roster: Database, sqlite_settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "bom.csv"
    # All ASCII but the bad line: the byte-order mark alone says the file means to be UTF-8.
    path.write_bytes(
        b"\xef\xbb\xbfmessage_id,sender_id,recipient_ids,sent_at,text\n"
        b"m1,p1,p2,2026-03-01,ok\nm2,p1,p2,2026-03-01,caf\xe9\nm3,p1,p2,2026-03-01,fine\n"
    )
    report = import_file(roster, path, settings=sqlite_settings, skip_invalid=True)
    assert (report.added, report.rejected) == (2, 1)
    assert report.rejects_path is not None
    reject = json.loads(report.rejects_path.read_text(encoding="utf-8"))
    assert reject["reason"].startswith("line 3 is not valid UTF-8 (byte 0xe9 at column 24)")


def test_a_file_in_another_encoding_is_still_refused_whole(
    roster: Database, sqlite_settings: Settings, tmp_path: Path, counts: Counts
) -> None:
    """No UTF-8 text anywhere and bytes that are not UTF-8: the whole file is Latin-1, convert it."""
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        b"message_id,sender_id,recipient_ids,sent_at,text\n"
        b"m1,p1,p2,2026-03-01,ok\nm2,p1,p2,2026-03-01,caf\xe9\nm3,p1,p2,2026-03-01,na\xefve\n"
    )
    before = counts(roster)
    with pytest.raises(FileError, match=r"latin1.csv:3: the file is not valid UTF-8 \(byte 0xe9 at column 24\)"):
        import_file(roster, path, settings=sqlite_settings, skip_invalid=True)
    assert counts(roster) == before


def test_fhir_progress_covers_both_passes(sqlite_database: Database, sqlite_settings: Settings, samples: Path) -> None:
    path = samples / "bundle.json"
    calls: list[tuple[int, int]] = []
    import_file(sqlite_database, path, settings=sqlite_settings, progress=lambda d, t: calls.append((d, t)))
    size = path.stat().st_size
    total = calls[-1][1]
    assert total == 2 * size  # two passes over the file (no byte-order mark here)
    assert calls[-1] == (total, total)
    assert all(t == total for _, t in calls)
    done = [d for d, _ in calls]
    assert done == sorted(done)  # never goes back
    assert done[0] <= size  # starts in the first pass, not at the end
    assert size in done  # the end of the roster pass is half the work


def test_fhir_progress_moves_during_the_roster_pass(
    sqlite_database: Database, sqlite_settings: Settings, tmp_path: Path
) -> None:
    staff = [
        {"resource": {"resourceType": "Practitioner", "id": f"p{i}", "name": [{"text": f"Staff {i}"}]}}
        for i in range(20)
    ]
    messages = [
        {
            "resource": {
                "resourceType": "Communication",
                "id": f"c{i}",
                "status": "completed",
                "sender": {"reference": f"Practitioner/p{i % 20}"},
                "recipient": [{"reference": f"Practitioner/p{(i + 1) % 20}"}],
                "sent": "2026-04-01T09:30:00Z",
                "payload": [{"contentString": f"Please check the potassium in bed {i % 40} before rounds. " * 3}],
            }
        }
        for i in range(1500)
    ]
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": staff + messages}))
    calls: list[tuple[int, int]] = []
    import_file(sqlite_database, path, settings=sqlite_settings, progress=lambda d, t: calls.append((d, t)))
    size = path.stat().st_size
    assert size > 4 * (1 << 16)
    first_pass = [d for d, _ in calls if d <= size]
    assert len(first_pass) >= size // (1 << 16)  # a report per chunk read, before anything is stored
    done = [d for d, _ in calls]
    assert done == sorted(done)
    assert len([d for d in done if size < d < 2 * size]) >= size // (1 << 16)
    assert calls[-1] == (2 * size, 2 * size)
