"""The context model: its numpy convolutions, what it was trained on, and the evidence it gives."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from bedside.text.redaction import Redactor
from bedside.text.redaction.context_model import WORD_PREFIX, ContextModel, _convolve
from bedside.text.redaction.evaluation import load_marked
from bedside.text.redaction.sequence import SequenceDetector
from bedside.text.redaction.sequence_features import tokenize

ROOT = Path(__file__).resolve().parents[2]
AUTHORED = ROOT / "tests" / "data" / "redaction" / "authored"
sys.path.insert(0, str(ROOT / "scripts"))
from train_sequence_model import HELD_OUT  # noqa: E402 - the never-read files, kept out of training


@pytest.fixture(scope="module")
def model() -> ContextModel:
    return ContextModel()


@pytest.mark.parametrize("length", [1, 2, 3, 9])
@pytest.mark.parametrize("dilation", [1, 2, 4])
def test_convolution_reads_the_tokens_dilation_apart(length: int, dilation: int) -> None:
    rng = np.random.default_rng(length * 10 + dilation)
    x = rng.normal(size=(length, 5)).astype(np.float32)
    taps = rng.normal(size=(3, 5, 4)).astype(np.float32)  # taps[k] reads the token (k - 1) * dilation away
    expected = np.zeros((length, 4), dtype=np.float32)
    for t in range(length):
        for k in range(3):
            source = t + (k - 1) * dilation
            if 0 <= source < length:
                expected[t] += x[source] @ taps[k]
    side_by_side = np.concatenate(list(taps), axis=1)
    assert np.allclose(_convolve(x, side_by_side, dilation), expected, atol=1e-5)


def test_probabilities_are_a_distribution_for_each_token(model: ContextModel) -> None:
    vectors = [model.vector(["cap", WORD_PREFIX + "pt"]), model.vector([]), model.vector(["sh=Xx", "unknown feature"])]
    probs = model.probabilities(vectors)
    assert probs.shape == (3, len(model.labels))
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert {"O", "PATIENT", "ADDRESS", "DATE"} <= set(model.labels)


def test_trained_only_on_files_already_read() -> None:
    with np.load(ROOT / "src" / "bedside" / "text" / "redaction" / "data" / "context-model.npz") as data:
        files = {str(f) for f in data["training_files"]}
        words = {str(f).removeprefix(WORD_PREFIX) for f in data["vocabulary"] if str(f).startswith(WORD_PREFIX)}
    assert files and not files & HELD_OUT
    assert files <= {p.name for p in AUTHORED.glob("*.txt")}
    # No word that was ever part of a marked name or town is a feature: the model cannot have learnt the authors' names.
    name_words = {
        word.lower()
        for name in sorted(files)
        for row in load_marked(AUTHORED / name)
        for span in row["spans"] if span["type"] in ("PATIENT", "ADDRESS")
        for _, _, word in tokenize(row["text"][span["start"] : span["end"]])
    }
    assert len(words) > 1000
    assert not words & name_words


def test_weighed_is_the_drop_without_each_word(model: ContextModel) -> None:
    detector = SequenceDetector()
    toks = tokenize("pt's daughter Keisha Wray called, wants update")
    vectors = [detector._context_vector(w) for _, _, w in toks]
    column = model.labels.index("PATIENT")
    base = model.probabilities(vectors)[[2, 3], column].mean()
    weighed = dict(model.weighed(vectors, [2, 3], "PATIENT"))
    assert weighed
    for index, drop in weighed.items():
        without = [np.zeros_like(v) if i == index else v for i, v in enumerate(vectors)]
        assert drop == pytest.approx(base - model.probabilities(without)[[2, 3], column].mean(), abs=1e-5)


def test_findings_name_the_words_that_weighed() -> None:
    redactor = Redactor()
    text = "pt lives up Rockhouse Creek past the church"
    spans = [s for s in redactor.redact(text).spans if s.detector == "sequence-model"]
    assert spans
    assert "context model" in spans[0].reason and "words that weighed most '" in spans[0].reason, spans[0].reason
