"""Patient-identifier redaction decided by the words around a span (1.12): who is a patient, who a colleague or a
company, which number is the patient's, where someone stays (1.12.1 adds doctors and namesakes who are patients,
sign-out rows, nicknames, towns with a ZIP or a state; 1.13 the right type for a span whose words could be a town or a
name, and the clinical, colour, company and colleague words that are no one's name)."""

from __future__ import annotations

import pytest

from bedside.text.redaction import Redactor

STAFF = ["Ana Diaz", "Ben Oyelaran", "Grace Kim", "Will Turner", "Nora Lindgren", "Rachel Stone", "Marcus Bell", "Mei Chen", "Olivia Grant"]


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
        ("Grace the pt in 818 is asking for her charger", "Grace"),
        ("Dr. Feinberg (the pt, retired surgeon) is questioning every order", "Feinberg"),  # a doctor who is the patient
        ("VIP: pt is retired Dr. Stanley Feldman, pls limit chart access", "Stanley Feldman"),
        ("sign out 8E: Faith 802 - sickle crisis, PCA; Young 806 - hepatic enceph", "Faith"),  # a sign-out row
        ("CJ (Christopher Boateng) in chair 7 wants to go home", "CJ"),  # a nickname before the name in brackets
        ("Armine (pt's wife) says he takes metoprolol", "Armine"),  # a drug-list word the message says is a name
        ("family update: dtr will bring Pa Houa's meds tmrw", "Pa Houa"),  # the model may not drop a stated name
        ("PHARM: pt Nou Xiong pharmacy contact in chart is wrong", "Nou Xiong"),  # a patient, not a pharmacy
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
        "opioid stewardship list is all 6W pts, Grace will send it",  # a plural patient word ends its clause
        "welcome our new CNAs Hunter to 6W!!",  # staff words in the plural
        "A-line in 9 is dampened, flushed and repositioned",  # a letter and a hyphen make a thing
        "Dr. Park is the attending, pt seen by Dr. Kim today",
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
        ("Mr. Batiste says he lives under the Claiborne overpass, chronic wound", "ADDRESS", "Claiborne overpass"),
        ("pt lives in Tunica, 45 min out", "ADDRESS", "Tunica"),  # a town that is also an anatomical word
        ("grandma drove from Red Wing in the storm", "ADDRESS", "Red Wing"),  # no hospital wing
        ("got admitted up in Fond du Lac last year", "ADDRESS", "Fond du Lac"),
        ("security: MPD notified, home is Whitehaven", "ADDRESS", "Whitehaven"),
        ("van home to 2917 W. Lincoln Ave Apt 3, Milwaukee 53215 at 1100", "ADDRESS", "Milwaukee 53215"),
        ("addr 3318 S. Herman St 53207, SSN on file 391-66-0248", "ZIP", "53207"),
        ("Pt: Tuluk, Margaret | 11/30/1948 | E00381922 | Rm 5203-A", "MRN", "E00381922"),
        ("pts daughter says he was born Christmas day 1944, chart says 12/26", "DOB", "Christmas day 1944"),
        ("verified privacy pin 4472, ok to give update", "ID", "4472"),
        ("pickup at Carr. 2 km 14.5, Bo. Candelaria, Toa Baja PR 00949", "ADDRESS", "Carr. 2 km 14.5, Bo. Candelaria, Toa Baja"),
        ("pickup at Carr. 2 km 14.5, Bo. Candelaria, Toa Baja PR 00949", "ZIP", "00949"),
        ("address on file Urb. Las Delicias, Ponce", "ADDRESS", "Urb. Las Delicias, Ponce"),
        ("pickup from Residencial Luis Llorens Torres edificio 48 apt 912", "ADDRESS", "edificio 48 apt 912"),
        ("cita de seguimiento el 3 de diciembre a las 9am", "DATE", "3 de diciembre"),
        ("tengo mareos desde el lunes 10", "DATE", "lunes 10"),
        ("la paciente nacida el 2 de mayo de 1942", "DOB", "2 de mayo de 1942"),
        ("pt's SSN on the face sheet is wrong, should end in 4471", "SSN", "4471"),
        ("wallet w/ cash, NV DL# 2210398845, phone, keys", "ID", "2210398845"),
        ("family mtg for Uriarte moved to Friday 11/7, palliative attending", "DATE", "11/7"),
        ("dialysis chair MWF 0600 at outpt unit, start the 10th", "DATE", "the 10th"),
        ("EMS: 88M ejected, Kingman area (AZ side)", "ADDRESS", "Kingman"),
        ("Medicare card is the old HICN 004-32-1177A, need new MBI", "ID", "004-32-1177A"),
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
        "anyone want to split a pizza, ordering from the place on Eastern Ave",  # staff ordering food
        "family meeting for 8 moved to 1400, conf rm B",  # a time after "moved to"
        "RT: abg 7.29/58/64, bipap 12/6 started",  # ventilator settings
        "Grace is out 11/16-11/20, pls block her template",  # a colleague's absence
        "pt relations ticket #PR-4410, PR 180 ms on the EKG",  # no Puerto Rican road
        "bed board: 5 Oeste has 2 clean, lactate 4.2 on 2 Sur bed 14",  # units in Spanish
        "PCP out till 11/23, can covering sign?",
    ],
)
def test_no_identifier_in_staff_numbers_equipment_or_staff_dates(redactor: Redactor, text: str) -> None:
    assert [s for s in _found(redactor, text) if s[0] != "PATIENT"] == []


