"""Communication patterns over analysed messages: who writes how, to whom, and how it changes.

Plain Python over :class:`AnalysedMessage` records (no database): rates with confidence intervals per
person, role pair, unit and month; responsiveness (response times, unanswered messages,
reciprocity); asymmetry (does a person write to nurses less politely than to physicians?); monthly
trends; and each person's "areas for improvement" — their most significant differences from peers in
the same role, with example messages and a recommendation. Team aggregates over fewer than
``min_group_size`` people are suppressed.
"""

from bedside.rapport.patterns.asymmetry import RoleAsymmetry, role_asymmetry
from bedside.rapport.patterns.groups import GroupSummary, summarise_groups
from bedside.rapport.patterns.improvement import AreaForImprovement, areas_for_improvement, rank_people
from bedside.rapport.patterns.records import AnalysedMessage
from bedside.rapport.patterns.responsiveness import Responsiveness, responsiveness
from bedside.rapport.patterns.trend import PersonTrend, person_trend

__all__ = [
    "AnalysedMessage",
    "AreaForImprovement",
    "GroupSummary",
    "PersonTrend",
    "Responsiveness",
    "RoleAsymmetry",
    "areas_for_improvement",
    "person_trend",
    "rank_people",
    "responsiveness",
    "role_asymmetry",
    "summarise_groups",
]
