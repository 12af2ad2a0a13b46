"""The generated files: determinism, volume and coverage, and the ingest formats."""

from __future__ import annotations

import datetime as dt
import filecmp
import statistics
from collections import Counter
from pathlib import Path

import pytest

from bedside.demo import generate_demo

from .conftest import SEED, DemoFiles

# One worker builds and reads the session-wide demo (pytest -n 2 --dist loadgroup).
pytestmark = pytest.mark.xdist_group("demo")

FILES = ("roster.csv", "messages.jsonl", "notes.jsonl", "ratings.csv", "manifest.json", "message_labels.jsonl")


def parse(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def test_same_seed_gives_identical_files_and_another_seed_does_not(tmp_path: Path) -> None:
    first = generate_demo(tmp_path / "a", seed=7, scale=0.05)
    second = generate_demo(tmp_path / "b", seed=7, scale=0.05)
    other = generate_demo(tmp_path / "c", seed=8, scale=0.05)
    for name in FILES:
        assert filecmp.cmp(first.data_dir / name, second.data_dir / name, shallow=False), name
    for name in ("roster.csv", "messages.jsonl", "notes.jsonl", "ratings.csv"):
        assert not filecmp.cmp(first.data_dir / name, other.data_dir / name, shallow=False), name


def test_scale_changes_volume_but_not_the_roster(tmp_path: Path, full_demo: DemoFiles) -> None:
    small = generate_demo(tmp_path / "small", seed=SEED, scale=0.1)
    assert filecmp.cmp(small.data_dir / "roster.csv", full_demo.generated.data_dir / "roster.csv", shallow=False)
    assert 2000 <= small.manifest["counts"]["messages"] <= 2300
    assert small.manifest["personas"] == full_demo.manifest["personas"]
    with pytest.raises(ValueError):
        generate_demo(tmp_path / "bad", scale=0)


def test_organisation_units_roles_and_leaders(full_demo: DemoFiles) -> None:
    roster = full_demo.roster
    assert len(roster) >= 60
    units = {row["unit"] for row in roster.values()}
    assert units == {"MICU", "ED", "SURG"}
    roles = Counter(row["role"] for row in roster.values())
    assert set(roles) == {"physician", "resident", "nurse", "app", "technician", "pharmacist", "administrator"}
    assert roles["nurse"] > roles["physician"]
    for unit in full_demo.manifest["units"]:
        director, manager = roster[unit["medical_director"]], roster[unit["nurse_manager"]]
        assert director["role"] == "physician" and manager["role"] == "nurse"
        assert director["leads"] == unit["id"] == manager["leads"]
    for row in roster.values():
        assert row["gender"] in {"female", "male", "nonbinary"} and row["ethnicity"] and row["age_band"]
        if not row["leads"]:
            assert roster[row["manager_id"]]["leads"] == row["unit"]
    genders = Counter(row["gender"] for row in roster.values())
    assert genders["female"] >= 20 and genders["male"] >= 10


def test_messages_cover_six_months_with_threads_and_replies(full_demo: DemoFiles) -> None:
    messages, roster = full_demo.messages, full_demo.roster
    assert len(messages) == full_demo.manifest["counts"]["messages"] >= 20_000
    stamps = [parse(m["sent_at"]) for m in messages]
    assert stamps == sorted(stamps)
    assert (stamps[-1] - stamps[0]).days >= 180
    assert len({(s.year, s.month) for s in stamps}) == 6
    assert len({m["message_id"] for m in messages}) == len(messages)
    by_id = {m["message_id"]: m for m in messages}
    delays = []
    for m in messages:
        assert m["sender_id"] in roster and m["recipient_ids"] and all(r in roster for r in m["recipient_ids"])
        assert m["sender_id"] not in m["recipient_ids"]
        assert m["channel"] in {"chat", "email", "page"} and m["text"].strip()
        if m["in_reply_to"]:
            parent = by_id[m["in_reply_to"]]
            assert parent["thread_id"] == m["thread_id"]
            delays.append((parse(m["sent_at"]) - parse(parent["sent_at"])).total_seconds() / 60)
            assert delays[-1] >= 0
    assert 1 <= statistics.median(delays) <= 30
    assert max(delays) > 120  # some replies take hours (scheduling, thanks)
    answered = {m["in_reply_to"] for m in messages if m["in_reply_to"]}
    firsts = [m for m in messages if not m["in_reply_to"]]
    unanswered = sum(1 for m in firsts if m["message_id"] not in answered) / len(firsts)
    assert 0.05 <= unanswered <= 0.45
    assert len({m["text"] for m in messages}) > 0.6 * len(messages)  # varied; short acks ("ok") repeat


def test_message_kinds_and_clinical_conventions(full_demo: DemoFiles) -> None:
    labels = full_demo.labels
    intents = Counter(label["intent"] for label in labels)
    for intent in ("page", "lab_followup", "handoff", "scheduling", "escalation", "readback", "order", "ack"):
        assert intents[intent] >= 150, intent
    handoffs = [label for label in labels if label["intent"] == "handoff"]
    complete = sum(label["sbar_complete"] for label in handoffs) / len(handoffs)
    assert 0.3 < complete < 0.8  # SBAR handoffs, sometimes incomplete
    outcomes = Counter(label["outcome"] for label in labels if label["intent"] == "escalation")
    assert outcomes["acknowledged"] > outcomes["brushed_off"] > outcomes["unanswered"] > 0
    assert full_demo.manifest["counts"]["escalations_by_outcome"] == dict(sorted(outcomes.items()))
    texts = {m["message_id"]: m["text"].lower() for m in full_demo.messages}
    escalations = [texts[label["message_id"]] for label in labels if label["intent"] == "escalation"]
    assert sum(
        "concern" in t or "safety" in t or "uncomfortable" in t or "worried" in t for t in escalations
    ) > 0.6 * len(escalations)


def test_notes_of_every_kind(full_demo: DemoFiles) -> None:
    notes, roster = full_demo.notes, full_demo.roster
    kinds = Counter(n["kind"] for n in notes)
    assert set(kinds) == {"peer", "patient", "manager", "self", "incident"}
    assert min(kinds.values()) >= 10 and len(notes) >= 500
    for note in notes:
        assert note["about_id"] in roster and note["text"].strip()
        if note["kind"] == "patient":
            assert note["author_id"] is None
        elif note["kind"] == "self":
            assert note["author_id"] == note["about_id"]
        else:
            assert note["author_id"] in roster
    stamps = [parse(n["created_at"]) for n in notes]
    assert len({(s.year, s.month) for s in stamps}) == 6


def test_ratings_two_cycles_five_values_several_raters(full_demo: DemoFiles) -> None:
    ratings, manifest = full_demo.ratings, full_demo.manifest
    assert {r["cycle"] for r in ratings} == {"FY2025", "FY2026"}
    assert {r["criterion"] for r in ratings} == {"compassion", "teamwork", "integrity", "excellence", "communication"}
    assert {int(r["score"]) for r in ratings} == {1, 2, 3, 4, 5}
    raters = {r["rater_id"] for r in ratings}
    assert raters == {r["person_id"] for r in manifest["raters"]} and len(raters) >= 4
    per_subject = Counter((r["subject_id"], r["cycle"]) for r in ratings)
    assert set(per_subject.values()) == {15}  # three raters x five values
    assert all(r["rater_id"] != r["subject_id"] for r in ratings)
    assert sum(bool(r["comment"]) for r in ratings) == len(ratings)
