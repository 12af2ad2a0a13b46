"""Admin pages: the organisation overview and the audit trail with filters."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from sqlalchemy import select
from starlette.responses import Response

from bedside.store import audit
from bedside.store.access import visible_people
from bedside.store.models import Organisation
from bedside.store.people import list_people
from bedside.web.access import MAX_ID, AdminGrant
from bedside.web.deps import SessionDep
from bedside.web.templating import render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 100


@router.get("/admin")
def admin_home(request: Request, grant: AdminGrant, session: SessionDep) -> Response:
    viewer = grant.require_viewer()
    organisation = session.scalar(select(Organisation).where(Organisation.id == viewer.organisation_id))
    return render(request, "pages/admin.html", viewer=viewer, section="admin", organisation=organisation)


def _day(value: str | None, *, end: bool = False) -> dt.datetime | None:
    """Start (or end) of a ``YYYY-MM-DD`` day in UTC; empty or malformed filter values are ignored."""
    try:
        day = dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
    if day is None:
        return None
    start = dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)
    return start + dt.timedelta(days=1) if end else start


@router.get("/admin/audit")
def audit_page(
    request: Request,
    grant: AdminGrant,
    session: SessionDep,
    actor: Annotated[str | None, Query(max_length=100)] = None,
    action: Annotated[str | None, Query(max_length=64)] = None,
    person: Annotated[str | None, Query(max_length=20)] = None,
    since: Annotated[str | None, Query(max_length=10)] = None,
    until: Annotated[str | None, Query(max_length=10)] = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    viewer = grant.require_viewer()
    person_id = int(person) if person and person.isdigit() and 1 <= int(person) <= MAX_ID else None
    filters = audit.AuditFilter(
        actor=actor or None,
        action=action or None,
        subject_person_id=person_id,
        since=_day(since),
        until=_day(until, end=True),
    )
    rows, total = audit.list_events(
        session, organisation_id=viewer.organisation_id, filters=filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
    )
    return render(
        request,
        "pages/audit.html",
        viewer=viewer,
        section="admin",
        rows=rows,
        total=total,
        page=page,
        has_next=page * PAGE_SIZE < total,
        filters={"actor": actor or "", "action": action or "", "person": person_id,
                 "since": since or "", "until": until or ""},
        actions=audit.actions_in_use(session, organisation_id=viewer.organisation_id),
        people=list_people(session, visible_people(viewer), limit=1000, offset=0),
    )
