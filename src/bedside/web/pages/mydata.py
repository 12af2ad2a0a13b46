"""My data: everything held about the signed-in person, who viewed it, its export, and comments
contesting findings."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from starlette.responses import RedirectResponse, Response

from bedside.store import audit
from bedside.store.people import add_finding_comment, analyses_of, export_person_data, person_record
from bedside.web.access import MAX_ID, FindingSubjectGrant, SelfExportGrant, SelfViewGrant
from bedside.web.deps import SessionDep
from bedside.web.export import json_download
from bedside.web.templating import render

router = APIRouter(include_in_schema=False)
MAX_COMMENT_CHARS = 2000


@router.get("/me")
def my_data(request: Request, grant: SelfViewGrant, session: SessionDep) -> Response:
    viewer = grant.require_viewer()
    subject = grant.subject
    if subject is None:
        return render(request, "pages/mydata.html", viewer=viewer, section="me", record=None, views=[], own=True)
    record = person_record(session, subject, include_analytics=True)
    views = audit.views_of(session, person_id=subject.id)
    return render(request, "pages/mydata.html", viewer=viewer, section="me", record=record, views=views, own=True)


@router.get("/me/export")
def my_export(grant: SelfExportGrant, session: SessionDep) -> Response:
    subject = grant.subject
    if subject is None:
        return json_download({"person": None, "detail": "This account has no staff record."}, filename="bedside.json")
    data = export_person_data(session, subject, include_analytics=True)
    return json_download(data, filename=f"bedside-{subject.external_id}.json")


@router.post("/me/findings/{result_id}/comments")
def comment_on_finding(
    request: Request,
    result_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    grant: FindingSubjectGrant,
    session: SessionDep,
    text: Annotated[str, Form(min_length=1, max_length=MAX_COMMENT_CHARS)],
) -> Response:
    viewer = grant.require_viewer()
    subject = grant.require_subject()
    add_finding_comment(session, result_id=result_id, author_user_id=viewer.user_id, text=text.strip())
    if request.headers.get("HX-Request"):
        analysis = next(a for a in analyses_of(session, subject.id) if a.id == result_id)
        return render(request, "partials/comments.html", viewer=viewer, analysis=analysis)
    return RedirectResponse(f"/me#finding-{result_id}", status_code=303)
