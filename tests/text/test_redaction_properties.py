"""Properties of redaction on any text: offsets map input to output, and redacting twice changes nothing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bedside.text.redaction import Redactor


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    """A roster whose names the fragments below use ("Ana Diaz ", "Grace ", "Will ")."""
    return Redactor(staff_names=["Ana Diaz", "Ben Oyelaran", "Grace Kim", "Will Turner"])


_fragments = st.sampled_from(
    [
        "pt ", "Pt ", "Mr. ", "daughter ", "room 12 – ", "bed 4: ", "John ", "Smith ", "smith ", "Grace ", "Will ",
        "Brown ", "MRN ", "4471123 ", "00451234, ", "K 3.1, ", "40 mEq ", "DOB ", "3/4/25 ", "2025-03-04 ", "March 4th ",
        "4 Mar ", "(217) 555-0143 ", "fax ", "123-45-6789 ", "a@b.org ", "94 yo ", "12 Oak Street ", "in 4b ", ", ", ". ",
        "Ana Diaz ", "on ", "at 14:00 ", "[PATIENT] ", "é ", "\n", "Lopez ", "in bed 3 ", "'s ",
    ]
)
clinical_text = st.lists(_fragments, max_size=14).map("".join)
any_text = st.one_of(st.text(max_size=120), clinical_text)
_FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(any_text)
def test_offsets_map_input_to_output(redactor: Redactor, text: str) -> None:
    result = redactor.redact(text)
    assert len(result.spans) == len(result.placeholders)
    prev_end = 0
    rebuilt = []
    for span, ph in zip(result.spans, result.placeholders, strict=True):
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= prev_end, "spans overlap or are out of order"
        assert result.text[ph.start : ph.end] == f"[{span.type}]"
        rebuilt.append(text[prev_end : span.start])
        rebuilt.append(f"[{span.type}]")
        prev_end = span.end
    rebuilt.append(text[prev_end:])
    assert "".join(rebuilt) == result.text


@_FAST
@given(any_text)
def test_redacting_twice_changes_nothing(redactor: Redactor, text: str) -> None:
    once = redactor.redact(text).text
    assert redactor.redact(once).text == once
