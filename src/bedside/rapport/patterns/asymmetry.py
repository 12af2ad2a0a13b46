"""Asymmetry: does a person write to one role (say nurses) less politely than to another?"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bedside.rapport.patterns.records import AnalysedMessage
from bedside.rapport.patterns.stats import Estimate, mean_difference, proportion_difference

MIN_MESSAGES_PER_SIDE = 10


@dataclass(frozen=True)
class RoleAsymmetry:
    """Politeness and non-respectful-tone differences between messages to ``role_a`` and to ``role_b``.

    Negative ``politeness_gap`` / positive ``not_respectful_gap`` mean the person writes worse to
    ``role_a``. ``None`` when either side has fewer than ``MIN_MESSAGES_PER_SIDE`` messages.
    """

    person_id: int
    role_a: str
    role_b: str
    messages_a: int
    messages_b: int
    politeness_gap: Estimate | None
    not_respectful_gap: Estimate | None

    @property
    def significant(self) -> bool:
        """True when either gap's interval excludes zero in the worse-to-``role_a`` direction."""
        return bool(
            (self.politeness_gap and self.politeness_gap.high < 0)
            or (self.not_respectful_gap and self.not_respectful_gap.low > 0)
        )


def role_asymmetry(
    messages: Iterable[AnalysedMessage], person_id: int, role_a: str = "nurse", role_b: str = "physician"
) -> RoleAsymmetry:
    """Compare a person's messages to ``role_a`` recipients with those to ``role_b`` recipients."""
    to_a: list[AnalysedMessage] = []
    to_b: list[AnalysedMessage] = []
    for m in messages:
        if m.sender_id != person_id:
            continue
        roles = set(m.recipient_roles)
        if role_a in roles and role_b not in roles:
            to_a.append(m)
        elif role_b in roles and role_a not in roles:
            to_b.append(m)
    enough = len(to_a) >= MIN_MESSAGES_PER_SIDE and len(to_b) >= MIN_MESSAGES_PER_SIDE
    return RoleAsymmetry(
        person_id=person_id,
        role_a=role_a,
        role_b=role_b,
        messages_a=len(to_a),
        messages_b=len(to_b),
        politeness_gap=mean_difference([m.politeness for m in to_a], [m.politeness for m in to_b]) if enough else None,
        not_respectful_gap=proportion_difference(
            sum(m.not_respectful for m in to_a), len(to_a), sum(m.not_respectful for m in to_b), len(to_b)
        )
        if enough
        else None,
    )
