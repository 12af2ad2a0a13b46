"""Build the annotated redaction test set (tests/data/redaction/{dev,test}.jsonl and staff.csv).

Messages are rendered from the hand-written templates in ``redaction_templates.py`` (pages, handoffs, lab
follow-ups, scheduling, escalations, family updates), filled from name and number pools. Typed slots
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

from redaction_templates import DEV_TEMPLATES, TEST_TEMPLATES

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
