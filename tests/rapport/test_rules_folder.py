"""An educator's folder of YAML rules (BEDSIDE_RULES_DIR) is loaded by the analyzer and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bedside.cli import app
from bedside.rapport import default_analyzer
from bedside.rapport.registry import DetectorLoadError, load_detectors
from bedside.rapport.rules import RuleFileError

RULE = """\
detector: handoff_slang
version: "0.1"
description: Slang our educators want flagged in handoffs.
rules:
  - label: slang
    category: professionalism
    severity: low
    reason: Uses slang that can read as dismissive of the patient.
    phrases: ["frequent flyer"]
"""


def test_rule_folder_adds_a_detector_that_finds_its_phrase(tmp_path: Path) -> None:
    (tmp_path / "slang.yaml").write_text(RULE)
    names = [d.detector.name for d in load_detectors(include_plugins=False, rules_dir=tmp_path)]
    assert names[-1] == "handoff_slang"
    analysis = default_analyzer(tmp_path).analyze("Bed 4 is a frequent flyer, admit again.")
    slang = [f for f in analysis.findings if f.label == "slang"]
    assert slang and slang[0].text.lower() == "frequent flyer" and slang[0].detector == "handoff_slang"
    assert not [f for f in default_analyzer().analyze("Bed 4 is a frequent flyer.").findings if f.label == "slang"]


def test_broken_or_missing_rule_folder_is_refused_with_its_name(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("detector: x\nrules: []\n")
    with pytest.raises(RuleFileError, match="bad.yaml"):
        load_detectors(include_plugins=False, rules_dir=tmp_path)
    with pytest.raises(DetectorLoadError, match="does not exist"):
        load_detectors(include_plugins=False, rules_dir=tmp_path / "missing")


def test_cli_uses_the_rules_dir_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "slang.yaml").write_text(RULE)
    monkeypatch.setenv("BEDSIDE_RULES_DIR", str(tmp_path))
    runner = CliRunner()
    listed = runner.invoke(app, ["detectors", "list"])
    assert listed.exit_code == 0 and "handoff_slang" in listed.output
    checked = runner.invoke(app, ["tone", "--json", "Bed 4 is a frequent flyer."])
    assert checked.exit_code == 0 and '"slang"' in checked.output
