"""The schema comes from migrations and holds the core records on both backends."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from bedside.store.database import Database
from bedside.store.models import Base, Message, MessageRecipient, Organisation, Person, StaffRole, Unit


def test_migrations_create_every_model_table(database: Database) -> None:
    tables = set(sa.inspect(database.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_upgrade_is_idempotent(database: Database) -> None:
    database.upgrade()
    assert database.is_ready()


def _org_with_two_people(session: sa.orm.Session) -> tuple[Organisation, Person, Person]:
    org = Organisation(slug="h", name="Hospital")
    session.add(org)
    session.flush()
    unit = Unit(organisation_id=org.id, external_id="icu", name="ICU")
    session.add(unit)
    session.flush()
    a = Person(organisation_id=org.id, external_id="p1", name="Ana Diaz", role=StaffRole.physician, unit_id=unit.id)
    b = Person(organisation_id=org.id, external_id="p2", name="Ben Oyelaran", role=StaffRole.nurse, unit_id=unit.id)
    session.add_all([a, b])
    session.flush()
    return org, a, b


def test_message_round_trip_with_recipients(database: Database) -> None:
    sent = dt.datetime(2026, 3, 1, 8, 30, tzinfo=dt.UTC)
    with database.session() as s:
        org, a, b = _org_with_two_people(s)
        msg = Message(
            organisation_id=org.id,
            sender_id=a.id,
            sent_at=sent,
            text="Please page me, [PATIENT] in 12.",
            source="t.csv",
            source_id="m1",
            redactions=[{"type": "PATIENT", "start": 15, "end": 24}],
        )
        msg.recipients.append(MessageRecipient(person_id=b.id))
        s.add(msg)
    with database.session() as s:
        stored = s.scalars(sa.select(Message)).one()
        assert stored.sent_at.replace(tzinfo=dt.UTC) == sent
        assert [r.person.name for r in stored.recipients] == ["Ben Oyelaran"]
        assert stored.redactions[0]["type"] == "PATIENT"


def test_source_ids_are_unique_per_organisation(database: Database) -> None:
    now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    with pytest.raises(IntegrityError), database.session() as s:
        org, a, _ = _org_with_two_people(s)
        for _ in range(2):
            s.add(Message(organisation_id=org.id, sender_id=a.id, sent_at=now, text="x", source="f", source_id="1"))
            s.flush()


def test_migrations_match_the_models(database: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with database.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_rating_comments_keep_their_placeholders(database: Database) -> None:
    from bedside.store.models import ReviewRating

    now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    with database.session() as s:
        org, a, b = _org_with_two_people(s)
        s.add(
            ReviewRating(
                organisation_id=org.id, subject_id=a.id, rater_id=b.id, cycle="FY26", criterion="teamwork",
                score=4, comment="Calm with [PATIENT]'s family.", redactions=[{"type": "PATIENT", "start": 10, "end": 19}],
                created_at=now, source="r.csv", source_id="1",
            )
        )
    with database.session() as s:
        assert s.scalars(sa.select(ReviewRating.redactions)).one()[0]["type"] == "PATIENT"


def test_an_outdated_schema_is_refused_with_the_fix(sqlite_settings: object) -> None:
    from alembic import command

    from bedside.store.database import DatabaseNotReadyError, alembic_config, open_database

    db = open_database(sqlite_settings)  # type: ignore[arg-type]
    try:
        with pytest.raises(DatabaseNotReadyError, match="no Bedside schema"):
            db.require_ready()
        command.upgrade(alembic_config(db.url), "0001")
        with pytest.raises(DatabaseNotReadyError, match="revision 0001.*bedside db upgrade"):
            db.require_ready()
        db.upgrade()
        db.require_ready()
    finally:
        db.dispose()
