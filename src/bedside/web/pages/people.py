"""People pages: the list of people one may see, one person's page and their JSON export."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from bedside.store.access import may_see_analytics, visible_people
from bedside.store.people import export_person_data, list_people, person_record
from bedside.web.access import MAX_ID, PersonExportGrant, PersonViewGrant, SignedInGrant
from bedside.web.deps import SessionDep
from bedside.web.export import json_download
from bedside.web.templating import render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
PersonId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("/people")
def people_page(
    request: Request, grant: SignedInGrant, session: SessionDep, page: Annotated[int, Query(ge=1, le=10_000)] = 1
) -> Response:
    viewer = grant.require_viewer()
    people = list_people(session, visible_people(viewer), limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    return render(
        request,
        "pages/people.html",
        viewer=viewer,
        section="people",
        people=people[:PAGE_SIZE],
        page=page,
        has_next=len(people) > PAGE_SIZE,
    )


@router.get("/people/{person_id}")
def person_page(request: Request, person_id: PersonId, grant: PersonViewGrant, session: SessionDep) -> Response:
    viewer = grant.require_viewer()
    subject = grant.require_subject()
    record = person_record(session, subject, include_analytics=may_see_analytics(viewer, subject))
    return render(request, "pages/person.html", viewer=viewer, section="people", record=record, own=False)


@router.get("/people/{person_id}/export")
def person_export(person_id: PersonId, grant: PersonExportGrant, session: SessionDep) -> Response:
    viewer = grant.require_viewer()
    subject = grant.require_subject()
    data = export_person_data(session, subject, include_analytics=may_see_analytics(viewer, subject))
    return json_download(data, filename=f"bedside-{subject.external_id}.json")