def test_a_house_number_in_an_ssn_message_is_no_ssn(redactor: Redactor) -> None:
    found = _found(redactor, "addr on file, SSN 391-66-0248, house at 3318 S. Herman")
    assert ("SSN", "391-66-0248") in found and ("SSN", "3318") not in found


# 1.13
@pytest.mark.parametrize(
    ("text", "kind", "surface"),
    [
        ("records request from Cortez, Alma DOB 3-9-1966 to her lawyer", "PATIENT", "Cortez, Alma"),
        ("call from Bayan (pt's wife) about his stools", "PATIENT", "Bayan"),  # a relative in brackets, not a town
        ("the POA is Margaret Grant, no relation to Olivia", "PATIENT", "Margaret Grant"),
        ("baby girl Stone feeding well, bili tmrw", "PATIENT", "Stone"),  # a staff surname after "baby girl"
        ("Marcus Bell Jr. admitted to 302 overnight", "PATIENT", "Marcus Bell"),
        ("pt in 512 nguyen c/o nausea again", "PATIENT", "nguyen"),  # lower case right after the patient's room
        ("sign-out: 1) Klassen rate controlled 2) Wiebe EGD done 3) bed 9 K recheck", "PATIENT", "Wiebe"),
        ("pharmacy is Hy-Vee on Cornhusker, cb 402-555-0173", "ADDRESS", "Cornhusker"),  # a store's street, not a name
        ("stays at the camp under the bridge by Finley Blvd", "ADDRESS", "Finley Blvd"),
        ("lives at Cedar Crest Apts apt 14B with her son", "ADDRESS", "apt 14B"),
        ("dc'd to the shelter on Main St, Middletown with a bus pass", "ADDRESS", "Middletown"),
        ("lives Lake Village, daughter drives her", "ADDRESS", "Lake Village"),
        ("cab home to 2231 Q St Lincoln 68503 at 1500", "ZIP", "68503"),
        ("addr Rt 2 Box 114 Seminole TX 79360", "ADDRESS", "Rt 2 Box 114"),
        ("APS case # for her is APS-2025-118870, worker is Ms. Tate", "ID", "APS-2025-118870"),
        ("Sabic, Edin (E2218847) - allergy: sulfa", "MRN", "E2218847"),  # a record number in brackets after the name
    ],
)
def test_identifiers_get_their_type_113(redactor: Redactor, text: str, kind: str, surface: str) -> None:
    assert (kind, surface) in _found(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Olivia Grant is charge on 5S, Mei Chen on 4N tonight",  # colleagues on their units
        "Dr. Kim is out Dec 1-5, her pts move to another schedule",  # a month with its day
        "short-term disability forms faxed to HR",  # hyphenated everyday words
        "RN-to-RN report given, tele-visit link resent",
        "blood bank says she has anti-Kell, crossmatch 3 hrs",
        "hunter green scrubs approved for techs",  # a colour
        "dc'ing him today, ok'd by surgery",  # verbs written with an apostrophe
        "Hunter from IT will fix the badge readers at 2",  # a colleague's department
        "Faith is the new grad on nights, be nice",
        "rash on both arms after bactrim, hold next dose",  # clinical words that are also surnames
        "2 sitters tonight, rm 411 and 417",
        "anyone have a Doppler? cant find pulses",
        "Press Ganey scores are in, 91st percentile",
        "Gullah speaker requested for the family meeting",
        "secondary insurance is Ambetter, update the facesheet",
    ],
)
def test_no_patient_name_in_these_113(redactor: Redactor, text: str) -> None:
    assert [s for s in _found(redactor, text) if s[0] == "PATIENT"] == []


