"""The catalogue of evidence labels: category, severity, whether it is shown and whether it sets the tone.

Detectors emit labels; this table says what each means downstream. ``shown`` labels become findings a
person sees (highlighted spans); the others are features for the politeness model only (e.g. first-person
pronouns). ``affects_tone`` marks the conduct problems the tone label is computed from. ``threshold`` is
the minimum evidence score kept. Rule files (YAML) may add labels of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["positive", "info", "low", "medium", "high"]
SEVERITY_RANK: dict[str, int] = {"positive": 0, "info": 1, "low": 2, "medium": 3, "high": 4}
PROBLEM_SEVERITIES = frozenset({"low", "medium", "high"})


@dataclass(frozen=True, slots=True)
class LabelInfo:
    """How one evidence label is treated by the analyzer."""

    category: str
    severity: Severity
    shown: bool = True
    affects_tone: bool = False
    threshold: float = 0.5


def _politeness(severity: Severity = "positive", shown: bool = True) -> LabelInfo:
    return LabelInfo("politeness", severity, shown=shown)


def _conduct(category: str, severity: Severity, threshold: float = 0.5) -> LabelInfo:
    return LabelInfo(category, severity, shown=True, affects_tone=True, threshold=threshold)


LABELS: dict[str, LabelInfo] = {
    # Danescu-Niculescu-Mizil et al. (2013) strategies.
    "gratitude": _politeness(),
    "apology": _politeness(),
    "deference": _politeness(),
    "greeting": _politeness(),
    "please": _politeness(),
    "please_start": _politeness("info"),
    "indirect_btw": _politeness(),
    "direct_question": _politeness("info", shown=False),
    "direct_start": _politeness("info", shown=False),
    "counterfactual_modal": _politeness(),
    "indicative_modal": _politeness("info"),
    "hedge": _politeness(),
    "factuality": _politeness("info", shown=False),
    "first_person": _politeness("info", shown=False),
    "first_person_plural": _politeness("info", shown=False),
    "first_person_start": _politeness("info", shown=False),
    "second_person": _politeness("info", shown=False),
    "second_person_start": _politeness("info", shown=False),
    "positive_word": _politeness("info", shown=False),
    "negative_word": _politeness("info", shown=False),
    # Conduct problems.
    "unmitigated_command": _conduct("command", "low"),
    "demand": _conduct("command", "medium"),
    "urgent_command": LabelInfo("command", "info", shown=False),
    "condescension": _conduct("condescension", "medium"),
    "sarcasm": _conduct("condescension", "medium"),
    "sarcasm_candidate": LabelInfo("condescension", "info", shown=False),
    "blame": _conduct("blame", "medium"),
    "dismissive": _conduct("dismissive", "medium"),
    "shouting_caps": _conduct("shouting", "medium"),
    "shouting_punctuation": _conduct("shouting", "low"),
    "insult": _conduct("insult", "high"),
    "threat": _conduct("threat", "high"),
    "profanity": _conduct("profanity", "medium"),
    # Clinical team conventions.
    "sbar_situation": LabelInfo("sbar", "positive", shown=False),
    "sbar_background": LabelInfo("sbar", "positive", shown=False),
    "sbar_assessment": LabelInfo("sbar", "positive", shown=False),
    "sbar_recommendation": LabelInfo("sbar", "positive", shown=False),
    "sbar_incomplete": LabelInfo("sbar", "low"),
    "cus_concern": LabelInfo("cus", "positive"),
    "cus_acknowledged": LabelInfo("cus", "positive"),
    "cus_unacknowledged": LabelInfo("cus", "medium", affects_tone=True),
    "read_back": LabelInfo("closed_loop", "positive"),
    "acknowledgement": LabelInfo("closed_loop", "positive"),
    "terse_reply": LabelInfo("closed_loop", "info", shown=False),
    "curt_reply": _conduct("terse", "low"),
}

# Courtesy strategies that can make a message "respectful" when nothing else is wrong.
COURTESY_LABELS = frozenset(
    {
        "gratitude",
        "apology",
        "greeting",
        "please",
        "deference",
        "counterfactual_modal",
        "indirect_btw",
        "cus_acknowledged",
    }
)

UNKNOWN_LABEL = LabelInfo("other", "info", shown=True)
