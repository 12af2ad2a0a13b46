"""Patient-identifier redaction of places: towns, streets without a house number, and the organisation's own sites."""

from __future__ import annotations

import pytest

from bedside.text.redaction import Redactor

STAFF = ["Ana Diaz", "Ben Oyelaran", "Grace Kim", "Will Turner"]


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor(staff_names=STAFF)


@pytest.mark.parametrize(
    "text", ["got a call from Milton about the bill", "dialysis in Pierre MWF, missed fri d/t snow", "son of Milton is here"]
)
def test_first_name_town_is_no_place_after_a_message_or_service_word(redactor: Redactor, text: str) -> None:
    assert [s for s in redactor.redact(text).spans if s.type == "ADDRESS"] == []


def test_site_names_are_nobodys_home() -> None:
    """The organisation's sites stay, by full name, brand, short form and building floor; a town that is someone's
    home and a patient's name still go."""
    redactor = Redactor(staff_names=["Grace Kim"], site_names=["Lakeshore Medical Center", "the Juneau Tower", "Lakeshore Fox Valley"])
    for text in ("Lakeshore ED has 3 boarders", "meet at the Juneau Tower lobby", "transfer to Lakeshore Fox Valley",
                 "CNA float from Fox Valley tonight", "omnicell on Juneau 5 is locked"):
        assert redactor.redact(text).spans == [], text
    assert Redactor().redact("transfer to Lakeshore Fox Valley").spans != []  # no sites configured: a place
    result = redactor.redact("pt lives in Fox Valley, daughter Juneau Smith at bedside")
    assert [s.type for s in result.spans] == ["ADDRESS", "PATIENT"]


def test_a_site_named_after_its_town_leaves_the_town() -> None:
    """The town alone after a place word is the town ("the Walmart in Elko"), unless a part of the hospital follows
    it or staff move people or work between sites ("wait time in Elko ED", "transferred from Elko")."""
    redactor = Redactor(site_names=["Desert Sage Medical Center", "Desert Sage Elko"])
    for text in ("Rx went to the Walmart in Elko, pls resend", "his brother drove down from Elko yesterday"):
        assert [(s.type, text[s.start : s.end]) for s in redactor.redact(text).spans] == [("ADDRESS", "Elko")], text
    for text in ("wait time in Elko ED was 6 hrs", "transferred from Elko overnight", "telehealth from Elko for a stroke alert",
                 "Elko lab is down, sending to main"):
        assert redactor.redact(text).spans == [], text


def test_site_buildings_by_floor_and_part() -> None:
    """A building's first word next to a floor or a part of the building is the building; a street of that name stays an address."""
    redactor = Redactor(site_names=["Balboa Pavilion", "Catawba Pavilion"])
    for text in ("9 Catawba has 2 clean beds", "badge reader at Catawba ambulance bay broken again",
                 "flu shots in the Balboa basement", "family meeting moved to 1530, Balboa 2 conf rm"):
        assert redactor.redact(text).spans == [], text
    assert [s.type for s in redactor.redact("new address 400 Balboa Dr apt 2").spans] == ["ADDRESS"]


def test_a_town_someone_flew_in_from_but_no_state(redactor: Redactor) -> None:
    text = "son flew in from Chicago last night"
    assert [(s.type, text[s.start : s.end]) for s in redactor.redact(text).spans] == [("ADDRESS", "Chicago")]
    assert redactor.redact("son flew in from Arizona last night").spans == []


@pytest.mark.parametrize(("text", "value"), [
    ("Emergency contact: son H: 606-785-3314 addr Hindman KY", "Hindman KY"),
    ("pt from Alter St, chest pain r/o ACS", "Alter St"),
    ("pharmacy on file CVS Cottman Ave, routed to Dr Grant", "Cottman Ave"),
    ("going home w/ family, f/u letter to New Holland", "New Holland"),
    ("ambulance taking him home to Terrebonne Parish, ETA 2h", "Terrebonne Parish"),
    ("pt lives out in Pike County, no ride for f/u", "Pike County"),
    ("custody from Harris County Jail, deputy at bedside", "Harris County Jail"),
    ("found down in the lot behind the Circle K on Fannin, GCS 8", "Fannin"),
    ("wife works days at the Kroger on W Broad, call after 5", "W Broad"),
    ("back to Magnolia Gardens memory care tomorrow, report called", "Magnolia Gardens"),
])
def test_towns_and_streets_without_a_house_number(redactor: Redactor, text: str, value: str) -> None:
    assert [(s.type, text[s.start : s.end]) for s in redactor.redact(text).spans][-1] == ("ADDRESS", value)


@pytest.mark.parametrize("text", [
    "Cook County Health faxed the records", "seen at Sanford on Monday for the same thing", "report from Elko on Smith, John is in",
    "Transferred pt to ICU on 14th of May at 0730",
])
def test_counties_and_streets_that_are_not_a_home(redactor: Redactor, text: str) -> None:
    """A health system named for its county, a weekday or a date after "on", a patient after "report ... on"."""
    assert [s for s in redactor.redact(text).spans if s.type == "ADDRESS" and s.detector == "addresses"] == []


@pytest.mark.parametrize("text", ["new nurse is Chloe, MD is Dr Murphy", "Attending: Stone, Rachel MD", "letter to Grace re: her schedule"])
def test_a_state_code_after_a_name_is_no_address(redactor: Redactor, text: str) -> None:
    assert "ADDRESS" not in [s.type for s in redactor.redact(text).spans]


def test_a_site_named_like_an_employer_or_a_nickname_is_the_site() -> None:
    """'Big Sioux' reads as a Big/Lil nickname and 'Falls Park Pavilion' as an employer, but both are the site."""
    redactor = Redactor(staff_names=["Chloe Martin"], site_names=["Big Sioux Tower", "Falls Park Pavilion"])
    assert redactor.redact("transport to Big Sioux Tower cath lab: we need the monitor").spans == []
    assert redactor.redact("is anyone else's badge not working at the Falls Park Pavilion door?").spans == []
    text = "pt works at Cumberland Lumber, witnessed by coworker"
    assert [text[s.start : s.end] for s in Redactor(site_names=["Cumberland Medical Center"]).redact(text).spans] == ["Cumberland Lumber"]


@pytest.mark.parametrize(
    "text",
    [
        "who has the keys to the pyxis override on 5 West, Ana says she left them at the desk",
        "Grace is charge today on 5 South, Ben on 4N",
        "Martin Luther King Day schedule is out, holiday pay applies",
        "ED: 19yo Mardi Gras float fall, lac to scalp, CT head neg",
        "everyone works either Lundi Gras or Fat Tuesday no exceptions",
        "vaccine clinic for staff flu shots Tues-Thurs in the lobby",
    ],
)
def test_units_weekdays_and_holidays_are_no_names(text: str) -> None:
    assert Redactor(staff_names=STAFF).redact(text).spans == []


def test_weekdays_are_trimmed_off_a_name_and_thu_stays_a_name() -> None:
    redactor = Redactor(staff_names=STAFF)
    text = "infusion appt for Mrs. Alston Fri 11/14 0800"
    names = [text[s.start : s.end] for s in redactor.redact(text).spans if s.type == "PATIENT"]
    assert names == ["Alston"]
    redacted = redactor.redact("re: Thu Nguyen (not Thuy) - allergies PCN + sulfa").text
    assert redacted.startswith("re: [PATIENT]") and "Thu " not in redacted  # "Thu" is a name, not Thursday
