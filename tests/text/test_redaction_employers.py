"""Employers after a work cue and "Big"/"Lil" nicknames (``employers.py``)."""

from __future__ import annotations

import pytest

from bedside.text.redaction import Redactor
from bedside.text.redaction.employers import EmployerDetector


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Ms. Tran from Edison, works nights at UPS in Secaucus, wants work note thru Nov 15", "UPS"),
        ("pt's dtr can only come after her shift at Jewel-Osco, around 7", "Jewel-Osco"),
        ("Natasha (mom) asking for a letter for her job at Stop & Shop", "Stop & Shop"),
        ("workers comp - employer Puget Roofing, claim pending", "Puget Roofing"),
        ("husband was laid off from Microsoft and insurance lapsed", "Microsoft"),
        ("hey Grace, Big Mama in 6 keeps asking for her grandbaby", "Big Mama"),
        ("Hey Kofi, Lil Bit (pt in 320) is only 4'11 so pls get the small cuff", "Lil Bit"),
        ("forklift injury at Gulf Coast Packing, R foot crush, xray pending", "Gulf Coast Packing"),
        ("pt is a milker at Van Dyk Dairy, needs a work note", "Van Dyk Dairy"),
        ("hand caught in a baler at Three Rivers Farms this am", "Three Rivers Farms"),
        ("burn from a boiler at Delta Cotton Co, 12% TBSA", "Delta Cotton Co"),
        ("son got hurt at the Toyota plant in Georgetown, coming by EMS", "Toyota"),
        ("she slipped at Piggly Wiggly where she works, L wrist fx", "Piggly Wiggly"),
        ("crew boss from Sunset Farm Labor called about the 2 heat pts", "Sunset Farm Labor"),
    ],
)
def test_finds(text: str, surface: str) -> None:
    found = [text[c.start : c.end] for c in EmployerDetector().detect(text)]
    assert surface in found, found


@pytest.mark.parametrize(
    "text",
    [
        "works for Dr. Osei on nights this week",
        "he works at the hospital as a tech",
        "road washed out near Big Branch, HH visit moved",
        "BIG thanks to everyone on nights",
        "North Tower Construction starts Monday, use the east entrance",
        "Home Health Services will call the pt tomorrow",
        "transfer from Tulsa Co, ETA 1400",
    ],
)
def test_leaves_alone(text: str) -> None:
    assert EmployerDetector().detect(text) == []


def test_family_meetings_are_patient_dates() -> None:
    redactor = Redactor()
    assert redactor.redact_text("Family meeting Wed 11/20 @ 1500 for Mr. Staten") == "Family meeting Wed [DATE] @ 1500 for Mr. [PATIENT]"
    assert redactor.redact_text("staff mtg 11/12 at 1330, mandatory") == "staff mtg 11/12 at 1330, mandatory"
