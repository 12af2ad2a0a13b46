"""Person data queries: one person's record (messages sent, notes, ratings, analyses), the full
personal-data export, and the monthly message counts behind the home-page chart.

Functions here do not decide access: callers pass what :mod:`bedside.store.access` allowed (for
example ``include_analytics``). Author and rater identities are left out of a person's record so
that peer feedback stays safe to give; the record says what was written, not by whom.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from bedside.store import audit
from bedside.store.models import (
    AnalysisResult,
    ApiToken,
    FeedbackNote,
    FindingComment,
    Message,
    MessageRecipient,
    Person,
    PersonDemographics,
    ReviewRating,
    Unit,
    UserAccount,
)

EXPORT_FORMAT = "bedside.person-export/1"


def as_utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; the store writes UTC, so say so (RFC 3339 needs an offset)."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


UtcDatetime = Annotated[dt.datetime, AfterValidator(as_utc)]


class PersonSummary(BaseModel):
    """A person as listed: identity, staff role and unit."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    external_id: str
    name: str
    role: str
    unit: str | None
    active: bool


class MessageItem(BaseModel):
    id: int
    sent_at: UtcDatetime
    channel: str
    thread_id: str | None
    text: str
    recipient_ids: list[int]


class NoteItem(BaseModel):
    id: int
    kind: str
    created_at: UtcDatetime
    text: str


class RatingItem(BaseModel):
    id: int
    cycle: str
    criterion: str
    score: float
    comment: str | None
    created_at: UtcDatetime


class FindingCommentItem(BaseModel):
    id: int
    text: str
    created_at: UtcDatetime
    author: str | None


class AnalysisItem(BaseModel):
    id: int
    subject_type: str
    subject_id: int
    analyzer: str
    analyzer_version: str
    label: str | None
    score: float | None
    findings: list[Any]
    created_at: UtcDatetime
    comments: list[FindingCommentItem]


class PersonRecord(BaseModel):
    """What is held about one person; ``analyses`` is None when the viewer may not see them."""

    person: PersonSummary
    message_count: int
    messages: list[MessageItem]
    notes: list[NoteItem]
    ratings: list[RatingItem]
    analyses: list[AnalysisItem] | None
    analytics_hidden_reason: str | None = None


class PersonNotFoundError(LookupError):
    """No person with that id or external id in the organisation."""


def get_person(session: Session, person_id: int) -> Person | None:
    return session.get(Person, person_id)


def person_by_external_id(session: Session, *, organisation_id: int, external_id: str) -> Person:
    person = session.scalar(
        select(Person).where(Person.organisation_id == organisation_id, Person.external_id == external_id)
    )
    if person is None:
        raise PersonNotFoundError(f"No person with external id {external_id!r} in this organisation.")
    return person


def summarise(session: Session, person: Person) -> PersonSummary:
    unit_name = session.scalar(select(Unit.name).where(Unit.id == person.unit_id)) if person.unit_id else None
    return PersonSummary(
        id=person.id,
        external_id=person.external_id,
        name=person.name,
        role=str(person.role),
        unit=unit_name,
        active=person.active,
    )


def list_people(session: Session, query: Select[Person], *, limit: int, offset: int) -> list[PersonSummary]:
    """Summaries of the people a visibility query selects, ordered by name."""
    rows = session.execute(
        query.add_columns(Unit.name)
        .outerjoin(Unit, Unit.id == Person.unit_id)
        .order_by(Person.name, Person.id)
        .limit(limit)
        .offset(offset)
    )
    return [
        PersonSummary(
            id=p.id, external_id=p.external_id, name=p.name, role=str(p.role), unit=unit_name, active=p.active
        )
        for p, unit_name in rows
    ]


def messages_sent(session: Session, person_id: int, *, limit: int | None) -> list[MessageItem]:
    query = select(Message).where(Message.sender_id == person_id).order_by(Message.sent_at.desc(), Message.id.desc())
    if limit is not None:
        query = query.limit(limit)
    messages = list(session.scalars(query))
    recipients: dict[int, list[int]] = {m.id: [] for m in messages}
    if messages:
        rows = session.execute(
            select(MessageRecipient.message_id, MessageRecipient.person_id).where(
                MessageRecipient.message_id.in_(list(recipients))
            )
        )
        for message_id, recipient_id in rows:
            recipients[message_id].append(recipient_id)
    return [
        MessageItem(
            id=m.id,
            sent_at=m.sent_at,
            channel=m.channel,
            thread_id=m.thread_id,
            text=m.text,
            recipient_ids=sorted(recipients[m.id]),
        )
        for m in messages
    ]


def notes_about(session: Session, person_id: int) -> list[NoteItem]:
    query = select(FeedbackNote).where(FeedbackNote.about_id == person_id).order_by(FeedbackNote.created_at.desc())
    return [NoteItem(id=n.id, kind=str(n.kind), created_at=n.created_at, text=n.text) for n in session.scalars(query)]


def ratings_of(session: Session, person_id: int) -> list[RatingItem]:
    query = (
        select(ReviewRating)
        .where(ReviewRating.subject_id == person_id)
        .order_by(ReviewRating.cycle.desc(), ReviewRating.criterion)
    )
    return [
        RatingItem(id=r.id, cycle=r.cycle, criterion=r.criterion, score=r.score, comment=r.comment, created_at=r.created_at)
        for r in session.scalars(query)
    ]


