"""Shared pieces of the rapport tests: the default analyzer and the ``assert_evidence`` helper."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bedside.rapport.context import DetectionContext, MessageContext
from bedside.rapport.detector import Detector
from bedside.rapport.pipeline import ToneAnalyzer, default_analyzer
from bedside.text.evidence import Evidence
from bedside.text.prepared import PreparedText

AssertEvidence = Callable[..., list[Evidence]]


@pytest.fixture(scope="session")
def analyzer() -> ToneAnalyzer:
    return default_analyzer()


@pytest.fixture(scope="session")
def detectors(analyzer: ToneAnalyzer) -> dict[str, Detector]:
    return {d.name: d for d in analyzer.detectors}


def run_detector(detector: Detector, text: str, previous: str | None = None) -> list[Evidence]:
    context = DetectionContext.of(MessageContext(previous_text=previous))
    return detector.detect(PreparedText(text), context)


@pytest.fixture(scope="session")
def assert_evidence(detectors: dict[str, Detector]) -> AssertEvidence:
    """Check that ``detector`` finds ``label`` on ``expected`` (a substring) in ``text``, or nothing if None."""

    def check(
        detector: str, text: str, label: str, expected: str | None, previous: str | None = None
    ) -> list[Evidence]:
        found = run_detector(detectors[detector], text, previous)
        for e in found:
            assert e.detector == detector and e.reason and e.pattern and 0 <= e.start <= e.end <= len(text)
        matching = [e for e in found if e.label == label]
        if expected is None:
            assert matching == [], f"{detector} should not find {label} in {text!r}, found {matching}"
        else:
            spans = [text[e.start : e.end] for e in matching]
            assert any(expected in span for span in spans), f"{detector}: {label} on {expected!r} not in {spans}"
        return found

    return check