def test_a_country_is_no_town(redactor: Redactor) -> None:
    assert ("ADDRESS", "Bosnia") not in _found(redactor, "cousin Farid visiting from Bosnia, no phone")


def test_a_room_code_or_a_seal_is_no_identifier(redactor: Redactor) -> None:
    found = _found(redactor, "Pt Name: Tubbs, Earl FIN 900034517 Loc: 5N-512-A, crash cart seal # 448102")
    assert ("ID", "900034517") in found
    assert not [s for s in found if s[1] in ("5N-512-A", "448102")]


def test_a_time_after_in_is_no_room(redactor: Redactor) -> None:
    """"Kowalski in 2 days": the number is a span of time, so it is no room that makes the word a patient's name."""
    room_reason = "A name followed by a room"
    assert any(s.reason.startswith(room_reason) for s in redactor.redact("Kowalski in 2 needs meds").spans)
    assert not any(s.reason.startswith(room_reason) for s in redactor.redact("Ask Kowalski in 2 days").spans)


@pytest.mark.parametrize(
    ("text", "kind", "surface"),
    [
        ("Emergency contact home: 2209 N Sherman Dr Indianapolis, IN 46218", "ZIP", "46218"),  # after a state's code
        ("Blood bank: 2u ready for Guillory, Wanda CBM4471902, T&S expires tonight", "MRN", "CBM4471902"),
        ("BED REQUEST: Broussard, Odile 0091-227-54 tele", "MRN", "0091-227-54"),
        ("need pt's last 4 of SS 4471 for the disability form", "SSN", "4471"),  # "last 4 of SS"
        ("pt says ssn is 436229018 but registration typed 436229081", "SSN", "436229081"),
        ("address changed to Lakeside Pointe Apts #214, Speedway, pls update", "ADDRESS", "Speedway"),
        ("BOLO: may head to the bus stop, lives near 38th and Post", "ADDRESS", "38th and Post"),  # a corner
        ("pt 19F from the 7th Ward, asthma exac", "ADDRESS", "7th Ward"),
        ("lives in a trailer off Rt 47 outside town", "ADDRESS", "Rt 47"),
        ("handoff - LaFountain, Marie (\"Sissy\") cellulitis L leg", "PATIENT", "Sissy"),  # a quoted nickname
        ("Bubba in 7 (real name Alphonse Hebert) wants to smoke", "PATIENT", "Bubba"),
        ("pt in 22 Larry found w a lighter in his room", "PATIENT", "Larry"),
        ("phone msg - Pastor Hughes from pt's church wants an update", "PATIENT", "Pastor Hughes"),  # clergy, not staff
        ("SANE nurse needed for pt initials A.K. 16F", "PATIENT", "A.K"),
    ],
)
def test_identifiers_found_1131(redactor: Redactor, text: str, kind: str, surface: str) -> None:
    assert (kind, surface) in _found(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "pt Goldie Ward 94 lives alone",  # a surname, not a city ward
        "Chen, Mei-Ling 1939-04-22 admitted for CAP",  # a date of birth after "Last, First" is no record number
        "refill lisinopril 20 mg #90, Lemmon Drug, cb later",  # a quantity, not an apartment
        "both on 4th and 5th floors today",  # floors, not a corner
        "pt pastor visiting, rev 2 of the policy is out",
    ],
)
def test_not_these_identifiers_1131(redactor: Redactor, text: str) -> None:
    found = _found(redactor, text)
    assert not [s for s in found if s[0] in ("ADDRESS", "MRN") or s[1] in ("rev", "Ward")]


