"""Train the redactor's name scorer (src/bedside/text/redaction/data/name-scorer.json).

The scorer is a logistic regression over binary token features (``bedside.text.redaction.scorer``). At
run time it judges only the words the rules leave; by default it is trained on every eligible word (those
the rules take too, judged as if the rules had left them), so that word features are estimated from
thousands of names (``--rules-residue-only`` trains on the residue alone). Training rows come from:

- the *dev* part of the annotated set (tests/data/redaction/dev.jsonl, the part the rules were tuned on);
- the *authored* messages (tests/data/redaction/authored/: train-2026-11.txt, dev-2026-11b.txt, the held-out
  files holdout-2026-11.txt and holdout-2026-11c/d/e/f/g.txt after their single measurements, and
  train-2026-11h/i/j/k.txt and holdout-2026-11l.txt: 4,338 free-form messages by thirteen other authors, in ``[[TYPE|surface]]``
  markup), grouped in blocks of ten for cross-validation; held-out files not yet measured are kept outside
  the repository until their measurement and never read here;
- synthetic messages rendered here from training-only templates, with names drawn from the world and
  Census name lists **minus every name of the test pools** (FIRST..FIRST4, LAST..LAST4 in
  scripts/make_redaction_testset.py), **minus every name word of the held-out authored set**
  (the files in NAME_POOL_HELD_OUT: only their PATIENT spans are read, to leave them out)
  **and minus Faker's en_US names** (the demo hospital's source),
  plus made-up surnames built from syllables that are in no list at all.

The threshold is picked from out-of-fold predictions (5 folds, grouped by template): the lowest
threshold whose out-of-fold precision on the scored words is at least ``--precision`` (0.98 since 1.5.0).
``scripts/cross_author_redaction.py`` retrains without one author's file at a time to compare designs. scikit-learn is
used here only; the redactor reads the JSON at run time.

    .venv/bin/python scripts/train_name_scorer.py            # writes the weights file
    .venv/bin/python scripts/train_name_scorer.py --dry-run  # cross-validation figures only
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

import numpy as np
from faker.providers.person.en_US import Provider as EnUsPerson
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import make_redaction_testset as testset  # noqa: E402

from bedside.text.redaction.evaluation import load_marked  # noqa: E402
from bedside.text.redaction.lexicon import census_lexicon  # noqa: E402
from bedside.text.redaction.names import NameDetector  # noqa: E402
from bedside.text.redaction.scorer import WEIGHTS_FILE  # noqa: E402
from bedside.text.redaction.tokens import WORD  # noqa: E402

DATA = ROOT / "tests" / "data" / "redaction"
OUT = ROOT / "src" / "bedside" / "text" / "redaction" / WEIGHTS_FILE
# Free-form messages by other authors that the scorer learns from. A held-out file joins them only after its
# single measurement (holdout, holdout-c to holdout-g, holdout-l); holdout-2026-11m.txt to -s.txt are kept out
# (m to q were read to write rules, r and s were measured once on the shipped 1.5.0), so that a later version
# can be compared on them.
AUTHORED_TRAINING = (
    DATA / "authored" / "train-2026-11.txt",
    DATA / "authored" / "dev-2026-11b.txt",
    DATA / "authored" / "holdout-2026-11.txt",
    DATA / "authored" / "holdout-2026-11c.txt",
    DATA / "authored" / "holdout-2026-11d.txt",
    DATA / "authored" / "holdout-2026-11e.txt",
    DATA / "authored" / "holdout-2026-11f.txt",
    DATA / "authored" / "holdout-2026-11g.txt",
    DATA / "authored" / "train-2026-11h.txt",
    DATA / "authored" / "train-2026-11i.txt",
    DATA / "authored" / "train-2026-11j.txt",
    DATA / "authored" / "train-2026-11k.txt",
    DATA / "authored" / "holdout-2026-11l.txt",
)
# Held-out authored files whose names are left out of the synthetic name pools. The list is fixed so that the
# shipped weights reproduce: holdout-2026-11m.txt to -s.txt arrived after the 1.5.0 weights were trained.
NAME_POOL_HELD_OUT = tuple(
    DATA / "authored" / f"holdout-2026-11{suffix}.txt" for suffix in ("", "c", "d", "e", "f", "g", "l")
)
SEED = 7
PER_TEMPLATE = 80
MADE_UP_SHARE = 0.15  # surnames in no list at all
TYPO_SHARE = 0.3  # non-name fillers that are misspelt ordinary words

# Training-only templates, written for this script (not copied from the test part). {N} full name,
# {F} first name, {L} / {L2} surnames, {LF} "Last, First"; the case of every name is drawn per message.
POSITIVE = [
    "any update on {L} in {room}?", "{N} to OR at {time}", "{L} pulled the IV again", "please see {N} before rounds",
    "{F} {L} is asking for the chaplain", "family for {L} at the front desk", "{N}, {age}{sex}, sepsis, on levo",
    "{L} ({room}) needs blood cultures x2", "{LF} - {room} - tele", "tx {N} to step-down when a bed opens",
    "{N}'s wife is here", "got a page about {L}, handled", "pharmacy wants to talk about {L}'s warfarin",
    "{room}: {L}, fall risk", "{N} MRN {mrn}", "did anyone call {L}'s son back?", "{L} is a DNR now",
    "new pt {N} in {room}", "heads up {N} is combative", "{F} in {room} keeps ringing", "{N} went home",
    "ok to give {L} tylenol?", "{LF} - dialysis at {time}", "{N} (MRN {mrn})", "bring {L} down to xray",
    "{L} and {L2} both need sliding scale", "Can you draw {N}'s AM labs early?", "re {N}: consent signed",
    "{L} in bay {bed}, {L2} in bay {bed}", "is {L} still npo?", "{N} refusing CPAP tonight", "spoke w/ {L}'s daughter",
    "{N} room {room}", "sister of {N} wants a call", "just checked {L}, sleeping", "{L} {room} sats ok",
    "I have {L} and {L2} tonight", "{N} scheduled for EGD", "where is {L}'s chart?", "{L}: BG {num}, covered",
    "assigning {N} to {staff_first}", "{N} c/o chest pressure", "{L}, {F} ({age}{sex}) ED hold",
    "Husband of {N} at bedside", "ask {L} if he wants the flu shot", "{F} {L} MRN {mrn} to 5 West",
    "vitals on {L} q2h please", "{L} needs a new PIV", "who took {L}? dialysis called", "{N} says thanks to everyone",
]
NEGATIVE = [
    "{staff} is charge tonight", "ask {staff_first} about the schedule", "thanks {staff_first_lower}!",
    "metoprolol held for HR {num}", "Lasix 40 IV given, {staff_first} aware", "Zosyn hung at {time}",
    "heparin drip titrated per protocol", "Keppra level pending", "Hoyer lift is broken again",
    "Pyxis is down, use the backup", "Epic downtime tonight at {time}", "Medicare paperwork in the chart",
    "transfer to Mercy for cath", "going to Walgreens after shift", "Glasgow coma score {num}",
    "Monday huddle moved to {time}", "Great job everyone on the code", "Please restock the supply room",
    "Any volunteers for overtime Friday?", "Happy birthday {staff_first}!", "New policy on restraints posted",
    "The family meeting went well", "Protonix switched to PO", "Haldol 2 mg given for agitation",
    "Thanks for fixing the citation, the Ohio article reads better", "Is there a source for the Chicago claim?",
    "I reverted the edit to the Beatles page", "Could you explain the Madison vote?", "Can we merge these two sections?",
    "Please sign your posts on talk pages", "Why was the Victoria image removed?", "Did Google change the license?",
    "Summer hours start next week", "Will check after lunch", "Rose from the chair without help",
    "Page me if the drain output goes up", "room {room} clean and ready", "bed {bed} needs a sitter",
    "Rapid response called, team at bedside", "Lovenox held for procedure", "Precedex weaned off",
    "sliding scale insulin per protocol", "Foley removed, voiding qs", "Chaplain visited, family grateful",
]
# Non-names for the name slots of the positive templates ("any update on lasix in 12?"): drugs, devices,
# places and brands, hand-written here; ordinary English words are added from wordfreq at run time.
FILLERS = [
    "lasix", "zosyn", "vanc", "heparin", "keppra", "ativan", "haldol", "norco", "dilaudid", "coumadin", "plavix",
    "protonix", "zofran", "tylenol", "motrin", "narcan", "precedex", "levophed", "bactrim", "keflex", "flagyl",
    "humalog", "lantus", "cipro", "augmentin", "decadron", "eliquis", "xarelto", "solumedrol", "albuterol",
    "hoyer", "pyxis", "omnicell", "bipap", "picc", "foley", "epic", "medicare", "medicaid", "mercy", "kaiser",
    "walgreens", "cvs", "ohio", "texas", "chicago", "google", "wikipedia", "youtube", "christmas", "easter",
]
# General prose with ordinary words in the slots ({w}, {w2}): the scorer must not learn that "x and y",
# "x, y" or "about x?" make a name. Written for this script.
PROSE = [
    "I think the {w} section needs a better source", "how do {w} and {w2} differ?", "{w} and {w2} are both mentioned",
    "can you check the {w}, please?", "thanks for the note about {w}", "is there any {w} left in the cabinet?",
    "the {w} is broken again, {w2} too", "we talked about {w} at the meeting", "what happened to the {w}?",
    "please move the {w} to the other page", "I added {w} to the list, and {w2}", "{w} is not the right word here",
    "does anyone know where the {w} went?", "the article on {w} reads better now", "{w}, {w2} and more",
    "I reverted the {w} edit", "any news on the {w}?", "the {w} in room {room} needs fixing", "ask about {w} later",
    "could you look at {w} again?", "my {w} is in the locker", "see the {w} policy", "{w} first, then {w2}",
    "still waiting on {w}", "just a {w} thing, nothing urgent", "for {w} reasons we stopped", "why is {w} flagged?",
]
STAFF = ["Mira Solberg", "Kenji Arai", "Teodor Lisowski", "Amara Eze", "Paulo Ramos", "Inge Vos", "Dana Kerr"]
_SYLLABLES = ["ka", "ri", "mo", "zu", "ne", "ta", "lo", "vi", "sha", "dro", "ben", "kov", "ani", "ez", "ski", "ura",
              "ham", "ola", "ide", "enk", "ush", "ima", "gor", "tsu", "yev", "dou", "pha", "nji", "ruk", "osi"]


def _pools(lex_first: dict[str, int], lex_last: dict[str, int], world: frozenset[str]) -> tuple[list[str], list[str]]:
    test_names = {
        w.lower() for pool in (testset.FIRST, testset.LAST, testset.FIRST2, testset.LAST2, testset.FIRST3,
                               testset.LAST3, testset.FIRST4, testset.LAST4, testset.AMBIG_FIRST, testset.AMBIG_LAST)
        for name in pool for w in name.replace("-", " ").split()
    }
    test_names |= {w.lower() for name in testset.STAFF for w in name.split()}
    for path in NAME_POOL_HELD_OUT:
        for row in load_marked(path):
            for span in row["spans"]:
                if span["type"] == "PATIENT":
                    test_names |= {w.lower() for w in WORD.findall(row["text"][span["start"] : span["end"]])}
    en_us = {n.lower() for n in EnUsPerson.first_names} | {n.lower() for n in EnUsPerson.last_names}
    banned = test_names | en_us
    first = sorted(n for n, r in lex_first.items() if (r <= 3000 or n in world) and n not in banned and n.isalpha())
    last = sorted(n for n, r in lex_last.items() if (r <= 30000 or n in world) and n not in banned and n.isalpha())
    return first, last


def _made_up(rng: random.Random, lex_names: set[str], freq: dict[str, float]) -> str:
    while True:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))
        if word not in lex_names and word not in freq and len(word) >= 5:
            return word


def _typo(rng: random.Random, word: str) -> str:
    """A misspelling a hurried clinician might type: a letter dropped or replaced ("ambulted", "dressimg")."""
    k = rng.randrange(1, len(word))
    if rng.random() < 0.5:
        return word[:k] + word[k + 1 :]
    return word[:k] + rng.choice("aeiounmrst") + word[k + 1 :]


def _case(name: str, style: str) -> str:
    if style == "lower":
        return name.lower()
    if style == "upper":
        return name.upper()
    return "-".join(p[:1].upper() + p[1:] for p in name.split("-"))


def _filler(rng: random.Random, fillers: list[str], style: str) -> str:
    word = rng.choice(fillers)
    if len(word) >= 5 and rng.random() < TYPO_SHARE:
        word = _typo(rng, word)
    return _case(word, style)


def synthetic(
    rng: random.Random, first: list[str], last: list[str], made_up: list[str], fillers: list[str]
) -> list[dict[str, object]]:
    """Training messages from the templates above, with gold PATIENT spans; name slots of a positive
    template are filled with non-names a third of the time (contrast rows with no gold span)."""
    rows: list[dict[str, object]] = []
    for t_index, template in enumerate(POSITIVE + NEGATIVE + PROSE):
        for _ in range(PER_TEMPLATE):
            contrast = rng.random() < 0.33
            style = rng.choices(["title", "lower", "upper"], weights=[55, 32, 13])[0]
            spans: list[dict[str, object]] = []
            out = ""
            pos = 0
            text_t = template.replace("{N}", "{F} {L}").replace("{LF}", "{L}, {F}")
            text_t = text_t.replace("{F}", "{pf}").replace("{L}", "{pl}").replace("{L2}", "{pl2}")
            for m in testset._SLOT.finditer(text_t):
                out += text_t[pos : m.start()]
                gen = m.group("gen")
                if gen in ("pf", "pl", "pl2") and contrast:
                    value = _filler(rng, fillers, style)
                elif gen in ("pf", "pl", "pl2"):
                    if gen == "pf":
                        value = rng.choice(first)
                    else:
                        value = rng.choice(made_up) if rng.random() < MADE_UP_SHARE else rng.choice(last)
                    value = _case(value, style)
                    spans.append({"type": "PATIENT", "start": len(out), "end": len(out) + len(value)})
                elif gen in ("w", "w2"):
                    value = _filler(rng, fillers, rng.choice(["lower", "lower", "title"]))
                elif gen == "staff":
                    value = rng.choice(STAFF)
                elif gen == "staff_first":
                    value = rng.choice(STAFF).split()[0]
                elif gen == "staff_first_lower":
                    value = rng.choice(STAFF).split()[0].lower()
                elif gen == "sex":
                    value = rng.choice("MF")
                elif gen == "num":
                    value = str(rng.randint(40, 400))
                else:
                    value = testset.GEN[gen](rng)
                out += value
                pos = m.end()
            out += text_t[pos:]
            rows.append({"template": f"syn-{t_index}", "text": out, "spans": spans, "staff": STAFF})
    return rows


def _rows(
    detector: NameDetector, messages: list[dict[str, object]], include_found: bool
) -> tuple[list[dict[str, int]], list[int], list[str]]:
    feats: list[dict[str, int]] = []
    labels: list[int] = []
    groups: list[str] = []
    for row in messages:
        text = str(row["text"])
        gold = [(int(s["start"]), int(s["end"])) for s in row["spans"] if s["type"] == "PATIENT"]  # type: ignore[union-attr,index]
        for tok, fs in detector.scorer_rows(text, include_found=include_found):
            feats.append(dict.fromkeys(fs, 1))
            labels.append(int(any(tok.start < e and s < tok.end for s, e in gold)))
            groups.append(str(row["template"]))
    return feats, labels, groups


def training_rows(
    authored_files: tuple[Path, ...] = AUTHORED_TRAINING, *, include_found: bool = True, authored_blocks: str = "all"
) -> tuple[list[dict[str, int]], list[int], list[str], str]:
    """Feature rows, labels and cross-validation groups from dev, the authored files and the synthetic messages."""
    lex = census_lexicon()
    from bedside.text.redaction.scorer import word_frequencies

    freq = word_frequencies()
    first, last = _pools(lex.first_names, lex.last_names, lex.world_all)
    rng = random.Random(SEED)
    names = set(lex.first_names) | set(lex.last_names)
    made_up = [_made_up(rng, names, freq) for _ in range(400)]
    words = sorted(w for w in NameDetector(use_scorer=False)._plain if w.isalpha() and freq.get(w, 0.0) >= 1e-6)
    fillers = FILLERS * 20 + words
    syn = synthetic(rng, first, last, made_up, fillers)
    with (DATA / "staff.csv").open(encoding="utf-8", newline="") as handle:
        roster = [r["name"] for r in csv.DictReader(handle)]
    dev = [json.loads(line) for line in (DATA / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    for row in dev:
        row["template"] = f"dev-{row['template']}"

    authored = [row for path in authored_files for row in load_marked(path)]
    for number, row in enumerate(authored):
        row["template"] = f"authored-{number // 10}"
    if authored_blocks == "odd":
        authored = [row for number, row in enumerate(authored) if (number // 10) % 2 == 1]
    dev += authored
    X_dicts, y, groups = _rows(NameDetector(roster, use_scorer=False), dev, include_found)
    s_dicts, s_y, s_groups = _rows(NameDetector(STAFF, use_scorer=False), syn, include_found)
    summary = f"{len(y) + len(s_y)} rows ({sum(y) + sum(s_y)} name words); dev + authored {len(dev)} + synthetic {len(syn)} messages"
    return X_dicts + s_dicts, y + s_y, groups + s_groups, summary


def fit_scorer(
    X_dicts: list[dict[str, int]], y: list[int], groups: list[str], *, c: float = 0.5, precision: float = 0.98,
    verbose: bool = True,
) -> dict[str, object]:
    """Fit the logistic regression; the threshold is the lowest whose out-of-fold precision reaches ``precision``."""
    vec = DictVectorizer()
    X = vec.fit_transform(X_dicts)
    y_arr = np.array(y)
    if verbose:
        print(f"{X.shape[1]} features")
    oof = np.zeros(len(y))
    for train, held in GroupKFold(n_splits=5).split(X, y_arr, groups):
        model = LogisticRegression(C=c, max_iter=2000)
        model.fit(X[train], y_arr[train])
        oof[held] = model.predict_proba(X[held])[:, 1]
    threshold = 0.99
    if verbose:
        for t in np.arange(0.30, 0.99, 0.05):
            pred = oof >= t
            tp = int((pred & (y_arr == 1)).sum())
            print(f"  t={t:.2f} precision {tp / max(1, int(pred.sum())):.3f} recall {tp / max(1, int(y_arr.sum())):.3f}")
    for t in np.arange(0.30, 0.99, 0.01):
        pred = oof >= t
        tp = int((pred & (y_arr == 1)).sum())
        if tp / max(1, int(pred.sum())) >= precision:
            threshold = round(float(t), 2)
            break
    pred = oof >= threshold
    tp = int((pred & (y_arr == 1)).sum())
    if verbose:
        print(f"threshold {threshold}: out-of-fold precision {tp / max(1, int(pred.sum())):.3f}, "
              f"recall {tp / max(1, int(y_arr.sum())):.3f} ({tp}/{int(y_arr.sum())})")
        dev_mask = np.array([g.startswith(("dev-", "authored-")) for g in groups])
        print(f"dev and authored words wrongly called names out of fold: {int((pred & (y_arr == 0) & dev_mask).sum())}")
    model = LogisticRegression(C=c, max_iter=2000).fit(X, y_arr)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
               if abs(w) >= 1e-3}
    return {"c": c, "threshold": threshold, "bias": round(float(model.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--precision", type=float, default=0.98, help="out-of-fold precision the threshold must reach")
    parser.add_argument("--c", type=float, default=0.5, help="inverse L2 regularisation strength")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument(
        "--rules-residue-only", dest="include_found", action="store_false",
        help="train only on the words the rules leave (default: every eligible word, so word features are well estimated)",
    )
    parser.add_argument(
        "--authored-blocks", choices=("all", "odd"), default="all",
        help="odd: train on the odd ten-line blocks of the authored set only, to measure the whole redactor on the even ones",
    )
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the weights (default: the package file)")
    args = parser.parse_args()

    X_dicts, y, groups, summary = training_rows(include_found=args.include_found, authored_blocks=args.authored_blocks)
    print(summary)
    fitted = fit_scorer(X_dicts, y, groups, c=args.c, precision=args.precision)
    if args.dry_run:
        return
    payload = {
        "model": "logistic regression over binary token features (bedside.text.redaction.scorer)",
        "trained_by": "scripts/train_name_scorer.py",
        "training_data": "tests/data/redaction/dev.jsonl + " + ", ".join(f"authored/{p.name}" for p in AUTHORED_TRAINING)
                         + " + synthetic messages from the script's own templates; names from the Census and world lists "
                         "minus the test pools, the held-out authored names and Faker en_US",
        **fitted,
    }
    args.out.write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(fitted['weights'])} weights)")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
