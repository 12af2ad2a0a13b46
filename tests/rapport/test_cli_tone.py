"""The tone, analyze and detectors commands (Typer's CliRunner, a temporary SQLite database)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import sqlalchemy as sa
from typer.testing import CliRunner

from bedside.cli import app
from bedside.store.analyses import messages_for_analysis
from bedside.store.database import Database
from bedside.store.models import AnalysisResult, Message, MessageRecipient, Organisation, Person, StaffRole

runner = CliRunner()


def test_tone_prints_label_findings_and_rewrite() -> None:
    result = runner.invoke(app, ["tone", "Obviously you never read the chart. Call me NOW!!!"])
    assert result.exit_code == 0, result.output
    assert "curt" in result.output and "condescension" in result.output and "suggested rewrite" in result.output


def test_tone_json_with_context() -> None:
    result = runner.invoke(app, ["tone", "ok", "--previous", "I'm concerned about bed 4", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["tone"] == "curt" and data["findings"][0]["label"] == "cus_unacknowledged"
    assert data["rewrite"].startswith("Thank you for raising this concern")


def test_tone_needs_text_or_files() -> None:
    assert runner.invoke(app, ["tone"]).exit_code == 1
    assert runner.invoke(app, ["tone", "x", "--output", "out.jsonl"]).exit_code == 1


def test_batch_scoring(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": 1, "text": "Thanks so much, could you page me at 14:00?"})
        + "\n\n"
        + json.dumps({"id": "b", "text": "ok", "previous": "I'm worried about [PATIENT]"})
        + "\n"
    )
    target = tmp_path / "out" / "scored.jsonl"
    result = runner.invoke(app, ["tone", "--input", str(source), "--output", str(target)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in target.read_text().splitlines()]
    assert [r["id"] for r in rows] == [1, "b"]
    assert rows[0]["tone"] == "respectful" and rows[0]["rewrite"] is None and rows[0]["politeness"] > 0.5
    assert rows[1]["tone"] == "curt" and rows[1]["findings"] and rows[1]["rewrite"]


def test_batch_scoring_refuses_a_bad_line_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": 1, "text": "fine"}) + "\n" + json.dumps({"text": "no id"}) + "\n")
    target = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["tone", "-i", str(source), "-o", str(target)])
    assert result.exit_code == 1
    assert "line 2" in result.output and "missing field 'id'" in result.output
    assert not target.exists() and list(tmp_path.iterdir()) == [source]


def test_detectors_list() -> None:
    result = runner.invoke(app, ["detectors", "list"])
    assert result.exit_code == 0, result.output
    for name in ("politeness_strategies", "unmitigated_commands", "insults", "sbar_completeness", "closed_loop"):
        assert name in result.output


def _seed(database: Database) -> None:
    at = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
    with database.session() as s:
        org = Organisation(slug="h", name="Hospital")
        s.add(org)
        s.flush()
        nurse = Person(organisation_id=org.id, external_id="n1", name="Ben Oyelaran", role=StaffRole.nurse)
        doctor = Person(organisation_id=org.id, external_id="d1", name="Ana Diaz", role=StaffRole.physician)
        s.add_all([nurse, doctor])
        s.flush()
        texts = [
            (nurse, doctor, "m1", None, "I'm concerned about [PATIENT] in 12, BP 80/40. Please come see her."),
            (doctor, nurse, "m2", "m1", "ok"),
            (doctor, nurse, "m3", None, "Obviously you never read the chart."),
            (nurse, doctor, "m4", "m3", "Thanks for the feedback, I will review it."),
        ]
        for i, (sender, recipient, source_id, reply_to, text) in enumerate(texts):
            message = Message(
                organisation_id=org.id,
                sender_id=sender.id,
                thread_id="t1" if source_id in {"m1", "m2"} else None,
                in_reply_to=reply_to,
                sent_at=at + dt.timedelta(minutes=i),
                text=text,
                source="test.jsonl",
                source_id=source_id,
            )
            message.recipients.append(MessageRecipient(person_id=recipient.id))
            s.add(message)


def test_messages_for_analysis_carry_context(sqlite_database: Database) -> None:
    _seed(sqlite_database)
    with sqlite_database.session() as s:
        records = messages_for_analysis(s)
    reply = records[1]
    assert reply.text == "ok" and reply.previous_text is not None and reply.previous_text.startswith("I'm concerned")
    assert reply.sender_role == "physician" and reply.recipient_roles == ("nurse",)
    assert records[2].previous_text is None


def test_analyze_stores_results_and_replaces_them(sqlite_database: Database) -> None:
    _seed(sqlite_database)
    url = sqlite_database.url
    for _ in range(2):
        result = runner.invoke(app, ["analyze", "--database-url", url])
        assert result.exit_code == 0, result.output
        assert "Analysed 4 messages" in result.output
    with sqlite_database.session() as s:
        rows = s.execute(
            sa.select(Message.source_id, AnalysisResult.label, AnalysisResult.score, AnalysisResult.findings)
            .join(AnalysisResult, AnalysisResult.subject_id == Message.id)
            .order_by(Message.source_id)
        ).all()
        versions = set(s.scalars(sa.select(AnalysisResult.analyzer_version)))
    assert len(rows) == 4 and len(versions) == 1
    by_source = {r.source_id: r for r in rows}
    assert by_source["m2"].label == "curt"
    assert by_source["m2"].findings[0]["label"] == "cus_unacknowledged"
    assert "authority gradient" in by_source["m3"].findings[0]["reason"]
    assert by_source["m4"].label == "respectful" and 0 <= by_source["m4"].score <= 1


def test_analyze_refuses_an_unknown_organisation(sqlite_database: Database) -> None:
    result = runner.invoke(app, ["analyze", "--database-url", sqlite_database.url, "--organisation", "nope"])
    assert result.exit_code == 1 and "no organisation" in result.output
