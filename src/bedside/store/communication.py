"""Queries that feed communication-pattern analysis: stored messages joined with their tone analysis.

Returns plain :class:`bedside.rapport.patterns.AnalysedMessage` records, so the pattern code never
touches the database. Only messages that have a result from the named analyzer are returned.

Loading a whole organisation (every page comparing a person with peers needs it) is cached per
database, organisation and analyzer, keyed on a fingerprint of the analysis results and the roster
(count, newest id and newest time of the results; every person's role and unit), so a re-analysis
or a roster change is seen at once and repeated page views cost one aggregate query.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bedside.rapport.labels import PROBLEM_SEVERITIES
from bedside.rapport.patterns import AnalysedMessage
from bedside.store.models import AnalysisResult, Message, MessageRecipient, Person

TONE_ANALYZER = "bedside.tone"
CACHED_ORGANISATIONS = 4

_cache: OrderedDict[tuple[str, int, str], tuple[str, list[AnalysedMessage]]] = OrderedDict()
_cache_lock = threading.Lock()


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
    if unit_ids is None and sender_ids is None:
        return _whole_organisation(session, organisation_id=organisation_id, analyzer=analyzer, query=query)
    if unit_ids is not None:
        query = query.where(Person.unit_id.in_(list(unit_ids)))
    if sender_ids is not None:
        query = query.where(Message.sender_id.in_(list(sender_ids)))
    return _records(session, organisation_id=organisation_id, query=query)


def _fingerprint(session: Session, *, organisation_id: int, analyzer: str) -> str:
    results = session.execute(
        select(func.count(AnalysisResult.id), func.max(AnalysisResult.id), func.max(AnalysisResult.created_at)).where(
            AnalysisResult.organisation_id == organisation_id,
            AnalysisResult.subject_type == "message",
            AnalysisResult.analyzer == analyzer,
        )
    ).one()
    roster = session.execute(
        select(Person.id, Person.role, Person.unit_id).where(Person.organisation_id == organisation_id).order_by(Person.id)
    ).all()
    digest = hashlib.sha256(repr((tuple(results), [tuple(r) for r in roster])).encode()).hexdigest()
    return digest


def _whole_organisation(
    session: Session, *, organisation_id: int, analyzer: str, query: Any
) -> list[AnalysedMessage]:
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    key = (engine.url.render_as_string(hide_password=True), organisation_id, analyzer)
    fingerprint = _fingerprint(session, organisation_id=organisation_id, analyzer=analyzer)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] == fingerprint:
            _cache.move_to_end(key)
            return hit[1]
    records = _records(session, organisation_id=organisation_id, query=query)
    with _cache_lock:
        _cache[key] = (fingerprint, records)
        _cache.move_to_end(key)
        while len(_cache) > CACHED_ORGANISATIONS:
            _cache.popitem(last=False)
    return records


def _records(session: Session, *, organisation_id: int, query: Any) -> list[AnalysedMessage]:
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
