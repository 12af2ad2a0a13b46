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


def _features(text: str) -> set[str]:
    from bedside.rapport.model import features
    from bedside.rapport.pipeline import default_analyzer, prepare

    prepared, context = prepare(text)
    return features(prepared, default_analyzer().evidence(prepared, context))


def test_position_and_pair_features() -> None:
    found = _features("Could you check this? Why did you not call. I think we should.")
    assert {"b:<s> could", "b:could you", "b:why did", "b:i think", "b:we should"} <= found
    assert {"ss:could", "ss:why", "ss:i", "h:hedge", "p:several_sentences"} <= found
    assert "b:<s> _" in _features("Heard. Be there in 5.") and "ss:_" in _features("Heard. Be there in 5.")


def test_features_are_closed_class_only() -> None:
    """Topical words never become features, so the model cannot memorise Wikipedia's (or a ward's) topics."""
    found = _features("Could you revert the article on heparin before the deletion vote?")
    assert not [f for f in found if any(w in f for w in ("article", "heparin", "deletion", "revert", "vote"))]


def test_shipped_model_metadata_reports_cv_shift_and_calibration() -> None:
    training = load_model().metadata["training"]
    assert training["cv_accuracy"] > 0.82 and training["jargon_shift_accuracy"] > 0.8
    assert training["calibration"]["ece"] < 0.05
    assert all(not k.startswith("bow:") for k in load_model().weights)


CLINICAL_POLITE = [
    "Would you be able to call pharmacy about the heparin drip when you get a chance?",
    "Got it, thanks Dr. Lee.",
    "Great catch on the potassium, thank you!",
]
CLINICAL_RUDE = [
    "Why didn't you page me? This is unacceptable.",
    "You should have checked the labs before calling me.",
    "I already told you twice, read the orders.",
]


@pytest.mark.parametrize("polite", CLINICAL_POLITE)
@pytest.mark.parametrize("rude", CLINICAL_RUDE)
def test_clinical_direction(polite: str, rude: str) -> None:
    assert analyze(polite).politeness > analyze(rude).politeness + 0.2
