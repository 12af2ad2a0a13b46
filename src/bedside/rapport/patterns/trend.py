"""Monthly trends of one person's tone: is their communication getting better or worse?"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from bedside.rapport.patterns.records import AnalysedMessage
from bedside.rapport.patterns.stats import Estimate, mean, slope, wilson

Direction = Literal["improving", "worsening", "steady", "too little data"]
MIN_MESSAGES_FOR_TREND = 30
# A trend is named only when its 99% interval excludes zero (many people are tested at once) and the
# fitted change over the observed months is large enough to matter.
Z99 = 2.5758293035489
MIN_RUDE_CHANGE = 0.10  # share of curt/hostile messages
MIN_POLITENESS_CHANGE = 0.20  # politeness score (0..1)


@dataclass(frozen=True)
class MonthPoint:
    month: str
    messages: int
    not_respectful: Estimate
    politeness: Estimate


@dataclass(frozen=True)
class PersonTrend:
    """Per-month figures and the per-month slope of the non-respectful share, with its interval."""

    person_id: int
    months: list[MonthPoint]
    not_respectful_slope: Estimate
    politeness_slope: Estimate
    direction: Direction

    def to_dict(self) -> dict[str, object]:
        return {
            "person_id": self.person_id,
            "months": [
                {
                    "month": p.month,
                    "messages": p.messages,
                    "not_respectful": p.not_respectful.to_dict(),
                    "politeness": p.politeness.to_dict(),
                }
                for p in self.months
            ],
            "not_respectful_slope": self.not_respectful_slope.to_dict(),
            "politeness_slope": self.politeness_slope.to_dict(),
            "direction": self.direction,
        }


def _month_index(month: str) -> int:
    year, mon = month.split("-")
    return int(year) * 12 + int(mon) - 1


def _moves(estimate: Estimate, span: float, minimum: float, *, sign: int) -> bool:
    """Whether the slope clearly points in ``sign``'s direction by at least ``minimum`` over ``span``."""
    clear = estimate.low > 0 if sign > 0 else estimate.high < 0
    return clear and abs(estimate.value) * span >= minimum


def person_trend(messages: Iterable[AnalysedMessage], person_id: int) -> PersonTrend:
    """Fit the share of curt/hostile messages (and mean politeness) against the month, per message."""
    own = [m for m in messages if m.sender_id == person_id]
    by_month: dict[str, list[AnalysedMessage]] = defaultdict(list)
    for m in own:
        by_month[m.month].append(m)
    points = [
        MonthPoint(
            month=month,
            messages=len(ms),
            not_respectful=wilson(sum(m.not_respectful for m in ms), len(ms)),
            politeness=mean([m.politeness for m in ms]),
        )
        for month, ms in sorted(by_month.items())
    ]
    xs = [float(_month_index(m.month)) for m in own]
    rude_slope = slope(xs, [float(m.not_respectful) for m in own], z=Z99)
    polite_slope = slope(xs, [m.politeness for m in own], z=Z99)
    span = (max(xs) - min(xs)) if xs else 0.0
    direction: Direction
    if len(own) < MIN_MESSAGES_FOR_TREND or len(points) < 3:
        direction = "too little data"
    else:
        better = _moves(rude_slope, span, MIN_RUDE_CHANGE, sign=-1) or _moves(
            polite_slope, span, MIN_POLITENESS_CHANGE, sign=+1
        )
        worse = _moves(rude_slope, span, MIN_RUDE_CHANGE, sign=+1) or _moves(
            polite_slope, span, MIN_POLITENESS_CHANGE, sign=-1
        )
        direction = "improving" if better and not worse else "worsening" if worse and not better else "steady"
    return PersonTrend(person_id, points, rude_slope, polite_slope, direction)
