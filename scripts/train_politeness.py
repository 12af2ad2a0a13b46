"""Train the politeness model shipped in bedside/rapport/data/politeness-model.json.

Data: the Stanford Politeness Corpus, Wikipedia requests, training part (../shared/data/politeness,
see its SOURCE.md). Danescu-Niculescu-Mizil, Sudhof, Jurafsky, Leskovec, Potts, "A computational
approach to politeness with application to social factors", ACL 2013. Texts CC BY-SA (Wikipedia),
repository Apache-2.0.

Task (the paper's): top quartile (Normalized Score >= 0.514) = polite, bottom quartile (<= -0.443) =
impolite, middle half left out. Features: Bedside's detector labels (the politeness strategies and
conduct detectors), function words and shape features (bedside.rapport.model.features). Model: L2
logistic regression. Reports 10-fold stratified cross-validated accuracy for the shipped feature set
and for comparison feature sets, plus a within-corpus generalisation proxy: train on requests without
Wikipedia jargon, test on requests with it. Then fits on all binary examples and writes the weights.

    .venv/bin/python scripts/train_politeness.py            # report and write the model
    .venv/bin/python scripts/train_politeness.py --no-write # report only
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score

from bedside.rapport.model import MODEL_FILE, PolitenessModel, features
from bedside.rapport.pipeline import ToneAnalyzer, prepare
from bedside.rapport.registry import load_detectors

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "politeness" / "wikipedia.train.csv"
OUT = ROOT / "src" / "bedside" / "rapport" / "data" / MODEL_FILE
TOP, BOTTOM = 0.514, -0.443
JARGON = re.compile(
    r"\b(?:article|articles|edit|edits|editing|editor|page|pages|wiki|wikipedia|admin|administrator|talk|"
    r"template|deletion|delete|deleted|afd|userpage|user|vandal|vandalism|revert|reverted|source|sources|"
    r"image|images|<url>)\b",
    re.IGNORECASE,
)
VERSION = "1.0"


def load(path: Path) -> tuple[list[str], np.ndarray]:
    texts: list[str] = []
    labels: list[int] = []
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            score = float(row["Normalized Score"])
            if score >= TOP:
                texts.append(row["Request"])
                labels.append(1)
            elif score <= BOTTOM:
                texts.append(row["Request"])
                labels.append(0)
    return texts, np.array(labels)


def builtin_analyzer() -> ToneAnalyzer:
    """The built-in detectors only (no plug-ins), with a placeholder model: only evidence is needed."""
    return ToneAnalyzer(
        [item.detector for item in load_detectors(include_plugins=False)], PolitenessModel("none", "0", 0.0, {})
    )


def feature_dicts(texts: list[str], keep: str) -> list[dict[str, float]]:
    analyzer = builtin_analyzer()
    rows = []
    for text in texts:
        prepared, context = prepare(text)
        active = features(prepared, analyzer.evidence(prepared, context))
        if keep == "strategies":
            active = {f for f in active if f.startswith("s:")}
        elif keep == "bow":
            active = {"b:" + w for w in prepared.word_set}
        elif keep == "bow+shipped":
            active |= {"b:" + w for w in prepared.word_set}
        rows.append(dict.fromkeys(active, 1.0))
    return rows


def cv_accuracy(rows: list[dict[str, float]], y: np.ndarray, c: float) -> tuple[float, float]:
    x = DictVectorizer().fit_transform(rows)
    folds = StratifiedKFold(n_splits=10, shuffle=True, random_state=13)
    scores = cross_val_score(LogisticRegression(C=c, max_iter=2000), x, y, cv=folds, n_jobs=1)
    return float(scores.mean()), float(scores.std())


def jargon_proxy(texts: list[str], rows: list[dict[str, float]], y: np.ndarray, c: float) -> tuple[float, int, int]:
    """Train on requests without Wikipedia jargon, test on requests with it (a topic-shift proxy)."""
    has = np.array([bool(JARGON.search(t)) for t in texts])
    vec = DictVectorizer()
    x_train = vec.fit_transform([r for r, h in zip(rows, has, strict=True) if not h])
    x_test = vec.transform([r for r, h in zip(rows, has, strict=True) if h])
    model = LogisticRegression(C=c, max_iter=2000).fit(x_train, y[~has])
    return float((model.predict(x_test) == y[has]).mean()), int((~has).sum()), int(has.sum())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--c", type=float, default=0.3, help="inverse L2 regularisation strength of the shipped model")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--compare", action="store_true", help="also score comparison feature sets and C values")
    args = parser.parse_args()

    started = time.perf_counter()
    texts, y = load(args.data)
    print(f"{len(texts)} binary examples ({int(y.sum())} polite, {int((1 - y).sum())} impolite) from {args.data.name}")
    shipped = feature_dicts(texts, "shipped")
    results: dict[str, object] = {}
    mean, std = cv_accuracy(shipped, y, args.c)
    proxy, n_train, n_test = jargon_proxy(texts, shipped, y, args.c)
    print(f"shipped features, C={args.c}: 10-fold CV accuracy {mean:.3f} ± {std:.3f}; jargon-shift proxy {proxy:.3f}")
    results["cv_accuracy"] = round(mean, 4)
    results["cv_std"] = round(std, 4)
    results["jargon_shift_accuracy"] = round(proxy, 4)
    if args.compare:
        for keep in ("strategies", "bow", "bow+shipped"):
            rows = feature_dicts(texts, keep)
            m, s = cv_accuracy(rows, y, args.c)
            p, _, _ = jargon_proxy(texts, rows, y, args.c)
            print(f"  {keep:12s} C={args.c}: CV {m:.3f} ± {s:.3f}; jargon-shift proxy {p:.3f}")
        for c in (0.03, 0.1, 1.0, 3.0):
            m, s = cv_accuracy(shipped, y, c)
            p, _, _ = jargon_proxy(texts, shipped, y, c)
            print(f"  shipped      C={c}: CV {m:.3f} ± {s:.3f}; jargon-shift proxy {p:.3f}")

    vec = DictVectorizer()
    x = vec.fit_transform(shipped)
    final = LogisticRegression(C=args.c, max_iter=2000).fit(x, y)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), final.coef_[0], strict=True)
        if abs(w) >= 1e-3
    }
    model = PolitenessModel(
        name="politeness-logreg",
        version=VERSION,
        intercept=round(float(final.intercept_[0]), 4),
        weights=weights,
        metadata={
            "attribution": (
                "Weights learned from the Stanford Politeness Corpus (Wikipedia requests, training part): "
                "Danescu-Niculescu-Mizil, Sudhof, Jurafsky, Leskovec, Potts, 'A computational approach to "
                "politeness with application to social factors', ACL 2013. Texts CC BY-SA (Wikipedia); "
                "repository sudhof/politeness Apache-2.0. This file holds only learned weights, no texts."
            ),
            "licence": "CC BY-SA 3.0 (derived from the corpus texts)",
            "training": {
                "data": "wikipedia.train.csv (3,482 requests; top vs bottom quartile, thresholds 0.514 / -0.443)",
                "examples": len(texts),
                "model": f"L2 logistic regression, C={args.c}",
                "command": "python scripts/train_politeness.py",
                **results,
            },
        },
    )
    print(f"{len(weights)} non-zero weights; took {time.perf_counter() - started:.1f}s")
    top = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:15]
    print("largest weights:", ", ".join(f"{k} {v:+.2f}" for k, v in top))
    if not args.no_write:
        OUT.write_text(json.dumps(model.to_dict(), indent=1, sort_keys=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
