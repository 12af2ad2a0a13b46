"""Bulk reads and writes of imported records: people, units, messages, feedback notes, ratings.

The ingest service validates rows; this module turns them into a few set-based statements per batch
(executemany inserts and updates, ``IN`` lookups) so that a million-row import stays fast and never
holds more than one batch plus an id map of people in memory. Every function works inside the
caller's session and transaction; none commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from bedside.store.models import (
    Base,
    FeedbackNote,
    Message,
    MessageRecipient,
    Organisation,
    Person,
    PersonDemographics,
    ReviewRating,
    Unit,
    UnitLeader,
)

# SQLite allows 32,766 bound parameters per statement; stay far below it for IN lists.
LOOKUP_CHUNK = 900

PERSON_FIELDS = ("name", "role", "unit_id", "email")
DEMOGRAPHIC_FIELDS = ("gender", "ethnicity", "age_band")


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


SOURCED_TABLES: dict[str, Table] = {
    "messages": _table(Message),
    "notes": _table(FeedbackNote),
    "ratings": _table(ReviewRating),
}


def _chunks(items: Sequence[Any], size: int = LOOKUP_CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- people and units ---------------------------------------------------------------------------


def person_ids(session: Session, organisation_id: int) -> dict[str, int]:
    """External id -> person id for everyone in the organisation (the only map an import keeps)."""
    rows = session.execute(select(Person.external_id, Person.id).where(Person.organisation_id == organisation_id))
    return {external_id: person_id for external_id, person_id in rows}


def staff_names(session: Session, organisation_id: int) -> list[str]:
    """Every roster name of the organisation (the redactor's allow-list of staff names)."""
    return list(session.scalars(select(Person.name).where(Person.organisation_id == organisation_id)))


def site_names(session: Session, organisation_id: int, configured: Iterable[str] = ()) -> list[str]:
    """The organisation's own name and its configured sites (the redactor leaves names inside them alone)."""
    organisation = session.get(Organisation, organisation_id)
    return [n for n in (organisation.name if organisation else None, *configured) if n]


def unit_ids(session: Session, organisation_id: int) -> dict[str, int]:
    """External id -> unit id for every unit of the organisation."""
    rows = session.execute(select(Unit.external_id, Unit.id).where(Unit.organisation_id == organisation_id))
    return {external_id: unit_id for external_id, unit_id in rows}


def upsert_units(session: Session, organisation_id: int, names: Mapping[str, str | None]) -> dict[str, int]:
    """Create missing units and rename those given a new name; returns external id -> unit id for all units."""
    existing = {
        ext: (unit_id, name)
        for ext, unit_id, name in session.execute(
            select(Unit.external_id, Unit.id, Unit.name).where(Unit.organisation_id == organisation_id)
        )
    }
    new = [
        {"organisation_id": organisation_id, "external_id": ext, "name": name or ext}
        for ext, name in names.items()
        if ext not in existing
    ]
    renamed = [
        {"b_id": existing[ext][0], "b_name": name}
        for ext, name in names.items()
        if ext in existing and name and name != existing[ext][1]
    ]
    if new:
        session.execute(insert(Unit), new)
    if renamed:
        table = _table(Unit)
        session.execute(
            update(table).where(table.c.id == bindparam("b_id")).values(name=bindparam("b_name")),
            renamed,
        )
    return unit_ids(session, organisation_id)


@dataclass
class PeopleChanges:
    """External ids of the people an upsert added and of those whose stored fields changed."""

    added: set[str] = field(default_factory=set)
    updated: set[str] = field(default_factory=set)


def upsert_people(session: Session, organisation_id: int, people: Sequence[Mapping[str, Any]]) -> PeopleChanges:
    """Insert new people and update the given fields of existing ones (keyed by ``external_id``).

    Each mapping holds ``external_id`` and any of :data:`PERSON_FIELDS`; a field left out is left as
    stored. New people need at least ``name`` and ``role``.
    """
    changes = PeopleChanges()
    table = _table(Person)
    for chunk in _chunks(list(people)):
        ids = [p["external_id"] for p in chunk]
        stored = {
            row.external_id: row
            for row in session.execute(
                select(Person.id, Person.external_id, *(getattr(Person, f) for f in PERSON_FIELDS)).where(
                    Person.organisation_id == organisation_id, Person.external_id.in_(ids)
                )
            )
        }
        new_rows = []
        updates: dict[frozenset[str], list[dict[str, Any]]] = {}
        for person in chunk:
            ext = person["external_id"]
            fields = {f: person[f] for f in PERSON_FIELDS if f in person}
            row = stored.get(ext)
            if row is None:
                new_rows.append({"organisation_id": organisation_id, "external_id": ext, "active": True, **fields})
                changes.added.add(ext)
                continue
            changed = {f: v for f, v in fields.items() if getattr(row, f) != v}
            if changed:
                updates.setdefault(frozenset(changed), []).append({"b_id": row.id, **changed})
                changes.updated.add(ext)
        if new_rows:
            session.execute(insert(Person), new_rows)
        for names, params in updates.items():
            statement = update(table).where(table.c.id == bindparam("b_id"))
            session.execute(statement.values({n: bindparam(n) for n in names}), params)
    return changes


def set_managers(session: Session, managers: Mapping[int, int | None]) -> set[int]:
    """Set each person's manager (person id -> manager's person id); returns the people that changed."""
    changed: set[int] = set()
    items = list(managers.items())
    for chunk in _chunks(items):
        stored = dict(
            session.execute(select(Person.id, Person.manager_id).where(Person.id.in_([p for p, _ in chunk]))).all()
        )
        params = [{"b_id": p, "b_manager": m} for p, m in chunk if stored.get(p) != m]
        if params:
            table = _table(Person)
            session.execute(
                update(table).where(table.c.id == bindparam("b_id")).values(manager_id=bindparam("b_manager")),
                params,
            )
            changed.update(p["b_id"] for p in params)
    return changed


def replace_unit_leadership(session: Session, leads: Mapping[int, set[int]]) -> set[int]:
    """Make each person (id) lead exactly the given units (ids); returns the people whose set changed."""
    changed: set[int] = set()
    items = list(leads.items())
    for chunk in _chunks(items):
        stored: dict[int, set[int]] = {p: set() for p, _ in chunk}
        for unit_id, person_id in session.execute(
            select(UnitLeader.unit_id, UnitLeader.person_id).where(UnitLeader.person_id.in_(list(stored)))
        ):
            stored[person_id].add(unit_id)
        differing = [(p, units) for p, units in chunk if stored[p] != units]
        if not differing:
            continue
        session.execute(delete(UnitLeader).where(UnitLeader.person_id.in_([p for p, _ in differing])))
        rows = [{"unit_id": u, "person_id": p} for p, units in differing for u in sorted(units)]
        if rows:
            session.execute(insert(UnitLeader), rows)
        changed.update(p for p, _ in differing)
    return changed


def upsert_demographics(session: Session, demographics: Mapping[int, Mapping[str, str | None]]) -> set[int]:
    """Set the given demographic fields per person id (kept apart from ``person``); returns who changed."""
    changed: set[int] = set()
    items = list(demographics.items())
    table = _table(PersonDemographics)
    for chunk in _chunks(items):
        stored = {
            row.person_id: row
            for row in session.execute(
                select(PersonDemographics).where(PersonDemographics.person_id.in_([p for p, _ in chunk]))
            ).scalars()
        }
        new_rows = []
        for person_id, fields in chunk:
            row = stored.get(person_id)
            if row is None:
                if any(v is not None for v in fields.values()):
                    new_rows.append({"person_id": person_id, **{f: fields.get(f) for f in DEMOGRAPHIC_FIELDS}})
                    changed.add(person_id)
                continue
            diff = {f: v for f, v in fields.items() if getattr(row, f) != v}
            if diff:
                session.execute(update(table).where(table.c.person_id == person_id).values(diff))
                changed.add(person_id)
        if new_rows:
            session.execute(insert(PersonDemographics), new_rows)
    return changed


# --- sourced records: messages, notes, ratings ---------------------------------------------------


def max_id(session: Session, kind: str) -> int:
    """The highest row id of a sourced table (0 when empty): rows above it were added by this import."""
    table = SOURCED_TABLES[kind]
    return int(session.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())


def existing_source_ids(
    session: Session, kind: str, organisation_id: int, source: str, source_ids: Sequence[str]
) -> dict[str, int]:
    """Which of these source ids are already stored for (organisation, source): source id -> row id."""
    table = SOURCED_TABLES[kind]
    found: dict[str, int] = {}
    for chunk in _chunks(list(source_ids)):
        result = session.execute(
            select(table.c.source_id, table.c.id).where(
                table.c.organisation_id == organisation_id,
                table.c.source == source,
                table.c.source_id.in_(chunk),
            )
        )
        found.update((source_id, row_id) for source_id, row_id in result)
    return found


def insert_messages(session: Session, rows: Sequence[Mapping[str, Any]], recipients: Sequence[Sequence[int]]) -> None:
    """Insert a batch of messages (column dicts) and their recipients (person ids, one list per message).

    All rows of a batch share ``organisation_id`` and ``source``. The messages go in with one
    executemany; their new ids are then read back by source id (one indexed ``IN`` query), which is
    much faster on SQLite than ``RETURNING`` with ordered parameters (one statement per row there).
    """
    if not rows:
        return
    table = _table(Message)
    session.execute(insert(table), list(rows))
    ids = existing_source_ids(
        session, "messages", rows[0]["organisation_id"], rows[0]["source"], [row["source_id"] for row in rows]
    )
    links = [
        {"message_id": ids[row["source_id"]], "person_id": person_id}
        for row, people in zip(rows, recipients, strict=True)
        for person_id in dict.fromkeys(people)
    ]
    if links:
        session.execute(insert(_table(MessageRecipient)), links)


def insert_records(session: Session, kind: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert a batch of feedback notes or review ratings (column dicts)."""
    if rows:
        session.execute(insert(SOURCED_TABLES[kind]), list(rows))
