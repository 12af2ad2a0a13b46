"""Feedback notes of every kind (peer, patient, manager, self, incident) about Riverside's staff.

Notes follow the personas: nurses write peer notes about the curt prescribers' tone, managers record
coaching conversations, and the improving resident's manager notes turn positive in the later months.
Patients write about the clinicians who cared for them and sometimes name themselves or their family
(patient identifiers that redaction must catch); incident reports sometimes carry names and MRNs.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from bedside.demo.messages import END, START
from bedside.demo.organisation import Organisation, StaffMember
from bedside.demo.patients import PatientPool, plain_location
from bedside.demo.personas import Persona
from bedside.demo.phrasing import Slots, TextKit, load_data
from bedside.demo.reviewing import Reviewer

PATIENT_FACING = {"physician", "resident", "nurse", "app"}


@dataclass
class DraftNote:
    """A feedback note before it is numbered (notes are numbered in time order)."""

    about: StaffMember
    author: StaffMember | None
    kind: str
    created_at: dt.datetime
    text: str
    phi: list[dict[str, str]] = field(default_factory=list)
    sentiment: str = "positive"


class NoteGenerator:
    """Writes the notes for everyone on the roster over the message period."""

    def __init__(
        self,
        rng: random.Random,
        org: Organisation,
        personas: dict[str, Persona],
        patients: PatientPool,
        reviewer: Reviewer,
        *,
        phi_rate: float = 0.07,
    ) -> None:
        self.rng = rng
        self.org = org
        self.personas = personas
        self.patients = patients
        self.reviewer = reviewer
        self.kit = TextKit()
        self.data = load_data("notes")
        self.phi_rate = phi_rate
        self.notes: list[DraftNote] = []

    def when(self, first_month: int = 0, last_month: int = 5) -> dt.datetime:
        start = START + dt.timedelta(days=30.5 * first_month)
        end = min(END, START + dt.timedelta(days=30.5 * (last_month + 1)))
        seconds = self.rng.randrange(int((end - start).total_seconds()) - 3600)
        return start + dt.timedelta(seconds=seconds)

    def slots(self, about: StaffMember) -> Slots:
        s = Slots(self.rng, self.kit, name=about.first_name)
        unit = next(u for u in self.org.units if u.unit_id == about.unit_id)
        s["bed"] = plain_location(self.rng, unit.kind)
        s["who"] = self.patient_name_for(about)
        s["month"] = self.rng.choice(("April", "May", "June", "July", "August", "September"))
        return s

    def patient_name_for(self, person: StaffMember) -> str:
        if person.role == "physician":
            return f"Dr. {person.last_name}"
        if person.role == "nurse":
            return self.rng.choice(
                (f"Nurse {person.first_name}", f"{person.first_name}, the nurse,", person.first_name)
            )
        return self.rng.choice((person.first_name, f"{person.first_name} {person.last_name}"))

    def add(
        self, about: StaffMember, author: StaffMember | None, kind: str, template_key: str, when: dt.datetime
    ) -> DraftNote:
        s = self.slots(about)
        text = s.pick(self.data[template_key])
        sentiment = "concern" if "concern" in template_key or kind == "incident" else "positive"
        note = DraftNote(about, author, kind, when, text, sentiment=sentiment)
        if kind in {"patient", "incident"} and self.rng.random() < self.phi_rate * 3.2:
            self.plant_identifiers(note, s["bed"])
        elif kind in {"peer", "manager"} and self.rng.random() < self.phi_rate * 0.4:
            self.plant_identifiers(note, s["bed"])
        self.notes.append(note)
        return note

    def plant_identifiers(self, note: DraftNote, location: str) -> None:
        rng = self.rng
        if note.kind == "patient":
            patient = self.patients.choice()
            name = self.patients.name_text(patient)
            relation = rng.choice(("My mother", "My father", "My husband", "My wife", "My son", "I"))
            if relation == "I":
                lead = rng.choice(
                    (f"My name is {name} and I was in {location}.", f"I'm {name}, I was a patient in {location}.")
                )
            else:
                lead = rng.choice(
                    (f"{relation}, {name}, was in {location}.", f"{relation} {name} was admitted to {location}.")
                )
            extra = []
            ids = [{"type": "patient_name", "value": name}]
            if rng.random() < 0.35:
                extra.append(f"Please call me at {patient.phone}.")
                ids.append({"type": "phone", "value": patient.phone})
            note.text = " ".join([lead, note.text, *extra])
            note.phi = ids
            return
        kinds = rng.choice(
            (["patient_name", "mrn"], ["patient_name"], ["mrn"], ["patient_name", "dob"], ["age_over_89"])
        )
        reference = self.patients.reference(location, kinds)
        note.text = (
            f"Re {reference.text}: {note.text}" if rng.random() < 0.5 else f"{note.text} (Patient: {reference.text}.)"
        )
        note.phi = [i.as_manifest() for i in reference.identifiers]

    def generate(self, scale: float = 1.0) -> list[DraftNote]:
        rng = self.rng
        for person in self.org.staff:
            persona = self.personas.get(person.person_id)
            unit_peers = [p for p in self.org.in_unit(person.unit_id) if p is not person]
            nurses = [p for p in unit_peers if p.role == "nurse"]
            curt = persona is not None and persona.style != "improving"
            for _ in range(self.count(4, scale)):
                if curt and rng.random() < 0.6:
                    self.add(person, rng.choice(nurses), "peer", "peer_concern", self.when())
                elif persona and persona.style == "improving":
                    early = rng.random() < 0.5
                    key = "peer_concern" if early and rng.random() < 0.7 else "peer_positive"
                    self.add(person, rng.choice(nurses), "peer", key, self.when(0, 1) if early else self.when(4, 5))
                else:
                    key = "peer_concern" if rng.random() < 0.12 else "peer_positive"
                    self.add(person, rng.choice(unit_peers), "peer", key, self.when())
            if person.role in PATIENT_FACING:
                for _ in range(self.count(3, scale)):
                    key = "patient_concern" if rng.random() < (0.35 if curt else 0.15) else "patient_positive"
                    self.add(person, None, "patient", key, self.when())
            manager = self.org.by_id.get(person.manager_id or "")
            if manager is not None:
                self.manager_notes(person, manager, persona, scale)
            self.add(person, person, "self", "self", self.when())
            if rng.random() < (0.6 if curt else 0.22) * max(scale, 0.5):
                self.add(person, rng.choice(unit_peers), "incident", "incident", self.when())
        self.notes.sort(key=lambda n: n.created_at)
        return self.notes

    def manager_notes(self, person: StaffMember, manager: StaffMember, persona: Persona | None, scale: float) -> None:
        rng = self.rng
        if persona is not None and persona.style == "improving":
            self.add(person, manager, "manager", "manager_concern", self.when(0, 1))
            self.add(person, manager, "manager", "manager_improving", self.when(4, 5))
            return
        for _ in range(max(1, self.count(1.5, scale))):
            concern = persona is not None and rng.random() < 0.7 or rng.random() < 0.1
            note = self.add(
                person, manager, "manager", "manager_concern" if concern else "manager_positive", self.when()
            )
            coded = manager.person_id == self.reviewer.coded_id
            if not concern and rng.random() < (1.0 if coded else 0.5):
                note.text = f"{note.text} {self.reviewer.descriptor_sentence(person, manager.person_id)}"

    def count(self, mean: float, scale: float) -> int:
        expected = mean * scale
        base = int(expected)
        return base + (1 if self.rng.random() < expected - base else 0) + self.rng.choice((-1, 0, 0, 1)) * (base > 1)
