"""The database schema as SQLAlchemy 2 declarative models.

Texts held here (messages, feedback notes, review comments) are stored *after* patient-identifier
redaction. Demographic fields live in their own table and are read only by fairness audits.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    """Timezone-aware now in UTC (the only clock the store uses)."""
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    """Declarative base of every Bedside table."""

    type_annotation_map = {dt.datetime: DateTime(timezone=True), dict[str, Any]: JSON, list[Any]: JSON}


class StaffRole(enum.StrEnum):
    """Clinical or administrative role of a staff member."""

    physician = "physician"
    resident = "resident"
    nurse = "nurse"
    app = "app"  # advanced practice provider: NP, PA
    technician = "technician"
    pharmacist = "pharmacist"
    administrator = "administrator"
    other = "other"


class AccountRole(enum.StrEnum):
    """What a user account may see: admin = the organisation, leader = led units, member = self."""

    admin = "admin"
    leader = "leader"
    member = "member"


class NoteKind(enum.StrEnum):
    """Where a feedback note came from."""

    peer = "peer"
    patient = "patient"
    manager = "manager"
    self = "self"
    incident = "incident"


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(cls, name=name, native_enum=False, length=32, validate_strings=True)


class Organisation(Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    coaching_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    units: Mapped[list[Unit]] = relationship(back_populates="organisation")


class Unit(Base):
    __tablename__ = "unit"
    __table_args__ = (UniqueConstraint("organisation_id", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))

    organisation: Mapped[Organisation] = relationship(back_populates="units")
    people: Mapped[list[Person]] = relationship(back_populates="unit", foreign_keys="Person.unit_id")


class Person(Base):
    """A staff member. ``external_id`` is the id used by the source system (roster, FHIR Practitioner)."""

    __tablename__ = "person"
    __table_args__ = (UniqueConstraint("organisation_id", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[StaffRole] = mapped_column(_enum(StaffRole, "staff_role"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="SET NULL"), index=True)
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    email: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    unit: Mapped[Unit | None] = relationship(back_populates="people", foreign_keys=[unit_id])
    manager: Mapped[Person | None] = relationship(remote_side=[id])


class PersonDemographics(Base):
    """Optional demographic fields, kept apart from ``person`` and read only by fairness audits."""

    __tablename__ = "person_demographics"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)
    gender: Mapped[str | None] = mapped_column(String(32))
    ethnicity: Mapped[str | None] = mapped_column(String(64))
    age_band: Mapped[str | None] = mapped_column(String(16))


class UnitLeader(Base):
    """Which people lead which units (a leader account sees the people of the units its person leads)."""

    __tablename__ = "unit_leader"

    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)


class UserAccount(Base):
    """A sign-in account. Passwords are argon2 hashes; ``person_id`` links to the staff record."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), unique=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[AccountRole] = mapped_column(_enum(AccountRole, "account_role"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[dt.datetime | None]

    person: Mapped[Person | None] = relationship()


class ApiToken(Base):
    """A per-user API token; only its SHA-256 hash is stored. Revoked tokens keep their row."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[dt.datetime | None]
    revoked_at: Mapped[dt.datetime | None]


class WebSession(Base):
    """A signed-in browser session. The cookie carries a random secret; only its SHA-256 hash is stored,
    so signing out (or deactivating the account) ends the session even for a copied cookie."""

    __tablename__ = "web_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    ended_at: Mapped[dt.datetime | None]


class LoginAttempt(Base):
    """Failed sign-ins, used to throttle guessing (per username and client address)."""

    __tablename__ = "login_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(100), index=True)
    client: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)


class Message(Base):
    """A staff-to-staff message (secure chat, e-mail, page). ``text`` is already redacted."""

    __tablename__ = "message"
    __table_args__ = (
        UniqueConstraint("organisation_id", "source", "source_id"),
        Index("ix_message_sender_sent", "sender_id", "sent_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    sender_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    thread_id: Mapped[str | None] = mapped_column(String(100), index=True)
    in_reply_to: Mapped[str | None] = mapped_column(String(100))
    channel: Mapped[str] = mapped_column(String(32), default="chat")
    sent_at: Mapped[dt.datetime] = mapped_column(index=True)
    text: Mapped[str] = mapped_column(Text)
    redactions: Mapped[list[Any]] = mapped_column(default=list)
    source: Mapped[str] = mapped_column(String(200))
    source_id: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    sender: Mapped[Person] = relationship(foreign_keys=[sender_id])
    recipients: Mapped[list[MessageRecipient]] = relationship(back_populates="message", cascade="all, delete-orphan")


class MessageRecipient(Base):
    __tablename__ = "message_recipient"

    message_id: Mapped[int] = mapped_column(ForeignKey("message.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), primary_key=True, index=True)

    message: Mapped[Message] = relationship(back_populates="recipients")
    person: Mapped[Person] = relationship()


class FeedbackNote(Base):
    """Feedback about a person: peer, patient, manager, self or incident. ``text`` is already redacted."""

    __tablename__ = "feedback_note"
    __table_args__ = (UniqueConstraint("organisation_id", "source", "source_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    about_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    kind: Mapped[NoteKind] = mapped_column(_enum(NoteKind, "note_kind"))
    text: Mapped[str] = mapped_column(Text)
    redactions: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[dt.datetime]
    source: Mapped[str] = mapped_column(String(200))
    source_id: Mapped[str] = mapped_column(String(100))

    about: Mapped[Person] = relationship(foreign_keys=[about_id])
    author: Mapped[Person | None] = relationship(foreign_keys=[author_id])


class ReviewRating(Base):
    """One rater's score of one person on one competency or value in one review cycle."""

    __tablename__ = "review_rating"
    __table_args__ = (UniqueConstraint("organisation_id", "source", "source_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    subject_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    rater_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    cycle: Mapped[str] = mapped_column(String(32))
    criterion: Mapped[str] = mapped_column(String(100))
    score: Mapped[float] = mapped_column(Float)
    comment: Mapped[str | None] = mapped_column(Text)
    redactions: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[dt.datetime]
    source: Mapped[str] = mapped_column(String(200))
    source_id: Mapped[str] = mapped_column(String(100))


class AnalysisResult(Base):
    """The output of one analyzer (name + version) on one item, with its evidence as JSON."""

    __tablename__ = "analysis_result"
    __table_args__ = (
        UniqueConstraint("subject_type", "subject_id", "analyzer"),
        Index("ix_analysis_person", "person_id", "analyzer"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    subject_type: Mapped[str] = mapped_column(String(32))  # message, note, person, simulation, ...
    subject_id: Mapped[int] = mapped_column(Integer)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    analyzer: Mapped[str] = mapped_column(String(100))
    analyzer_version: Mapped[str] = mapped_column(String(32))
    label: Mapped[str | None] = mapped_column(String(32))
    score: Mapped[float | None] = mapped_column(Float)
    findings: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class FindingComment(Base):
    """A person's comment on an analysis result, e.g. contesting a finding about them."""

    __tablename__ = "finding_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    analysis_result_id: Mapped[int] = mapped_column(ForeignKey("analysis_result.id", ondelete="CASCADE"), index=True)
    author_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditEvent(Base):
    """Who viewed or exported which person's data, and when. Rows are never updated or deleted."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, server_default=func.now(), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    actor_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(100))  # username or "cli"
    action: Mapped[str] = mapped_column(String(64))  # view, export, api, ...
    subject_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    detail: Mapped[str] = mapped_column(String(500), default="")
