"""Score an earlier version of the redactor on today's annotated data: how each held-out figure reproduces.

The redaction model card quotes every held-out file as it was measured once, on the version of that moment,
and quotes 1.3.0 on the same files. This script checks out that version's code into a temporary git
worktree, runs its own ``Redactor`` and ``evaluate`` on a split read from the current data files (the
``[[TYPE|surface]]`` files are converted to JSONL, which every version reads), and prints the figures.

    .venv/bin/python scripts/compare_redactor_versions.py --rev ec7039f --split holdout-g   # 1.3.0
    .venv/bin/python scripts/compare_redactor_versions.py --rev 7fcd462 --split holdout-f   # end of round 4
    .venv/bin/python scripts/compare_redactor_versions.py --rev 7d0689e --split holdout-av  # with the authors' sites

Since 1.8.0 a split whose authors were given the hospital's sites (authored/sites.csv) is scored with them;
``--no-sites`` scores it without, and versions before 1.8.0 always run without.

The revisions of each single measurement are listed in docs/model-cards/redaction.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import evaluate_redaction  # noqa: E402

_RUN = """
import csv, json, sys
from pathlib import Path
from bedside.text.redaction import Redactor
from bedside.text.redaction.evaluation import evaluate, load_gold
import bedside.text.redaction.redactor as version
staff = [row["name"] for row in csv.DictReader(open(sys.argv[2], encoding="utf-8"))]
sites = json.loads(sys.argv[3])
try:
    redactor, used = Redactor(staff_names=staff, site_names=sites), len(sites)
except TypeError:  # before 1.8.0 there were no sites
    redactor, used = Redactor(staff_names=staff), 0
report = evaluate(redactor, load_gold(Path(sys.argv[1])))
print(json.dumps({"version": version.REDACTOR_VERSION, "sites": used, **report.to_dict()}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", required=True, help="a git revision of this repository (commit, tag or branch)")
    parser.add_argument("--split", required=True, choices=[*evaluate_redaction.SPLITS, *evaluate_redaction.HELD_OUT])
    parser.add_argument("--no-sites", action="store_true", help="ignore the hospital sites the authors were given")
    args = parser.parse_args()
    rows = evaluate_redaction.load_split(args.split)
    sites = evaluate_redaction.split_sites(args.split, args.no_sites)
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(tree), args.rev], check=True)
        try:
            gold = Path(folder) / "gold.jsonl"
            gold.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
            env = {**os.environ, "PYTHONPATH": str(tree / "src")}
            staff = evaluate_redaction.DATA / "staff.csv"
            out = subprocess.run(
                [sys.executable, "-c", _RUN, str(gold), str(staff), json.dumps(sites)], check=True, capture_output=True, text=True, env=env, cwd=folder
            )
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)
    report = json.loads(out.stdout.strip().splitlines()[-1])
    overall, patient = report["overall"], report["per_type"].get("PATIENT", {})
    with_sites = f", {report['sites']} sites" if report["sites"] else ""
    print(f"{args.split} with {args.rev} (redactor {report['version']}{with_sites}): {report['messages']} messages")
    print(f"  overall recall {overall['recall']:.3f} precision {overall['precision']:.3f}")
    if patient:
        print(f"  PATIENT recall {patient['recall']:.3f} precision {patient['precision']:.3f}")


if __name__ == "__main__":
    main()