@pytest.mark.parametrize(
    ("text", "kind", "surface"),
    [
        ("ADT: Lucero, Cipriano 003771290 19350218 90Y M ADM 20251105 1422", "DATE", "20251105"),  # an EHR row's dates
        ("PENA, JOSE A JR ... E1028847 ... Enc 600338172", "MRN", "E1028847"),  # a record number's shape
        ("she was d/c'd 10-29 and never got her O2", "DATE", "10-29"),
        ("patient label: PEREZ, YOANDY DOB:11/30/1979 MRN:00884127", "DOB", "11/30/1979"),
        ("Bynum, Earl T 93 yo M from Tarboro, hip fx", "AGE>89", "93"),  # a middle initial, no temperature
        ("prep instructions mailed to 2344 Hwy 1 since no phone", "ADDRESS", "2344 Hwy 1"),
        ("EMS: found at home 322 Ave D in Hondo", "ADDRESS", "322 Ave D"),
        ("fell the 3rd, came in the 5th, surgery was the 6th", "DATE", "the 3rd"),
        ("Medicaid pending for her, application # 1009834756", "ID", "# 1009834756"),
        ("Pop (that's what he wants to be called) in 15 ate his lunch", "PATIENT", "Pop"),
    ],
)
def test_identifiers_found_1132(redactor: Redactor, text: str, kind: str, surface: str) -> None:
    assert (kind, surface) in _found(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "ADT: SLONE, DARRELL W ACCT 5511209384 ATT: DIAZ, ANA RM 4N-406",  # the attending's field, and a room
        "Hunter (the new tech) starts on nights tmrw, pls be nice",
        "Sam is precepting the new grad Brown this week",
        "requisition L8821044 redraw needed",  # a lab requisition
        "T 101 F at 0400, recheck",  # a temperature
        "Mr. Smith admitted 2-3 times this year",
    ],
)
def test_not_these_identifiers_1132(redactor: Redactor, text: str) -> None:
    found = _found(redactor, text)
    assert not [s for s in found if s[1] in ("DIAZ, ANA", "RM 4N-406", "Hunter", "Brown", "L8821044", "101", "2-3")]


@pytest.mark.parametrize(
    ("text", "kind", "surface"),
    [
        ("called mrs young re her husband's transfer, she is coming in", "PATIENT", "young"),  # a title, in lower case
        ("fingerstick on ms young 412, gave 8u per sliding scale", "PATIENT", "young"),
        ("Faith (the 19yo in 410) wants to leave AMA", "PATIENT", "Faith"),  # the message calls her the patient
        ("faith the pt in 3N-301 is asking for a chaplain visit", "PATIENT", "faith"),
        ("JT in hall bed 4 is the kid whose mom keeps calling", "PATIENT", "JT"),  # initials before a hall bed
        ("hearing screen failed R ear on baby Chen, repeat before d/c", "PATIENT", "Chen"),  # a staff surname
        ("works offshore for Gulf Coast Tubular, needs FMLA paperwork", "PATIENT", "Gulf Coast Tubular"),  # an employer
        ("pt's employer Sweetwater Trona Co called for a return date", "PATIENT", "Sweetwater Trona Co"),  # not a county
    ],
)
def test_identifiers_found_1133(redactor: Redactor, text: str, kind: str, surface: str) -> None:
    assert (kind, surface) in _found(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "SBAR: S- Mrs Goertzen new confusion B- 84F UTI",  # "Mrs [PATIENT] new": no title right before "new"
        "Mr. Chase (summer person, camp on the pond) fell off his dock",
        "Mei pls call the pt's niece about the POA",  # a verb before "the pt's"
        "mild mr and tr on the echo, ms young onset unlikely",
    ],
)
def test_no_lower_case_names_here_1133(redactor: Redactor, text: str) -> None:
    found = _found(redactor, text)
    assert not [s for s in found if s[1] in ("new", "summer person", "camp on", "call", "young", "and")]


