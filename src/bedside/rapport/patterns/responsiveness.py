"""Responsiveness: how fast people answer, which messages go unanswered, who writes back to whom.

A reply is a message whose ``in_reply_to`` names another message's ``source_id`` and whose sender
was one of that message's recipients. A message is unanswered when no recipient replied within
``answer_window``.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bedside.rapport.patterns.records import AnalysedMessage
from bedside.rapport.patterns.stats import Estimate, wilson

DEFAULT_ANSWER_WINDOW = dt.timedelta(hours=24)


@dataclass(frozen=True)
class Responsiveness:
    """One person's responsiveness as a recipient and reciprocity as a sender."""

    person_id: int
    received: int
    answered: Estimate
    median_response_minutes: float | None
    contacts: int
    reciprocity: Estimate  # share of the people they wrote to who also wrote to them

    def to_dict(self) -> dict[str, object]:
        return {
            "person_id": self.person_id,
            "received": self.received,
            "answered": self.answered.to_dict(),
            "median_response_minutes": self.median_response_minutes,
            "contacts": self.contacts,
            "reciprocity": self.reciprocity.to_dict(),
        }


def responsiveness(
    messages: Iterable[AnalysedMessage], *, answer_window: dt.timedelta = DEFAULT_ANSWER_WINDOW
) -> dict[int, Responsiveness]:
    """Responsiveness of every person who sent or received a message, keyed by person id."""
    items = list(messages)
    by_source = {m.source_id: m for m in items if m.source_id}
    answered_by: dict[int, dict[int, float]] = defaultdict(dict)  # message -> replier -> minutes
    for reply in items:
        original = by_source.get(reply.in_reply_to) if reply.in_reply_to else None
        if original is None or reply.sender_id not in original.recipient_ids:
            continue
        minutes = (reply.sent_at - original.sent_at).total_seconds() / 60
        if 0 <= minutes <= answer_window.total_seconds() / 60:
            previous = answered_by[original.message_id].get(reply.sender_id)
            if previous is None or minutes < previous:
                answered_by[original.message_id][reply.sender_id] = minutes

    received: dict[int, int] = defaultdict(int)
    answered: dict[int, int] = defaultdict(int)
    delays: dict[int, list[float]] = defaultdict(list)
    wrote_to: dict[int, set[int]] = defaultdict(set)
    for m in items:
        replies = answered_by.get(m.message_id, {})
        for r in set(m.recipient_ids):
            wrote_to[m.sender_id].add(r)
            received[r] += 1
            if r in replies:
                answered[r] += 1
                delays[r].append(replies[r])

    people = set(received) | set(wrote_to)
    result: dict[int, Responsiveness] = {}
    for p in sorted(people):
        contacts = wrote_to.get(p, set()) - {p}
        reciprocal = sum(1 for c in contacts if p in wrote_to.get(c, set()))
        result[p] = Responsiveness(
            person_id=p,
            received=received.get(p, 0),
            answered=wilson(answered.get(p, 0), received.get(p, 0)),
            median_response_minutes=statistics.median(delays[p]) if delays.get(p) else None,
            contacts=len(contacts),
            reciprocity=wilson(reciprocal, len(contacts)),
        )
    return result
