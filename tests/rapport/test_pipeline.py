"""The analyzer's stages alone, context changing the reading, and tone labels end to end."""

from __future__ import annotations

import json

import pytest

from bedside.rapport import MessageContext, analyze
from bedside.rapport.analysis import Finding
from bedside.rapport.context import DetectionContext
from bedside.rapport.labels import LABELS
from bedside.rapport.pipeline import (
    ToneAnalyzer,
    adjust_by_context,
    detect,
    label_tone,
    merge,
    prepare,
    threshold,
)
from bedside.text.evidence import Evidence
from bedside.text.prepared import PreparedText


def ev(label: str, start: int, end: int, score: float = 0.8) -> Evidence:
    return Evidence(label, start, end, score, "test", "A test reason.", label)


def finding(label: str) -> Finding:
    info = LABELS[label]
    return Finding(info.category, label, 0, 1, "x", info.severity, "r", "d", "1", "p", 1.0)


def test_prepare_prepares_the_previous_message_once() -> None:
    prepared, context = prepare("ok", MessageContext(previous_text="I'm concerned about bed 4"))
    assert prepared.words == ["ok"]
    assert context.previous is not None and context.previous.words[0] == "i'm"
    assert prepare("ok")[1].previous is None


def test_detect_collects_every_detectors_evidence(analyzer: ToneAnalyzer) -> None:
    prepared, context = prepare("Thanks. Obviously you never listen")
    labels = {e.label for e in detect(prepared, context, analyzer.detectors)}
    assert {"gratitude", "condescension", "blame"} <= labels


def test_merge_drops_duplicates_and_suppressed_evidence_and_sorts() -> None:
    merged = merge([ev("blame", 5, 10), ev("blame", 6, 9, 0.9), ev("gratitude", 0, 4), ev("sarcasm", 0, 12)])
    assert [(e.label, e.start) for e in merged] == [("sarcasm", 0), ("blame", 5)]


def test_threshold_drops_weak_evidence() -> None:
    kept = threshold([ev("blame", 0, 1, 0.4), ev("insult", 0, 1, 0.9)], LABELS)
    assert [e.label for e in kept] == ["insult"]


@pytest.mark.parametrize(
    ("text", "previous", "before", "after"),
    [
        ("Thanks a lot, you always forget", None, "sarcasm_candidate", "sarcasm"),
        ("Give the epi now, code blue room 4", None, "demand", "urgent_command"),
        ("ok", "Please give 2 mg morphine", "terse_reply", "acknowledgement"),
    ],
)
def test_adjust_by_context_changes_labels(text: str, previous: str | None, before: str, after: str) -> None:
    prepared, context = prepare(text, MessageContext(previous_text=previous))
    start = 0
    adjusted = adjust_by_context([ev(before, start, 2), ev("blame", 14, 24)], prepared, context)
    assert adjusted[0].label == after


def test_adjust_by_context_keeps_thanks_a_lot_without_criticism() -> None:
    prepared, context = prepare("Thanks a lot for staying late")
    assert adjust_by_context([ev("sarcasm_candidate", 0, 12)], prepared, context)[0].label == "sarcasm_candidate"


def test_adjust_by_context_notes_the_authority_gradient() -> None:
    prepared = PreparedText("Obviously wrong")
    context = DetectionContext.of(MessageContext(sender_role="physician", recipient_roles=("nurse",)))
    (adjusted,) = adjust_by_context([ev("condescension", 0, 9)], prepared, context)
    assert "authority gradient" in adjusted.reason


@pytest.mark.parametrize(
    ("labels", "politeness", "tone"),
    [
        (["insult"], 0.9, "hostile"),
        (["condescension"], 0.9, "curt"),
        (["unmitigated_command"], 0.2, "curt"),
        (["unmitigated_command"], 0.8, "neutral"),
        (["gratitude"], 0.8, "respectful"),
        (["gratitude"], 0.1, "neutral"),
        ([], 0.9, "neutral"),
    ],
)
def test_label_tone(labels: list[str], politeness: float, tone: str) -> None:
    assert label_tone([finding(label) for label in labels], politeness, LABELS) == tone


@pytest.mark.parametrize(
    ("text", "tone"),
    [
        ("Hi Sam, could you recheck the potassium in bed 7 when you get a chance? Thanks!", "respectful"),
        ("Sorry to bother you, [PATIENT] in 12 is asking for you when you have a minute.", "respectful"),
        ("Patient denies chest pain.", "neutral"),
        ("Labs are back, K 3.1. Replacing with 40 mEq PO.", "neutral"),
        ("Why did nobody call me about this? Fix it.", "curt"),
        ("As I already said, the consult is placed.", "curt"),
        ("Obviously you never read the chart, are you stupid?", "hostile"),
        ("Do it now or I will write you up", "hostile"),
    ],
)
def test_tone_of_clear_examples(text: str, tone: str) -> None:
    assert analyze(text).tone == tone


def test_ok_after_an_order_is_fine_but_after_a_concern_is_not() -> None:
    after_order = analyze("ok", MessageContext(previous_text="Please give 2 mg morphine IV to bed 4"))
    after_concern = analyze("ok", MessageContext(previous_text="I'm concerned about bed 4, BP 80/40, please come"))
    assert after_order.tone == "neutral" and [f.label for f in after_order.findings] == ["acknowledgement"]
    assert after_concern.tone == "curt" and [f.label for f in after_concern.findings] == ["cus_unacknowledged"]
    assert (
        analyze("On my way, good catch", MessageContext(previous_text="I'm worried about bed 4")).tone == "respectful"
    )


@pytest.mark.parametrize(
    ("text", "previous", "tone", "labels"),
    [
        ("k", "Can you recheck the K at 14:00?", "curt", ["curt_reply"]),
        ("Y", None, "curt", ["curt_reply"]),
        ("Heard. Be there in 5.", "I'm worried about bed 4, HR 150", "respectful", ["cus_acknowledged"]),
        ("I'm uncomfortable with bed 10, HR 40. I need you to come see the patient.", None, "neutral", None),
    ],
)
def test_context_cases(text: str, previous: str | None, tone: str, labels: list[str] | None) -> None:
    result = analyze(text, MessageContext(previous_text=previous))
    problems = [f.label for f in result.problems]
    assert result.tone == tone, (result.tone, problems)
    assert "demand" not in problems
    if labels is not None:
        assert [f.label for f in result.findings] == labels


def test_analysis_is_json_ready_and_names_its_analyzer() -> None:
    result = analyze("Obviously you never listen!!!")
    data = json.loads(json.dumps(result.to_dict(include_evidence=True)))
    assert data["analyzer"] == "bedside.tone" and data["analyzer_version"].startswith("1.0+")
    assert {f["label"] for f in data["findings"]} >= {"condescension", "blame", "shouting_punctuation"}
    for f in data["findings"]:
        assert f["text"] == result.text[f["start"] : f["end"]] and f["detector_version"]
    assert result.label_counts["blame"] == 1 and "blame" in result.categories
    assert Finding.from_dict(data["findings"][0]) == result.findings[0]


def test_empty_and_odd_text() -> None:
    for text in ["", "   ", "!!!", "12345", "\n\n"]:
        assert analyze(text).tone in {"neutral", "curt"}
