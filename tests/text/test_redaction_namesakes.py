"""Patients who share a staff member's name, when the message says so (``namesakes.py``)."""

from __future__ import annotations

import pytest

from bedside.text.redaction import Redactor

ROSTER = ["Will Turner", "Jorge Alvarez", "Kofi Mensah", "Grace Kim", "Ana Diaz", "Mei Chen", "Samuel Osei"]


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor(staff_names=ROSTER)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Will in 12 (the pt, not Will Turner) wants to shower", "[PATIENT] in 12 (the pt, not Will Turner) wants to shower"),
        ("pt in 17 is ALSO named Jorge Alvarez - not our Jorge!", "pt in 17 is ALSO named [PATIENT] - not our Jorge!"),
        ("fyi the pt in 18 is also named Grace Kim, not our Grace", "fyi the pt in 18 is also named [PATIENT], not our Grace"),
    ],
)
def test_marks_the_patient_and_keeps_the_staff_member(redactor: Redactor, text: str, expected: str) -> None:
    assert redactor.redact_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "hi Ana - the pt in 4 is not ours, send to 5W",
        "Mei - pls check on 3W-4 (yes same name, pt not u), she's asking for the nurse",
        "pt in 22 - Samuel says no relation, he'll still take her",
        "Kofi can you cover 12, Grace is on break",
    ],
)
def test_leaves_staff_alone(redactor: Redactor, text: str) -> None:
    names = [text[s.start : s.end] for s in redactor.redact(text).spans if s.detector == "roster-namesakes"]
    assert names == []
