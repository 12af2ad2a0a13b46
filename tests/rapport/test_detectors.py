"""Each detector against a table of positive and negative examples (Presidio style)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

AssertEvidence = Callable[..., Any]

STRATEGIES = [
    ("Thanks for checking the drip", "gratitude", "Thanks"),
    ("I really appreciate it", "gratitude", "appreciate"),
    ("Sorry to page you again", "apology", "Sorry"),
    ("Great catch on the potassium, can you recheck it?", "deference", "Great"),
    ("Hi team, bed 4 is back", "greeting", "Hi"),
    ("Good morning, quick question", "greeting", "Good morning"),
    ("Could you please recheck the BP", "please", "please"),
    ("Please recheck the BP", "please_start", "Please"),
    ("By the way, the family is here", "indirect_btw", "By the way"),
    ("Why is the foley still in?", "direct_question", "Why"),
    ("So what happened overnight", "direct_start", "So"),
    ("Could you look at bed 4?", "counterfactual_modal", "Could you"),
    ("Would you mind calling pharmacy", "counterfactual_modal", "Would you"),
    ("Can you look at bed 4?", "indicative_modal", "Can you"),
    ("I think the rate is a bit high", "hedge", "I think"),
    ("Maybe we hold the dose", "hedge", "Maybe"),
    ("In fact the dose was given", "factuality", "In fact"),
    ("Let me know what I can do", "first_person", "I"),
    ("We should talk to the family", "first_person_plural", "We"),
    ("I called the lab", "first_person_start", "I"),
    ("Did you see the labs?", "second_person", "you"),
    ("You missed the dose", "second_person_start", "You"),
    ("That was a lovely save", "positive_word", "lovely"),
    ("This is a terrible plan", "negative_word", "terrible"),
]
STRATEGY_NEGATIVES = [
    ("Patient denies chest pain", "negative_word"),
    ("Pt has fever and nausea, BP low", "negative_word"),
    ("That is not terrible", "negative_word"),
    ("Give please", "please_start"),
    ("He said hi to the patient", "greeting"),
    ("What a day", "greeting"),
    ("Bed 4 needs a bath", "gratitude"),
]


@pytest.mark.parametrize(("text", "label", "span"), STRATEGIES)
def test_politeness_strategies_find(assert_evidence: AssertEvidence, text: str, label: str, span: str) -> None:
    assert_evidence("politeness_strategies", text, label, span)


@pytest.mark.parametrize(("text", "label"), STRATEGY_NEGATIVES)
def test_politeness_strategies_ignore(assert_evidence: AssertEvidence, text: str, label: str) -> None:
    assert_evidence("politeness_strategies", text, label, None)


CASES = [
    # detector, text, label, expected span (None = must not fire)
    ("unmitigated_commands", "Call me when the labs are back.", "unmitigated_command", "Call me"),
    ("unmitigated_commands", "Just fix the order.", "unmitigated_command", "fix the order"),
    ("unmitigated_commands", "Call me now!", "demand", "Call me now"),
    ("unmitigated_commands", "I need you to redo the consent.", "demand", "I need you to"),
    ("unmitigated_commands", "Please call me when the labs are back.", "unmitigated_command", None),
    ("unmitigated_commands", "Call me when you get a chance, thanks", "unmitigated_command", None),
    ("unmitigated_commands", "Give 2 mg morphine IV q4h prn", "unmitigated_command", None),
    ("unmitigated_commands", "Check the K+ on bed 7?", "unmitigated_command", None),
    ("unmitigated_commands", "The patient is stable.", "unmitigated_command", None),
    ("shouting", "WHY IS THIS NOT DONE", "shouting_caps", "WHY IS THIS NOT DONE"),
    ("shouting", "I asked you TWICE to CALL me", "shouting_caps", "TWICE to CALL"),
    ("shouting", "Transfer to ICU STAT, NPO, BP 80/40", "shouting_caps", None),
    ("shouting", "Do NOT give heparin to [PATIENT]", "shouting_caps", None),
    ("shouting", "New afib with RVR, on HFNC, CIWA q4h, POLLARD JOEL in 4", "shouting_caps", None),
    ("unmitigated_commands", "Read back: send a UA. Correct?", "unmitigated_command", None),
    ("unmitigated_commands", "Correct.", "unmitigated_command", None),
    ("blame", "Could you keep bed 4 NPO after midnight?", "blame", None),
    ("dismissive", "Busy.", "dismissive", "Busy"),
    ("shouting", "Where are the labs???", "shouting_punctuation", "???"),
    ("shouting", "Seriously?!", "shouting_punctuation", "?!"),
    ("shouting", "Great, thanks!", "shouting_punctuation", None),
    ("condescension", "Obviously the dose is wrong", "condescension", "Obviously"),
    ("condescension", "As I already said, hold the heparin", "condescension", "As I already said"),
    ("condescension", "Per my last message, the consult is placed", "condescension", "Per my last message"),
    ("condescension", "The result is obvious from the chart", "condescension", None),
    ("condescension", "Thanks a lot", "sarcasm_candidate", "Thanks a lot"),
    ("condescension", "Thanks for nothing", "sarcasm", "Thanks for nothing"),
    ("blame", "You always forget the 6am labs", "blame", "You always"),
    ("blame", "you never answer pages", "blame", "you never"),
    ("blame", "This was your fault", "blame", "your fault"),
    ("blame", "Have you ever seen this rash?", "blame", None),
    ("dismissive", "Not my problem, ask nights", "dismissive", "Not my problem"),
    ("dismissive", "whatever, figure it out", "dismissive", "whatever"),
    ("dismissive", "The problem is fixed", "dismissive", None),
    ("insults", "Are you stupid?", "insult", "Are you stupid"),
    ("insults", "That was incompetent", "insult", "incompetent"),
    ("insults", "Lazy documentation again", "insult", "Lazy"),
    ("insults", "Assessment: stable", "insult", None),
    ("threats", "Do it or else", "threat", "or else"),
    ("threats", "I will write you up for this", "threat", "write you up"),
    ("threats", "Please report the values", "threat", None),
    ("profanity", "What the hell happened", "profanity", "hell"),
    ("profanity", "this is fucking ridiculous", "profanity", "fucking"),
    ("profanity", "Hello, shell of a plan", "profanity", None),
    ("cus_language", "I'm concerned about bed 4", "cus_concern", "I'm concerned"),
    ("cus_language", "This is a safety issue", "cus_concern", "safety issue"),
    ("cus_language", "I am uncomfortable with this dose", "cus_concern", "I am uncomfortable"),
    ("cus_language", "The patient is comfortable", "cus_concern", None),
    (
        "sbar_completeness",
        "Calling about [PATIENT] in room 12, post-op day 1, BP 80/40, I think she is bleeding, please come see her",
        "sbar_incomplete",
        None,
    ),
    (
        "sbar_completeness",
        "Calling about [PATIENT] in room 12, BP 80/40 and I think she is bleeding",
        "sbar_incomplete",
        "Calling about",
    ),
    (
        "sbar_completeness",
        "Calling about [PATIENT] in room 12, BP 80/40 and I think she is bleeding",
        "sbar_situation",
        "Calling",
    ),
    ("sbar_completeness", "Thanks for covering tonight, see you tomorrow", "sbar_incomplete", None),
    ("closed_loop", "ok", "terse_reply", "ok"),
    ("closed_loop", "Okay, will recheck the K at 14:00", "terse_reply", None),
]


@pytest.mark.parametrize(("detector", "text", "label", "span"), CASES)
def test_detector_table(
    assert_evidence: AssertEvidence, detector: str, text: str, label: str, span: str | None
) -> None:
    assert_evidence(detector, text, label, span)


CONTEXT_CASES = [
    ("cus_acknowledgement", "ok", "I'm concerned about bed 4, BP 80/40", "cus_unacknowledged", "ok"),
    (
        "cus_acknowledgement",
        "Good catch, on my way",
        "I'm concerned about bed 4, BP 80/40",
        "cus_acknowledged",
        "Good catch",
    ),
    ("cus_acknowledgement", "Fine", "This is a safety issue", "cus_unacknowledged", "Fine"),
    ("cus_acknowledgement", "ok", "Give 2 mg morphine IV", "cus_unacknowledged", None),
    ("cus_acknowledgement", "ok", None, "cus_unacknowledged", None),
    ("closed_loop", "Got it, 2 mg morphine IV now", "Give 2 mg morphine IV", "read_back", "2 mg"),
    ("closed_loop", "Will do", "Please recheck the potassium", "acknowledgement", "Will do"),
    ("closed_loop", "Will do", None, "acknowledgement", None),
]


@pytest.mark.parametrize(("detector", "text", "previous", "label", "span"), CONTEXT_CASES)
def test_context_detectors(
    assert_evidence: AssertEvidence, detector: str, text: str, previous: str | None, label: str, span: str | None
) -> None:
    assert_evidence(detector, text, label, span, previous=previous)
