"""Politeness strategy cues that the trained model relies on."""

from __future__ import annotations

from bedside.rapport.pipeline import prepare
from bedside.rapport.strategies import PolitenessStrategies


def _labels(text: str) -> list[tuple[str, str]]:
    prepared, context = prepare(text)
    return [(e.label, e.pattern) for e in PolitenessStrategies().detect(prepared, context)]


def test_the_imposition_named_in_an_apology_is_not_a_negative_word() -> None:
    labels = _labels("Sorry to bother you, bed 4 is asking for you.")
    assert ("apology", "sorry to bother") in labels
    assert not [label for label, _ in labels if label == "negative_word"]
    assert ("negative_word", "bothering") in _labels("Stop bothering me.")
