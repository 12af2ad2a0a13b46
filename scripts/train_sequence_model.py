"""Train the redactor's sequence model (src/bedside/text/redaction/data/sequence-model.crfsuite).

A linear-chain CRF (python-crfsuite) over the features of ``bedside.text.redaction.sequence``, trained on
every authored file in tests/data/redaction/authored/ (free-form messages by helper authors, in
``[[TYPE|surface]]`` markup) except the files in ``HELD_OUT``: the held-out files never read, kept out so that the
shipped model can be measured on them (a file joins the training files once its errors have been read). Each token is labelled with the type of the gold span it lies in, or O.
The roster is tests/data/redaction/staff.csv, the one the authors were given.

Every message with a name or a town is also learned a second time with those surfaces swapped for others
(``augmented``): Census and world names, US towns and made-up syllable names (for capitalised words only), in
the case the author used.
The model then learns where names and places stand, not only what the authors' names look like (leave one
author out over six files, ag to al: recall 0.954 -> 0.956, precision 0.953 both).

Training is deterministic (same files, same parameters, seeded swaps: byte-identical model). It takes about
five minutes, and writes beside the model a record of its files and of the digest of every example it read
(``sequence-model.json``), which the tests compare with the current data and features.

    .venv/bin/python scripts/train_sequence_model.py
    .venv/bin/python scripts/train_sequence_model.py --leave-out holdout-2026-11r.txt --output /tmp/model.crfsuite
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pycrfsuite

from bedside.text.redaction.clinical_terms import us_places
from bedside.text.redaction.evaluation import load_marked
from bedside.text.redaction.lexicon import census_lexicon
from bedside.text.redaction.sequence import MODEL_FILE
from bedside.text.redaction.sequence_features import SequenceFeatures, Token

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "redaction"
AUTHORED = DATA / "authored"
OUTPUT = ROOT / "src" / "bedside" / "text" / "redaction" / MODEL_FILE
RECORD_FILE = "sequence-model.json"  # beside the model: its training files and the digest of what training read
# Held-out files never read, kept out of training so that the shipped model can be measured on them. A held-out
# file is measured, and once its errors have been read to write rules it measures nothing unseen any more, so it
# joins the training files: x to ba did so one round at a time up to 1.9.0; bb to cw (read for 1.10.0 to 1.13.3)
# joined for 1.14.0 (with the staff-talk model, which
# learns from the same files: on the 26 never-read files cx to dw, 9,189 identifiers, recall 0.966 -> 0.968 and precision
# 0.956 -> 0.961); cx to di, read for 1.14.1, joined for 1.14.1, dj to do for 1.14.2, dp to dw for 1.14.3, dx to ee
# for 1.14.4 and ef to em for 1.15.1. fl to fs, read for 1.15.2, join at the next retraining. Joining the never-read
# en to fk (24 files, +15% data) was tried in session 18 and measured on fl to fs and ft to ga: 53 -> 54 and 46 -> 48
# misses, 111 -> 112 and 100 -> 106 false alarms; the learned parts no longer gain from more of the same data.
HELD_OUT = frozenset(f"holdout-2026-11{suffix}.txt" for suffix in (
    "en", "eo", "ep", "eq", "er", "es", "et", "eu",
    "ev", "ew", "ex", "ey", "ez", "fa", "fb", "fc",
    "fd", "fe", "ff", "fg", "fh", "fi", "fj", "fk",
    "fl", "fm", "fn", "fo", "fp", "fq", "fr", "fs",
    "ft", "fu", "fv", "fw", "fx", "fy", "fz", "ga",
))
# Less regularisation than up to 1.13 (c1 0.1, c2 0.05) now that there is twice the data: trained without cr to cw
# and measured on them, recall 0.971 -> 0.973 at the same precision 0.969 (c1 0.2, c2 0.1: 0.969 / 0.970).
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


SEED = 11
_SWAPPABLE = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)?")  # one or two plain words ("Okafor", "chidi okafor", "Storm Lake")
_CONSONANTS = "b c d f g h j k l m n p r s t v w y z ch sh th kh".split()
_VOWELS = "a e i o u ai ou ei".split()
_ENDINGS = ["", "n", "r", "s", "k", "l", ""]


class SurfaceSwapper:
    """Swaps the names and towns of a gold message for others, keeping the author's case and the gold spans."""

    def __init__(self, seed: int = SEED) -> None:
        lex = census_lexicon()
        self._rng = random.Random(seed)
        self._firsts = sorted(lex.first_names, key=lambda w: (lex.first_names[w], w))[:3000]
        self._lasts = sorted(lex.last_names, key=lambda w: (lex.last_names[w], w))[:20000]
        self._world = sorted(lex.world)
        self._towns = sorted(p for p in us_places() if p.replace(" ", "").isalpha())

    def _made_up(self) -> str:
        rng = self._rng
        syllables = "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(rng.choice((2, 2, 3))))
        return syllables + rng.choice(_ENDINGS)

    def _name_word(self, lower: bool) -> str:
        """A surname, a first name, a world name or (for a capitalised original only) a made-up name."""
        draw = self._rng.random() * (0.8 if lower else 1.0)
        if draw < 0.35:
            return self._rng.choice(self._lasts)
        if draw < 0.6:
            return self._rng.choice(self._firsts)
        return self._rng.choice(self._world) if draw < 0.8 else self._made_up()

    def _swap(self, kind: str, surface: str) -> str:
        words = surface.split(" ")
        if kind == "PATIENT":
            return " ".join(self._case_like(w, self._name_word(w.islower())) for w in words)
        # A town: another listed town, or a made-up word before the original's last word ("Rockhouse Creek").
        if len(words) == 1 or self._rng.random() < 0.7:
            return self._case_like(words[0], self._rng.choice(self._towns))
        return " ".join([self._case_like(words[0], self._made_up()), *words[1:]])

    @staticmethod
    def _case_like(original: str, word: str) -> str:
        if original.isupper() and len(original) > 1:
            return word.upper()
        return word[:1].upper() + word[1:] if original[:1].isupper() else word.lower()

    def augmented(self, row: Mapping[str, Any]) -> dict[str, Any] | None:
        """A copy of ``row`` with each one- or two-word name and town swapped, or None when it has none."""
        text: str = row["text"]
        spans = sorted(row["spans"], key=lambda s: s["start"])
        if not any(s["type"] in ("PATIENT", "ADDRESS") for s in spans):
            return None
        pieces: list[str] = []
        new_spans: list[dict[str, Any]] = []
        position = length = 0
        for span in spans:
            before = text[position : span["start"]]
            pieces.append(before)
            length += len(before)
            surface = text[span["start"] : span["end"]]
            if span["type"] in ("PATIENT", "ADDRESS") and _SWAPPABLE.fullmatch(surface):
                surface = self._swap(span["type"], surface)
            pieces.append(surface)
            new_spans.append({"type": span["type"], "start": length, "end": length + len(surface)})
            length += len(surface)
            position = span["end"]
        pieces.append(text[position:])
        return {"text": "".join(pieces), "spans": new_spans}


