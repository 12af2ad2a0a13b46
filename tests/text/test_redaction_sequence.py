"""The learned sequence model: what it adds after the rules, what it never proposes, and how it is built."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from bedside.text.redaction import Redactor
from bedside.text.redaction.sequence import MODEL_FILE, SequenceDetector
from bedside.text.redaction.sequence_features import SequenceFeatures, tokenize

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import train_sequence_model as training  # noqa: E402 - the training script is tested as it runs

ROSTER = ["Ana Diaz", "Grace Kim", "Will Turner", "Marcus Bell", "Nora Lindgren"]


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor(staff_names=ROSTER)


def _found(redactor: Redactor, text: str) -> list[tuple[str, str, str]]:
    return [(s.type, text[s.start : s.end], s.detector) for s in redactor.redact(text).spans]


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("ob triage: G2P1 @ 37+2, lives 45 min out up Rockhouse Creek so keeping her", "Rockhouse Creek", "ADDRESS"),
        ("Lonnie from up Caney Fork back in ED, 3rd time this month, BiPAP started", "Caney Fork", "ADDRESS"),
        ("Mr. Lindahl lives right by Como Lake, used to walk around it daily - goal for PT", "Como Lake", "ADDRESS"),
    ],
)
def test_finds_what_the_rules_leave(redactor: Redactor, text: str, surface: str, kind: str) -> None:
    rules_only = Redactor(staff_names=ROSTER, sequence=False)
    assert not any(text[s.start : s.end] == surface for s in rules_only.redact(text).spans)
    found = _found(redactor, text)
    assert any(k == kind and surface in s and d == "sequence-model" for k, s, d in found), found


def test_every_finding_names_its_evidence(redactor: Redactor) -> None:
    text = "pt lives up Rockhouse Creek past the church"
    spans = [s for s in redactor.redact(text).spans if s.detector == "sequence-model"]
    assert spans
    assert re.match(r"sequence model: p=[01]\.\d\d for ADDRESS", spans[0].reason), spans[0].reason
    assert "strongest features" in spans[0].reason


@pytest.mark.parametrize(
    "text",
    [
        "Temp 101 F, HR 110, fever to 104 F overnight",
        "staff mtg 11/12 at 1330 3rd fl conf rm, mandatory for all RNs",
        "got a call from Linda in pharmacy about the heparin",
        "Grace can u check 12, Will is on break",
        "Moon boot stays on for ambulation per ortho",
        "Genesis pump in 30 alarming, biomed called",
        "S: 19M, pneumonia B: obesity R: monitor for withdarwal, CIWA q4h",
        "Ok - place a foley and strict I&Os. Will do.",
        "med rec: pt takes herbal tea from Yemen, pharm to review interactions",
        "pyxis down, IT ticket 7731902, CK 12000 in 14",
        "PICU 4 sats 91-93 on 2L NC, RR 38",
    ],
)
def test_never_proposes(text: str) -> None:
    detector = SequenceDetector(ROSTER)
    assert detector.detect(text) == []


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("Transport: pt going home by ferry to Bainbridge, pls d/c by 1300", "Bainbridge", "ADDRESS"),
        ("dose for bed 404 (Mr. Smith powers), DOB 3/4/1950", "powers", "PATIENT"),
    ],
)
def test_reviews_the_rules_findings(redactor: Redactor, text: str, surface: str, kind: str) -> None:
    assert (kind, surface) in [(k, s) for k, s, _ in _found(redactor, text)]


@pytest.mark.parametrize(
    "text",
    [
        "2 pts in WR w/ chest pain, EKGs done <10 min",
        "pls bring commode to 15",
        "la señora en la 4: su hija dice que él vive solo en un rancho",
    ],
)
def test_drops_rule_names_it_is_sure_of(redactor: Redactor, text: str) -> None:
    assert Redactor(staff_names=ROSTER, sequence=False).redact(text).spans  # the rules alone take a word
    assert not [s for s in redactor.redact(text).spans if s.type == "PATIENT"]


def test_employers_stay_names(redactor: Redactor) -> None:
    text = "case mgmt: pt's employer Gulf Coast Drilling Services is paying workers comp"
    assert ("PATIENT", "Gulf Coast Drilling Services") in [(k, s) for k, s, _ in _found(redactor, text)]


def test_rules_decide_first_and_neighbours_join(redactor: Redactor) -> None:
    text = "Mrs Romero refusing her 10:00 insulin, glucose 436"
    spans = redactor.redact(text).spans
    names = [text[s.start : s.end] for s in spans if s.type == "PATIENT"]
    assert len(names) == 1 and "Romero" in names[0]
    explicit = Redactor(staff_names=ROSTER, detectors=[])
    assert explicit.sequence is None
    assert explicit.redact("lives up Rockhouse Creek").spans == []


def test_features_ignore_the_word_itself_but_see_its_neighbours() -> None:
    features = SequenceFeatures(ROSTER)
    tokens, feats = features.sequence("daughter Okafor in 12")
    assert [t[2] for t in tokens] == ["daughter", "Okafor", "in", "12"]
    assert not any(f.startswith("w=") for f in feats[1])
    assert "-1:w=daughter" in feats[1] and "1:w=in" in feats[1]
    assert "roster" in features.sequence("Grace")[1][0]
    assert [t[2] for t in tokenize("Mrs. O'Neil, 4/5")] == ["Mrs", ".", "O'Neil", ",", "4", "/", "5"]


def test_threads_share_one_redactor(redactor: Redactor) -> None:
    texts = [f"pt lives up Rockhouse Creek, bed {i}" for i in range(40)]
    expected = [redactor.redact_text(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(redactor.redact_text, texts)) == expected


def test_shipped_model_was_trained_on_what_the_data_and_features_give_now() -> None:
    """Training is deterministic (next test), so a model whose recorded inputs digest equals the digest of the
    current training files' features is the model training would give now: a stale model (lexicon or feature
    changed, file added) fails here, without the five minutes of training."""
    shipped = ROOT / "src" / "bedside" / "text" / "redaction" / MODEL_FILE
    record = json.loads(shipped.with_name(training.RECORD_FILE).read_text(encoding="utf-8"))
    files = training.training_files()
    assert record["files"] == [p.name for p in files]
    assert not set(record["files"]) & training.HELD_OUT
    assert training.inputs_digest(files, training.roster()) == (record["inputs_sha256"], record["examples"])
    assert hashlib.sha256(shipped.read_bytes()).hexdigest() == record["model_sha256"]


def test_training_is_deterministic_and_learns(tmp_path: Path) -> None:
    files = training.training_files()[:1]
    params = {**training.PARAMS, "max_iterations": 40}
    first, second = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    assert training.train(files, first, training.roster(), params) == training.train(files, second, training.roster(), params) > 100
    assert first.read_bytes() == second.read_bytes()
    detector = SequenceDetector(training.roster(), model_path=str(first), context=False)
    text = "pt Haskins in 12 c/o chest pain, daughter Marisol at bedside"
    assert "PATIENT" in {c.type for c in detector.detect(text)}


class _GatedCRF(SequenceDetector):
    """The shipped detector, counting the reads where its gate leaves the CRF out."""

    skipped = 0

    def _crf_could_matter(self, *args: Any) -> bool:
        matters = super()._crf_could_matter(*args)
        self.skipped += not matters
        return matters


class _AlwaysCRF(SequenceDetector):
    """The detector with the gate open: the CRF reads every message, as before 1.15.1's speed work."""

    def _crf_could_matter(self, *args: Any) -> bool:
        return True


def test_the_crf_is_skipped_only_where_it_could_change_nothing() -> None:
    texts = [
        json.loads(line)["text"]
        for part in ("test", "dev")
        for line in (ROOT / "tests" / "data" / "redaction" / f"{part}.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    gated = _GatedCRF(ROSTER)
    with_gate, without = Redactor(ROSTER, sequence=gated), Redactor(ROSTER, sequence=_AlwaysCRF(ROSTER))
    assert [with_gate.redact(text) for text in texts] == [without.redact(text) for text in texts]
    assert gated.skipped > len(texts) // 2  # and it is left out often (both passes of most messages)
