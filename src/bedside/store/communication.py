"""Queries that feed communication-pattern analysis: stored messages joined with their tone analysis.

Returns plain :class:`bedside.rapport.patterns.AnalysedMessage` records, so the pattern code never
touches the database. Only messages that have a result from the named analyzer are returned.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from bedside.rapport.labels import PROBLEM_SEVERITIES
from bedside.rapport.patterns import AnalysedMessage
from bedside.store.models import AnalysisResult, Message, MessageRecipient, Person

TONE_ANALYZER = "bedside.tone"


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def load_analysed_messages(
    session: Session,
    *,
    organisation_id: int,
    analyzer: str = TONE_ANALYZER,
    unit_ids: Collection[int] | None = None,
    sender_ids: Collection[int] | None = None,
) -> list[AnalysedMessage]:
    """Messages of an organisation with their tone label, politeness and problem categories.

    ``unit_ids`` limits to senders in those units; ``sender_ids`` to those senders.
    """
    query = (
        select(
            Message.id,
            Message.sender_id,
            Person.role,
            Person.unit_id,
            Message.sent_at,
            Message.thread_id,
            Message.source_id,
            Message.in_reply_to,
            AnalysisResult.label,
            AnalysisResult.score,
            AnalysisResult.findings,
        )
        .join(Person, Person.id == Message.sender_id)
        .join(
            AnalysisResult,
            (AnalysisResult.subject_type == "message")
            & (AnalysisResult.subject_id == Message.id)
            & (AnalysisResult.analyzer == analyzer),
        )
        .where(Message.organisation_id == organisation_id)
        .order_by(Message.sent_at, Message.id)
    )
    if unit_ids is not None:
        query = query.where(Person.unit_id.in_(list(unit_ids)))
    if sender_ids is not None:
        query = query.where(Message.sender_id.in_(list(sender_ids)))
    rows = session.execute(query).all()

    recipients: dict[int, list[tuple[int, str]]] = defaultdict(list)
    recipient_query = (
        select(MessageRecipient.message_id, MessageRecipient.person_id, Person.role)
        .join(Person, Person.id == MessageRecipient.person_id)
        .join(Message, Message.id == MessageRecipient.message_id)
        .where(Message.organisation_id == organisation_id)
    )
    for message_id, person_id, role in session.execute(recipient_query):
        recipients[message_id].append((person_id, str(role)))

    out = []
    for r in rows:
        to = sorted(recipients.get(r.id, []))
        out.append(
            AnalysedMessage(
                message_id=r.id,
                sender_id=r.sender_id,
                sender_role=str(r.role),
                unit_id=r.unit_id,
                recipient_ids=tuple(p for p, _ in to),
                recipient_roles=tuple(role for _, role in to),
                sent_at=_aware(r.sent_at),
                tone=r.label or "neutral",
                politeness=float(r.score or 0.0),
                categories=frozenset(
                    f["category"] for f in (r.findings or []) if f.get("severity") in PROBLEM_SEVERITIES
                ),
                thread_id=r.thread_id,
                source_id=r.source_id,
                in_reply_to=r.in_reply_to,
            )
        )
    return out
