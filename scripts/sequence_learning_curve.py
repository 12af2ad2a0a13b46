"""Does more authored data help the sequence model? Retrain it on part of its training files and score the redactor.

For each fraction, a seeded random part of the sequence model's training files (``train_sequence_model.py``;
the held-out files stay out) trains a model into a temporary folder, and the redactor with that model is
scored on the held-out files, pooled, with their sites. The full fraction retrains on every training file,
which gives the shipped model when the lexicons are unchanged. Takes about ten minutes.

    .venv/bin/python scripts/sequence_learning_curve.py [--fractions 0.5 0.75 1.0] [--seed 5] [--threshold 0.6]

``--threshold`` sets the model's threshold (the shipped ``THRESHOLD``: 0.6) for the scoring.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

from bedside.text.redaction import Redactor
from bedside.text.redaction.evaluation import TypeScore, evaluate
from bedside.text.redaction.sequence import THRESHOLD, SequenceDetector

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate_redaction import AUTHORED, load_split, split_sites  # noqa: E402
from train_sequence_model import HELD_OUT, roster, train, training_files  # noqa: E402


def score(model: Path, staff: list[str], threshold: float) -> TypeScore:
    """Pooled counts of the redactor with ``model`` over the held-out files."""
    total = TypeScore()
    for split, path in AUTHORED.items():
        if path.name not in HELD_OUT:
            continue
        redactor = Redactor(staff_names=staff, site_names=split_sites(split), sequence=SequenceDetector(staff, model_path=str(model), threshold=threshold))
        overall = evaluate(redactor, load_split(split)).overall
        total.gold += overall.gold
        total.recalled += overall.recalled
        total.predicted += overall.predicted
        total.correct += overall.correct
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fractions", type=float, nargs="+", default=[0.5, 0.75, 1.0])
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    args = parser.parse_args()
    staff = roster()
    files = training_files()
    random.Random(args.seed).shuffle(files)
    print(f"held out: {', '.join(sorted(HELD_OUT))}")
    print(f"{'fraction':>8}{'files':>7}{'recall':>9}{'precision':>11}")
    with tempfile.TemporaryDirectory() as folder:
        for fraction in args.fractions:
            part = sorted(files[: round(len(files) * fraction)])
            model = Path(folder) / f"model-{fraction}.crfsuite"
            train(part, model, staff)
            result = score(model, staff, args.threshold)
            print(f"{fraction:>8.2f}{len(part):>7}{result.recall:>9.3f}{result.precision:>11.3f}", flush=True)


if __name__ == "__main__":
    main()