def roster() -> list[str]:
    """The staff names the authors were given (never marked as identifiers)."""
    with (DATA / "staff.csv").open(encoding="utf-8", newline="") as handle:
        return [row["name"] for row in csv.DictReader(handle)]


def training_files(leave_out: Iterable[str] = ()) -> list[Path]:
    """The authored files the model learns from, in name order."""
    excluded = HELD_OUT | set(leave_out)
    return [p for p in sorted(AUTHORED.glob("*.txt")) if p.name not in excluded]


def token_labels(tokens: Sequence[Token], spans: Iterable[Mapping[str, Any]]) -> list[str]:
    """Each token's gold type (the first gold span it overlaps), or O."""
    spans = list(spans)
    return [
        next((s["type"] for s in spans if s["start"] < end and start < s["end"]), "O") for start, end, _ in tokens
    ]


def examples(files: Iterable[Path], staff: Sequence[str]) -> Iterator[tuple[list[list[str]], list[str]]]:
    """The (features, labels) sequences the CRF learns from, in order: each message, then its swapped copy."""
    features = SequenceFeatures(staff)
    swapper = SurfaceSwapper()
    for path in files:
        for row in load_marked(path):
            for example in (row, swapper.augmented(row)):
                if example is not None:
                    tokens, feats = features.sequence(example["text"])
                    yield feats, token_labels(tokens, example["spans"])


def inputs_digest(
    files: Iterable[Path], staff: Sequence[str], each: Callable[[list[list[str]], list[str]], object] | None = None
) -> tuple[str, int]:
    """The SHA-256 of everything training reads (each example's features and labels, and the parameters), and the
    number of examples; ``each`` is also handed every example. Training is deterministic, so the same digest gives
    the same model byte for byte."""
    digest = hashlib.sha256(json.dumps(PARAMS, sort_keys=True).encode())
    count = 0
    for feats, labels in examples(files, staff):
        digest.update(json.dumps([feats, labels]).encode())
        if each is not None:
            each(feats, labels)
        count += 1
    return digest.hexdigest(), count


def train(files: Iterable[Path], output: Path, staff: Sequence[str], params: Mapping[str, Any] = PARAMS) -> int:
    """Train on ``files`` and write the model to ``output``; returns the number of examples."""
    return _train(files, output, staff, params)[1]


def _train(files: Iterable[Path], output: Path, staff: Sequence[str], params: Mapping[str, Any]) -> tuple[str, int]:
    """Train and write the model; returns the digest of what was read (``inputs_digest``) and the number of examples."""
    trainer = pycrfsuite.Trainer(verbose=False)
    digest, count = inputs_digest(files, staff, trainer.append)
    trainer.set_params(dict(params))
    output.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(output))
    return digest, count


def record(files: Sequence[Path], output: Path, digest: str, count: int) -> dict[str, Any]:
    """What the model at ``output`` was trained from (``digest`` and ``count`` from ``inputs_digest``), written beside
    it (``RECORD_FILE``) so that a test can tell, without training for minutes, that the shipped model is what the
    current data and features give."""
    entry = {
        "files": [p.name for p in files],
        "examples": count,
        "inputs_sha256": digest,
        "model_sha256": hashlib.sha256(output.read_bytes()).hexdigest(),
    }
    output.with_name(RECORD_FILE).write_text(json.dumps(entry, indent=1) + "\n", encoding="utf-8")
    return entry


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leave-out", action="append", default=[], help="an authored file name to leave out (repeatable)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    files = training_files(args.leave_out)
    digest, count = _train(files, args.output, roster(), PARAMS)
    record(files, args.output, digest, count)
    print(f"trained on {count} examples from {len(files)} files -> {args.output} ({args.output.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
