"""Rates per group: person, role pair, unit, month — with intervals and small-group suppression.

A group's people are its distinct senders. Team groups (everything but ``person``) with fewer people
than ``min_group_size`` are returned with ``suppressed=True`` and no figures, so that nobody can be
singled out from an aggregate.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from bedside.rapport.patterns.records import AnalysedMessage
from bedside.rapport.patterns.stats import Estimate, mean, wilson

Grouping = Literal["person", "role_pair", "unit", "month", "unit_month"]
TONES = ("respectful", "neutral", "curt", "hostile")


@dataclass(frozen=True)
class GroupSummary:
    """What one group's messages look like. Empty figures when ``suppressed``."""

    key: tuple[str | int | None, ...]
    messages: int
    people: int
    suppressed: bool
    tone_mix: dict[str, float] = field(default_factory=dict)
    not_respectful: Estimate | None = None
    politeness: Estimate | None = None
    category_rates: dict[str, Estimate] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "key": list(self.key),
            "messages": self.messages,
            "people": self.people,
            "suppressed": self.suppressed,
            "tone_mix": self.tone_mix,
            "not_respectful": self.not_respectful.to_dict() if self.not_respectful else None,
            "politeness": self.politeness.to_dict() if self.politeness else None,
            "category_rates": {c: e.to_dict() for c, e in self.category_rates.items()},
        }


def _keys(grouping: Grouping) -> Callable[[AnalysedMessage], Iterator[tuple[str | int | None, ...]]]:
    def person(m: AnalysedMessage) -> Iterator[tuple[str | int | None, ...]]:
        yield (m.sender_id,)

    def role_pair(m: AnalysedMessage) -> Iterator[tuple[str | int | None, ...]]:
        for role in sorted(set(m.recipient_roles)):
            yield (m.sender_role, role)

    def unit(m: AnalysedMessage) -> Iterator[tuple[str | int | None, ...]]:
        yield (m.unit_id,)

    def month(m: AnalysedMessage) -> Iterator[tuple[str | int | None, ...]]:
        yield (m.month,)

    def unit_month(m: AnalysedMessage) -> Iterator[tuple[str | int | None, ...]]:
        yield (m.unit_id, m.month)

    return {"person": person, "role_pair": role_pair, "unit": unit, "month": month, "unit_month": unit_month}[grouping]


def summarise(
    key: tuple[str | int | None, ...], messages: list[AnalysedMessage], *, min_group_size: int, team: bool
) -> GroupSummary:
    """Summarise one group's messages (suppressing team groups with too few people)."""
    people = len({m.sender_id for m in messages})
    if team and people < min_group_size:
        return GroupSummary(key=key, messages=len(messages), people=people, suppressed=True)
    n = len(messages)
    tones = Counter(m.tone for m in messages)
    categories: Counter[str] = Counter()
    for m in messages:
        categories.update(m.categories)
    return GroupSummary(
        key=key,
        messages=n,
        people=people,
        suppressed=False,
        tone_mix={t: tones.get(t, 0) / n for t in TONES} if n else {},
        not_respectful=wilson(sum(1 for m in messages if m.not_respectful), n),
        politeness=mean([m.politeness for m in messages]),
        category_rates={c: wilson(k, n) for c, k in sorted(categories.items())},
    )


def summarise_groups(
    messages: Iterable[AnalysedMessage], grouping: Grouping, *, min_group_size: int = 5
) -> list[GroupSummary]:
    """One summary per group, ordered by key; team groupings suppress groups under ``min_group_size``."""
    buckets: dict[tuple[str | int | None, ...], list[AnalysedMessage]] = defaultdict(list)
    key_of = _keys(grouping)
    for m in messages:
        for key in key_of(m):
            buckets[key].append(m)
    team = grouping != "person"
    return [
        summarise(key, buckets[key], min_group_size=min_group_size, team=team)
        for key in sorted(buckets, key=lambda k: tuple("" if v is None else str(v) for v in k))
    ]
