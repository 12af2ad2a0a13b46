"""Synthetic patients and the ways staff refer to them, some carrying patient identifiers (PHI).

Most messages refer to a patient by location only ("bed 4", "bay 7"), which is not an identifier.
A planted share mentions a name, a medical record number, a date of birth, an age over 89, a phone
number or a home address, written as clinicians actually type them ("pt Maria Lopez in bed 4, MRN
00451234", "lopez in rm 12", "daughter's cell (617) 555-0142"). Every planted identifier is returned
with its type and its exact surface text so the manifest can list it for redaction tests.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from faker import Faker

PHI_TYPES = ("patient_name", "mrn", "dob", "age_over_89", "phone", "address")
AREA_CODES = ("617", "508", "413", "774", "401", "603", "212", "718", "312", "415", "206", "303")
STREET_KINDS = ("St", "Street", "Ave", "Avenue", "Rd", "Road", "Dr", "Lane", "Ct", "Way", "Blvd")
TOWNS = ("Springfield", "Riverton", "Fairview", "Lakeside", "Milford", "Georgetown", "Ashland", "Clinton")


@dataclass(frozen=True)
class Identifier:
    """One planted identifier: its type and the exact text as it appears in the message or note."""

    type: str
    value: str

    def as_manifest(self) -> dict[str, str]:
        return {"type": self.type, "value": self.value}


@dataclass(frozen=True)
class Patient:
    first: str
    last: str
    sex: str
    mrn: str
    dob: dt.date
    age: int
    phone: str
    address: str


@dataclass
class PatientReference:
    """How one message names a patient: the text to insert, plus any identifiers it contains."""

    text: str
    identifiers: list[Identifier]


def _phone(rng: random.Random) -> str:
    area, exch, line = rng.choice(AREA_CODES), rng.randrange(201, 999), rng.randrange(0, 10000)
    style = rng.randrange(4)
    if style == 0:
        return f"({area}) {exch}-{line:04d}"
    if style == 1:
        return f"{area}-{exch}-{line:04d}"
    if style == 2:
        return f"{area}.{exch}.{line:04d}"
    return f"{area} {exch} {line:04d}"


def _address(rng: random.Random, faker: Faker) -> str:
    street = (
        faker.last_name()
        if rng.random() < 0.5
        else rng.choice(("Elm", "Oak", "Maple", "Pine", "Cedar", "Union", "Main", "Pleasant", "Chestnut", "Highland"))
    )
    number = rng.randrange(3, 2400)
    unit = f" Apt {rng.randrange(1, 40)}" if rng.random() < 0.25 else ""
    town = f", {rng.choice(TOWNS)}" if rng.random() < 0.6 else ""
    return f"{number} {street} {rng.choice(STREET_KINDS)}{unit}{town}"


def _dob_text(rng: random.Random, dob: dt.date) -> str:
    style = rng.randrange(5)
    if style == 0:
        return f"{dob.month}/{dob.day}/{dob.year}"
    if style == 1:
        return f"{dob.month:02d}/{dob.day:02d}/{dob.year}"
    if style == 2:
        return dob.isoformat()
    if style == 3:
        return f"{dob.day} {dob.strftime('%b')} {dob.year}"
    return f"{dob.strftime('%B')} {dob.day}, {dob.year}"


class PatientPool:
    """A few hundred synthetic patients whose names never collide with staff names."""

    def __init__(self, rng: random.Random, faker: Faker, staff_names: set[str], size: int = 400) -> None:
        self.rng = rng
        self.faker = faker
        blocked = {n.lower() for n in staff_names}
        self.patients: list[Patient] = []
        today = dt.date(2026, 6, 30)
        while len(self.patients) < size:
            sex = rng.choice("FM")
            first = faker.first_name_female() if sex == "F" else faker.first_name_male()
            last = faker.last_name()
            if first.lower() in blocked or last.lower() in blocked or " " in last:
                continue
            age = rng.randrange(91, 101) if rng.random() < 0.12 else rng.randrange(19, 89)
            dob = today - dt.timedelta(days=age * 365 + rng.randrange(0, 365))
            mrn = f"{rng.randrange(0, 10**8):08d}" if rng.random() < 0.6 else str(rng.randrange(10**6, 10**7))
            self.patients.append(Patient(first, last, sex, mrn, dob, age, _phone(rng), _address(rng, faker)))

    def choice(self) -> Patient:
        return self.rng.choice(self.patients)

    def name_text(self, patient: Patient) -> str:
        """The patient's name as a busy clinician types it."""
        rng = self.rng
        title = "Mrs." if patient.sex == "F" else "Mr."
        forms = (
            f"{patient.first} {patient.last}",
            f"{patient.first} {patient.last}",
            f"{title} {patient.last}",
            f"{title[:-1]} {patient.last}",
            f"{patient.last}, {patient.first}",
            f"{patient.first.lower()} {patient.last.lower()}",
            f"{patient.last.upper()}, {patient.first.upper()}",
            patient.last,
        )
        return rng.choice(forms)

    def reference(self, location: str, kinds: list[str]) -> PatientReference:
        """A patient reference at ``location`` carrying the identifier ``kinds`` (a subset of PHI_TYPES)."""
        rng = self.rng
        patient = self.choice()
        found: list[Identifier] = []
        text = location
        if "patient_name" in kinds:
            name = self.name_text(patient)
            found.append(Identifier("patient_name", name))
            text = rng.choice(
                (
                    f"pt {name} in {location}",
                    f"{name} in {location}",
                    f"{location} ({name})",
                    f"{location} - {name}",
                    f"{name} ({location})",
                )
            )
        if "age_over_89" in kinds:
            age = patient.age if patient.age >= 90 else rng.randrange(90, 101)
            age_text = rng.choice(
                (
                    f"{age} yo",
                    f"{age}yo",
                    f"{age}-year-old",
                    f"{age}F" if patient.sex == "F" else f"{age}M",
                    f"{age} y/o",
                )
            )
            found.append(Identifier("age_over_89", age_text))
            text = rng.choice(
                (
                    f"{text}, {age_text}",
                    f"the {age_text} in {location}" if "patient_name" not in kinds else f"{text} ({age_text})",
                )
            )
        if "mrn" in kinds:
            label = rng.choice(("MRN", "MRN", "mrn", "MRN#", "MR#", "med rec #"))
            sep = "" if label.endswith("#") and rng.random() < 0.5 else rng.choice((" ", ": "))
            found.append(Identifier("mrn", patient.mrn))
            text = rng.choice((f"{text}, {label}{sep}{patient.mrn}", f"{text} ({label}{sep}{patient.mrn})"))
        if "dob" in kinds:
            dob = _dob_text(rng, patient.dob)
            label = rng.choice(("DOB", "dob", "DOB:", "born", "d.o.b."))
            found.append(Identifier("dob", dob))
            text = f"{text}, {label} {dob}"
        return PatientReference(text, found)

    def contact_sentence(self, kind: str) -> PatientReference:
        """A sentence giving a family phone number or a home address (appended to a message)."""
        rng = self.rng
        patient = self.choice()
        if kind == "phone":
            who = rng.choice(("Daughter", "Son", "Wife", "Husband", "Pt's sister", "Family", "HCP (son)"))
            text = rng.choice(
                (
                    f"{who} wants a call back at {patient.phone}.",
                    f"{who} can be reached at {patient.phone}.",
                    f"{who}'s cell is {patient.phone}, pls update after rounds.",
                    f"Call {who.lower()} at {patient.phone} re the plan.",
                )
            )
            return PatientReference(text, [Identifier("phone", patient.phone)])
        text = rng.choice(
            (
                f"Pt lives alone at {patient.address} - SW needs to know before dc.",
                f"Home address on file is wrong, it's {patient.address}.",
                f"Transport will take pt home to {patient.address}.",
                f"Visiting nurse to go to {patient.address} on discharge.",
            )
        )
        return PatientReference(text, [Identifier("address", patient.address)])


def plain_location(rng: random.Random, unit_kind: str) -> str:
    """A location-only patient reference ("bed 4", "bay 7", "rm 12B"): not an identifier."""
    if unit_kind == "icu":
        return rng.choice(("bed", "bed", "rm", "ICU bed")) + f" {rng.randrange(1, 17)}"
    if unit_kind == "ed":
        return rng.choice(("bay", "room", "ED", "hall bed", "rm")) + f" {rng.randrange(1, 31)}"
    return rng.choice(("rm", "room", "bed")) + f" {rng.randrange(401, 433)}" + rng.choice(("", "", "A", "B"))


def choose_phi_kinds(rng: random.Random) -> list[str]:
    """Which identifiers one planted reference carries (names most often, as in real chat)."""
    roll = rng.random()
    if roll < 0.32:
        return ["patient_name"]
    if roll < 0.47:
        return ["patient_name", "mrn"]
    if roll < 0.57:
        return ["mrn"]
    if roll < 0.65:
        return ["patient_name", "dob"]
    if roll < 0.7:
        return ["dob"]
    if roll < 0.77:
        return ["age_over_89"]
    if roll < 0.8:
        return ["patient_name", "age_over_89"]
    if roll < 0.9:
        return ["phone"]
    return ["address"]
