"""``bedside ingest``: summary table, exit codes, and the reject-file option."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from bedside.cli import app
from bedside.store.database import Database

runner = CliRunner()


def test_ingest_files_prints_a_summary(sqlite_database: Database, samples: Path) -> None:
    url = sqlite_database.url
    result = runner.invoke(
        app, ["ingest", str(samples / "roster.csv"), str(samples / "messages.jsonl"), "--database-url", url]
    )
    assert result.exit_code == 0, result.output
    assert "Import summary" in result.output
    assert "roster" in result.output and "messages" in result.output

    again = runner.invoke(app, ["ingest", str(samples / "messages.jsonl"), "--database-url", url])
    assert again.exit_code == 0
    row = next(line for line in again.output.splitlines() if "messages" in line)
    assert [cell.strip() for cell in row.split("│")[3:7]] == ["0", "0", "3", "0"]  # added, updated, present, rejected


def test_a_rejected_file_exits_non_zero_and_stops(sqlite_database: Database, samples: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("message_id,sender_id,recipient_ids,sent_at,text\nm1,p1,p2,soon,hi\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "ingest",
            str(samples / "roster.csv"),
            str(bad),
            str(samples / "notes.csv"),
            "--database-url",
            sqlite_database.url,
        ],
    )
    assert result.exit_code == 1
    assert f"{bad}:2: field 'sent_at'" in result.output
    assert f"Nothing from {bad} was stored" in result.output
    assert "Not attempted" in result.output and "notes.csv" in result.output


def test_skip_invalid_with_rejects_path(sqlite_database: Database, samples: Path, tmp_path: Path) -> None:
    url = sqlite_database.url
    runner.invoke(app, ["ingest", str(samples / "roster.csv"), "--database-url", url])
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "message_id,sender_id,recipient_ids,sent_at,text\nm1,p1,p2,soon,hi\nm2,p1,p2,2026-01-01,ok\n", encoding="utf-8"
    )
    rejects = tmp_path / "out" / "rejects.jsonl"
    result = runner.invoke(
        app,
        ["ingest", str(bad), "--skip-invalid", "--rejects", str(rejects), "--kind", "messages", "--database-url", url],
    )
    assert result.exit_code == 0, result.output
    assert len(rejects.read_text(encoding="utf-8").splitlines()) == 1
    assert "set aside" in result.output

    two = runner.invoke(app, ["ingest", str(bad), str(bad), "--rejects", str(rejects), "--database-url", url])
    assert two.exit_code == 1
    assert "--rejects takes one input file" in two.output
