"""Measure the redactor on the annotated test set: recall and precision per identifier type and overall.

    .venv/bin/python scripts/evaluate_redaction.py              # dev and test parts
    .venv/bin/python scripts/evaluate_redaction.py --split test --show-errors

Span-level: a predicted span counts when it overlaps a gold span of a compatible type (MRN~ID,
DATE~DOB, PHONE~FAX); character recall is the share of gold characters covered by any placeholder.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from bedside.text.redaction import Redactor
from bedside.text.redaction.evaluation import EvaluationReport, evaluate, load_gold

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "redaction"


def staff_names(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["name"] for row in csv.DictReader(handle)]


def print_report(split: str, report: EvaluationReport, show_errors: bool) -> None:
    overall = report.overall
    print(f"\n== {split}: {report.messages} messages, {overall.gold} gold spans, {overall.predicted} predicted ==")
    print(f"{'type':<10}{'gold':>6}{'pred':>6}{'recall':>9}{'precision':>11}")
    for kind, score in sorted(report.per_type.items()):
        print(f"{kind:<10}{score.gold:>6}{score.predicted:>6}{score.recall:>9.3f}{score.precision:>11.3f}")
    print(f"{'OVERALL':<10}{overall.gold:>6}{overall.predicted:>6}{overall.recall:>9.3f}{overall.precision:>11.3f}")
    print(f"character-level recall: {report.char_recall:.4f}")
    if show_errors:
        for miss in report.misses:
            print(f"  MISS  {miss['type']:<8} {miss['surface']!r:<28} {miss['id']}: {miss['text']}")
        for alarm in report.false_alarms:
            print(f"  FALSE {alarm['type']:<8} {alarm['surface']!r:<28} {alarm['id']}: {alarm['text']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "both"], default="both")
    parser.add_argument("--show-errors", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of tables")
    args = parser.parse_args()
    redactor = Redactor(staff_names=staff_names(DATA / "staff.csv"))
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    results = {split: evaluate(redactor, load_gold(DATA / f"{split}.jsonl")) for split in splits}
    if args.json:
        print(json.dumps({split: report.to_dict() for split, report in results.items()}, indent=2))
        return
    for split, report in results.items():
        print_report(split, report, args.show_errors)


if __name__ == "__main__":
    main()
