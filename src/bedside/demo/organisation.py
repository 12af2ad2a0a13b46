"""The demo hospital's structure: Riverside General, its units and its staff roster.

Staff are generated deterministically from a :class:`random.Random` and a seeded Faker. Each unit has
a medical director and a nurse manager (its leaders) and a realistic mix of physicians, residents,
nurses, advanced practice providers, technicians, a pharmacist and a unit administrator. Demographic
fields (gender, ethnicity, age band) are generated for fairness audits only.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from faker import Faker

ORG_SLUG = "riverside"
ORG_NAME = "Riverside General"


@dataclass(frozen=True)
class UnitSpec:
    """A hospital unit: its roster id, display name and the kind of work done there."""

    unit_id: str
    name: str
    kind: str  # icu, ed, surgical


UNITS: tuple[UnitSpec, ...] = (
    UnitSpec("MICU", "Medical ICU", "icu"),
    UnitSpec("ED", "Emergency Department", "ed"),
    UnitSpec("SURG", "Surgical Ward", "surgical"),
)

# (role, title, count per unit); leaders come first and are created separately.
UNIT_STAFFING: tuple[tuple[str, str, int], ...] = (
    ("physician", "Attending physician", 3),
    ("resident", "Resident", 3),
    ("app", "Nurse practitioner", 1),
    ("app", "Physician assistant", 1),
    ("nurse", "Registered nurse", 9),
    ("nurse", "Charge nurse", 1),
    ("technician", "Technician", 2),
    ("pharmacist", "Clinical pharmacist", 1),
    ("administrator", "Unit coordinator", 1),
)

# Share of women per role, roughly as in US hospital workforces.
FEMALE_SHARE = {
    "physician": 0.42,
    "resident": 0.5,
    "nurse": 0.86,
    "app": 0.7,
    "technician": 0.6,
    "pharmacist": 0.6,
    "administrator": 0.75,
}
ETHNICITIES = (("White", 0.55), ("Asian", 0.17), ("Black", 0.13), ("Hispanic", 0.12), ("Other", 0.03))
AGE_BANDS = {
    "physician": ("35-44", "45-54", "55-64"),
    "resident": ("25-34",),
    "nurse": ("25-34", "35-44", "45-54", "55-64"),
    "app": ("25-34", "35-44", "45-54"),
    "technician": ("18-24", "25-34", "35-44"),
    "pharmacist": ("25-34", "35-44", "45-54"),
    "administrator": ("25-34", "35-44", "45-54", "55-64"),
}


@dataclass
class StaffMember:
    """One person on the roster, with the demographic fields kept for fairness audits."""

    person_id: str
    name: str
    first_name: str
    last_name: str
    role: str
    title: str
    unit_id: str
    gender: str
    ethnicity: str
    age_band: str
    email: str
    manager_id: str | None = None
    leads: list[str] = field(default_factory=list)

    @property
    def address_name(self) -> str:
        """How colleagues address this person in a message ("Dr. Patel" or "Sarah")."""
        if self.role == "physician":
            return f"Dr. {self.last_name}"
        return self.first_name


@dataclass
class Organisation:
    """The generated hospital: units and staff, with lookups used by the other generators."""

    units: tuple[UnitSpec, ...]
    staff: list[StaffMember]

    def __post_init__(self) -> None:
        self.by_id = {p.person_id: p for p in self.staff}

    def in_unit(self, unit_id: str, *roles: str) -> list[StaffMember]:
        return [p for p in self.staff if p.unit_id == unit_id and (not roles or p.role in roles)]

    def leaders(self, unit_id: str) -> list[StaffMember]:
        return [p for p in self.staff if unit_id in p.leads]

    def medical_director(self, unit_id: str) -> StaffMember:
        return next(p for p in self.leaders(unit_id) if p.role == "physician")

    def nurse_manager(self, unit_id: str) -> StaffMember:
        return next(p for p in self.leaders(unit_id) if p.role == "nurse")

    def all_leaders(self) -> list[StaffMember]:
        return [p for p in self.staff if p.leads]


def _pick_weighted(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    values, weights = zip(*options, strict=True)
    return rng.choices(values, weights=weights, k=1)[0]


class _NameSource:
    """Unique staff names from a seeded Faker (no two staff share a last name, to keep messages clear)."""

    def __init__(self, faker: Faker) -> None:
        self.faker = faker
        self.used_last: set[str] = set()

    def name(self, gender: str) -> tuple[str, str]:
        if gender == "female":
            first = self.faker.first_name_female()
        elif gender == "male":
            first = self.faker.first_name_male()
        else:
            first = self.faker.first_name_nonbinary()
        for _ in range(200):
            last = self.faker.last_name()
            if last not in self.used_last and " " not in last and "-" not in last:
                break
        self.used_last.add(last)
        return first, last


def generate_organisation(rng: random.Random, faker: Faker) -> Organisation:
    """Create Riverside General's roster: about 72 staff in three units, each unit with two leaders."""
    names = _NameSource(faker)
    staff: list[StaffMember] = []
    counter = 0

    def make(role: str, title: str, unit: UnitSpec) -> StaffMember:
        nonlocal counter
        counter += 1
        roll = rng.random()
        gender = "nonbinary" if roll < 0.02 else ("female" if roll < 0.02 + FEMALE_SHARE[role] * 0.98 else "male")
        first, last = names.name(gender)
        member = StaffMember(
            person_id=f"RG{counter:04d}",
            name=f"{first} {last}",
            first_name=first,
            last_name=last,
            role=role,
            title=title,
            unit_id=unit.unit_id,
            gender=gender,
            ethnicity=_pick_weighted(rng, ETHNICITIES),
            age_band=rng.choice(AGE_BANDS[role]),
            email=f"{first}.{last}@riverside-general.example".lower().replace("'", ""),
        )
        staff.append(member)
        return member

    for unit in UNITS:
        director = make("physician", "Medical director", unit)
        director.leads.append(unit.unit_id)
        manager = make("nurse", "Nurse manager", unit)
        manager.leads.append(unit.unit_id)
        for role, title, count in UNIT_STAFFING:
            for _ in range(count):
                member = make(role, title, unit)
                if role in {"physician", "resident", "app", "pharmacist"}:
                    member.manager_id = director.person_id
                else:
                    member.manager_id = manager.person_id
    return Organisation(units=UNITS, staff=staff)
