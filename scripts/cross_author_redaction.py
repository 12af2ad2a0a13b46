"""Leave one author out: retrain the learned parts without an authored file, then score the redactor on that file.

Every authored file (``tests/data/redaction/authored/``) is the work of one author. For each file this
script trains the name scorer exactly as ``scripts/train_name_scorer.py`` does and the sequence model
exactly as ``scripts/train_sequence_model.py`` does, but without that file, and measures the whole
redactor on it (rules alone; rules and scorer; rules, scorer and sequence model). The learned parts are
then always judged on an author they never saw. The
rules were tuned on every seen file, so these figures are kinder than a true held-out measurement; they
are for comparing scorer designs, not for quoting as accuracy (the model card quotes held-out files).

    .venv/bin/python scripts/cross_author_redaction.py
    .venv/bin/python scripts/cross_author_redaction.py --only train-2026-11h.txt --show-errors
    .venv/bin/python scripts/cross_author_redaction.py --files holdout-2026-11r.txt holdout-2026-11s.txt
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import train_name_scorer as training  # noqa: E402
import train_sequence_model as sequence_training  # noqa: E402

from bedside.text.redaction import Redactor  # noqa: E402
from bedside.text.redaction.evaluation import evaluate, load_marked  # noqa: E402
from bedside.text.redaction.names import NameDetector  # noqa: E402
from bedside.text.redaction.scorer import NameScorer, load_scorer  # noqa: E402
from bedside.text.redaction.sequence import SequenceDetector  # noqa: E402


def redactor_with(scorer: NameScorer | None, roster: list[str], sequence_model: Path | None = None) -> Redactor:
    """A redactor whose name detector uses ``scorer`` (None: the rules alone) and the given sequence model (or none)."""
    sequence = SequenceDetector(roster, model_path=str(sequence_model)) if sequence_model else False
    redactor = Redactor(staff_names=roster, sequence=sequence)
    for detector in redactor.detectors:
        if isinstance(detector, NameDetector):
            detector._scorer = scorer
    return redactor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="one authored file name (default: every training file)")
    parser.add_argument("--files", nargs="+", help="authored file names to leave out in turn, scorer training or not")
    parser.add_argument("--show-errors", action="store_true", help="list the misses and false alarms")
    parser.add_argument("--precision", type=float, default=0.98, help="out-of-fold precision rule of the threshold")
    parser.add_argument("--c", type=float, default=0.5, help="inverse L2 regularisation strength")
    args = parser.parse_args()
    with (training.DATA / "staff.csv").open(encoding="utf-8", newline="") as handle:
        roster = [r["name"] for r in csv.DictReader(handle)]
    if args.files:
        files = [training.DATA / "authored" / name for name in args.files]
    else:
        files = [p for p in training.AUTHORED_TRAINING if args.only in (None, p.name)]
    print(f"{'left out':<26}{'names':>6}{'rules R':>9}{'scorer R':>9}{'R':>7}{'P':>7}{'names R':>9}{'names P':>9}")
    totals = [0, 0, 0, 0, 0, 0]
    model = Path(tempfile.mkdtemp()) / "sequence.crfsuite"
    for left_out in files:
        if left_out in training.AUTHORED_TRAINING:
            kept = tuple(p for p in training.AUTHORED_TRAINING if p != left_out)
            X_dicts, y, groups, _ = training.training_rows(kept)
            fitted = training.fit_scorer(X_dicts, y, groups, c=args.c, precision=args.precision, verbose=False)
            scorer = NameScorer(fitted["weights"], fitted["bias"], fitted["threshold"])  # type: ignore[arg-type]
        else:  # the shipped scorer never saw this file
            scorer = load_scorer()
        sequence_training.train(sequence_training.training_files([left_out.name]), model, roster)
        rows = load_marked(left_out)
        rules = evaluate(redactor_with(None, roster), rows).per_type.get("PATIENT")
        scored = evaluate(redactor_with(scorer, roster), rows).overall
        report = evaluate(redactor_with(scorer, roster, model), rows)
        names = report.per_type["PATIENT"]
        print(f"{left_out.name:<26}{names.gold:>6}{rules.recall if rules else 0:>9.3f}{scored.recall:>9.3f}"
              f"{report.overall.recall:>7.3f}"
              f"{report.overall.precision:>7.3f}{names.recall:>9.3f}{names.precision:>9.3f}")
        totals = [a + b for a, b in zip(totals, (report.overall.gold, report.overall.recalled, report.overall.predicted,
                                                 report.overall.correct, names.gold, names.recalled), strict=True)]
        if args.show_errors:
            for miss in report.misses:
                print(f"  MISS  {miss['type']:<8} {miss['surface']!r:<28} {miss['text']}")
            for alarm in report.false_alarms:
                print(f"  FALSE {alarm['type']:<8} {alarm['surface']!r:<28} {alarm['text']}")
    gold, recalled, predicted, correct, n_gold, n_recalled = totals
    print(f"{'pooled':<26}{n_gold:>6}{'':>18}{recalled / gold:>7.3f}{correct / max(1, predicted):>7.3f}{n_recalled / n_gold:>9.3f}")


if __name__ == "__main__":
    main()
