"""Patient-identifier redaction decided by the words around a span (1.12): who is a patient, who a colleague or a
company, which number is the patient's, where someone stays."""

from __future__ import annotations

import pytest

from bedside.text.redaction import Redactor

STAFF = ["Ana Diaz", "Ben Oyelaran", "Grace Kim", "Will Turner", "Nora Lindgren", "Rachel Stone"]


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor(staff_names=STAFF)


def _found(redactor: Redactor, text: str) -> list[tuple[str, str]]:
    return [(s.type, text[s.start : s.end]) for s in redactor.redact(text).spans]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("can PT see mrs whitehorse before noon?", "whitehorse"),  # a rare name in lower case after "mrs"
        ("mr. pham in 12 wants water", "pham"),
        ("goc talk went well w/ grandson Prince at bedside", "Prince"),  # a relative word before a word of rank
        ("trauma alias Zzkilo, Trauma MRN 9000431 now identified", "Zzkilo"),
        ("registered under alias Kilo Delta until ID confirmed", "Kilo Delta"),
        ("2 pts on 4W: 402 Ana Diaz 81F and 416 Rudy Diaz, name alert placed", "Ana Diaz"),  # a namesake with age/sex
    ],
)
def test_names_found_from_their_context(redactor: Redactor, text: str, surface: str) -> None:
    assert ("PATIENT", surface) in _found(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "mod mr. noted on the echo, cards aware",  # mitral regurgitation, not a title
        "hx ms. on ocrevus, neuro following",
        "Brown (RT) is covering all the vents tonight",  # a colleague named with a role in brackets
        "Young and Hunter (the travelers) start monday on 7N",
        "Abbott rep bringing the new cartridges Thurs",  # a company's representative
        "need auth, ins Fidelis member id pending, call them",  # an insurer after an insurance label
        "Kronos is down, write your times on the paper sheet",  # a thing in the eponym list, read by the model
        "the Kelly clamps in the procedure cart are missing",
        "daughter in Germany wants updates by email",  # a country taken for a name
        "ED 12 pt sayng he has no ride home",  # a typo with a letter left out
    ],
)
def test_no_patient_name_in_staff_company_or_country_words(redactor: Redactor, text: str) -> None:
    assert [s for s in _found(redactor, text) if s[0] == "PATIENT"] == []


def test_common_names_that_are_states_stay_names(redactor: Redactor) -> None:
    assert ("PATIENT", "Washington") in _found(redactor, "Who is covering Washington tonight?")
    assert ("PATIENT", "Georgia") in _found(redactor, "Georgia in 12 wants water")


def test_a_name_before_a_record_word_is_no_town(redactor: Redactor) -> None:
    assert ("PATIENT", "Ahmad") in _found(redactor, "scanned into the wrong chart, HIM pls move to Ahmad MRN 01055612")
    assert ("PATIENT", "Marchand") in _found(redactor, "thank you card came from the Marchand family, in the break room")


@pytest.mark.parametrize(
    ("text", "kind", "surface"),
    [
        ("SSN on the face sheet is 034-62-1197, registration says it's wrong, last 4 should be 1179", "SSN", "1179"),
        ("APS report filed re neglect, neighbor called it in, intake # APS-2025-118042", "ID", "APS-2025-118042"),
        ("sign out - Mr. Vang rm 818, hospice consult placed, meeting tmrw 11/12", "DATE", "11/12"),
        ("Guerrero admitted 3 Nov, d/c Nov 10, readmit 11.12", "DATE", "11.12"),
        ("SNF bed at the Cranston facility once Medicaid active, est the 17th", "DATE", "the 17th"),
        ("needs Hmong interp for d/c teaching, pls book for the 10th", "DATE", "the 10th"),
        ("social work: Mrs. Paw and kids staying at Journey's End resettlement housing", "ADDRESS",
         "Journey's End resettlement housing"),
        ("ED 12 pt says he lives at the Hotel Niagara, no ID", "ADDRESS", "Hotel Niagara"),
    ],
)
def test_identifiers_found_from_their_context(redactor: Redactor, text: str, kind: str, surface: str) -> None:
    assert (kind, surface) in _found(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "update given via phone interpreter (Marshallese, ID# 40221) re the dialysis plan",
        "interp note: used language line ID 41872 for 22 min",
        "prior auth pending, call plan 1-800 number on card",
        "IT: workstation 5N-WOW3 IP 10.14.22.101 keeps dropping wifi",
        "staff meeting tmrw 11/12 in the conf room",
        "thanks for the 3rd time, we owe you",
        "staying at the Marriott tonight for the conference lol",
    ],
)
def test_no_identifier_in_staff_numbers_equipment_or_staff_dates(redactor: Redactor, text: str) -> None:
    assert [s for s in _found(redactor, text) if s[0] != "PATIENT"] == []
