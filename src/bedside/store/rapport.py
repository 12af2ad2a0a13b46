"""Queries and view data behind the Rapport pages: a unit's dashboard, a person's coaching summary,
and one stored message with its tone analysis.

The pattern code (:mod:`bedside.rapport.patterns`) works on plain records; this module loads them
for one organisation, decides which people may be named (only those the viewer may see, and nobody
in coaching mode), and adds names and message excerpts. Access itself is checked before these are
called (``bedside.web.access``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bedside.rapport import Finding, MessageAnalysis
from bedside.rapport.patterns import AnalysedMessage, areas_for_improvement
from bedside.rapport.patterns.improvement import PersonConcern
from bedside.rapport.patterns.views import person_summary, unit_dashboard
from bedside.store import audit
from bedside.store.access import Viewer, visible_people
from bedside.store.communication import TONE_ANALYZER, load_analysed_messages
from bedside.store.models import AnalysisResult, Message, MessageRecipient, Organisation, Person, Unit

PEOPLE_TO_SUPPORT = 10
EXCERPT_CHARS = 160


@dataclass(frozen=True)
class PersonRef:
    """A person as shown on the Rapport pages."""

    id: int
    name: str
    role: str


@dataclass(frozen=True)
class StoredMessage:
    """A stored (redacted) message with its sender, recipients and stored tone analysis, if any."""

    id: int
    text: str
    sent_at: dt.datetime
    thread_id: str | None
    sender: PersonRef
    recipients: list[PersonRef]
    analysis: MessageAnalysis | None


def message_sender(session: Session, message_id: int) -> Person | None:
    """The person who sent a message (None when there is no such message)."""
    sender_id = session.scalar(select(Message.sender_id).where(Message.id == message_id))
    return session.get(Person, sender_id) if sender_id is not None else None


def stored_analysis(text: str, result: AnalysisResult) -> MessageAnalysis:
    """A :class:`MessageAnalysis` rebuilt from a stored result (evidence beyond the findings is not stored)."""
    findings = tuple(Finding.from_dict(f) for f in (result.findings or []) if isinstance(f, dict) and "category" in f)
    tone = result.label if result.label in ("respectful", "neutral", "curt", "hostile") else "neutral"
    return MessageAnalysis(
        text=text,
        tone=tone,  # type: ignore[arg-type]  # checked against the labels above
        politeness=float(result.score or 0.0),
        findings=findings,
        evidence=(),
        analyzer=result.analyzer,
        analyzer_version=result.analyzer_version,
    )


def _ref(person: Person) -> PersonRef:
    return PersonRef(person.id, person.name, str(person.role))


def load_message(session: Session, message_id: int, *, analyzer: str = TONE_ANALYZER) -> StoredMessage | None:
    """One message with its sender, recipients and this analyzer's stored result."""
    message = session.get(Message, message_id)
    if message is None:
        return None
    recipients = session.scalars(
        select(Person)
        .join(MessageRecipient, MessageRecipient.person_id == Person.id)
        .where(MessageRecipient.message_id == message_id)
        .order_by(Person.name)
    ).all()
    result = session.scalar(
        select(AnalysisResult)
        .where(
            AnalysisResult.subject_type == "message",
            AnalysisResult.subject_id == message_id,
            AnalysisResult.analyzer == analyzer,
        )
        .order_by(AnalysisResult.id.desc())
        .limit(1)
    )
    sent_at = message.sent_at if message.sent_at.tzinfo else message.sent_at.replace(tzinfo=dt.UTC)
    return StoredMessage(
        id=message.id,
        text=message.text,
        sent_at=sent_at,
        thread_id=message.thread_id,
        sender=_ref(message.sender),
        recipients=[_ref(p) for p in recipients],
        analysis=stored_analysis(message.text, result) if result is not None else None,
    )


def _visible_names(session: Session, viewer: Viewer) -> dict[int, PersonRef]:
    return {p.id: _ref(p) for p in session.scalars(visible_people(viewer))}


def _excerpts(session: Session, message_ids: Collection[int]) -> dict[int, str]:
    if not message_ids:
        return {}
    rows = session.execute(select(Message.id, Message.text).where(Message.id.in_(list(message_ids))))
    return {i: (t if len(t) <= EXCERPT_CHARS else t[: EXCERPT_CHARS - 1] + "…") for i, t in rows}


