"""Redaction throughput and recall: Bedside's redactor against Presidio, regex-only and with spaCy.

All run in one process, one core, on the same messages: the annotated test part of the redaction
set repeated to a few thousand messages. Presidio runs twice with its predefined pattern recognizers:
with its documented ``no_op`` NLP engine (no model, no NER, so its PERSON detection is off), and with
its spaCy engine on a pipeline shaped like its default ``en_core_web_lg`` (``spacy_shaped.py``: the same
architecture with untrained weights, since the model cannot be downloaded here), which gives the speed
of Presidio's default setup measured in the same run; that row's recall means nothing and is not printed.

    .venv/bin/python benchmarks/redaction_speed.py [--messages 3000] [--workers N] [--set authored]

``--set authored`` times the 2,400 messages of eight never-read authored files (ft to ga) instead: free-form
traffic as independent authors wrote it, longer than the test part's (82 characters on average against 49) and with
no identifier in about 40% of messages. Bedside's cost grows with a message's length faster than spaCy's, so the
ratio there is lower (3.6x and 4.1x in two runs, against 6.6x on the test part, in the session that added it).

Then the same messages over ``--workers`` processes (default: one per core, at most 4), as imports and
``bedside redact`` run them (``RedactionPool``), beside Presidio with spaCy over as many processes: the rate a
multi-core machine gets, and whether the ratio holds there. Pool start-up is timed apart from throughput.

Recall here is span-level and type-agnostic (a gold identifier counts as found when any reported span
overlaps it), so that Presidio's entity names need no mapping; precision is in the model card.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import multiprocessing
import sys
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from bedside.text.redaction import RedactionPool, Redactor
from bedside.text.redaction.evaluation import load_gold
from bedside.text.redaction.pool import START_AT, worker_count

sys.path.insert(0, str(Path(__file__).resolve().parent))
from spacy_shaped import lg_shaped_pipeline  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "redaction"
# Never-read authored files (Missoula to Harlingen) for ``--set authored``.
AUTHORED_FILES = tuple(DATA / "authored" / f"holdout-2026-11{k}.txt" for k in ("ft", "fu", "fv", "fw", "fx", "fy", "fz", "ga"))


def load(split: str) -> list[dict[str, Any]]:
    """Gold rows: the template test part ("test"), or the never-read authored files ("authored")."""
    if split == "authored":
        return [row for path in AUTHORED_FILES for row in load_gold(path)]
    with (DATA / f"{split}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _keep_tldextract_offline() -> None:
    """Presidio's e-mail recognizer calls tldextract, which fetches the public suffix list on first use:
    point it at the snapshot bundled with tldextract instead (this machine is offline)."""
    import types

    import tldextract
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    email_recognizer.tldextract = types.SimpleNamespace(extract=offline)  # type: ignore[attr-defined,assignment,unused-ignore]


def presidio_analyzer(spacy_pipeline: Any = None) -> Any:
    """Presidio with its predefined recognizers: regex-only (``no_op`` engine), or on the given spaCy pipeline."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider, SpacyNlpEngine

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    _keep_tldextract_offline()
    if spacy_pipeline is None:
        engine = NlpEngineProvider(
            nlp_configuration={"nlp_engine_name": "no_op", "models": [{"lang_code": "en", "model_name": "no_op"}]}
        ).create_engine()
    else:
        engine = SpacyNlpEngine()
        engine.nlp = {"en": spacy_pipeline}  # what SpacyNlpEngine.load() does after spacy.load("en_core_web_lg")
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers(nlp_engine=engine, languages=["en"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=["en"])


def recall(rows: list[dict[str, Any]], predict: Any) -> tuple[float, float]:
    """(recall over all gold spans, recall over PATIENT spans), type-agnostic overlap."""
    found = total = found_names = names = 0
    for row in rows:
        predicted = predict(row["text"])
        for g in row["spans"]:
            hit = any(s < g["end"] and g["start"] < e for s, e in predicted)
            total += 1
            found += hit
            if g["type"] == "PATIENT":
                names += 1
                found_names += hit
    return found / total, found_names / names


def _start_presidio_worker(words: list[str]) -> None:
    global _worker_analyzer
    _worker_analyzer = presidio_analyzer(lg_shaped_pipeline(words))


def _presidio_chunk(texts: list[str]) -> int:
    for text in texts:
        _worker_analyzer.analyze(text=text, language="en")
    return len(texts)


_worker_analyzer: Any = None


def pooled_rates(texts: list[str], staff: list[str], workers: int) -> tuple[float, float, float]:
    """(Bedside msg/s over ``workers`` processes, its pool's start-up seconds, Presidio with spaCy msg/s over as many)."""
    with RedactionPool(staff, workers=workers) as pool:
        start = time.perf_counter()
        pool.redact_many(texts[:START_AT])  # starts the workers (every one loads the redactor)
        started = time.perf_counter() - start
        start = time.perf_counter()
        pool.redact_many(texts)
        ours = len(texts) / (time.perf_counter() - start)
    context = multiprocessing.get_context("forkserver")
    words = [w for t in texts for w in t.split()]
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_presidio_worker, initargs=(words,)) as pool:
        list(pool.map(_presidio_chunk, [texts[:1]] * workers * 2))  # start and warm every worker
        size = max(1, len(texts) // (workers * 8))
        start = time.perf_counter()
        sum(pool.map(_presidio_chunk, [texts[i : i + size] for i in range(0, len(texts), size)]))
        theirs = len(texts) / (time.perf_counter() - start)
    return ours, started, theirs


def rate(texts: list[str], fn: Any) -> float:
    start = time.perf_counter()
    for text in texts:
        fn(text)
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description="Redaction throughput: Bedside vs Presidio (regex-only and with spaCy).")
    parser.add_argument("--messages", type=int, default=3000, help="how many messages to time (test set repeated)")
    parser.add_argument("--workers", type=int, default=0, help="processes for the pooled rows (default 0: one per core, at most 4)")
    parser.add_argument("--set", choices=("test", "authored"), default="test", help="template test part (default) or never-read authored files")
    args = parser.parse_args()
    rows = load(args.set)
    texts = [row["text"] for row in rows]
    texts = (texts * (args.messages // len(texts) + 1))[: args.messages]
    with (DATA / "staff.csv").open(encoding="utf-8", newline="") as handle:
        staff = [row["name"] for row in csv.DictReader(handle)]

    redactor = Redactor(staff_names=staff)
    analyzer = presidio_analyzer()
    with_spacy = presidio_analyzer(lg_shaped_pipeline([w for t in texts for w in t.split()]))

    def ours(text: str) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in redactor.redact(text).spans]

    def presidio(text: str) -> list[tuple[int, int]]:
        return [(r.start, r.end) for r in analyzer.analyze(text=text, language="en")]

    def presidio_spacy(text: str) -> None:
        with_spacy.analyze(text=text, language="en")

    for warm_up in (ours, presidio, presidio_spacy):  # lazy compilation on first use is not throughput
        warm_up(texts[0])
    ours_rate = rate(texts, ours)
    presidio_rate = rate(texts, presidio)
    spacy_rate = rate(texts, presidio_spacy)
    ours_recall, ours_names = recall(rows, ours)
    presidio_recall, presidio_names = recall(rows, presidio)
    print(f"messages timed: {len(texts)} ({'test part' if args.set == 'test' else 'authored ft-ga'}, {len(rows)} unique)")
    print(f"{'':<28}{'msg/s':>10}{'recall':>9}{'name recall':>13}")
    print(f"{'bedside redactor':<28}{ours_rate:>10.0f}{ours_recall:>9.3f}{ours_names:>13.3f}")
    print(f"{'presidio (no_op, regex)':<28}{presidio_rate:>10.0f}{presidio_recall:>9.3f}{presidio_names:>13.3f}")
    print(f"{'presidio + spaCy (lg-shaped)':<28}{spacy_rate:>10.0f}{'-':>9}{'-':>13}")
    print(f"speed ratio bedside/presidio regex-only: {ours_rate / presidio_rate:.1f}x")
    print(f"speed ratio bedside/presidio with spaCy (same run): {ours_rate / spacy_rate:.1f}x")
    print(f"vs the fixed ~120 msg/s of Presidio with spaCy (DESIGN.md): {ours_rate / 120:.1f}x")
    workers = worker_count(args.workers)
    if workers > 1:
        pooled, started, spacy_pooled = pooled_rates(texts, staff, workers)
        print(f"over {workers} processes (as imports run; pool start-up {started:.1f} s, not counted):")
        print(f"{'bedside RedactionPool':<28}{pooled:>10.0f}   ({pooled / ours_rate:.1f}x one process)")
        print(f"{'presidio + spaCy':<28}{spacy_pooled:>10.0f}   ({spacy_pooled / spacy_rate:.1f}x one process)")
        print(f"speed ratio bedside/presidio with spaCy, {workers} processes each: {pooled / spacy_pooled:.1f}x")


if __name__ == "__main__":
    main()
