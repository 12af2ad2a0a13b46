"""Who may see whom: the one access policy used by web pages, the JSON API and the CLI alike.

Access checks take a :class:`Viewer`, never a cookie, a password or a token: whatever signed the
user in (a local password today, an API token, an OpenID Connect identity provider later) only has
to produce a ``UserAccount`` and call :func:`viewer_for`. The rules:

- ``admin`` sees every person in their organisation;
- ``leader`` sees the people of the units their person leads (``UnitLeader`` rows) and themselves;
- ``member`` sees only themselves.

Coaching mode (an organisation setting) narrows communication analytics further: they are visible
to the person they describe and to nobody else, not even leaders or admins. Exporting a person's full
record is reserved to that person and the organisation's admins. Contesting a finding is reserved to
the person the finding is about. A unit's communication dashboard is for the unit's leaders and the
organisation's admins.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.orm import Session

from bedside.store.models import AccountRole, Organisation, Person, Unit, UnitLeader, UserAccount


class Action(enum.StrEnum):
    """What a viewer wants to do; each value has one rule in :func:`is_allowed`."""

    view_person = "view_person"  # profile, messages sent, notes, ratings
    view_analytics = "view_analytics"  # communication analytics (coaching-mode aware)
    export_person = "export_person"  # the full personal-data export
    comment_finding = "comment_finding"  # contest a finding about oneself
    administer = "administer"  # organisation-wide pages (audit trail)
    view_unit = "view_unit"  # a unit's communication dashboard (team aggregates)


@dataclass(frozen=True)
class Viewer:
    """The signed-in principal, independent of how it authenticated."""

    user_id: int
    username: str
    organisation_id: int
    role: AccountRole
    person_id: int | None
    coaching_mode: bool
    auth_method: str = "session"  # session, token, cli, oidc (later)

    @property
    def is_admin(self) -> bool:
        return self.role is AccountRole.admin


def viewer_for(session: Session, account: UserAccount, *, auth_method: str) -> Viewer:
    """Build the :class:`Viewer` of an authenticated account (any authentication method)."""
    coaching = session.scalar(select(Organisation.coaching_mode).where(Organisation.id == account.organisation_id))
    return Viewer(
        user_id=account.id,
        username=account.username,
        organisation_id=account.organisation_id,
        role=AccountRole(account.role),
        person_id=account.person_id,
        coaching_mode=bool(coaching),
        auth_method=auth_method,
    )


def visible_people(viewer: Viewer) -> Select[Person]:
    """A query for the people ``viewer`` may see (the single definition of who sees whom)."""
    query = select(Person).where(Person.organisation_id == viewer.organisation_id)
    if viewer.role is AccountRole.admin:
        return query
    own = Person.id == viewer.person_id if viewer.person_id is not None else None
    if viewer.role is AccountRole.leader and viewer.person_id is not None:
        led_units = select(UnitLeader.unit_id).where(UnitLeader.person_id == viewer.person_id)
        return query.where(or_(Person.unit_id.in_(led_units), Person.id == viewer.person_id))
    if own is None:
        return query.where(Person.id.is_(None))  # an account without a staff record sees nobody
    return query.where(own)


def may_view_person(session: Session, viewer: Viewer, person_id: int) -> bool:
    """True when ``person_id`` is among :func:`visible_people` for ``viewer``."""
    subquery = visible_people(viewer).where(Person.id == person_id)
    return bool(session.scalar(select(exists(subquery))))


def is_allowed(session: Session, viewer: Viewer, action: Action, subject: Person | None = None) -> bool:
    """The access decision for ``viewer`` doing ``action`` on ``subject`` (a person, when relevant)."""
    if action is Action.administer:
        return viewer.is_admin
    if subject is None or subject.organisation_id != viewer.organisation_id:
        return False
    is_self = viewer.person_id is not None and viewer.person_id == subject.id
    if action is Action.comment_finding:
        return is_self
    if action is Action.export_person:
        return is_self or viewer.is_admin
    if not may_view_person(session, viewer, subject.id):
        return False
    if action is Action.view_analytics:
        return is_self or not viewer.coaching_mode
    return True  # Action.view_person


def may_see_analytics(viewer: Viewer, subject: Person) -> bool:
    """Whether ``subject``'s analytics belong in a page or export ``viewer`` may already see."""
    return (viewer.person_id is not None and viewer.person_id == subject.id) or not viewer.coaching_mode


def dashboard_units(viewer: Viewer) -> Select[Unit]:
    """A query for the units whose communication dashboard ``viewer`` may open (admins: all; leaders: theirs)."""
    query = select(Unit).where(Unit.organisation_id == viewer.organisation_id).order_by(Unit.name)
    if viewer.is_admin:
        return query
    if viewer.role is AccountRole.leader and viewer.person_id is not None:
        return query.where(Unit.id.in_(select(UnitLeader.unit_id).where(UnitLeader.person_id == viewer.person_id)))
    return query.where(Unit.id.is_(None))


def may_view_unit(session: Session, viewer: Viewer, unit: Unit) -> bool:
    """The access decision for a unit's dashboard (:attr:`Action.view_unit`)."""
    if unit.organisation_id != viewer.organisation_id:
        return False
    return bool(session.scalar(select(exists(dashboard_units(viewer).where(Unit.id == unit.id)))))
