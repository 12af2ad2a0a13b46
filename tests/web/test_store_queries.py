"""The access policy, audit and people queries on both backends (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from bedside.store import audit
from bedside.store.access import Action, is_allowed, viewer_for, visible_people
from bedside.store.database import Database
from bedside.store.models import Organisation, Person, UserAccount
from bedside.store.people import export_person_data, list_people, monthly_message_counts

from .conftest import build_org


def _viewer(session, username: str):  # type: ignore[no-untyped-def]
    account = session.scalar(select(UserAccount).where(UserAccount.username == username))
    return viewer_for(session, account, auth_method="test")


def test_policy_and_queries(database: Database) -> None:
    org = build_org(database)
    with database.session() as session:
        cara = session.get(Person, org.cara)
        assert cara is not None
        decisions = {
            name: {action: is_allowed(session, _viewer(session, name), action, cara) for action in Action}
            for name in ("ben", "dan", "ana", "ada", "cara", "zed")
        }
        assert decisions["ben"][Action.view_person] is False
        assert decisions["dan"][Action.view_person] is False
        assert decisions["ana"][Action.view_person] and decisions["ana"][Action.view_analytics]
        assert decisions["ana"][Action.export_person] is False
        assert decisions["ada"][Action.export_person] and decisions["ada"][Action.administer]
        assert decisions["cara"][Action.comment_finding] and not decisions["ada"][Action.comment_finding]
        assert not any(decisions["zed"][a] for a in Action if a is not Action.administer)

        ana = _viewer(session, "ana")
        names = [p.name for p in list_people(session, visible_people(ana), limit=10, offset=0)]
        assert names == ["Ana Lead", "Ben Nurse", "Cara Nurse"]
        months, people = monthly_message_counts(session, visible_people(ana))
        assert people == 3 and months == [("2026-03", 2), ("2026-04", 2), ("2026-05", 2)]

        audit.record(session, organisation_id=org.org_id, actor="ana", action="view", subject_person_id=org.cara)
        rows, total = audit.list_events(
            session,
            organisation_id=org.org_id,
            filters=audit.AuditFilter(actor="ana", since=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)),
        )
        assert total == 1 and rows[0].subject_name == "Cara Nurse"
        data = export_person_data(session, cara, include_analytics=True)
        assert data["views_of_my_data"][0]["actor"] == "ana" and data["analyses"][0]["label"] == "blaming"

    with database.session() as session:
        session.execute(update(Organisation).where(Organisation.id == org.org_id).values(coaching_mode=True))
    with database.session() as session:
        cara = session.get(Person, org.cara)
        assert not is_allowed(session, _viewer(session, "ana"), Action.view_analytics, cara)
        assert not is_allowed(session, _viewer(session, "ada"), Action.view_analytics, cara)
        assert is_allowed(session, _viewer(session, "cara"), Action.view_analytics, cara)