def analyses_of(session: Session, person_id: int) -> list[AnalysisItem]:
    """Analysis results about a person, each with its comments (oldest comment first)."""
    results = list(
        session.scalars(
            select(AnalysisResult)
            .where(AnalysisResult.person_id == person_id)
            .order_by(AnalysisResult.created_at.desc(), AnalysisResult.id.desc())
        )
    )
    comments: dict[int, list[FindingCommentItem]] = {r.id: [] for r in results}
    if results:
        rows = session.execute(
            select(FindingComment, UserAccount.username)
            .outerjoin(UserAccount, UserAccount.id == FindingComment.author_user_id)
            .where(FindingComment.analysis_result_id.in_(list(comments)))
            .order_by(FindingComment.created_at, FindingComment.id)
        )
        for comment, username in rows:
            comments[comment.analysis_result_id].append(
                FindingCommentItem(id=comment.id, text=comment.text, created_at=comment.created_at, author=username)
            )
    return [
        AnalysisItem(
            id=r.id,
            subject_type=r.subject_type,
            subject_id=r.subject_id,
            analyzer=r.analyzer,
            analyzer_version=r.analyzer_version,
            label=r.label,
            score=r.score,
            findings=list(r.findings or []),
            created_at=r.created_at,
            comments=comments[r.id],
        )
        for r in results
    ]


def person_record(
    session: Session, person: Person, *, include_analytics: bool, message_limit: int | None = 50
) -> PersonRecord:
    """Everything a page or the API shows about one person."""
    message_count = session.scalar(select(func.count()).where(Message.sender_id == person.id)) or 0
    return PersonRecord(
        person=summarise(session, person),
        message_count=message_count,
        messages=messages_sent(session, person.id, limit=message_limit),
        notes=notes_about(session, person.id),
        ratings=ratings_of(session, person.id),
        analyses=analyses_of(session, person.id) if include_analytics else None,
        analytics_hidden_reason=None
        if include_analytics
        else "Coaching mode: communication analytics are visible only to the person they describe.",
    )


def analysis_subject(session: Session, result_id: int) -> Person | None:
    """The person an analysis result is about (None when the result or its person is missing)."""
    person_id = session.scalar(select(AnalysisResult.person_id).where(AnalysisResult.id == result_id))
    return session.get(Person, person_id) if person_id is not None else None


def add_finding_comment(session: Session, *, result_id: int, author_user_id: int, text: str) -> FindingComment:
    comment = FindingComment(analysis_result_id=result_id, author_user_id=author_user_id, text=text)
    session.add(comment)
    session.flush()
    return comment


def export_person_data(session: Session, person: Person, *, include_analytics: bool) -> dict[str, Any]:
    """The full personal-data export as JSON-ready data (everything held, nothing truncated)."""
    record = person_record(session, person, include_analytics=include_analytics, message_limit=None)
    demographics = session.get(PersonDemographics, person.id)
    account = session.scalar(select(UserAccount).where(UserAccount.person_id == person.id))
    tokens = (
        list(session.scalars(select(ApiToken).where(ApiToken.user_id == account.id).order_by(ApiToken.id)))
        if account is not None
        else []
    )
    return {
        "format": EXPORT_FORMAT,
        "exported_at": dt.datetime.now(dt.UTC).isoformat(),
        "person": record.person.model_dump(mode="json")
        | {"email": person.email, "created_at": as_utc(person.created_at).isoformat()},
        "demographics": None
        if demographics is None
        else {"gender": demographics.gender, "ethnicity": demographics.ethnicity, "age_band": demographics.age_band},
        "account": None
        if account is None
        else {
            "username": account.username,
            "role": str(account.role),
            "created_at": as_utc(account.created_at).isoformat(),
            "last_login_at": as_utc(account.last_login_at).isoformat() if account.last_login_at else None,
            "api_tokens": [
                {
                    "id": t.id,
                    "name": t.name,
                    "created_at": as_utc(t.created_at).isoformat(),
                    "revoked_at": as_utc(t.revoked_at).isoformat() if t.revoked_at else None,
                }
                for t in tokens
            ],
        },
        "messages_sent": [m.model_dump(mode="json") for m in record.messages],
        "notes_about": [n.model_dump(mode="json") for n in record.notes],
        "ratings": [r.model_dump(mode="json") for r in record.ratings],
        "analyses": None if record.analyses is None else [a.model_dump(mode="json") for a in record.analyses],
        "analytics_hidden_reason": record.analytics_hidden_reason,
        "views_of_my_data": [
            {"at": as_utc(row.at).isoformat(), "actor": row.actor, "action": row.action, "detail": row.detail}
            for row in audit.views_of(session, person_id=person.id, limit=10_000)
        ],
    }


def monthly_message_counts(session: Session, people: Select[Person]) -> tuple[list[tuple[str, int]], int]:
    """Messages sent per month (``YYYY-MM``, oldest first) by the selected people, and how many people."""
    ids = people.with_only_columns(Person.id).scalar_subquery()
    people_count = session.scalar(select(func.count()).select_from(people.subquery())) or 0
    counts: Counter[str] = Counter()
    for sent_at in session.scalars(select(Message.sent_at).where(Message.sender_id.in_(ids))):
        counts[f"{sent_at.year:04d}-{sent_at.month:02d}"] += 1
    return sorted(counts.items()), people_count
