"""``bedside redact``: JSONL in, redacted JSONL out; a bad line names itself and writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bedside.cli import app
from bedside.text.redaction import Redactor
from bedside.text.redaction.pool import START_AT

runner = CliRunner()
DATA = Path(__file__).parents[1] / "data" / "redaction"


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


def test_a_big_file_is_redacted_over_worker_processes_as_in_one(tmp_path: Path) -> None:
    texts = [json.loads(line)["text"] for line in (DATA / "test.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [{"id": f"m{n}", "text": texts[n % len(texts)]} for n in range(START_AT + 10)]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    outputs = []
    for workers in ("2", "1"):
        out = tmp_path / f"out-{workers}.jsonl"
        result = runner.invoke(app, ["redact", "--input", str(src), "--output", str(out), "--workers", workers])
        assert result.exit_code == 0, result.output
        assert f"Redacted {len(rows)} messages" in " ".join(result.output.split())
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    redactor = Redactor()
    first = [json.loads(line) for line in outputs[0].splitlines()[: len(texts)]]
    assert [row["id"] for row in first] == [f"m{n}" for n in range(len(texts))]  # in input order
    assert [row["redacted"] for row in first] == [redactor.redact(text).text for text in texts]
