"""How far careful reading gets: three readers' marks, the authors' marks and the redactor's on the same messages.

300 messages (50 from each of the held-out files cr to cw, 351 identifiers marked by their authors) were given
without their markup to three helper readers, with the authors' brief (markup table, staff roster, each hospital's
sites; tests/data/redaction/agreement/TASK.md). Each marked them by judgement, with no detector. This script scores
every pair (reference, other) the way ``evaluation.evaluate`` scores the redactor: a reference span counts as found
when a span of a compatible type overlaps it. The readers are the same kind of model as the authors, so their
agreement with the authors is an upper bound on what reading the text can settle, not the agreement of independent
people.

    .venv/bin/python scripts/reader_agreement.py
    PYTHONPATH=/tmp/w/v1132/src .venv/bin/python scripts/reader_agreement.py  # an older redactor (a git worktree)
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from bedside.text.redaction import Redactor
from bedside.text.redaction.evaluation import compatible, load_marked
from bedside.text.redaction.redactor import REDACTOR_VERSION

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate_redaction import DATA, split_sites, staff_names  # noqa: E402

AGREEMENT = DATA / "agreement"
AUTHORED_DIR = DATA / "authored"
READERS = ("a", "b", "c")
Spans = list[list[tuple[str, int, int]]]


def sample() -> list[dict[str, object]]:
    """The 300 sampled rows of the authored files, in the order the readers saw them."""
    with (AGREEMENT / "sample.csv").open(encoding="utf-8", newline="") as handle:
        picked = list(csv.DictReader(handle))
    by_id = {row["id"]: row for name in sorted({p["file"] for p in picked}) for row in load_marked(AUTHORED_DIR / name)}
    return [{**by_id[p["id"]], "file": p["file"]} for p in picked]


def reader_spans(reader: str, rows: list[dict[str, object]]) -> Spans:
    """A reader's marks, checked to be on exactly the sampled texts."""
    marked = load_marked(AGREEMENT / f"marked-{reader}.txt")
    if [m["text"] for m in marked] != [r["text"] for r in rows]:
        raise SystemExit(f"marked-{reader}.txt does not hold the sampled messages")
    return [[(s["type"], s["start"], s["end"]) for s in m["spans"]] for m in marked]


def redactor_spans(rows: list[dict[str, object]]) -> Spans:
    """The installed redactor's spans, with each file's roster and sites as in ``evaluate_redaction.py``."""
    roster = staff_names(DATA / "staff.csv")
    redactors: dict[str, Redactor] = {}
    out: Spans = []
    for row in rows:
        name = str(row["file"])
        split = "holdout-" + name.removeprefix("holdout-2026-11").removesuffix(".txt")
        redactor = redactors.setdefault(name, Redactor(staff_names=roster, site_names=split_sites(split)))
        out.append([(s.type, s.start, s.end) for s in redactor.redact(str(row["text"])).spans])
    return out


def score(reference: Spans, other: Spans) -> tuple[float, float, int, int]:
    """Recall of ``other`` on ``reference``, its precision, and the two span counts."""
    found = correct = 0
    n_ref = sum(map(len, reference))
    n_other = sum(map(len, other))
    for ref, oth in zip(reference, other, strict=True):
        found += sum(any(compatible(t, u) and x < b and a < y for u, x, y in oth) for t, a, b in ref)
        correct += sum(any(compatible(t, u) and x < b and a < y for t, a, b in ref) for u, x, y in oth)
    return found / max(1, n_ref), correct / max(1, n_other), n_ref, n_other


def main() -> None:
    rows = sample()
    marks: dict[str, Spans] = {"authors": [[(s["type"], s["start"], s["end"]) for s in row["spans"]] for row in rows]}  # type: ignore[attr-defined]
    marks.update({f"reader {r}": reader_spans(r, rows) for r in READERS})
    marks[f"redactor {REDACTOR_VERSION}"] = redactor_spans(rows)
    print(f"{len(rows)} messages; recall and precision of each row's marks against the column's")
    print(f"{'':<18}" + "".join(f"{name:>20}" for name in marks))
    for other, spans in marks.items():
        cells = []
        for reference, ref_spans in marks.items():
            if reference == other:
                cells.append(f"{'-':>20}")
            else:
                recall, precision, _, _ = score(ref_spans, spans)
                cells.append(f"{recall:>11.3f} / {precision:.3f}")
        print(f"{other:<18}" + "".join(cells))


if __name__ == "__main__":
    main()
