"""YAML rule detectors: a valid file becomes a detector; bad rules are refused with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from bedside.rapport.context import EMPTY_CONTEXT
from bedside.rapport.rules import RuleFileError, load_builtin_rules, load_rule_file, parse_rule_file
from bedside.text.prepared import PreparedText

GOOD = """
detector: handoff_slang
version: "0.1"
description: Slang an educator wants flagged in handoffs.
rules:
  - label: slang
    category: professionalism
    severity: low
    reason: Uses slang that can read as dismissive of the patient.
    phrases: ["frequent flyer", "gomer"]
    patterns: ["\\\\bturf(?:ed|ing)?\\\\b"]
"""


def test_a_valid_rule_file_becomes_a_detector(tmp_path: Path) -> None:
    path = tmp_path / "slang.yaml"
    path.write_text(GOOD)
    detector = load_rule_file(path)
    assert (detector.name, detector.version, detector.labels) == ("handoff_slang", "0.1", ("slang",))
    found = detector.detect(PreparedText("Another frequent flyer, turfing him to medicine"), EMPTY_CONTEXT)
    assert [(e.label, e.pattern) for e in found] == [("slang", "frequent flyer"), ("slang", "turfing")]
    assert detector.label_infos()["slang"].severity == "low"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("detector: x\nversion: '1'\ndescription: something\nrules: []\n", "rules"),
        ("- just a list\n", "expected a mapping"),
        ("detector: [unclosed\n", "not valid YAML"),
        (
            "detector: Bad Name\nversion: '1'\ndescription: something\nrules:\n - label: blame\n   reason: A reason here.\n   phrases: [x]\n",
            "detector",
        ),
        (
            "detector: x\nversion: '1'\ndescription: something\nrules:\n - label: blame\n   reason: A reason here.\n",
            "at least one phrase or pattern",
        ),
        (
            "detector: x\nversion: '1'\ndescription: something\nrules:\n - label: blame\n   reason: A reason here.\n   patterns: ['(unclosed']\n",
            "not a valid regular expression",
        ),
        (
            "detector: x\nversion: '1'\ndescription: something\nrules:\n - label: blame\n   reason: A reason here.\n   patterns: ['a*']\n",
            "empty string",
        ),
        (
            "detector: x\nversion: '1'\ndescription: something\nrules:\n - label: newlabel\n   reason: A reason here.\n   phrases: [x]\n",
            "must give 'category' and 'severity'",
        ),
        (
            "detector: x\nversion: '1'\ndescription: something\nrules:\n - label: blame\n   reason: A reason here.\n   phrases: [x]\n   scor: 0.5\n",
            "scor",
        ),
        (
            "detector: x\nversion: '1'\ndescription: something\nrules:\n - label: blame\n   reason: A reason here.\n   phrases: [x]\n   score: 3\n",
            "score",
        ),
        (
            "detector: x\nversion: '1'\ndescription: something\nrules:\n - label: blame\n   reason: A reason here.\n   phrases: ['  ']\n",
            "has no words",
        ),
    ],
)
def test_bad_rule_files_are_refused_with_a_clear_message(content: str, message: str) -> None:
    with pytest.raises(RuleFileError) as info:
        parse_rule_file(content, "bad.yaml")
    assert "bad.yaml" in str(info.value) and message in str(info.value)


def test_missing_files_are_reported(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="cannot read"):
        load_rule_file(tmp_path / "nope.yaml")
    with pytest.raises(RuleFileError, match="no built-in rule file"):
        load_builtin_rules("nope")


@pytest.mark.parametrize("name", ["condescension", "blame", "dismissive", "insults", "threats", "profanity"])
def test_builtin_rule_files_are_valid(name: str) -> None:
    assert load_builtin_rules(name).labels
