"""The machinery behind the demo's message threads: drafts, thread state, people, timing and text assembly.

:class:`ThreadBuilder` picks people, draws reply delays, applies persona tone, finishes each text
(typing noise, the patient reference and any planted identifiers) and records it in time order. The
scenarios themselves (lab follow-ups, pages, escalations, handoffs, ...) live in
:mod:`bedside.demo.messages`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from dataclasses import dataclass, field

from bedside.demo.organisation import Organisation, StaffMember, UnitSpec
from bedside.demo.patients import PatientPool, choose_phi_kinds
from bedside.demo.personas import TARGET_REPLY_DELAY_FACTOR, PersonaBook
from bedside.demo.phrasing import PATIENT_MARK, Slots, TextKit, add_typing_noise

START = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
MONTHS = 6
END = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
AVERAGE_THREAD_LENGTH = 2.45

# Median reply delay in minutes and log-normal spread, per kind of reply.
DELAYS = {
    "ack": (2.0, 0.7),
    "readback": (1.5, 0.5),
    "page_reply": (6.0, 0.8),
    "lab_reply": (9.0, 0.9),
    "escalation_reply": (5.0, 0.9),
    "consult_reply": (25.0, 1.0),
    "handoff_reply": (4.0, 0.7),
    "schedule_reply": (140.0, 1.1),
    "kudos_reply": (200.0, 1.0),
    "pharmacy_reply": (30.0, 1.0),
}


@dataclass
class DraftMessage:
    """A generated message before ids are assigned (messages are numbered in time order)."""

    key: int
    thread_key: int
    reply_to_key: int | None
    sender: StaffMember
    recipients: list[StaffMember]
    sent_at: dt.datetime
    channel: str
    text: str
    intent: str
    tone: str
    phi: list[dict[str, str]] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)


@dataclass
class ThreadState:
    """What the messages of one thread share: unit, patient reference, slots and the clock."""

    unit: UnitSpec
    slots: Slots
    location: str
    clock: dt.datetime
    planted: bool
    phi_done: bool = False
    messages: list[DraftMessage] = field(default_factory=list)


class ThreadBuilder:
    """The machinery every scenario uses: choosing people, timing replies, finishing and recording texts."""

    def __init__(
        self,
        rng: random.Random,
        org: Organisation,
        personas: PersonaBook,
        patients: PatientPool,
        *,
        phi_rate: float = 0.18,
    ) -> None:
        self.rng = rng
        self.org = org
        self.personas = personas
        self.patients = patients
        self.kit = TextKit()
        self.m = self.kit.messages
        self.phi_rate = phi_rate
        self.drafts: list[DraftMessage] = []
        self.keys = itertools.count()
        self.thread_count = 0

    # -- people ---------------------------------------------------------------------------------

    def pick(self, unit: UnitSpec, *roles: str, exclude: StaffMember | None = None) -> StaffMember:
        people = [p for p in self.org.in_unit(unit.unit_id, *roles) if p is not exclude]
        return self.rng.choice(people)

    def prescriber(self, unit: UnitSpec) -> StaffMember:
        role = self.rng.choices(("resident", "app", "physician"), weights=(0.45, 0.25, 0.30))[0]
        return self.pick(unit, role)

    def bedside_staff(self, unit: UnitSpec) -> StaffMember:
        return self.pick(unit, "technician") if self.rng.random() < 0.12 else self.pick(unit, "nurse")

    def month(self, when: dt.datetime) -> int:
        return min(MONTHS - 1, (when.year - START.year) * 12 + when.month - START.month)

    # -- message assembly -----------------------------------------------------------------------

    def delay(self, kind: str, factor: float = 1.0) -> dt.timedelta:
        median, spread = DELAYS[kind]
        minutes = math.exp(math.log(median * factor) + self.rng.gauss(0, spread))
        return dt.timedelta(minutes=min(minutes, 60 * 24 * 3), seconds=self.rng.randrange(60))

    def emit(
        self,
        state: ThreadState,
        sender: StaffMember,
        recipients: list[StaffMember],
        text: str,
        *,
        intent: str,
        tone: str,
        channel: str = "chat",
        delay: dt.timedelta | None = None,
        reply_to: DraftMessage | None = None,
        **extra: object,
    ) -> DraftMessage:
        """Finish a text (typing noise, patient reference, identifiers) and add it to the thread."""
        if delay is not None:
            state.clock = state.clock + delay
        text = add_typing_noise(self.rng, text)
        phi: list[dict[str, str]] = []
        if PATIENT_MARK in text and state.planted and not state.phi_done:
            state.phi_done = True
            kinds = choose_phi_kinds(self.rng)
            if kinds[0] in {"phone", "address"}:
                sentence = self.patients.contact_sentence(kinds[0])
                text = f"{text.rstrip()} {sentence.text}"
                phi = [i.as_manifest() for i in sentence.identifiers]
            else:
                reference = self.patients.reference(state.location, kinds)
                phi = [i.as_manifest() for i in reference.identifiers]
                text = text.replace(PATIENT_MARK, reference.text, 1)
        text = text.replace(PATIENT_MARK, state.location)
        draft = DraftMessage(
            key=next(self.keys),
            thread_key=self.thread_count,
            reply_to_key=reply_to.key if reply_to else None,
            sender=sender,
            recipients=recipients,
            sent_at=state.clock,
            channel=channel,
            text=text.strip(),
            intent=intent,
            tone=tone,
            phi=phi,
            extra=dict(extra),
        )
        # A reply that would fall after the period is never sent (and neither is anything after it).
        if draft.sent_at < END:
            self.drafts.append(draft)
            state.messages.append(draft)
        return draft

    def tone(self, sender: StaffMember, recipient: StaffMember, when: dt.datetime) -> str:
        return self.personas.tone(self.rng, sender, recipient, self.month(when))

    def toned(self, state: ThreadState, tone: str, ask: str, to: StaffMember) -> str:
        state.slots["to"] = to.address_name
        return self.kit.request(state.slots, tone, ask)

    def reply_factor(self, sender: StaffMember, recipient: StaffMember) -> float:
        persona = self.personas.personas.get(sender.person_id)
        return TARGET_REPLY_DELAY_FACTOR if persona and recipient.role in persona.target_roles else 1.0
