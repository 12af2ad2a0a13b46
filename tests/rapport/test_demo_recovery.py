"""Recovery of the demo hospital's planted communication patterns (issue 4, "done when").

The full demo is built once (``build_demo`` generates, imports with redaction and runs the tone
analysis), then the pattern code is checked against the generator's manifest: the planted curt /
condescending prescribers rank at the top of ``rank_people``, each with an area about curtness or
nurses; the improving resident's trend is "improving"; ordinary staff mostly have no areas. Nothing
here is tuned to the demo: the thresholds are the pattern code's own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock
from sqlalchemy import select

from bedside.config import Settings
from bedside.demo import build_demo
from bedside.rapport.patterns import AnalysedMessage, areas_for_improvement, person_trend, rank_people
from bedside.rapport.patterns.improvement import MIN_PERSON_MESSAGES
from bedside.store.communication import load_analysed_messages
from bedside.store.database import open_database
from bedside.store.models import Organisation, Person

pytestmark = pytest.mark.slow

PRESCRIBERS = frozenset({"physician", "resident", "app"})
PLANTED_STYLES = frozenset({"curt_to_nurses", "condescending_to_nurses"})
CURTNESS_OR_NURSES = frozenset({"not_respectful", "asymmetry"})


@dataclass(frozen=True)
class AnalysedDemo:
    manifest: dict[str, Any]
    messages: list[AnalysedMessage]
    ids: dict[str, int]  # manifest person id (external id) -> database id
    names: dict[int, str]
    analysed: int
    imported_messages: int


def _build(folder: Path) -> None:
    settings = Settings(environment="test", database_url=f"sqlite:///{folder / 'demo.db'}", data_dir=folder)
    info = build_demo(settings, folder)
    assert info.analysis is not None
    (folder / "built.json").write_text(
        json.dumps({"analysed": info.analysis.messages, "messages": info.counts["messages"]}), encoding="utf-8"
    )


@pytest.fixture(scope="session")
def analysed_demo(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Iterator[AnalysedDemo]:
    # Under xdist every worker has its own temp dir under a shared parent: build once, behind a lock.
    root = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    folder = root / "rapport-demo-recovery"
    with FileLock(str(root / "rapport-demo-recovery.lock")):
        if not (folder / "built.json").is_file():
            folder.mkdir(exist_ok=True)
            _build(folder)
    built = json.loads((folder / "built.json").read_text(encoding="utf-8"))
    manifest = json.loads((folder / "data" / "manifest.json").read_text(encoding="utf-8"))
    database = open_database(Settings(environment="test", database_url=f"sqlite:///{folder / 'demo.db'}"))
    try:
        with database.session() as session:
            organisation_id = session.scalar(select(Organisation.id).where(Organisation.slug == manifest["organisation"]["slug"]))
            assert organisation_id is not None
            people = session.scalars(select(Person).where(Person.organisation_id == organisation_id)).all()
            messages = load_analysed_messages(session, organisation_id=organisation_id)
        yield AnalysedDemo(
            manifest=manifest,
            messages=messages,
            ids={p.external_id: p.id for p in people},
            names={p.id: p.name for p in people},
            analysed=built["analysed"],
            imported_messages=built["messages"],
        )
    finally:
        database.dispose()


def _planted(demo: AnalysedDemo) -> list[dict[str, Any]]:
    return [p for p in demo.manifest["personas"] if p["style"] in PLANTED_STYLES]


def test_the_demo_build_analyses_every_message(analysed_demo: AnalysedDemo) -> None:
    assert analysed_demo.analysed == analysed_demo.imported_messages
    assert len(analysed_demo.messages) == analysed_demo.imported_messages


def test_planted_personas_rank_at_the_top_among_prescribers(analysed_demo: AnalysedDemo) -> None:
    demo = analysed_demo
    planted = _planted(demo)
    assert planted, "the manifest plants no curt or condescending persona"
    prescribers = [m for m in demo.messages if m.sender_role in PRESCRIBERS]
    ranked = rank_people(prescribers)
    top = [c.person_id for c in ranked[: len(planted) + 1]]
    shown = [(demo.names[c.person_id], round(c.score, 1)) for c in ranked[: len(planted) + 3]]
    for persona in planted:
        assert demo.ids[persona["person_id"]] in top, f"{persona['name']} ({persona['style']}) not in the top: {shown}"


def test_each_planted_persona_has_an_area_about_curtness_or_nurses(analysed_demo: AnalysedDemo) -> None:
    demo = analysed_demo
    for persona in _planted(demo):
        areas = areas_for_improvement(demo.messages, demo.ids[persona["person_id"]])
        metrics = {a.metric for a in areas}
        assert metrics & CURTNESS_OR_NURSES, f"{persona['name']}: {metrics}"
        assert all(a.example_message_ids and a.recommendation for a in areas)


def test_the_improving_resident_shows_the_trend(analysed_demo: AnalysedDemo) -> None:
    demo = analysed_demo
    improving = [p for p in demo.manifest["personas"] if p["style"] == "improving"]
    assert improving
    for persona in improving:
        trend = person_trend(demo.messages, demo.ids[persona["person_id"]])
        assert trend.direction == "improving", f"{persona['name']}: {trend.direction}"


def test_ordinary_staff_mostly_have_no_areas(analysed_demo: AnalysedDemo) -> None:
    demo = analysed_demo
    planted_ids = {demo.ids[p["person_id"]] for p in demo.manifest["personas"]}
    counts: dict[int, int] = {}
    for m in demo.messages:
        counts[m.sender_id] = counts.get(m.sender_id, 0) + 1
    ordinary = [p for p, n in counts.items() if p not in planted_ids and n >= MIN_PERSON_MESSAGES]
    flagged = [demo.names[p] for p in ordinary if areas_for_improvement(demo.messages, p)]
    assert len(ordinary) >= 30
    assert len(flagged) <= 0.1 * len(ordinary), f"{len(flagged)} of {len(ordinary)} ordinary staff flagged: {flagged}"


def test_ordinary_staff_show_no_trend(analysed_demo: AnalysedDemo) -> None:
    """Nobody else was planted to change over time: a named trend for them is a false alarm."""
    demo = analysed_demo
    planted_ids = {demo.ids[p["person_id"]] for p in demo.manifest["personas"] if p["style"] == "improving"}
    others = {m.sender_id for m in demo.messages} - planted_ids
    trending = [demo.names[p] for p in others if person_trend(demo.messages, p).direction in {"improving", "worsening"}]
    assert len(others) >= 60
    assert len(trending) <= 0.05 * len(others), f"{len(trending)} of {len(others)} show a trend: {trending}"
