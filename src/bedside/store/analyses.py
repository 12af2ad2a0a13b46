"""Queries for (re)analysing stored messages: what to analyse with its context, and storing results.

``messages_for_analysis`` returns plain records with everything the tone analyzer's context needs:
the sender's role, the recipients' roles, and the text of the message it answers (``in_reply_to``
names another message's ``source_id``; failing that, the previous message in the same thread).
``replace_results`` stores one analyzer's results, replacing that analyzer's earlier result for the
same message, in the caller's transaction. ``analyze_stored_messages`` runs the tone analyzer over
the stored messages and stores the results (the service behind ``bedside analyze`` and the demo).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bedside.rapport import MessageContext, default_analyzer
from bedside.store.models import AnalysisResult, Message, MessageRecipient, Organisation, Person

SUBJECT_MESSAGE = "message"


@dataclass(frozen=True, slots=True)
class MessageForAnalysis:
    """A stored message with the context the analyzer reads."""

    id: int
    organisation_id: int
    sender_id: int
    text: str
    sender_role: str | None = None
    recipient_roles: tuple[str, ...] = ()
    thread_id: str | None = None
    previous_text: str | None = None
    previous_sender_role: str | None = None


@dataclass(frozen=True, slots=True)
class StoredAnalysis:
    """One analyzer result about one message, ready to store."""

    message_id: int
    organisation_id: int
    person_id: int | None
    analyzer_version: str
    label: str | None
    score: float | None
    findings: list[Any] = field(default_factory=list)


def organisation_id_for(session: Session, slug: str) -> int | None:
    """The id of the organisation with this slug, or ``None``."""
    return session.scalar(select(Organisation.id).where(Organisation.slug == slug))


def messages_for_analysis(session: Session, *, organisation_id: int | None = None) -> list[MessageForAnalysis]:
    """Every message (of one organisation, if given) in sending order, with roles and the previous message."""
    query = (
        select(
            Message.id,
            Message.organisation_id,
            Message.sender_id,
            Message.text,
            Message.thread_id,
            Message.in_reply_to,
            Message.source_id,
            Person.role,
        )
        .join(Person, Person.id == Message.sender_id)
        .order_by(Message.organisation_id, Message.sent_at, Message.id)
    )
    if organisation_id is not None:
        query = query.where(Message.organisation_id == organisation_id)
    rows = session.execute(query).all()

    recipients_query = select(MessageRecipient.message_id, Person.role).join(
        Person, Person.id == MessageRecipient.person_id
    )
    if organisation_id is not None:
        recipients_query = recipients_query.join(Message, Message.id == MessageRecipient.message_id).where(
            Message.organisation_id == organisation_id
        )
    recipient_roles: dict[int, list[str]] = defaultdict(list)
    for message_id, role in session.execute(recipients_query):
        recipient_roles[message_id].append(str(role))

    by_source: dict[tuple[int, str], Any] = {}
    last_in_thread: dict[tuple[int, str], Any] = {}
    records: list[MessageForAnalysis] = []
    for row in rows:
        previous = None
        if row.in_reply_to:
            previous = by_source.get((row.organisation_id, row.in_reply_to))
        if previous is None and row.thread_id:
            previous = last_in_thread.get((row.organisation_id, row.thread_id))
        records.append(
            MessageForAnalysis(
                id=row.id,
                organisation_id=row.organisation_id,
                sender_id=row.sender_id,
                text=row.text,
                sender_role=str(row.role),
                recipient_roles=tuple(sorted(recipient_roles.get(row.id, ()))),
                thread_id=row.thread_id,
                previous_text=previous.text if previous is not None else None,
                previous_sender_role=str(previous.role) if previous is not None else None,
            )
        )
        by_source[(row.organisation_id, row.source_id)] = row
        if row.thread_id:
            last_in_thread[(row.organisation_id, row.thread_id)] = row
    return records


def replace_results(session: Session, *, analyzer: str, results: Sequence[StoredAnalysis]) -> int:
    """Store ``results``, replacing this analyzer's earlier results for the same messages. Returns the count."""
    if not results:
        return 0
    ids = [r.message_id for r in results]
    for start in range(0, len(ids), 500):
        session.execute(
            delete(AnalysisResult).where(
                AnalysisResult.subject_type == SUBJECT_MESSAGE,
                AnalysisResult.analyzer == analyzer,
                AnalysisResult.subject_id.in_(ids[start : start + 500]),
            )
        )
    session.add_all(
        AnalysisResult(
            organisation_id=r.organisation_id,
            subject_type=SUBJECT_MESSAGE,
            subject_id=r.message_id,
            person_id=r.person_id,
            analyzer=analyzer,
            analyzer_version=r.analyzer_version,
            label=r.label,
            score=r.score,
            findings=r.findings,
        )
        for r in results
    )
    session.flush()
    return len(results)


def count_results(session: Session, *, analyzer: str, organisation_id: int | None = None) -> dict[str, int]:
    """How many stored message results of this analyzer carry each label."""
    query = (
        select(AnalysisResult.label, func.count())
        .where(AnalysisResult.subject_type == SUBJECT_MESSAGE, AnalysisResult.analyzer == analyzer)
        .group_by(AnalysisResult.label)
    )
    if organisation_id is not None:
        query = query.where(AnalysisResult.organisation_id == organisation_id)
    return {str(label): int(n) for label, n in session.execute(query)}


@dataclass(frozen=True)
class AnalysisRun:
    """What :func:`analyze_stored_messages` did: how many messages, with which analyzer, and the tone mix."""

    messages: int
    analyzer: str
    analyzer_version: str
    tones: dict[str, int]


def analyze_stored_messages(
    session: Session,
    *,
    organisation_id: int | None = None,
    batch_size: int = 1000,
    progress: Callable[[int, int], None] | None = None,
    rules_dir: Path | None = None,
) -> AnalysisRun:
    """(Re)analyse stored messages with the default tone analyzer and store the results.

    Each message is read with its context; results replace the analyzer's earlier ones, in the
    caller's transaction. ``progress(done, total)`` is called after each stored batch.
    """
    analyzer = default_analyzer(rules_dir)
    messages = messages_for_analysis(session, organisation_id=organisation_id)
    tones: Counter[str] = Counter()
    batch: list[StoredAnalysis] = []
    done = 0
    for message in messages:
        context = MessageContext(
            sender_role=message.sender_role,
            recipient_roles=message.recipient_roles,
            previous_text=message.previous_text,
            previous_sender_role=message.previous_sender_role,
            thread_id=message.thread_id,
        )
        result = analyzer.analyze(message.text, context)
        tones[result.tone] += 1
        batch.append(
            StoredAnalysis(
                message_id=message.id,
                organisation_id=message.organisation_id,
                person_id=message.sender_id,
                analyzer_version=result.analyzer_version,
                label=result.tone,
                score=round(result.politeness, 4),
                findings=[f.to_dict() for f in result.findings],
            )
        )
        if len(batch) >= batch_size:
            done += replace_results(session, analyzer=analyzer.name, results=batch)
            batch = []
            if progress is not None:
                progress(done, len(messages))
    done += replace_results(session, analyzer=analyzer.name, results=batch)
    if progress is not None:
        progress(done, len(messages))
    return AnalysisRun(messages=len(messages), analyzer=analyzer.name, analyzer_version=analyzer.version, tones=dict(tones))
