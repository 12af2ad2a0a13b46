"""Areas for improvement: each person's most significant differences from peers in the same role.

For every person with enough messages, each metric (share of curt/hostile messages, rate of every
problem category, mean politeness, politeness to nurses versus physicians) is compared with the
pooled messages of the other people in the same role. A difference counts only when its 99% interval
excludes zero and it is large enough to matter; the few largest (by standard score) are returned,
each with example messages and a concrete, kind recommendation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bedside.rapport.patterns.asymmetry import role_asymmetry
from bedside.rapport.patterns.records import AnalysedMessage
from bedside.rapport.patterns.stats import Estimate, mean_difference, proportion_difference, z_score

Z99 = 2.5758293035489
MIN_PERSON_MESSAGES = 20
MIN_RATE_DIFFERENCE = 0.05
MIN_POLITENESS_DIFFERENCE = 0.15
EXAMPLES = 3

RECOMMENDATIONS: dict[str, str] = {
    "not_respectful": (
        "More of your messages read as curt than your peers'. Before sending, add a greeting or a thank-you "
        "and say why you are asking; it costs a few words and keeps the team on side."
    ),
    "politeness": (
        "Your messages score lower on politeness than your peers'. Open with the person's name or a "
        "greeting, use 'please' / 'could you' for requests, and close with thanks."
    ),
    "asymmetry": (
        "Your messages to nurses are measurably less polite than your messages to physicians. Use the "
        "same courtesies with every colleague: nurses read a bare order as a sign of how you see them."
    ),
    "command": (
        "Many of your requests are bare orders. Add a softener ('please', 'could you') and the reason "
        "('so we can...'); urgent requests can be short and still polite."
    ),
    "condescension": (
        "Phrases such as 'obviously' or 'as I already said' imply the reader should have known. Restate "
        "the point neutrally and invite questions instead."
    ),
    "blame": (
        "Describe the event and the fix, not the person: 'the 14:00 dose was missed, can we set a "
        "reminder?' rather than 'you always forget'."
    ),
    "dismissive": "Acknowledge a colleague's point before answering it ('Thanks for flagging this - ...').",
    "shouting": "Say 'urgent:' in words instead of capitals or repeated '!!!' / '???'.",
    "insult": "Remove personal remarks; raise performance concerns privately, in person, with specifics.",
    "threat": "Remove threats; if a concern needs escalating, say so plainly and use the agreed process.",
    "profanity": "Leave out swearing, even in frustration; it is remembered longer than the message.",
    "sbar": (
        "Structure escalations and handoffs as SBAR: situation, background, assessment, recommendation, "
        "so nothing has to be chased."
    ),
    "cus": (
        "When a colleague says they are concerned or that something is a safety issue, acknowledge it "
        "explicitly and say what you will do."
    ),
    "closed_loop": "Close the loop: read back orders and confirm when the task is done.",
}
GENERIC_RECOMMENDATION = "Review the example messages with a trusted colleague and agree one change to try."


@dataclass(frozen=True)
class AreaForImprovement:
    """One significant difference from peers, with its evidence and what to do about it."""

    person_id: int
    metric: str  # not_respectful, politeness, asymmetry, or a problem category
    person_value: float
    peer_value: float
    difference: Estimate
    z: float
    example_message_ids: tuple[int, ...]
    recommendation: str
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {
            "person_id": self.person_id,
            "metric": self.metric,
            "person_value": self.person_value,
            "peer_value": self.peer_value,
            "difference": self.difference.to_dict(),
            "z": self.z,
            "example_message_ids": list(self.example_message_ids),
            "recommendation": self.recommendation,
            "reason": self.reason,
        }


def _examples(messages: list[AnalysedMessage], keep: int = EXAMPLES) -> tuple[int, ...]:
    ranked = sorted(messages, key=lambda m: (m.politeness, -m.sent_at.timestamp()))
    return tuple(m.message_id for m in ranked[:keep])


def _rate_area(
    person_id: int, metric: str, own: list[AnalysedMessage], peers: list[AnalysedMessage], hit: set[int], peer_hits: int
) -> AreaForImprovement | None:
    k = sum(1 for m in own if m.message_id in hit)
    diff = proportion_difference(k, len(own), peer_hits, len(peers), z=Z99)
    if diff.low <= 0 or diff.value < MIN_RATE_DIFFERENCE:
        return None
    person_rate, peer_rate = k / len(own), peer_hits / len(peers)
    label = "curt or hostile messages" if metric == "not_respectful" else f"'{metric}' findings"
    return AreaForImprovement(
        person_id=person_id,
        metric=metric,
        person_value=person_rate,
        peer_value=peer_rate,
        difference=diff,
        z=z_score(diff, Z99),
        example_message_ids=_examples([m for m in own if m.message_id in hit]),
        recommendation=RECOMMENDATIONS.get(metric, GENERIC_RECOMMENDATION),
        reason=f"{person_rate:.0%} of {len(own)} messages had {label}, against {peer_rate:.0%} for peers in the same role.",
    )


def areas_for_improvement(
    messages: Iterable[AnalysedMessage], person_id: int, *, limit: int = 3
) -> list[AreaForImprovement]:
    """The person's ``limit`` most significant differences from same-role peers (may be none)."""
    items = list(messages)
    own = [m for m in items if m.sender_id == person_id]
    if len(own) < MIN_PERSON_MESSAGES:
        return []
    role = own[0].sender_role
    peers = [m for m in items if m.sender_role == role and m.sender_id != person_id]
    if len(peers) < MIN_PERSON_MESSAGES:
        return []
    areas: list[AreaForImprovement] = []

    rude = {m.message_id for m in own if m.not_respectful}
    area = _rate_area(person_id, "not_respectful", own, peers, rude, sum(m.not_respectful for m in peers))
    if area:
        areas.append(area)

    peer_counts: dict[str, int] = defaultdict(int)
    for m in peers:
        for c in m.categories:
            peer_counts[c] += 1
    for category in sorted({c for m in own for c in m.categories}):
        hits = {m.message_id for m in own if category in m.categories}
        area = _rate_area(person_id, category, own, peers, hits, peer_counts.get(category, 0))
        if area:
            areas.append(area)

    gap = mean_difference([m.politeness for m in own], [m.politeness for m in peers], z=Z99)
    if gap.high < 0 and -gap.value >= MIN_POLITENESS_DIFFERENCE:
        areas.append(
            AreaForImprovement(
                person_id=person_id,
                metric="politeness",
                person_value=gap.value + sum(m.politeness for m in peers) / len(peers),
                peer_value=sum(m.politeness for m in peers) / len(peers),
                difference=gap,
                z=-z_score(gap, Z99),
                example_message_ids=_examples(own),
                recommendation=RECOMMENDATIONS["politeness"],
                reason=f"Mean politeness {gap.value:+.2f} below peers in the same role over {len(own)} messages.",
            )
        )

    asym = role_asymmetry(own, person_id)
    if asym.politeness_gap and asym.politeness_gap.high < 0 and -asym.politeness_gap.value >= MIN_POLITENESS_DIFFERENCE:
        to_nurses = [m for m in own if "nurse" in m.recipient_roles and "physician" not in m.recipient_roles]
        areas.append(
            AreaForImprovement(
                person_id=person_id,
                metric="asymmetry",
                person_value=asym.politeness_gap.value,
                peer_value=0.0,
                difference=asym.politeness_gap,
                z=-z_score(asym.politeness_gap),
                example_message_ids=_examples(to_nurses),
                recommendation=RECOMMENDATIONS["asymmetry"],
                reason=(
                    f"Politeness to nurses is {asym.politeness_gap.value:+.2f} against messages to physicians "
                    f"({asym.messages_a} vs {asym.messages_b} messages)."
                ),
            )
        )
    areas.sort(key=lambda a: a.z, reverse=True)
    return areas[:limit]


@dataclass(frozen=True)
class PersonConcern:
    """A person's overall standing: the sum of the standard scores of their areas for improvement."""

    person_id: int
    score: float
    areas: list[AreaForImprovement]


def rank_people(messages: Iterable[AnalysedMessage], *, limit: int = 3) -> list[PersonConcern]:
    """Everyone with at least one area for improvement, most significant first."""
    items = list(messages)
    ranked = []
    for person_id in sorted({m.sender_id for m in items}):
        areas = areas_for_improvement(items, person_id, limit=limit)
        if areas:
            ranked.append(PersonConcern(person_id, sum(a.z for a in areas), areas))
    ranked.sort(key=lambda c: c.score, reverse=True)
    return ranked
