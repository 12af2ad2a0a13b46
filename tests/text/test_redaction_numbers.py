"""Redaction of labelled numbers, passwords and the words around them that are no patient's (1.11.1)."""

from __future__ import annotations

import pytest

from bedside.text.redaction import Redactor

STAFF = ["Ana Diaz", "Ben Oyelaran", "Grace Kim", "Will Turner"]


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor(staff_names=STAFF)


@pytest.mark.parametrize(
    ("text", "kind", "surface"),
    [
        ("she gave the password crawfish22, dont give out info", "ID", "crawfish22"),
        ('verified DOB and password "bluebird", updated her', "ID", "bluebird"),
        ("Nanuk, Apaa PICU bed 2, IHS # 9810023774", "ID", "9810023774"),
        ("detainee from the processing center, A-number A219883406, abd pain", "ID", "A219883406"),
        ("transfer center: Valenzuela, Ricardo FMC-3310992 from urgent care", "MRN", "FMC-3310992"),
    ],
)
def test_passwords_and_labelled_numbers(redactor: Redactor, text: str, kind: str, surface: str) -> None:
    spans = redactor.redact(text).spans
    assert any(s.type == kind and surface in text[s.start : s.end] for s in spans), spans


@pytest.mark.parametrize(
    "text",
    [
        "pt in 29 wants to know the wifi password lol",
        "IT says call ext 6612 for password resets",
        "crash cart on 5 South restocked and sealed, lock # 0088413, log signed",
        "pt fell at 0320, unwitnessed, no injury, incident report #IR-20331 filed",
    ],
)
def test_no_identifier_in_passwords_talk_locks_and_incident_reports(redactor: Redactor, text: str) -> None:
    assert [s for s in redactor.redact(text).spans if s.type in ("ID", "PATIENT")] == []


def test_a_nationality_before_male_is_no_name(redactor: Redactor) -> None:
    assert "Honduran" in redactor.redact("SW: Honduran male ~35, works construction, need interpreter").text


def test_a_chart_name_after_on_is_no_street(redactor: Redactor) -> None:
    spans = redactor.redact("Ben can u look at BMP on Garcia, Maria Elena MRN 004471829 K 5.9").spans
    assert not any(s.type == "ADDRESS" for s in spans)


def test_a_year_after_a_month_and_day_is_no_ssn(redactor: Redactor) -> None:
    text = "records request: Maria Cruz SSN last 4 4471, DOB Jan 5 1979, mail to her"
    assert [(s.type, text[s.start : s.end]) for s in redactor.redact(text).spans] == [
        ("PATIENT", "Maria Cruz"), ("SSN", "4471"), ("DOB", "Jan 5 1979")]


@pytest.mark.parametrize(("text", "value"), [
    ("truck plate DHW-M45 in the ED lot", "DHW-M45"),
    ("pt dob 031452, pls call back", "031452"),
    ("Name Ruiz Ana Sex F DOB 14MAR1947", "14MAR1947"),
])
def test_plates_and_dates_in_run_together_shapes(redactor: Redactor, text: str, value: str) -> None:
    assert value in [text[s.start : s.end] for s in redactor.redact(text).spans]


def test_record_numbers_in_lists_and_protective_reports(redactor: Redactor) -> None:
    """A long bare number after 'Last, First' is a record number; a protective-services report number is an ID."""
    assert [(s.type, s.start) for s in redactor.redact("page ortho: Shamoun, Nahrain 5529-0831 ready for OR").spans] == [
        ("PATIENT", 12), ("MRN", 29)]
    result = redactor.redact("APS report filed for Mrs. Kowalski, report # 2025-APS-4471, SW following")
    assert [s.type for s in result.spans] == ["PATIENT", "ID"]
    assert [s.type for s in redactor.redact("Bell, Marcus 4411 for questions").spans if s.type == "MRN"] == []


def test_an_ssn_clause_ending_inside_a_record_number_leaves_it_whole(redactor: Redactor) -> None:
    """The SSN clause reads 70 characters on; a record number it ends inside is no pair of SSN last-fours."""
    text = "registration: Hector Maldonado SSN 412-66-0938 merged w/ wrong chart, HIM fixing, DONT chart on MRN 00881204"
    assert [(s.type, text[s.start : s.end]) for s in redactor.redact(text).spans][-1] == ("MRN", "00881204")
