"""Build the annotated redaction test set (tests/data/redaction/{dev,test}.jsonl and staff.csv).

Messages are rendered from hand-written templates of clinical team messages (pages, handoffs, lab
follow-ups, scheduling, escalations, family updates) filled from name and number pools. Typed slots
``{TYPE:generator}`` become gold spans; untyped slots ``{generator}`` (staff names, lab values,
doses, rooms, times, years) are filled but are not identifiers. The dev and test parts use
*different templates*, so figures on test measure generalisation to unseen phrasings, not just unseen
fill-ins. Deterministic: the same seed gives byte-identical files.

    .venv/bin/python scripts/make_redaction_testset.py
"""

from __future__ import annotations

import csv
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "redaction"
SEED = 20251127
PER_TEMPLATE = 4

STAFF = [
    "Ana Diaz", "Ben Oyelaran", "Chloe Martin", "Grace Kim", "Will Turner", "Marcus Bell", "Priya Raman",
    "Tom Hughes", "Leah Cohen", "Samuel Osei", "Nora Lindgren", "Jorge Alvarez", "Hannah Park", "Kofi Mensah",
    "Rachel Stone", "Ian Murphy", "Mei Chen", "Dev Sharma", "Olivia Grant", "Luis Ortega",
]
FIRST = [
    "James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer", "Carlos", "Aisha", "Wei",
    "Olga", "Tomasz", "Fatima", "Kwame", "Hiroshi", "Siobhan", "Dmitri", "Lucia", "Ahmed", "Jamal", "Ingrid",
    "Yusuf", "Bao", "Chidi", "Esperanza", "Mateo", "Nkechi", "Dorothy", "Harold", "Eleanor", "Walter", "Beatrice",
    "Earl", "Mildred", "Clarence", "Thanh", "Agnieszka", "Rahul", "Deborah", "Gloria", "Shanice", "Tyrone",
]
AMBIG_FIRST = ["Grace", "Hope", "Will", "Rose", "Faith", "Joy", "June", "Mark", "Bill", "Dawn", "Frank", "Ray", "Iris", "Ivy"]
LAST = [
    "Smith", "Garcia", "Nguyen", "Lopez", "Johnson", "Okafor", "Kowalski", "Nakamura", "Haddad", "Fitzgerald",
    "Romero", "Abernathy", "Castillo", "Delgado", "Yamamoto", "Ivanova", "O'Brien", "McAllister", "Santos", "Reyes",
    "Friedman", "Schultz", "Oduya", "Bergstrom", "Papadopoulos", "Whitfield", "Dubois", "Rossi", "Hoang", "Begay",
    "Tran", "Achebe", "Lindqvist", "Moreau", "Goldberg", "Novak", "Quintero", "Sokolov", "Wozniak", "Mbeki",
    "Thompson", "Hernandez", "Washington", "Jablonski", "Ramirez", "Kaur", "Petrov", "Adeyemi",
]
AMBIG_LAST = ["Brown", "White", "Young", "King", "Hall", "Wood", "Hill", "Long", "Green", "Black", "Rivers", "Love", "Day", "Cook", "Ward", "Frost"]
# Second pools, used only by the name-shape templates added in the fourth batch (any case, EHR forms).
FIRST2 = [
    "Teresa", "Ramon", "Yolanda", "Xavier", "Destiny", "Lorenzo", "Carmen", "Darnell", "Bridget", "Evelyn",
    "Stanley", "Marisol", "Kendra", "Gustavo", "Priscilla", "Leonard", "Imani", "Bernard", "Rosalind", "Hector",
]
LAST2 = [
    "Morales", "Gutierrez", "Fleming", "Ochoa", "Castro", "Barnes", "Burke", "Chambers", "Underwood", "Kaczmarek",
    "Adebayo", "Baptiste", "Holloway", "Pham", "Vasquez", "Schneider", "McCarthy", "Nwosu", "Lindberg", "Carver",
    "Stone", "Marsh", "Fox", "Bishop", "Rich",
]
# Third pools, used only by the fifth-batch test templates: hand-written for that batch (names met in
# US hospitals from many origins, including words used as names), never read by the detector and not
# taken from any list the detector uses.
FIRST3 = [
    "Oluwaseun", "Thandiwe", "Nikolai", "Svetlana", "Giovanni", "Francesca", "Joaquin", "Ximena", "Minh", "Jae-won",
    "Haruto", "Arjun", "Lakshmi", "Mehmet", "Elif", "Farah", "Zofia", "Blessing", "Precious", "Summer", "Aaliyah",
    "Jaylen", "Nevaeh", "Khalid", "Zainab", "Siddharth", "Emeka", "Ngozi", "Wanjiru", "Tariq", "Guadalupe", "Rocio",
    "Thiago", "José", "Anouk", "Bjorn", "Katarzyna", "Wojciech", "Fernanda", "Leticia", "Journey", "Bongani",
]
LAST3 = [
    "Oyelowo", "Chukwu", "Mwangi", "Otieno", "Kovalenko", "Shevchenko", "Bianchi", "Esposito", "Ferreira", "Oliveira",
    "Nascimento", "Yilmaz", "Demir", "Huynh", "Dang", "Takahashi", "Watanabe", "Choi", "Iyer", "Reddy", "Banerjee",
    "Rahimi", "Hosseini", "Mansour", "Khoury", "Zielinski", "Horvath", "Nagy", "Dimitrov", "Georgiou", "Virtanen",
    "Mendoza", "Acosta", "Villanueva", "Bautista", "Núñez", "Snow", "Moon", "Lane", "Gold", "Cross",
]
# Fourth pools, used only by the sixth-batch test templates (test-newer, 1.3.0): hand-written for that
# batch, never read by the detector, never given to the name scorer's training script.
FIRST4 = [
    "Adaeze", "Tendai", "Ifeoma", "Kateryna", "Bogdan", "Radek", "Ludmila", "Chiara", "Rafael", "Yesenia",
    "Dariusz", "Sunniva", "Mateus", "Hyun-woo", "Keanu", "Anahí", "Björn", "Søren", "Dilnoza", "Bakhyt",
    "Nomvula", "Sipho", "Kwabena", "Abena", "Harmony", "Genesis", "Honor", "Royal", "Crystal", "Autumn",
]
LAST4 = [
    "Okonkwo", "Mazur", "Nowicki", "Haugen", "Abboud", "Farouk", "Sadiq", "Nakagawa", "Pereira", "Castañeda",
    "Ibáñez", "Søndergaard", "Müller", "Trinh", "Phan", "Kariuki", "Wekesa", "Dlamini", "Mahlangu", "Asante",
    "Boateng", "Karimova", "Tursunov", "Ferencz", "Kuznetsova", "Baker", "Hunter", "Banks", "Field", "Mason",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
AREA = ["217", "312", "415", "617", "773", "206", "503", "720", "404", "919", "614", "305"]
STREETS = ["Oak", "Maple", "Cedar", "Elm", "Washington", "Lincoln", "Park", "Lakeview", "Hillcrest", "Sunset", "Prairie", "Willow"]
SUFFIX = ["Street", "St", "Ave", "Avenue", "Road", "Rd", "Drive", "Dr", "Lane", "Ct", "Blvd", "Way"]
CITIES = [("Springfield", "IL"), ("Chicago", "IL"), ("Oakland", "CA"), ("Worcester", "MA"), ("Tacoma", "WA"), ("Durham", "NC"), ("Dayton", "OH")]


def _pick(rng: random.Random, pool: list[str]) -> str:
    return pool[rng.randrange(len(pool))]


def _first(rng: random.Random) -> str:
    return _pick(rng, AMBIG_FIRST) if rng.random() < 0.25 else _pick(rng, FIRST)


def _last(rng: random.Random) -> str:
    return _pick(rng, AMBIG_LAST) if rng.random() < 0.25 else _pick(rng, LAST)


def _first2(rng: random.Random) -> str:
    return _pick(rng, FIRST2) if rng.random() < 0.6 else _first(rng)


def _last2(rng: random.Random) -> str:
    return _pick(rng, LAST2) if rng.random() < 0.6 else _last(rng)


_DRAWN: dict[str, str] = {}


def _last3(rng: random.Random) -> str:
    _DRAWN["last3"] = _pick(rng, LAST3)
    return _DRAWN["last3"]


def _last4(rng: random.Random) -> str:
    _DRAWN["last4"] = _pick(rng, LAST4)
    return _DRAWN["last4"]


def _date(rng: random.Random, year_lo: int = 2024, year_hi: int = 2026) -> str:
    y, m, d = rng.randint(year_lo, year_hi), rng.randint(1, 12), rng.randint(1, 28)
    mon = MONTHS[m - 1]
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(d, "th")
    return _pick(rng, [
        f"{m}/{d}/{y % 100:02d}", f"{m}/{d}/{y}", f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{mon} {d}",
        f"{mon} {d}{suffix}", f"{d} {mon[:3]}", f"{mon[:3]} {d}, {y}", f"{d:02d}.{m:02d}.{y}", f"{d}{suffix} of {mon}",
        f"{m}-{d}-{y}", f"{mon} {d}, {y}",
    ])


def _phone(rng: random.Random) -> str:
    a, e, n = _pick(rng, AREA), rng.randint(201, 989), rng.randint(0, 9999)
    return _pick(rng, [f"({a}) {e}-{n:04d}", f"{a}-{e}-{n:04d}", f"{a}.{e}.{n:04d}", f"{a} {e} {n:04d}", f"+1 {a} {e} {n:04d}", f"1-{a}-{e}-{n:04d}"])


def _address(rng: random.Random) -> str:
    num, street, suf = rng.randint(3, 9899), _pick(rng, STREETS), _pick(rng, SUFFIX)
    city, state = CITIES[rng.randrange(len(CITIES))]
    zipc = rng.randint(10000, 99999)
    return _pick(rng, [
        f"{num} {street} {suf}", f"{num} {street} {suf}, {city}, {state} {zipc}", f"{num} N {street} {suf}",
        f"{num} {street} {suf} Apt {rng.randint(1, 40)}{_pick(rng, ['', 'B', 'C'])}", f"{num} {street} {suf}, {city}",
    ])


def _email(rng: random.Random) -> str:
    f, last = _pick(rng, FIRST).lower(), _pick(rng, LAST).lower().replace("'", "")
    return _pick(rng, [f"{f}.{last}@gmail.com", f"{f[0]}{last}{rng.randint(40, 99)}@yahoo.com", f"{last}.family@outlook.com", f"{f}{rng.randint(1, 999)}@comcast.net"])


GEN: dict[str, Callable[[random.Random], str]] = {
    # identifiers
    "full": lambda r: f"{_first(r)} {_last(r)}",
    "full_lower": lambda r: f"{_first(r)} {_last(r)}".lower(),
    "first": _first,
    "last": _last,
    "last_lower": lambda r: _last(r).lower(),
    "last_upper": lambda r: _last(r).upper(),
    "lastfirst": lambda r: f"{_last(r)}, {_first(r)}",
    "mrn": lambda r: _pick(r, [str(r.randint(1000000, 9999999)), f"00{r.randint(100000, 999999)}", str(r.randint(10000000, 99999999)), f"E{r.randint(1000000, 9999999)}"]),
    "date": _date,
    "date_short": lambda r: f"{r.randint(1, 12)}/{r.randint(1, 28)}",
    "dob": lambda r: _date(r, 1925, 2004),
    "dob_full": lambda r: _pick(r, [f"{r.randint(1, 12)}/{r.randint(1, 28)}/{r.randint(1925, 2004)}", f"{r.randint(1925, 2004)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}", f"{_pick(r, MONTHS)} {r.randint(1, 28)}, {r.randint(1925, 2004)}"]),
    "phone": _phone,
    "phone10": lambda r: f"{_pick(r, AREA)}{r.randint(201, 989)}{r.randint(0, 9999):04d}",
    "email": _email,
    "url": lambda r: _pick(r, [f"https://www.gofundme.com/f/help-{_pick(r, FIRST).lower()}-{_pick(r, LAST).lower()}", f"www.facebook.com/{_pick(r, FIRST).lower()}.{_pick(r, LAST).lower()}{r.randint(1, 99)}", f"https://portal.mychart-example.org/p/{r.randint(10000, 99999)}"]),
    "ip": lambda r: f"{_pick(r, ['10', '172', '192', '73', '98'])}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
    "address": _address,
    "zip": lambda r: str(r.randint(10000, 99999)),
    "ssn": lambda r: f"{r.randint(100, 899)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}",
    "ssn4": lambda r: str(r.randint(1000, 9999)),
    "age90": lambda r: str(r.randint(90, 104)),
    "memberid": lambda r: _pick(r, [f"{_pick(r, ['XJH', 'W', 'BCX', 'MCD'])}{r.randint(100000, 999999999)}", f"{r.randint(1, 9)}EG{r.randint(1, 9)}-TE{r.randint(1, 9)}-MK{r.randint(10, 99)}"]),
    "acct": lambda r: str(r.randint(10000000, 999999999)),
    "serial": lambda r: f"{_pick(r, ['PJN', 'RNA', 'SN'])}{r.randint(100000, 9999999)}",
    "full2_lower": lambda r: f"{_first2(r)} {_last2(r)}".lower(),
    "full2_upper": lambda r: f"{_first2(r)} {_last2(r)}".upper(),
    "last2": _last2,
    "lastfirst2_upper": lambda r: f"{_last2(r)}, {_first2(r)}".upper(),
    "lastfirst2_lower": lambda r: f"{_last2(r)}, {_first2(r)}".lower(),
    "first3": lambda r: _pick(r, FIRST3),
    "first3_lower": lambda r: _pick(r, FIRST3).lower(),
    "last3": _last3,
    "again3": lambda r: _DRAWN["last3"],  # the surname drawn last, mentioned again (possessive, plural)
    "full3": lambda r: f"{_pick(r, FIRST3)} {_last3(r)}",
    "full3_lower": lambda r: f"{_pick(r, FIRST3)} {_last3(r)}".lower(),
    "full3_upper": lambda r: f"{_pick(r, FIRST3)} {_last3(r)}".upper(),
    "last3_lower": lambda r: _last3(r).lower(),
    "lastfirst3_upper": lambda r: f"{_last3(r)}, {_pick(r, FIRST3)}".upper(),
    "lastfirst3": lambda r: f"{_last3(r)}, {_pick(r, FIRST3)}",
    "first3_staff_last_lower": lambda r: f"{_pick(r, FIRST3)} {_pick(r, STAFF).split()[-1]}".lower(),
    "first3_staff_last": lambda r: f"{_pick(r, FIRST3)} {_pick(r, STAFF).split()[-1]}",
    "first4": lambda r: _pick(r, FIRST4),
    "first4_lower": lambda r: _pick(r, FIRST4).lower(),
    "last4": _last4,
    "last4_lower": lambda r: _last4(r).lower(),
    "again4": lambda r: _DRAWN["last4"],
    "full4": lambda r: f"{_pick(r, FIRST4)} {_last4(r)}",
    "full4_lower": lambda r: f"{_pick(r, FIRST4)} {_last4(r)}".lower(),
    "full4_upper": lambda r: f"{_pick(r, FIRST4)} {_last4(r)}".upper(),
    "lastfirst4_upper": lambda r: f"{_last4(r)}, {_pick(r, FIRST4)}".upper(),
    "first4_staff_last_lower": lambda r: f"{_pick(r, FIRST4)} {_pick(r, STAFF).split()[-1]}".lower(),
    # not identifiers
    "staff": lambda r: _pick(r, STAFF),
    "staff_lower": lambda r: _pick(r, STAFF).lower(),
    "staff_first_lower": lambda r: _pick(r, STAFF).split()[0].lower(),
    "staff_lastfirst_upper": lambda r: ", ".join(reversed(_pick(r, STAFF).upper().split())),
    "staff_first": lambda r: _pick(r, STAFF).split()[0],
    "staff_last": lambda r: _pick(r, STAFF).split()[-1],
    "room": lambda r: _pick(r, [str(r.randint(2, 40)), f"{r.randint(2, 9)}{r.randint(10, 40)}", f"{r.randint(1, 30)}{_pick(r, ['A', 'B'])}"]),
    "bed": lambda r: str(r.randint(1, 24)),
    "k": lambda r: f"{r.uniform(2.6, 5.9):.1f}",
    "na": lambda r: str(r.randint(124, 149)),
    "mg": lambda r: f"{r.uniform(1.1, 2.6):.1f}",
    "hgb": lambda r: f"{r.uniform(6.1, 14.9):.1f}",
    "cr": lambda r: f"{r.uniform(0.5, 4.8):.1f}",
    "inr": lambda r: f"{r.uniform(0.9, 4.5):.1f}",
    "lactate": lambda r: f"{r.uniform(0.8, 6.5):.1f}",
    "plt": lambda r: str(r.randint(18, 450)),
    "wbc": lambda r: f"{r.uniform(1.5, 24.0):.1f}",
    "glucose": lambda r: str(r.randint(45, 480)),
    "trop": lambda r: f"0.{r.randint(1, 99):02d}",
    "dose": lambda r: str(_pick(r, ["20", "40", "10", "5", "2", "1", "500", "1000", "80", "0.5", "4.5", "12.5", "25"])),
    "units": lambda r: str(r.randint(2, 30)),
    "time": lambda r: _pick(r, [f"{r.randint(0, 23):02d}:{_pick(r, ['00', '15', '30', '45'])}", f"{r.randint(1, 12)}{_pick(r, ['am', 'pm', ' pm', ' am'])}", f"{r.randint(0, 23):02d}{_pick(r, ['00', '30'])}", f"{r.randint(1, 12)}:{_pick(r, ['00', '30'])}"]),
    "year": lambda r: str(r.randint(2015, 2026)),
    "hr": lambda r: str(r.randint(48, 148)),
    "bp": lambda r: f"{r.randint(78, 190)}/{r.randint(40, 110)}",
    "rr": lambda r: str(r.randint(10, 34)),
    "spo2": lambda r: str(r.randint(84, 100)),
    "temp": lambda r: f"{r.uniform(35.8, 40.1):.1f}",
    "pain": lambda r: f"{r.randint(0, 10)}/10",
    "age": lambda r: str(r.randint(19, 89)),
    "count": lambda r: str(r.randint(2, 30)),
    "ext": lambda r: str(r.randint(2000, 8999)),
    "pager": lambda r: str(r.randint(10000, 99999)),
    "weekday": lambda r: _pick(r, ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    "o2": lambda r: str(r.randint(1, 6)),
}

DEV_TEMPLATES = [
    # pages / lab follow-ups
    "Pt {PATIENT:full} MRN {MRN:mrn}, K {k}, give {dose} mEq KCl PO and recheck in 4h",
    "pt {PATIENT:last_lower} in {room} c/o chest pain, trop {trop}, EKG unchanged. {staff_first} aware",
    "Mr. {PATIENT:last} in room {room} is asking for his wife, BP {bp} HR {hr}",
    "Mrs {PATIENT:last} refusing her {time} insulin, glucose {glucose}",
    "room {room} – {PATIENT:last} needs new IV access, last one infiltrated",
    "bed {bed}: {PATIENT:last}, Hgb {hgb} from {hgb}, consented for 1 unit PRBC",
    "Critical lab: {PATIENT:full} (MRN {MRN:mrn}) Na {na}, please call back x{ext}",
    "Lab called with K {k} on {PATIENT:last} in {room}, MRN {MRN:mrn}. Repleting {dose} mEq IV",
    "{PATIENT:last} in bed {bed} spiked to {temp}, cultures x2 sent at {time}",
    "Pls see pt {PATIENT:full} in {room}, RR {rr}, sats {spo2}% on {o2}L",
    "INR {inr} on {PATIENT:lastfirst}, holding warfarin tonight per {staff}",
    "FYI Ms. {PATIENT:last}'s lactate {lactate}, repeat ordered, {staff_first} at bedside",
    # handoffs
    "Handoff: {room} {PATIENT:last}, {age}M, DOB {DOB:dob}, admitted {DATE:date} for CHF, diuresing well",
    "Signout for {staff_first}: pt {PATIENT:last_lower} in {room} NPO after midnight for EGD on {DATE:date}",
    "Overnight: {PATIENT:full}, {AGE>89:age90} yo F with hip fx, delirium precautions, daughter {PATIENT:first} at bedside",
    "{PATIENT:last} ({room}) is a {AGE>89:age90}-year-old man, DNR/DNI, family meeting {weekday} at {time}",
    "Handing off {room}: Mr {PATIENT:full}, plt {plt}, no heparin products, HIT ab pending",
    "pt {PATIENT:full_lower} bed {bed} - ok to eat, d/c foley today",
    # families / contacts
    "Daughter {PATIENT:first} called for an update, her number is {PHONE:phone}",
    "Son {PATIENT:full} wants a callback at {PHONE:phone} after {time}",
    "wife (Mrs. {PATIENT:last}) at bedside, asking about discharge on {DATE:date}",
    "family of {PATIENT:full} waiting in the lobby, can {staff_first} talk with them?",
    "pt's husband {PATIENT:first} upset about wait time, please update him",
    "Pt {PATIENT:last} email for the portal invite is {EMAIL:email}",
    "Contact: {PATIENT:first} ({PATIENT:last}) cell {PHONE:phone}",
    # scheduling
    "Can we move {PATIENT:last}'s MRI to {DATE:date}? Radiology has {time} open",
    "Follow-up for {PATIENT:full} booked {DATE:date} at {time} with {staff}",
    "f/u appt on {DATE:date_short} for pt {PATIENT:last}, MRN {MRN:mrn}",
    "Fax discharge summary for {PATIENT:full} to PCP at {FAX:phone}",
    "Rehab accepted {PATIENT:last}, transfer {DATE:date}. Their fax {FAX:phone}",
    "pt lives at {ADDRESS:address}, needs transport home {DATE:date}",
    "Home health referral: {PATIENT:full}, {ADDRESS:address}, ph {PHONE:phone}",
    "Insurance member ID {ID:memberid} for {PATIENT:last} was denied, SW aware",
    "Billing needs account {ID:acct} for {PATIENT:full}",
    # escalations / safety
    "Rapid response called on {PATIENT:last} in {room} at {time}, HR {hr} BP {bp}",
    "Escalating: pt {PATIENT:full} MRN {MRN:mrn} lactate {lactate}, MAP 58, started {dose} mL/kg bolus",
    "Incident: {PATIENT:last} fell at {time}, no injury, CT head neg, family (son {PATIENT:first}) notified",
    "Security to {room}: pt {PATIENT:last_lower} agitated, pulled PIV",
    "Please check on Grandma {PATIENT:last} in {room}, she seems more confused since {DATE:date}",
    "SSN on the transfer form for {PATIENT:full} is {SSN:ssn}, please remove it from the chart",
    "{PATIENT:full} DOB {DOB:dob_full} MRN {MRN:mrn} allergy to PCN",
    "IT: someone logged into {PATIENT:last}'s record from {IP:ip}",
    "Pt {PATIENT:last} has a pacemaker, serial {ID:serial}",
    "GoFundMe for {PATIENT:first} going around: {URL:url}",
    "{PATIENT:last_upper}, {PATIENT:first} - {room} - K {k} Mg {mg}",
    "ED boarding: {PATIENT:full}, {AGE>89:age90}F, UTI, needs tele bed",
    # negatives
    "K {k}, Mg {mg}, give {dose} mEq KCl PO and recheck at {time}",
    "BP {bp}, HR {hr}, RR {rr}, SpO2 {spo2}% on {o2}L, pain {pain}",
    "Room {room} needs a commode, bed {bed} is clean and ready",
    "{staff} covering for {staff} tonight, pager {pager}",
    "{staff_first} can you swap shifts with {staff_first} on {weekday}?",
    "pt will need labs in the am, please hold heparin until {time}",
    "Insulin {units} units at {time}, glucose {glucose}, recheck before dinner",
    "Dr. {staff_last} aware, will reassess after 2 units PRBC",
    "Huddle at {time} in the {room} conference room, new policy from {year}",
    "Strength 4/5 bilateral, 1/2 NS at 75 mL/h, urine output ok",
    "Great job on the code blue today team, debrief at {time}",
    "Pharmacy: Zosyn 4.5 g q6h, next dose at {time}, vanc trough {count}",
    "Census {count}, {count} pending admits from ED, {count} discharges before noon",
    "Who has the key to the med room? {staff_first} needs it",
    "Reminder: skills fair {weekday}, sign up with {staff}",
    "CBC: WBC {wbc}, Hgb {hgb}, plt {plt}. BMP: Na {na}, K {k}, Cr {cr}",
    "New admit to {room} from ED, {age}M, sepsis, lactate {lactate}",
    "{staff_first} please page {staff_first} re bed {bed}, x{ext}",
    "Patient in {room} will be discharged after lunch, ride at {time}",
    "Thanks {staff_first}! Will do.",
    "Can someone grab a {count} Fr foley for {room}?",
    # second batch of dev phrasings (written after the first measurement, before looking at any test error)
    "Can someone check on {PATIENT:full}? call light on for 20 min",
    "{PATIENT:first} in {room} keeps asking for her son",
    "Labs back for {PATIENT:last_lower}: K {k}, Cr {cr}",
    "Re: {PATIENT:full} - PT/OT recs SNF",
    "update on {PATIENT:last} - extubated at {time}, on {o2}L NC",
    "Who is covering {PATIENT:last} tonight?",
    "{PATIENT:full} is a {age} yo with ESRD on HD MWF",
    "Hey, is {PATIENT:first} {PATIENT:last} still NPO?",
    "New admit: {PATIENT:lastfirst}, {age}F, pyelo",
    "Please sign the restraint order for {PATIENT:last} ({room})",
    "Pt name {PATIENT:full}, DOB {DOB:dob}, MRN {MRN:mrn}",
    "Discharged {PATIENT:last_lower} at {time}, ride was the neighbor",
    "bed {bed} {PATIENT:full_lower} needs vanc level",
    "Mrs. {PATIENT:first} {PATIENT:last} would like the chaplain",
    "Hospice liaison to see {PATIENT:full} {weekday}",
    "Is {PATIENT:last} in {room} on contact precautions?",
    "{PATIENT:last} family meeting at {time}, brother {PATIENT:first} and sister {PATIENT:first} coming",
    "can u d/c the foley on {PATIENT:last_lower}",
    "Tele tech: {PATIENT:full} in {room} had 12 beats of VT at {time}",
    "Ms. {PATIENT:last_lower} in {room} wants her night meds early",
    "Code blue {room}, {PATIENT:full}, ROSC at {time}",
    "Blood bank needs a new type and screen on {PATIENT:full}, MRN {MRN:mrn}",
    "Admit {PATIENT:first} {PATIENT:last} from ED to {room}, DOB {DOB:dob_full}",
    "Can someone help me boost the pt in {room}?",
    "Pt in {room} wants to talk to the doctor",
    "Lasix 40 mg IV given at {time}, UOP 600 mL",
    "Shout out to {staff_first} for the save tonight",
    "Bed {bed} is blocked for isolation until {time}",
    "Please remember to scan wristbands before meds",
    "Pt resting comfortably, no distress, call bell in reach",
    "Hope everyone has a good weekend!",
    "Will call back after rounds",
    "Huddle in the Jackson conference room at {time}",
    "M&M on {weekday}, {staff} presenting the sepsis case",
    # third batch of dev phrasings (after the second test measurement, still without looking at test errors)
    "Quick q about {PATIENT:full} - ok to give {dose} mg oxycodone?",
    "{PATIENT:first} {PATIENT:last} ({room}) c/o nausea, zofran given",
    "New consult: {PATIENT:last_lower}, {age}M, ?appendicitis",
    "Anyone know if {PATIENT:last} got their {time} heparin?",
    "Just FYI {PATIENT:last}'s son {PATIENT:first} is very upset",
    "Pls round on {PATIENT:last} first, hypotensive overnight",
    "{PATIENT:full_lower} - {room} - needs 2nd IV",
    "RRT for {PATIENT:first} {PATIENT:last}, {room}, now stable",
    "Nephew ({PATIENT:full}) is asking for records, told him to go through HIM",
    "Med rec for {PATIENT:last} done, started home meds",
    "Lab: hemolyzed K on {PATIENT:full}, redraw sent",
    "PT says {PATIENT:last} can go home with a walker",
    "Dietary: {PATIENT:last} in {room} wants vegetarian trays",
    "Transport for {PATIENT:full} to IR at {time}",
    "Patient {PATIENT:last_lower} refusing blood draw again",
    "Ask {PATIENT:full}'s wife to bring his CPAP",
    "Readmit: {PATIENT:full}, was here {DATE:date}, same complaint",
    "Pain 8/10 for {PATIENT:last}, PRN given {time}",
    "Hi team - {PATIENT:first} in {room} passed away at {time}. Family at bedside.",
    "Wound care consult for {PATIENT:last}, stage 3 sacral",
    "Can {staff_first} take {PATIENT:last} in {room}? I have 6",
    "Blood cx positive on {PATIENT:last}: GPC in clusters",
    "{PATIENT:last} went to CT at {time}, back at {time}",
    "Called {PATIENT:full} at home, no answer, left VM at {PHONE:phone}",
    "Interpreter needed for {PATIENT:last} (Vietnamese) at {time}",
    "Can you check the pump in {room}? it keeps alarming",
    "Who's taking the next admit? {staff_first} has 5",
    "Pain reassessed at {time}, now {pain}",
    "Staffing is short tonight, {staff_first} is floating to 6 West",
    "Please update the whiteboard in {room}",
    "Vanc 1250 mg q12h, trough before 4th dose",
    "Thank you all for your patience during the Epic downtime",
    # fourth batch: name shapes in any case (EHR "LAST, FIRST", lower-case "first last"), more room cues
    "EHR list: {PATIENT:lastfirst2_upper} / MRN {MRN:mrn} / rm {room}",
    "{PATIENT:lastfirst2_upper} in bed {bed} is on q2h turns, skin intact",
    "pt {PATIENT:lastfirst2_upper} due for CT abd at {time}",
    "can someone look in on {PATIENT:full2_lower} in {room}, call light on a lot",
    "{PATIENT:full2_lower} ({room}) needs a new IV, blew the last one",
    "handing over {PATIENT:full2_lower} to the night team, stable",
    "spoke with {PATIENT:full2_lower} about the plan, agrees to PT eval",
    "{PATIENT:full2_upper} - ED {bed} - waiting on the CT read",
    "lab called a critical K {k} for {PATIENT:full2_lower}, repleting",
    "bed {bed} ({PATIENT:last2}) K {k}, Mg {mg}",
    "pt {PATIENT:last2} in ER {bed} is asking for water, NPO?",
    "room {room} ({PATIENT:full2_lower}) c/o nausea since {time}",
    "{PATIENT:lastfirst2_lower} - {room} - sitter at bedside overnight",
    "{staff_lower} is covering {room} tonight",
    "{staff_first_lower}, can you look at bed {bed} when free?",
    "rm {room} fell, no injury, {staff_first} notified",
    "bed {bed}: syncope workup, tele ordered",
    "get a 12-lead on bed {bed} please, {staff_first}",
    "Can you cover Sat night? {staff_first} called out",
    "Situation: {age}F, pneumonia. Background: COPD. Assessment: sats {spo2}%. Recommendation: RT eval.",
    "{staff_lastfirst_upper} is the attending of record",
    "Evening {staff_first} Anyone free to help boost {room}?",
]

TEST_TEMPLATES = [
    "Heads up: {PATIENT:full} in {room} dropped sats to {spo2}%, on {o2}L now",
    "pls call back re pt {PATIENT:last_lower}, K {k} Mg {mg}",
    "Hi {staff_first}, Mr. {PATIENT:full} (bed {bed}) is asking for pain meds, pain {pain}",
    "{room} - {PATIENT:last}: Cr {cr} up from {cr}, holding lisinopril",
    "PICC placement for {PATIENT:last} scheduled {DATE:date} at {time}",
    "Admission note: {PATIENT:full}, MRN#{MRN:mrn}, DOB: {DOB:dob}, presents with SOB",
    "mrn {MRN:mrn} - glucose {glucose}, gave {units} units lispro",
    "Ms {PATIENT:last} says her daughter {PATIENT:first} will bring the CPAP tonight",
    "Family update: spoke with husband {PATIENT:full}, phone {PHONE:phone}, agrees with plan",
    "{PATIENT:last} in {room} is {AGE>89:age90} years old and wants to go home",
    "Discharge {PATIENT:full} tomorrow; address on file {ADDRESS:address}",
    "Mailing the FMLA papers to {ADDRESS:address}",
    "Outside records faxed from {FAX:phone} for {PATIENT:last}",
    "tele alarm bed {bed} {PATIENT:last_lower} - artifact, pt fine",
    "Pt {PATIENT:first} {PATIENT:last} seen {DATE:date}, f/u in 2 weeks",
    "Per {staff}, hold tube feeds for {PATIENT:last} until {time}",
    "Can you re-time {PATIENT:last}'s vanc? Trough due {time}, last dose {time}",
    "Patient {PATIENT:full} has a new email {EMAIL:email} for results",
    "Medicare ID {ID:memberid} belongs to Mr. {PATIENT:last}, not the other pt",
    "dob {DOB:dob} / mrn {MRN:mrn} / {PATIENT:lastfirst}",
    "Wrong-patient alert: two {PATIENT:last}s on the unit, one in {room}, one in {room}",
    "The niece, {PATIENT:first}, is the POA, call {PHONE:phone10}",
    "Mrs. {PATIENT:last} ({AGE>89:age90} y/o) fell, no LOC",
    "pt {PATIENT:full} refusing CT, capacity eval requested",
    "Call from {PATIENT:full}'s mother, wants update before {time}",
    "{PATIENT:full} DOB {DOB:dob_full} is ready for discharge, ride at {time}",
    "SS# {SSN:ssn} showing on the face sheet for {PATIENT:last}",
    "Transferred {PATIENT:last} to ICU on {DATE:date} at {time}",
    "pt {PATIENT:last} MRN {MRN:mrn} glucose {glucose}, {units} units given, recheck at {time}",
    "Please review {PATIENT:full}'s chart before rounds, Na {na}",
    "Remote access from {IP:ip} for {PATIENT:last}'s MyChart flagged",
    "Portal link for pt {PATIENT:last}: {URL:url}",
    "Father {PATIENT:first} says they live at {ADDRESS:address}",
    "Surgery for {PATIENT:last} postponed to {DATE:date}",
    "Bed {bed} {PATIENT:last}, {age}F, post-op day 1, ambulating",
    "pt {PATIENT:last_lower} ok to shower per ortho",
    "{PATIENT:full}, {AGE>89:age90}M, CAP, on ceftriaxone, O2 {o2}L",
    "Billing acct # {ID:acct} - wrong patient on the invoice",
    "appt on {DATE:date_short} for {PATIENT:first} {PATIENT:last}",
    "Pt. {PATIENT:last} K {k} after {dose} mEq, recheck {time}",
    # negatives
    "Vanc trough {count} at {time}, next dose held, pharmacy aware",
    "RN {staff_first} to {room}, {staff_first} to bed {bed}",
    "Temp {temp}, HR {hr}, BP {bp}, gave 1 g Tylenol at {time}",
    "Stat page: rapid response {room}, {staff} responding",
    "Please restock the crash cart on {weekday}, thanks {staff_first}",
    "Na {na}, K {k}, Cl 101, CO2 24, BUN 18, Cr {cr}, glucose {glucose}",
    "{staff} is charge tonight, {staff} is float",
    "Morning labs at 0500, rounds at {time}, family meeting moved to {time}",
    "ICU transfer rate was {count}% in {year}, down from {count}% in {year}",
    "Pain {pain} after 4 mg morphine, sedation score 2",
    "Heparin gtt at {units} units/kg/h, next PTT at {time}",
    "Can {staff_first} cover {staff_first}'s {time} lunch?",
    "Isolation cart needed for {room}, contact precautions",
    "Code status discussion done, full code, {staff} documented",
    "Pt states pain better, ambulated {count} laps with PT",
    "Reminder to chart I&Os by {time}, {staff_first}",
    # fourth batch, written before looking at any test result: name shapes in any case
    "ADT: {PATIENT:lastfirst2_upper} admitted to {room} from ED",
    "Reminder - {PATIENT:lastfirst2_upper} NPO for IR at {time}",
    "who has {PATIENT:full2_lower}? family at the desk",
    "{PATIENT:full2_lower} in bay {bed} wants to leave AMA",
    "checking on {PATIENT:full2_lower}'s insulin order",
    "Pt {PATIENT:full2_upper} MRN {MRN:mrn} for dialysis at {time}",
    "rm {room} ({PATIENT:lastfirst2_upper}) - fall risk, bed alarm on",
    "ICU bed {bed} - {PATIENT:last2}: lactate {lactate}",
    "{PATIENT:full2_lower} ok to eat after the scope?",
    "{staff_lower} says bed {bed} is clean",
    "bed {bed} vomited x2, zofran given",
    "room {room}: chest pain resolved after nitro",
    "{staff_lastfirst_upper} signed the order at {time}",
    "hey {staff_first_lower} can u swap Sun with me",
    # fifth batch, written before any rule change of that round and measured once: a third name pool
    # (FIRST3 / LAST3, hand-written), repeated surnames, roster surnames on patients, bracket forms
    "{PATIENT:full3} in {room} needs a sitter overnight",
    "pls page me when {PATIENT:full3_lower} is back from MRI",
    "{PATIENT:lastfirst3_upper} - K {k}, repleting per protocol",
    "Census: {PATIENT:lastfirst3_upper} ({room}), {PATIENT:lastfirst3_upper} ({room})",
    "can someone check on {PATIENT:last3_lower} in {room}, call light on",
    "{PATIENT:full3_upper} DOB {DOB:dob_full} - consent signed",
    "spoke w/ {PATIENT:full3}'s son, updated on plan",
    "Bed {bed}: {PATIENT:full3} - NPO after midnight",
    "Daughter {PATIENT:first3} called again asking for {staff_first}",
    "{PATIENT:full3_lower} refused lovenox again",
    "who's covering {PATIENT:last3}? family asking about d/c",
    "{PATIENT:first3} {PATIENT:last3} (MRN {MRN:mrn}) - blood cx pending",
    "{PATIENT:last3} in {room} is stable; {PATIENT:again3}'s wife wants a call back",
    "Two {PATIENT:last3}s again today: Mr. {PATIENT:again3} in {room} and the other one in {room}",
    "{PATIENT:first3_staff_last_lower} in bay {bed} wants to leave AMA",
    "new admit {PATIENT:first3_staff_last} to {room}, not related to our {staff_first}",
    "rm {room} ({PATIENT:full3_lower}) - fall precautions",
    "ED hold: {PATIENT:lastfirst3}, {age}M, chest pain r/o",
    "{PATIENT:last3_lower}, {PATIENT:first3_lower} needs a ride home at {time}",
    "Pt's brother {PATIENT:full3} is listed as emergency contact {PHONE:phone}",
    # fifth-batch negatives
    "{staff_lower} is covering {room} tonight",
    "thanks {staff_first}! grabbed the {weekday} shift",
    "Summer schedule is posted, swap requests to {staff}",
    "Will do, sending the sample to lab now",
    "Rose to {temp} overnight, cultures sent, {staff_first} aware",
    "Frank discussion with family re goals of care, {staff} present",
    "Bell rang twice in {room}, nobody there",
    "Stone protocol for bed {bed}: strain all urine",
    "Moon boot stays on for ambulation per ortho",
    "Cross-cover tonight: {staff} has {room} and {room}",
    "Park in level 3 of the garage during construction",
    "Gold star to {staff_first_lower} for the save in {room}",
    # sixth batch (test-newer, 1.3.0), written before the name scorer was trained and measured once: a
    # fourth name pool (FIRST4 / LAST4, hand-written), weak cues, lower case, accents, brackets
    "can u look in on {PATIENT:last4_lower} in {room}? pulling at lines",
    "{PATIENT:full4_lower} in {room} c/o nausea, zofran given",
    "{PATIENT:full4} ({age}F) to cath lab at {time}",
    "Handoff: {PATIENT:lastfirst4_upper} in bed {bed}, {PATIENT:lastfirst4_upper} in bed {bed}",
    "is {PATIENT:first4_lower} {PATIENT:last4_lower} still waiting on PT eval?",
    "{PATIENT:full4_upper} - MRN {MRN:mrn} - hold heparin",
    "Son {PATIENT:first4} wants an update after {time}",
    "please re-time {PATIENT:last4}'s vanc to {time}",
    "{PATIENT:last4} in {room} is confused overnight, sitter requested; {PATIENT:again4}'s daughter aware",
    "labs for {PATIENT:full4_lower}: K {k}, Cr {cr}",
    "d/c summary for {PATIENT:full4} is ready to sign",
    "bed {bed} ({PATIENT:full4}) needs a new IV",
    "{PATIENT:first4_staff_last_lower} in {room} asking for pain meds",
    "who is following {PATIENT:last4_lower}? wound care consult in",
    "Transport: {PATIENT:full4} from {room} to CT at {time}",
    "rm {room} - {PATIENT:last4_lower} - npo for surgery",
    "{PATIENT:first4} {PATIENT:last4}, {age}M, admitted overnight with CHF",
    "wife of {PATIENT:full4} called, number is {PHONE:phone}",
    "pt {PATIENT:last4_lower} refusing meds again",
    "Can someone swap {PATIENT:full4}'s diet to renal?",
    # sixth-batch negatives
    "{staff} is charge tonight, {staff_first} floats to 4 West",
    "Baker Act paperwork is in the chart for {room}",
    "Crystal clear urine now, foley output {count} mL/hr",
    "Honor the DNR per {staff_first}, palliative aware",
    "Genesis pump in {room} alarming, biomed called",
    "Field day for the unit on {weekday}, sign up with {staff_first_lower}",
    "Autumn flu clinic starts next week, ask {staff}",
    "Banks of monitors in the hallway need charging",
    "metoprolol held, HR {hr}, {staff_first_lower} aware",
    "{staff_first} from pharmacy says the Keppra and Eliquis are on the way",
]


_SLOT = re.compile(r"\{(?:(?P<type>[A-Z>89]+):)?(?P<gen>[a-z_0-9]+)\}")


def render(template: str, rng: random.Random) -> tuple[str, list[dict[str, object]]]:
    out: list[str] = []
    spans: list[dict[str, object]] = []
    pos = 0
    length = 0
    for m in _SLOT.finditer(template):
        literal = template[pos : m.start()]
        out.append(literal)
        length += len(literal)
        value = GEN[m.group("gen")](rng)
        if m.group("type"):
            kind = m.group("type")
            if kind == "PATIENT" and ", " in value:  # "Last, First" is two name spans
                last, first = value.split(", ", 1)
                spans.append({"type": kind, "start": length, "end": length + len(last)})
                spans.append({"type": kind, "start": length + len(last) + 2, "end": length + len(value)})
            else:
                spans.append({"type": kind, "start": length, "end": length + len(value)})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans


def build(templates: list[str], split: str, seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows = []
    for t_index, template in enumerate(templates):
        for k in range(PER_TEMPLATE):
            text, spans = render(template, rng)
            rows.append({"id": f"{split}-{t_index:03d}-{k}", "template": t_index, "text": text, "spans": spans})
    return rows


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for split, templates, seed in (("dev", DEV_TEMPLATES, SEED), ("test", TEST_TEMPLATES, SEED + 1)):
        rows = build(templates, split, seed)
        with (OUT / f"{split}.jsonl").open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        spans = sum(len(r["spans"]) for r in rows if isinstance(r["spans"], list))
        print(f"{split}: {len(rows)} messages from {len(templates)} templates, {spans} spans")
    with (OUT / "staff.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["person_id", "name"])
        for i, name in enumerate(STAFF, start=1):
            writer.writerow([f"s{i:03d}", name])


if __name__ == "__main__":
    main()
