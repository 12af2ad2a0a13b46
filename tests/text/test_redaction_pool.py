"""RedactionPool: a batch spread over worker processes gives exactly what one Redactor gives, in order."""

from __future__ import annotations

import csv
import json
import multiprocessing
from pathlib import Path

import pytest

from bedside.text.redaction import RedactionPool, Redactor
from bedside.text.redaction.pool import MAX_AUTO_WORKERS, START_AT, usable_cores, worker_count

DATA = Path(__file__).parents[1] / "data" / "redaction"
SITES = ("Lakeshore Medical Center", "Desert Sage Elko")


def _batch() -> tuple[list[str], list[str]]:
    """The annotated test messages, with staff and site mentions, repeated to a batch that starts a pool: each worker
    gets repeats of messages other workers also get, so results that depend on a worker's earlier messages would show."""
    with (DATA / "staff.csv").open(encoding="utf-8", newline="") as handle:
        staff = [row["name"] for row in csv.DictReader(handle)]
    with (DATA / "test.jsonl").open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    texts += ["Ana Diaz RN aware, pt smith in 4b", "transfer from Desert Sage Elko tonight, pt lives in Elko w/ son"]
    return staff, (texts * (START_AT // len(texts) + 1))[: START_AT + 7]


def test_a_pool_of_workers_gives_what_one_redactor_gives() -> None:
    staff, texts = _batch()
    redactor = Redactor(staff, site_names=SITES)
    once = {text: redactor.redact(text) for text in set(texts)}
    expected = [once[text] for text in texts]
    with RedactionPool(staff, site_names=SITES, workers=2) as pool:
        got = pool.redact_many(texts)
        workers = multiprocessing.active_children()
        assert len(workers) >= 2, "the batch was not spread over worker processes"
    assert got == expected
    assert "Ana Diaz RN aware, pt [PATIENT] in 4b" in {r.text for r in got}  # the roster reached the workers
    assert "transfer from Desert Sage Elko tonight, pt lives in [ADDRESS] w/ son" in {r.text for r in got}  # and the sites
    assert not any(process.is_alive() for process in workers)  # closing the pool ends them


def test_small_batches_and_one_worker_stay_in_this_process() -> None:
    texts = ["huddle at 14:00, thanks all"] * START_AT
    with RedactionPool(workers=1) as one:
        assert [r.text for r in one.redact_many(texts)] == texts
        assert one._executor is None
    with RedactionPool(workers=2) as two:
        assert two.redact_many(texts[:10])[0].text == texts[0]
        assert two.redact_many([]) == []
        assert two._executor is None


def test_worker_count() -> None:
    assert worker_count(3) == 3
    assert worker_count(0) == min(usable_cores(), MAX_AUTO_WORKERS) >= 1
    with pytest.raises(ValueError, match="0 \\(one per core\\) or more"):
        worker_count(-1)
