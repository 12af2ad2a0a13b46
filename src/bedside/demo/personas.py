"""Planted communication personas and rater profiles: the ground truth later analyses must recover.

Most staff write courteously. A few prescribers are curt or condescending *towards nurses* while
staying polite to physicians (an asymmetry, not a general trait); one resident starts curt and
improves month by month. Raters differ in severity (one lenient, one harsh) and one reviewer
describes women and men with gender-coded words. The tone of each single message is drawn from the
sender's persona, the recipient's role and the month, so the planted patterns are statistical, as
they would be in a real hospital, not a keyword in every message.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bedside.demo.organisation import Organisation, StaffMember

# Tone mixes: probabilities of courteous / neutral / curt / condescending.
ToneMix = dict[str, float]

BASELINE_MIX: ToneMix = {"courteous": 0.58, "neutral": 0.37, "curt": 0.045, "condescending": 0.005}
CURT_TO_NURSES_MIX: ToneMix = {"courteous": 0.06, "neutral": 0.26, "curt": 0.56, "condescending": 0.12}
CONDESCENDING_TO_NURSES_MIX: ToneMix = {"courteous": 0.06, "neutral": 0.24, "curt": 0.25, "condescending": 0.45}
# The improving persona's probability of a curt message in months 1..6 (to everyone).
IMPROVEMENT_CURT_BY_MONTH: tuple[float, ...] = (0.62, 0.58, 0.40, 0.24, 0.08, 0.05)
BRUSH_OFF_BASELINE = 0.12
BRUSH_OFF_PERSONA = 0.6
# Planted personas also answer their target roles more slowly (median reply delay multiplied).
TARGET_REPLY_DELAY_FACTOR = 1.6


@dataclass
class Persona:
    """A planted communication style for one person."""

    person_id: str
    name: str
    role: str
    unit_id: str
    style: str  # curt_to_nurses, condescending_to_nurses, improving
    target_roles: list[str] = field(default_factory=list)
    improvement_months: list[int] = field(default_factory=list)
    curt_rate_by_month: list[float] = field(default_factory=list)

    def as_manifest(self) -> dict[str, object]:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "role": self.role,
            "unit": self.unit_id,
            "style": self.style,
            "target_roles": self.target_roles,
            "improvement_months": self.improvement_months,
            "curt_rate_by_month": self.curt_rate_by_month,
            "reply_delay_factor_to_targets": TARGET_REPLY_DELAY_FACTOR if self.target_roles else 1.0,
            "brush_off_rate_to_targets": BRUSH_OFF_PERSONA if self.target_roles else None,
        }


@dataclass
class RaterProfile:
    """A rater's severity: an offset added to every true score they judge (+ lenient, - harsh)."""

    person_id: str
    name: str
    severity: str  # lenient, harsh, typical
    offset: float
    gender_coded: bool = False


class PersonaBook:
    """Who has which persona, and the tone a given message from them should take."""

    def __init__(self, personas: list[Persona]) -> None:
        self.personas = {p.person_id: p for p in personas}

    def tone_mix(self, sender: StaffMember, recipient: StaffMember | None, month: int) -> ToneMix:
        persona = self.personas.get(sender.person_id)
        if persona is None:
            return BASELINE_MIX
        if persona.style == "improving":
            curt = IMPROVEMENT_CURT_BY_MONTH[min(month, len(IMPROVEMENT_CURT_BY_MONTH) - 1)]
            rest = 1.0 - curt
            return {"courteous": rest * 0.55, "neutral": rest * 0.45, "curt": curt * 0.85, "condescending": curt * 0.15}
        if recipient is not None and recipient.role in persona.target_roles:
            return CURT_TO_NURSES_MIX if persona.style == "curt_to_nurses" else CONDESCENDING_TO_NURSES_MIX
        return BASELINE_MIX

    def tone(self, rng: random.Random, sender: StaffMember, recipient: StaffMember | None, month: int) -> str:
        mix = self.tone_mix(sender, recipient, month)
        return rng.choices(list(mix), weights=list(mix.values()), k=1)[0]

    def brush_off_probability(self, sender: StaffMember, recipient: StaffMember, month: int) -> float:
        persona = self.personas.get(sender.person_id)
        if persona is None:
            return BRUSH_OFF_BASELINE
        if persona.style == "improving":
            return BRUSH_OFF_BASELINE + IMPROVEMENT_CURT_BY_MONTH[min(month, 5)] * 0.6
        if recipient.role in persona.target_roles:
            return BRUSH_OFF_PERSONA
        return BRUSH_OFF_BASELINE


def choose_personas(rng: random.Random, org: Organisation) -> list[Persona]:
    """Plant two curt and two condescending prescribers (nurse-directed) and one improving resident."""
    personas: list[Persona] = []
    units = [u.unit_id for u in org.units]
    non_leaders = [p for p in org.staff if not p.leads]
    # Attendings in two different units, a resident and a PA/NP in the third: spread over units and roles.
    plan = (
        ("curt_to_nurses", units[0], "physician"),
        ("condescending_to_nurses", units[1], "physician"),
        ("curt_to_nurses", units[2], "resident"),
        ("condescending_to_nurses", units[2], "app"),
    )
    for style, unit_id, role in plan:
        candidates = [p for p in non_leaders if p.unit_id == unit_id and p.role == role]
        chosen = rng.choice(candidates)
        personas.append(
            Persona(chosen.person_id, chosen.name, chosen.role, chosen.unit_id, style, target_roles=["nurse"])
        )
    taken = {p.person_id for p in personas}
    residents = [p for p in non_leaders if p.role == "resident" and p.person_id not in taken and p.unit_id == units[0]]
    improver = rng.choice(residents)
    personas.append(
        Persona(
            improver.person_id,
            improver.name,
            improver.role,
            improver.unit_id,
            "improving",
            target_roles=[],
            improvement_months=[1, 2, 3, 4, 5, 6],
            curt_rate_by_month=list(IMPROVEMENT_CURT_BY_MONTH),
        )
    )
    return personas


def choose_raters(rng: random.Random, org: Organisation) -> list[RaterProfile]:
    """The unit leaders rate; one is lenient, one harsh, one writes gender-coded comments."""
    leaders = org.all_leaders()
    order = list(range(len(leaders)))
    rng.shuffle(order)
    lenient, harsh, coded = order[0], order[1], order[2]
    raters = []
    for index, leader in enumerate(leaders):
        if index == lenient:
            severity, offset = "lenient", 0.9
        elif index == harsh:
            severity, offset = "harsh", -0.9
        else:
            severity, offset = "typical", round(rng.uniform(-0.15, 0.15), 2)
        raters.append(RaterProfile(leader.person_id, leader.name, severity, offset, gender_coded=index == coded))
    return raters
