"""The analysis contract end to end: any text is analysed without error, spans point into it, every
detector and label is documented, and every shipped lexicon names its source."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bedside.rapport import MessageContext, analyze
from bedside.rapport.analysis import TONE_LABELS
from bedside.rapport.registry import load_detectors
from bedside.rapport.repair import suggest_repair
from bedside.text.lexicons import load_lexicon

DOCS = Path(__file__).resolve().parents[2] / "docs"
PIECES = [
    "Thanks",
    "please",
    "NOW",
    "!!!",
    "ok",
    "[PATIENT]",
    "obviously",
    "you never",
    "I'm concerned",
    "2 mg",
    "BP 80/40",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=12).map(" ".join),
    st.one_of(st.none(), st.sampled_from(PIECES), st.text(max_size=30)),
)
def test_any_text_is_analysed_with_spans_inside_it(text: str, previous: str | None) -> None:
    result = analyze(text, MessageContext(previous_text=previous, sender_role="physician", recipient_roles=("nurse",)))
    assert result.tone in TONE_LABELS and 0.0 <= result.politeness <= 1.0
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text) and f.text == text[f.start : f.end]
        assert f.reason and f.detector and f.detector_version and f.pattern
    repair = suggest_repair(result)
    assert repair is None or isinstance(repair.rewrite, str)


@pytest.mark.parametrize("item", load_detectors(include_plugins=False), ids=lambda item: item.detector.name)
def test_every_detector_is_documented(item: object) -> None:
    detector = item.detector  # type: ignore[attr-defined]
    card = (DOCS / "model-cards" / "tone.md").read_text()
    assert f"`{detector.name}` {detector.version}" in card
    assert detector.description


@pytest.mark.parametrize("name", ["sentiment-words", "clinical-neutral", "clinical-abbreviations", "common-words"])
def test_shipped_lexicons_name_source_and_licence(name: str) -> None:
    lexicon = load_lexicon(name)
    assert lexicon.source and lexicon.licence and len(lexicon) > 10