def unit_dashboard_data(
    session: Session, *, viewer: Viewer, unit: Unit | None, min_group_size: int
) -> dict[str, Any]:
    """The unit dashboard: team aggregates always; the network and people to support outside coaching mode.

    Messages are those sent by the unit's people (``unit=None``: the whole organisation of the
    viewer, for admins); people outside the viewer's scope appear in the network by role only.
    People to support are ranked against same-role peers of the whole organisation, and only people
    the viewer may see are listed.
    """
    organisation_id = unit.organisation_id if unit is not None else viewer.organisation_id
    everything = load_analysed_messages(session, organisation_id=organisation_id)
    in_unit = [m for m in everything if unit is None or m.unit_id == unit.id]
    include_people = not viewer.coaching_mode
    visible = _visible_names(session, viewer) if include_people else {}
    data = unit_dashboard(
        in_unit,
        min_group_size=min_group_size,
        include_people=include_people,
        names={i: p.name for i, p in visible.items()},
    )
    if unit is not None:
        data["unit"] = {"id": unit.id, "name": unit.name, "organisation": False}
    else:
        organisation = session.get(Organisation, organisation_id)
        data["unit"] = {"id": None, "name": organisation.name if organisation else "Organisation", "organisation": True}
    data["coaching_mode"] = viewer.coaching_mode
    if not include_people:
        data["people_to_support"] = None
        return data
    for node in data["network"]["nodes"]:
        node["visible"] = node["id"] in visible
        if not node["visible"]:
            node["name"] = f"{node['role']} (outside your units)"
    support = []
    for concern in _rank_unit_people(everything, {m.sender_id for m in in_unit if m.sender_id in visible}):
        person = visible[concern.person_id]
        support.append(
            {
                "id": person.id,
                "name": person.name,
                "role": person.role,
                "score": round(concern.score, 1),
                "areas": [{"metric": a.metric, "reason": a.reason} for a in concern.areas],
            }
        )
    data["people_to_support"] = support[:PEOPLE_TO_SUPPORT]
    return data


def _rank_unit_people(everything: Sequence[AnalysedMessage], people: Collection[int]) -> list[PersonConcern]:
    """``rank_people`` restricted to ``people``, still compared with same-role peers of the whole organisation."""
    ranked = []
    for person_id in sorted(people):
        areas = areas_for_improvement(everything, person_id)
        if areas:
            ranked.append(PersonConcern(person_id, sum(a.z for a in areas), areas))
    ranked.sort(key=lambda c: c.score, reverse=True)
    return ranked


def person_coaching_data(session: Session, *, person: Person) -> dict[str, Any]:
    """A person's coaching summary (compared with same-role peers), with excerpts of the example messages."""
    everything = load_analysed_messages(session, organisation_id=person.organisation_id)
    data = person_summary(everything, person.id)
    examples = {i for area in data["areas"] for i in area["example_message_ids"]}
    excerpts = _excerpts(session, examples)
    for area in data["areas"]:
        area["examples"] = [{"id": i, "excerpt": excerpts.get(i, "")} for i in area["example_message_ids"]]
    data["person"] = {"id": person.id, "name": person.name, "role": str(person.role)}
    data["analysed_messages"] = sum(1 for m in everything if m.sender_id == person.id)
    return data


def recent_messages(session: Session, *, person_id: int, limit: int = 10) -> Sequence[tuple[int, dt.datetime, str]]:
    """The person's latest messages: id, time, text (for links to the message view)."""
    rows = session.execute(
        select(Message.id, Message.sent_at, Message.text)
        .where(Message.sender_id == person_id)
        .order_by(Message.sent_at.desc(), Message.id.desc())
        .limit(limit)
    )
    return [(i, at, text) for i, at, text in rows]


def audit_people_to_support(session: Session, *, viewer: Viewer, data: dict[str, Any], request_line: str) -> None:
    """Record a ``view_analytics`` event for each person a dashboard named among the people to support."""
    for person in data.get("people_to_support") or []:
        audit.record(
            session,
            organisation_id=viewer.organisation_id,
            actor=viewer.username,
            actor_user_id=viewer.user_id,
            action="view_analytics",
            subject_person_id=person["id"],
            detail=f"{request_line} (people to support)",
        )