@pytest.mark.parametrize(
    "text",
    [
        "istat cartridges expire 11/30, use the old box first",  # the hospital's own dates (1.13.4)
        "skills check-off for the new pumps due by 12/15 for all RNs",
        "anyone want to trade 12/24 for 12/31? I'll throw in a coffee",
        "reminder insulin gtt protocol updated 11/1, see sharepoint",
        "Nora's bday is the 14th, collecting $ for cake",
    ],
)
def test_staff_business_dates_are_no_identifiers(redactor: Redactor, text: str) -> None:
    assert _found(redactor, text) == []


def test_a_patient_date_stays_in_a_message_with_a_staff_word(redactor: Redactor) -> None:
    assert ("DATE", "11/30") in _found(redactor, "Mrs. Lopez surgery 11/30, NPO per the new protocol")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("can u look in on banks in 7A? pulling at lines", "banks"),  # someone in a room is no place (1.14.0)
        ("handoff KM 17F OD APAP, NAC bag 2 running", "KM"),  # initials before an age and sex (1.14.1)
        ("L.V. 210 hypoK repleting, R.G. 212 AKI watch UOP", "L.V"),  # initials written with dots, then a room
        ("B.T. s/p fall, POD 6 ORIF, ready for rehab", "B.T"),
        ("3) the Lee pt in 22 family mtg at 3", "Lee"),  # a listed name before "pt in" a room
        ("Dr Osei the Hunter kid in peds 3 spiked 39.2", "Hunter"),  # ... before "kid"
        ("the pt in 22 keeps saying his name is Bill but chart says otherwise", "Bill"),
        ("pt in 14 (Bill) wants to leave AMA", "Bill"),
        ("ED: pt is a contractor at Epic Universe, fell from scaffold", "Epic Universe"),  # an employer
        ("pt from Dalton, works at Shaw mill", "Shaw"),  # an employer, not the listed town Shaw
        ("she works at Hamilton Place so call after 6", "Hamilton Place"),  # an employer, not a street
        ("FMLA for Ms. Sy faxed to P&G HR", "P&G"),
        ("says he works remote for Northern Ag Supply", "Northern Ag Supply"),
    ],
)
def test_a_name_stays_a_name_1140(redactor: Redactor, text: str, surface: str) -> None:
    assert ("PATIENT", surface) in _found(redactor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bobby Joe Cantrell from Greenup County 41144, SW arranging bus voucher", ("ZIP", "41144")),  # ZIP after a town
        ("CM: Mr. Prater from Jackson, 45640, needs O2 walk", ("ZIP", "45640")),
        ("pt moved from Tunnel Hill to Chatsworth, new # on file", ("ADDRESS", "Chatsworth")),  # a town after a town and "to"
        ("letter to CEO from Patricia DeGroot of De Pere re ED wait time", ("ADDRESS", "De Pere")),  # after a person and "of"
        ("Chidi (pt's son) flying in from Houston Nov 9 to see him", ("DATE", "Nov 9")),  # the month is no part of the town
        ("Gloria Haugen s/p L TKA 11-05, PCA d/c'd", ("DATE", "11-05")),  # a month-day after "s/p" and a procedure
        ("Mrs. Krause chemo cycle 3 delayed to 11.24, ANC 0.8", ("DATE", "11.24")),  # ... with a dot
        ("psych hold on Keanu Mahoe expires 11/9 1615", ("DATE", "11/9")),
        ("card from the family of Edna Marlowe who was 96 years old", ("AGE>89", "96")),
        ("car in ED ambulance bay plate J47-KRT belongs to pt's family", ("ID", "J47-KRT")),
        ("Mary Rose Pusateri d/c'd 11.5.25, f/u clinic", ("DATE", "11.5.25")),  # a dotted date after a date word (1.14.2)
        ("exam done on Thompson, Kyle R, NEOB notified, ref # 25-11-0442", ("ID", "25-11-0442")),  # no date: year 0442
        ("APS referral sent re Mrs. Gauthier, grandson Kyle taking her checks, report # 2025-8841", ("ID", "2025-8841")),
        ("sheriff custody pt on 4W, deputy at door, inmate # BK25-009187", ("ID", "BK25-009187")),
        ("Medicare MBI on the face sheet for Mr. Labbe is 1EG4-TE5-MK72, old one rejected", ("ID", "1EG4-TE5-MK72")),
        ("pt drivers lic K 520 118 447 902 on file for ID verification", ("ID", "K 520 118 447 902")),
        ("path: A.V. bx S25-18842 shows adenocarcinoma", ("PATIENT", "A.V")),  # dotted initials before a biopsy
        ("D.M. 7W-5 - family now wants him full code again", ("PATIENT", "D.M")),
        ("recall list: E.M. 4/4/1939 overdue A1c", ("PATIENT", "E.M")),
        ('pt Patrick in 3 goes by "Paddy", pls use Paddy', ("PATIENT", "Paddy")),  # a stated nickname (1.14.3)
        ("Peanut (thats what he goes by, legal name Delmer Cline) is asking for the chaplain", ("PATIENT", "Peanut")),
        ("pt LD (initials only pls, privacy flag) rm 902, no info to callers", ("PATIENT", "LD")),
        ("ED: JB (pt initials per pt request) overdose, narcan x2 by EMS", ("PATIENT", "JB")),
        ("letter of complaint from Lester Goff of St. Albans dated Oct 30", ("ADDRESS", "St. Albans")),
        ("security: car in ER lot w/ lights on, plate 2T 48J19, belongs to pt's family", ("ID", "2T 48J19")),
        ("car blocking ambulance bay belongs to pt's family, FL tag QJK 4R7, pls move", ("ID", "QJK 4R7")),
        ("applied for emergency Medicaid, case # 1092837465 pending", ("ID", "# 1092837465")),  # no phone after "case #"
        ("CM - Hussain, Farah MRN 88120476 Ambetter U72004419-01, auth denied", ("ID", "U72004419-01")),
        ("registration: acct 700231995, ins BCBS ZGP884122301", ("ID", "ZGP884122301")),
        ("Reg: last 4 7713, DOB 3-14-55, name is spelled Nyakim Gatluak", ("SSN", "7713")),  # no SSN word (1.14.4)
        ("police report # 25-311902 for the assault pt in ED 11", ("ID", "25-311902")),
        ("meds to beds ready, copay $0, PRC referral # 22-04471 on file", ("ID", "22-04471")),
        ("charity care app started, no SSN, has ITIN 912-78-4410", ("ID", "912-78-4410")),  # an ITIN, not an SSN
        ("failed portal logins for the proxy acct from IP 2600:1700:5e10:9a0::2f", ("IP", "2600:1700:5e10:9a0::2f")),
        ("Mr Turner rescheduled to 12.03 at 0840, aware of fasting", ("DATE", "12.03")),
        ("Hunter Smalls d/c'd home w/ HH, first HH visit 11-10", ("DATE", "11-10")),
    ],
)
def test_more_identifiers_1141(redactor: Redactor, text: str, expected: tuple[str, str]) -> None:
    assert expected in _found(redactor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Rose and Hunter both called out sick, staffing looking for 2 RNs for nights",  # colleagues (1.14.1)
        "Hunter and Faith (the new grads) start on 3N monday, pls be nice",
        "Grace says the Swan is in, CI 1.8, starting dobutamine 2.5",  # the catheter
        "Dr Stone says the Swan on ICU 4 needs recalibrating",
        "Aetna 2025 plan changes meeting at noon",  # a year after an insurer is no member number
        "s/p CABG x3 10.5 yrs ago, EF 35%",  # a duration, no date
        "pt seen in ED, 94 yo F from home",  # "ED" before an age is the department, no initials
    ],
)
def test_no_identifiers_here_1141(redactor: Redactor, text: str) -> None:
    assert [s for s in _found(redactor, text) if s[0] != "AGE>89"] == []


def test_a_group_number_is_no_identifier(redactor: Redactor) -> None:
    found = _found(redactor, "reg: insurance card Aetna member W284019773 group 00481, subscriber is the wife")
    assert ("ID", "W284019773") in found and not [s for s in found if s[1] == "00481"]
