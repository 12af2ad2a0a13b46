"""Train the staff-talk model (src/bedside/text/redaction/data/staff-talk.json; see ``staff_talk.py``).

A logistic regression (scikit-learn) over ``staff_talk.features`` of every authored message in the sequence
model's training files (the held-out files stay out), labelled 1 when the message has a marked identifier.
Features seen in fewer than two messages are left out. ``--cv`` first prints a leave-files-out
cross-validation (six folds by file): the AUC and, at ``STAFF_TALK_BELOW``, how many messages with a marked
date and how many with no identifier the model calls staff talk.

    .venv/bin/python scripts/train_staff_talk.py [--cv]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

from bedside.text.redaction.evaluation import load_marked
from bedside.text.redaction.staff_talk import STAFF_TALK_BELOW, WEIGHTS_FILE, features

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_sequence_model import HELD_OUT, training_files  # noqa: E402 - one list of held-out files for both models

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "bedside" / "text" / "redaction" / WEIGHTS_FILE
C = 1.0
MIN_MESSAGES = 2


def load() -> tuple[list[set[str]], np.ndarray, list[str], list[bool]]:
    """Features, labels (has an identifier), file of each message, and whether it has a marked date."""
    feats, labels, files, dated = [], [], [], []
    for path in training_files():
        for row in load_marked(path):
            feats.append(features(row["text"]))
            labels.append(1 if row["spans"] else 0)
            files.append(path.name)
            dated.append(any(s["type"] == "DATE" for s in row["spans"]))
    return feats, np.array(labels), files, dated


def fit(feats: list[set[str]], labels: np.ndarray) -> tuple[DictVectorizer, LogisticRegression]:
    counts = Counter(f for message in feats for f in message)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in message if counts[f] >= MIN_MESSAGES} for message in feats])
    model = LogisticRegression(C=C, max_iter=3000)
    model.fit(x, labels)
    return vectorizer, model


def cross_validate(feats: list[set[str]], labels: np.ndarray, files: list[str], dated: list[bool]) -> None:
    probability = np.zeros(len(labels))
    for train, test in GroupKFold(n_splits=6).split(np.zeros(len(labels)), labels, files):
        vectorizer, model = fit([feats[i] for i in train], labels[train])
        x = vectorizer.transform([{f: 1 for f in feats[i]} for i in test])
        probability[test] = model.predict_proba(x)[:, 1]
    staff = probability < STAFF_TALK_BELOW
    with_date = np.array(dated)
    print(f"leave-files-out AUC {roc_auc_score(labels, probability):.3f} over {len(labels)} messages")
    print(f"called staff talk (p < {STAFF_TALK_BELOW}): {int((staff & with_date).sum())} of {int(with_date.sum())} messages "
          f"with a marked date; {int((staff & (labels == 0)).sum())} of {int((labels == 0).sum())} with no identifier")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="print a leave-files-out cross-validation first")
    args = parser.parse_args()
    feats, labels, files, dated = load()
    if args.cv:
        cross_validate(feats, labels, files, dated)
    vectorizer, model = fit(feats, labels)
    weights = {name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0], strict=True)
               if round(float(w), 4)}
    OUTPUT.write_text(json.dumps({
        "model": "logistic regression over staff_talk.features; label: the message has a marked patient identifier",
        "trained_by": "scripts/train_staff_talk.py",
        "training_data": f"{len(labels)} authored messages from {len(set(files))} files (held out: {', '.join(sorted(HELD_OUT))})",
        "c": C,
        "bias": round(float(model.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
    }, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"trained on {len(labels)} messages, {len(weights)} weights -> {OUTPUT}")


if __name__ == "__main__":
    main()
