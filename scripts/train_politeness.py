"""Train the politeness model shipped in bedside/rapport/data/politeness-model.json.

Data: the Stanford Politeness Corpus, Wikipedia requests, training part (../shared/data/politeness,
see its SOURCE.md). Danescu-Niculescu-Mizil, Sudhof, Jurafsky, Leskovec, Potts, "A computational
approach to politeness with application to social factors", ACL 2013. Texts CC BY-SA (Wikipedia),
repository Apache-2.0.

Task (the paper's): top quartile (Normalized Score >= 0.514) = polite, bottom quartile (<= -0.443) =
impolite, middle half left out. Features: Bedside's detector labels (the politeness strategies and
conduct detectors), function words, sentence-opening function words, closed-class word pairs, the
paper's hedge lexicon and shape features (bedside.rapport.model.features); features seen in fewer than
3 training requests are dropped. Model: L2 logistic regression, C chosen by an inner 5-fold CV (nested
inside the 10 outer folds, so the reported accuracy never sees its own C). Reports 10-fold stratified
cross-validated accuracy for the shipped feature set and (--compare) for comparison feature sets, a
within-corpus generalisation proxy (train on requests without Wikipedia jargon, test on requests with
it) and the calibration of the out-of-fold probabilities. Then fits on all binary examples and writes
the weights.

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
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import Pipeline

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
VERSION = "1.1"
MIN_COUNT = 3
C_GRID = (0.05, 0.1, 0.2, 0.3, 0.5, 1.0)
PREVIOUS = ("s:", "w:", "p:")  # the 1.0 feature set


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


class MinCount(BaseEstimator, TransformerMixin):  # type: ignore[misc]
    """Keep the features active in at least ``min_count`` training rows (fitted inside each fold)."""

    def __init__(self, min_count: int = MIN_COUNT) -> None:
        self.min_count = min_count

    def fit(self, x: sparse.spmatrix, y: object = None) -> MinCount:
        self.keep_ = np.flatnonzero(np.asarray(x.sum(axis=0)).ravel() >= self.min_count)
        return self

    def transform(self, x: sparse.spmatrix) -> sparse.spmatrix:
        return x[:, self.keep_]


def pipeline(c: float) -> Pipeline:
    return Pipeline([("vec", DictVectorizer()), ("min", MinCount()), ("lr", LogisticRegression(C=c, max_iter=3000))])


def tuned() -> GridSearchCV:
    """Logistic regression whose C is chosen by 5-fold CV (log loss, which also keeps the probabilities calibrated)."""
    inner = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
    return GridSearchCV(pipeline(1.0), {"lr__C": list(C_GRID)}, cv=inner, scoring="neg_log_loss", n_jobs=1)


def feature_dicts(texts: list[str], keep: str) -> list[dict[str, float]]:
    analyzer = builtin_analyzer()
    rows = []
    for text in texts:
        prepared, context = prepare(text)
        active = features(prepared, analyzer.evidence(prepared, context))
        if keep == "strategies":
            active = {f for f in active if f.startswith("s:")}
        elif keep == "previous":
            active = {f for f in active if f.startswith(PREVIOUS)}
        elif keep == "bow":
            active = {"bow:" + w for w in prepared.word_set}
        elif keep == "bow+shipped":
            active |= {"bow:" + w for w in prepared.word_set}
        rows.append(dict.fromkeys(active, 1.0))
    return rows


FOLDS = StratifiedKFold(n_splits=10, shuffle=True, random_state=13)


def cross_validate(rows: list[dict[str, float]], y: np.ndarray, c: float | None) -> tuple[float, float, np.ndarray]:
    """10-fold CV accuracy (mean, sd) and the out-of-fold probabilities; ``c=None`` chooses C by inner CV
    within each outer training part (nested), so the reported accuracy never sees its own C."""
    scores: list[float] = []
    p = np.zeros(len(y))
    for train, test in FOLDS.split(np.zeros(len(y)), y):
        model = (tuned() if c is None else pipeline(c)).fit([rows[i] for i in train], y[train])
        p[test] = model.predict_proba([rows[i] for i in test])[:, 1]
        scores.append(float(((p[test] >= 0.5) == y[test]).mean()))
    return float(np.mean(scores)), float(np.std(scores)), p


def jargon_proxy(
    texts: list[str], rows: list[dict[str, float]], y: np.ndarray, c: float | None
) -> tuple[float, int, int]:
    """Train on requests without Wikipedia jargon, test on requests with it (a topic-shift proxy)."""
    has = np.array([bool(JARGON.search(t)) for t in texts])
    train = [r for r, h in zip(rows, has, strict=True) if not h]
    test = [r for r, h in zip(rows, has, strict=True) if h]
    model = (tuned() if c is None else pipeline(c)).fit(train, y[~has])
    return float((model.predict(test) == y[has]).mean()), int((~has).sum()), int(has.sum())


def calibration(p: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Expected calibration error (10 bins), Brier score and Platt slope of out-of-fold probabilities."""
    bins = np.minimum((p * 10).astype(int), 9)
    ece = sum(abs(p[bins == b].mean() - y[bins == b].mean()) * (bins == b).sum() for b in set(bins.tolist())) / len(y)
    logit = np.log(np.clip(p, 1e-6, 1 - 1e-6) / np.clip(1 - p, 1e-6, 1))
    slope = LogisticRegression(C=1e6, max_iter=1000).fit(logit.reshape(-1, 1), y).coef_[0][0]
    return {
        "ece": round(float(ece), 4),
        "brier": round(float(((p - y) ** 2).mean()), 4),
        "platt_slope": round(float(slope), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--compare", action="store_true", help="also score comparison feature sets and fixed C values")
    args = parser.parse_args()

    started = time.perf_counter()
    texts, y = load(args.data)
    print(f"{len(texts)} binary examples ({int(y.sum())} polite, {int((1 - y).sum())} impolite) from {args.data.name}")
    shipped = feature_dicts(texts, "shipped")
    results: dict[str, object] = {}
    mean, std, p = cross_validate(shipped, y, None)
    proxy, n_train, n_test = jargon_proxy(texts, shipped, y, None)
    calibrated = calibration(p, y)
    print(
        f"shipped features, C by nested CV: 10-fold CV accuracy {mean:.3f} ± {std:.3f}; "
        f"jargon-shift proxy {proxy:.3f} (train {n_train}, test {n_test}); calibration {calibrated}"
    )
    results["cv_accuracy"] = round(mean, 4)
    results["cv_std"] = round(std, 4)
    results["jargon_shift_accuracy"] = round(proxy, 4)
    results["calibration"] = calibrated
    if args.compare:
        for keep in ("previous", "strategies", "bow", "bow+shipped"):
            rows = feature_dicts(texts, keep)
            m, s, _ = cross_validate(rows, y, None)
            shift, _, _ = jargon_proxy(texts, rows, y, None)
            print(f"  {keep:12s} C by nested CV: CV {m:.3f} ± {s:.3f}; jargon-shift proxy {shift:.3f}")
        for c in C_GRID:
            m, s, _ = cross_validate(shipped, y, c)
            shift, _, _ = jargon_proxy(texts, shipped, y, c)
            print(f"  shipped      C={c}: CV {m:.3f} ± {s:.3f}; jargon-shift proxy {shift:.3f}")

    search = tuned().fit(shipped, y)
    c = float(search.best_params_["lr__C"])
    final = search.best_estimator_
    names = final.named_steps["vec"].get_feature_names_out()[final.named_steps["min"].keep_]
    lr = final.named_steps["lr"]
    weights = {name: round(float(w), 4) for name, w in zip(names, lr.coef_[0], strict=True) if abs(w) >= 1e-3}
    model = PolitenessModel(
        name="politeness-logreg",
        version=VERSION,
        intercept=round(float(lr.intercept_[0]), 4),
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
                "model": f"L2 logistic regression, C={c} (chosen by 5-fold CV from {list(C_GRID)})",
                "features": f"features seen in at least {MIN_COUNT} training requests",
                "command": "python scripts/train_politeness.py",
                "cv": "10-fold stratified (seed 13), C chosen inside each fold (nested)",
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
