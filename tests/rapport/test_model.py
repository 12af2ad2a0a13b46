"""The shipped politeness model loads, is attributed, and scores polite above rude."""

from __future__ import annotations

import pytest

from bedside.rapport import analyze
from bedside.rapport.model import ModelFileError, PolitenessModel, load_model

POLITE = [
    "Hi, could you please take a look at bed 4 when you have a moment? Thanks so much!",
    "Thank you for covering tonight, I really appreciate your help with the admissions.",
    "Sorry to bother you, would you mind checking the potassium? Thanks.",
]
RUDE = [
    "Why is this still not done? Fix it.",
    "Obviously you never read the chart.",
    "What is wrong with you? I told you to call me.",
]


def test_model_file_loads_with_attribution() -> None:
    model = load_model()
    assert model.weights and model.version
    assert "Danescu-Niculescu-Mizil" in model.metadata["attribution"]
    assert model.metadata["training"]["cv_accuracy"] > 0.75


@pytest.mark.parametrize("polite", POLITE)
@pytest.mark.parametrize("rude", RUDE)
def test_polite_scores_above_rude(polite: str, rude: str) -> None:
    assert analyze(polite).politeness > analyze(rude).politeness


def test_scores_are_probabilities() -> None:
    for text in POLITE + RUDE + ["", "ok"]:
        assert 0.0 <= analyze(text).politeness <= 1.0


def test_malformed_model_data_is_refused() -> None:
    with pytest.raises(ModelFileError):
        PolitenessModel.from_dict({"name": "x"})
    model = PolitenessModel("m", "1", 0.0, {"s:gratitude": 2.0})
    assert model.score_features(["s:gratitude"]) > 0.8
    assert model.contributions(["s:gratitude", "w:unknown"]) == [("s:gratitude", 2.0)]
    assert PolitenessModel.from_dict(model.to_dict()) == model
