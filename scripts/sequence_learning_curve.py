"""How the redactor gains with more training authors: the sequence model trained on k of its training files.

For each k, random subsets of the sequence model's training files (``train_sequence_model.training_files``)
train a model; the whole redactor (rules, name scorer, that model) is then scored on the files held out of
the sequence model (``train_sequence_model.HELD_OUT``; aa, ab and ac when the model card's table was made).

    .venv/bin/python scripts/sequence_learning_curve.py
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_sequence_model as training  # noqa: E402

from bedside.text.redaction import Redactor  # noqa: E402
from bedside.text.redaction.evaluation import evaluate, load_marked  # noqa: E402
from bedside.text.redaction.sequence import SequenceDetector  # noqa: E402

HELD_OUT = sorted(training.HELD_OUT)


def main() -> None:
    roster = training.roster()
    files = training.training_files()
    rows = [row for name in HELD_OUT for row in load_marked(training.AUTHORED / name)]
    model = Path(tempfile.mkdtemp()) / "sequence.crfsuite"
    print(f"scored on {', '.join(HELD_OUT)} ({len(rows)} messages)")
    for k in (6, 12, 18, len(files)):
        for seed in (1, 2) if k < len(files) else (1,):
            training.train(random.Random(seed).sample(files, k), model, roster)
            redactor = Redactor(staff_names=roster, sequence=SequenceDetector(roster, model_path=str(model)))
            report = evaluate(redactor, rows)
            names = report.per_type["PATIENT"]
            print(f"{k:>3} files (seed {seed}): recall {report.overall.recall:.3f}  precision "
                  f"{report.overall.precision:.3f}  names {names.recall:.3f} / {names.precision:.3f}", flush=True)


if __name__ == "__main__":
    main()
