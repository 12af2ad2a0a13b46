"""``bedside redact``: JSONL in, redacted JSONL out; a bad line names itself and writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bedside.cli import app

runner = CliRunner()


def test_redacts_jsonl_with_roster(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "m1", "text": "pt smith in 4b, MRN 00451234, K 3.1, Ana Diaz RN aware"}) + "\n"
        + json.dumps({"id": "m2", "text": "Thanks Ana, huddle at 14:00"}) + "\n",
        encoding="utf-8",
    )
    roster = tmp_path / "roster.csv"
    roster.write_text("person_id,name,role,unit\np1,Ana Diaz,nurse,u1\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["redact", "--input", str(src), "--output", str(out), "--staff", str(roster)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["redacted"] == "pt [PATIENT] in 4b, MRN [MRN], K 3.1, Ana Diaz RN aware"
    assert [(s["type"], s["start"], s["end"]) for s in rows[0]["spans"]] == [("PATIENT", 3, 8), ("MRN", 20, 28)]
    assert rows[1]["redacted"] == rows[1]["text"] and rows[1]["spans"] == []


def test_sites_are_kept(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    text = "transfer from Desert Sage Elko tonight, pt lives in Elko w/ son"
    src.write_text(json.dumps({"id": "m1", "text": text}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["redact", "--input", str(src), "--output", str(out), "--site", "Desert Sage Elko"])
    assert result.exit_code == 0, result.output
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["redacted"] == "transfer from Desert Sage Elko tonight, pt lives in [ADDRESS] w/ son"


def test_bad_line_is_named_and_nothing_written(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "m1", "text": "ok"}\n{"id": "m2", "text": 5}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["redact", "--input", str(src), "--output", str(out)])
    assert result.exit_code == 1
    message = " ".join(result.output.split())  # Rich wraps long lines
    assert "line 2" in message and "text" in message
    assert not out.exists()
    assert list(tmp_path.glob(".redact-*")) == []


def test_invalid_json_is_named(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "m1", "text": "ok"}\n{not json\n', encoding="utf-8")
    result = runner.invoke(app, ["redact", "--input", str(src), "--output", str(tmp_path / "o.jsonl")])
    message = " ".join(result.output.split())
    assert result.exit_code == 1 and "line 2" in message and "not valid JSON" in message
