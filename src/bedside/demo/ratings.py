"""Past review ratings: two yearly cycles, the organisation's five values, scores 1-5, several raters.

Each person has a true standing per value; a rating is that standing plus the rater's severity
offset plus noise, rounded and clipped to 1-5. Every person is rated by their manager, the other
leader of their unit and one leader of another unit, so severity can be separated from unit quality.
The planted communication personas have lower true scores on communication and teamwork; the
improving resident's communication rises between the cycles.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from bedside.demo.organisation import Organisation, StaffMember
from bedside.demo.personas import Persona, RaterProfile
from bedside.demo.phrasing import load_data
from bedside.demo.reviewing import Reviewer

CRITERIA = ("compassion", "teamwork", "integrity", "excellence", "communication")
CYCLES = (("FY2025", dt.datetime(2025, 9, 8, tzinfo=dt.UTC)), ("FY2026", dt.datetime(2026, 9, 7, tzinfo=dt.UTC)))


@dataclass
class DraftRating:
    subject: StaffMember
    rater: StaffMember
    cycle: str
    criterion: str
    score: int
    comment: str
    created_at: dt.datetime
    true_score: float


def true_standing(
    rng: random.Random, org: Organisation, personas: dict[str, Persona]
) -> dict[tuple[str, str, str], float]:
    """The (unobserved) standing of each person on each value in each cycle."""
    standing: dict[tuple[str, str, str], float] = {}
    for person in org.staff:
        general = rng.gauss(0, 0.45)
        persona = personas.get(person.person_id)
        for criterion in CRITERIA:
            base = 3.5 + general + rng.gauss(0, 0.3)
            for index, (cycle, _) in enumerate(CYCLES):
                value = base + 0.1 * index
                if persona is not None and persona.style != "improving" and criterion in {"communication", "teamwork"}:
                    value -= 1.1 if criterion == "communication" else 0.7
                if persona is not None and persona.style == "improving" and criterion == "communication":
                    value -= 0.9 if index == 0 else 0.1
                standing[(person.person_id, criterion, cycle)] = value
    return standing


def assign_raters(rng: random.Random, org: Organisation, person: StaffMember) -> list[StaffMember]:
    """Manager (or co-leader), the other leader of the unit, and one leader from another unit."""
    unit_leaders = [p for p in org.leaders(person.unit_id) if p is not person]
    others = [p for p in org.all_leaders() if p.unit_id != person.unit_id]
    raters = list(unit_leaders)
    raters.append(rng.choice(others))
    if len(raters) < 3:
        raters.append(rng.choice([p for p in others if p not in raters]))
    return raters


def generate_ratings(
    rng: random.Random,
    org: Organisation,
    personas: dict[str, Persona],
    raters: list[RaterProfile],
    reviewer: Reviewer,
) -> list[DraftRating]:
    """Every person rated on every value in both cycles by three raters, with written comments."""
    data = load_data("notes")
    offsets = {r.person_id: r.offset for r in raters}
    standing = true_standing(rng, org, personas)
    ratings: list[DraftRating] = []
    for cycle, opened in CYCLES:
        for person in org.staff:
            for rater in assign_raters(rng, org, person):
                created = opened + dt.timedelta(days=rng.randrange(0, 21), minutes=rng.randrange(8 * 60, 18 * 60))
                descriptor_for = rng.choice(CRITERIA)
                for criterion in CRITERIA:
                    true = standing[(person.person_id, criterion, cycle)]
                    observed = true + offsets.get(rater.person_id, 0.0) + rng.gauss(0, 0.35)
                    score = int(min(5, max(1, round(observed))))
                    pool = data["criteria_good"] if true >= 3.0 else data["criteria_weak"]
                    comment = rng.choice(pool[criterion])
                    if criterion == descriptor_for or rng.random() < 0.25:
                        comment = f"{reviewer.descriptor_sentence(person, rater.person_id)} {comment}"
                    ratings.append(
                        DraftRating(person, rater, cycle, criterion, score, comment, created, round(true, 3))
                    )
    return ratings
