"""The one input record of pattern analysis: a stored message together with its analysis."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

NOT_RESPECTFUL = frozenset({"curt", "hostile"})


@dataclass(frozen=True, slots=True)
class AnalysedMessage:
    """A message's who / when / thread facts and the analyzer's verdict on it.

    ``categories`` holds the problem categories found in the message (e.g. ``command``,
    ``condescension``); ``source_id`` / ``in_reply_to`` link replies to what they answer.
    """

    message_id: int
    sender_id: int
    sender_role: str
    unit_id: int | None
    recipient_ids: tuple[int, ...]
    recipient_roles: tuple[str, ...]
    sent_at: dt.datetime
    tone: str
    politeness: float
    categories: frozenset[str] = frozenset()
    thread_id: str | None = None
    source_id: str | None = None
    in_reply_to: str | None = None

    @property
    def month(self) -> str:
        """Calendar month as ``YYYY-MM``."""
        return f"{self.sent_at.year:04d}-{self.sent_at.month:02d}"

    @property
    def not_respectful(self) -> bool:
        """Whether the tone label is curt or hostile."""
        return self.tone in NOT_RESPECTFUL
