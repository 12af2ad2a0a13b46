"""The audit trail: who viewed or exported which person's data, and when.

Rows are only ever inserted. Pages, the API and the CLI write through :func:`record`; the admin
page reads through :func:`list_events` and a person's own page through :func:`views_of`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from bedside.store.models import AuditEvent, Person

MAX_DETAIL_CHARS = 500


@dataclass(frozen=True)
class AuditFilter:
    """Filters of the admin audit page; every field is optional."""

    actor: str | None = None
    action: str | None = None
    subject_person_id: int | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None


@dataclass(frozen=True)
class AuditRow:
    """One audit event with the subject's name resolved for display."""

    id: int
    at: dt.datetime
    actor: str
    action: str
    subject_person_id: int | None
    subject_name: str | None
    detail: str


def record(
    session: Session,
    *,
    organisation_id: int | None,
    actor: str,
    action: str,
    subject_person_id: int | None,
    actor_user_id: int | None = None,
    detail: str = "",
) -> AuditEvent:
    """Append one audit event (flushed, committed with the surrounding transaction)."""
    event = AuditEvent(
        organisation_id=organisation_id,
        actor_user_id=actor_user_id,
        actor=actor[:100],
        action=action[:64],
        subject_person_id=subject_person_id,
        detail=detail[:MAX_DETAIL_CHARS],
    )
    session.add(event)
    session.flush()
    return event


def _filtered(organisation_id: int, filters: AuditFilter) -> Select[AuditEvent, str]:
    query = (
        select(AuditEvent, Person.name)
        .outerjoin(Person, Person.id == AuditEvent.subject_person_id)
        .where(AuditEvent.organisation_id == organisation_id)
    )
    if filters.actor:
        query = query.where(AuditEvent.actor == filters.actor)
    if filters.action:
        query = query.where(AuditEvent.action == filters.action)
    if filters.subject_person_id is not None:
        query = query.where(AuditEvent.subject_person_id == filters.subject_person_id)
    if filters.since is not None:
        query = query.where(AuditEvent.at >= filters.since)
    if filters.until is not None:
        query = query.where(AuditEvent.at < filters.until)
    return query


def list_events(
    session: Session, *, organisation_id: int, filters: AuditFilter, limit: int = 100, offset: int = 0
) -> tuple[list[AuditRow], int]:
    """A page of audit events (newest first) and the total number that match."""
    query = _filtered(organisation_id, filters)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.execute(query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit).offset(offset))
    return [_row(event, name) for event, name in rows], total


def views_of(session: Session, *, person_id: int, limit: int = 200) -> list[AuditRow]:
    """Who viewed or exported this person's data, newest first."""
    query = (
        select(AuditEvent, Person.name)
        .outerjoin(Person, Person.id == AuditEvent.subject_person_id)
        .where(AuditEvent.subject_person_id == person_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    return [_row(event, name) for event, name in session.execute(query)]


def actions_in_use(session: Session, *, organisation_id: int) -> list[str]:
    """The distinct audit actions of an organisation (for the filter's choices)."""
    query = select(AuditEvent.action).where(AuditEvent.organisation_id == organisation_id).distinct()
    return sorted(session.scalars(query))


def _row(event: AuditEvent, subject_name: str | None) -> AuditRow:
    return AuditRow(
        id=event.id,
        at=event.at,
        actor=event.actor,
        action=event.action,
        subject_person_id=event.subject_person_id,
        subject_name=subject_name,
        detail=event.detail,
    )
