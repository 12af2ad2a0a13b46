"""Rapport pages: the overview, a unit's communication dashboard, a person's coaching page, one
message with its highlighted evidence, and the draft checker (HTMX, nothing stored).

Access: the dashboard is for the unit's leaders and admins (the organisation-wide one for admins) (team aggregates; the network and people
to support are left out in coaching mode); the coaching page and the message view follow the
person-analytics rule of the person they describe (audited as ``view_analytics``).
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Path, Request
from sqlalchemy.orm import Session
from starlette.responses import RedirectResponse, Response

from bedside.config import Settings
from bedside.rapport import MessageContext, default_analyzer
from bedside.store.access import Viewer, dashboard_units
from bedside.store.models import StaffRole, Unit
from bedside.store.people import get_person
from bedside.store.rapport import (
    audit_people_to_support,
    load_message,
    person_coaching_data,
    recent_messages,
    unit_dashboard_data,
)
from bedside.web.access import (
    MAX_ID,
    AdminGrant,
    MessageAnalyticsGrant,
    PersonAnalyticsGrant,
    SignedInGrant,
    UnitDashboardGrant,
)
from bedside.web.deps import SessionDep, SettingsDep
from bedside.web.rapport_present import METRIC_TITLES, analysis_view, check_draft
from bedside.web.templating import render

router = APIRouter(include_in_schema=False)
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
ROLES = tuple(role.value for role in StaffRole)


def _json(data: Any) -> str:
    """JSON for a ``<script type="application/json">`` block (``</`` escaped so it cannot end the block)."""
    return json.dumps(data).replace("</", "<\\/")


@router.get("/rapport")
def rapport_home(request: Request, grant: SignedInGrant, session: SessionDep) -> Response:
    viewer = grant.require_viewer()
    units = list(session.scalars(dashboard_units(viewer)))
    return render(request, "rapport/home.html", viewer=viewer, section="rapport", units=units)


@router.get("/rapport/me")
def my_communication(request: Request, grant: SignedInGrant) -> Response:
    viewer = grant.require_viewer()
    if viewer.person_id is None:
        return render(request, "rapport/no_record.html", viewer=viewer, section="my-communication")
    return RedirectResponse(f"/rapport/people/{viewer.person_id}", status_code=303)


@router.get("/rapport/units/{unit_id}")
def unit_page(
    request: Request, unit_id: Id, grant: UnitDashboardGrant, session: SessionDep, settings: SettingsDep
) -> Response:
    return _dashboard(request, grant.require_viewer(), grant.require_unit(), session, settings)


@router.get("/rapport/organisation")
def organisation_page(request: Request, grant: AdminGrant, session: SessionDep, settings: SettingsDep) -> Response:
    """Every unit together (admins): single-role groups are large enough here to show more cells."""
    return _dashboard(request, grant.require_viewer(), None, session, settings)


def _dashboard(request: Request, viewer: Viewer, unit: Unit | None, session: Session, settings: Settings) -> Response:
    data = unit_dashboard_data(session, viewer=viewer, unit=unit, min_group_size=settings.min_group_size)
    audit_people_to_support(
        session, viewer=viewer, data=data, request_line=f"GET {request.url.path} ({viewer.auth_method})"
    )
    return render(
        request,
        "rapport/unit.html",
        viewer=viewer,
        section="rapport",
        data=data,
        trend_json=_json(data["tone_trend"]),
        network_json=_json(data.get("network")),
        metric_titles=METRIC_TITLES,
    )


@router.get("/rapport/people/{person_id}")
def person_page(request: Request, person_id: Id, grant: PersonAnalyticsGrant, session: SessionDep) -> Response:
    viewer = grant.require_viewer()
    subject = grant.require_subject()
    data = person_coaching_data(session, person=subject)
    own = viewer.person_id == subject.id
    return render(
        request,
        "rapport/person.html",
        viewer=viewer,
        section="my-communication" if own else "rapport",
        data=data,
        own=own,
        trend_json=_json(data["trend"]),
        metric_titles=METRIC_TITLES,
        recent=recent_messages(session, person_id=subject.id),
    )


@router.get("/rapport/messages/{message_id}")
def message_page(
    request: Request, message_id: Id, grant: MessageAnalyticsGrant, session: SessionDep, settings: SettingsDep
) -> Response:
    viewer = grant.require_viewer()
    message = load_message(session, message_id)
    if message is None:
        raise HTTPException(404, "Not found.")
    stored = message.analysis is not None
    analysis = message.analysis if message.analysis is not None else default_analyzer(settings.rules_dir).analyze(message.text)
    return render(
        request,
        "rapport/message.html",
        viewer=viewer,
        section="my-communication" if viewer.person_id == message.sender.id else "rapport",
        message=message,
        view=analysis_view(analysis),
        stored=stored,
    )


@router.get("/rapport/check")
def check_page(request: Request, grant: SignedInGrant) -> Response:
    viewer = grant.require_viewer()
    return render(request, "rapport/check.html", viewer=viewer, section="rapport", view=None, roles=ROLES, form={})


@router.post("/rapport/check")
def check_submit(
    request: Request,
    grant: SignedInGrant,
    session: SessionDep,
    settings: SettingsDep,
    text: Annotated[str, Form(min_length=1, max_length=100_000)],
    recipient_role: Annotated[str, Form(max_length=40)] = "",
    previous: Annotated[str, Form(max_length=100_000)] = "",
) -> Response:
    viewer = grant.require_viewer()
    if len(text) > settings.max_field_chars or len(previous) > settings.max_field_chars:
        raise HTTPException(422, f"The text is longer than {settings.max_field_chars} characters.")
    sender_role = None
    if viewer.person_id is not None:
        person = get_person(session, viewer.person_id)
        sender_role = str(person.role) if person is not None else None
    context = MessageContext(
        sender_role=sender_role,
        recipient_roles=(recipient_role,) if recipient_role in ROLES else (),
        previous_text=previous or None,
    )
    checked = check_draft(
        session, organisation_id=viewer.organisation_id, text=text, context=context, rules_dir=settings.rules_dir,
        sites=settings.site_names,
    )
    view = analysis_view(checked.analysis)
    if request.headers.get("HX-Request"):
        return render(request, "rapport/_analysis.html", viewer=viewer, view=view, redacted=checked.redacted, draft=True)
    form = {"recipient_role": recipient_role, "previous": previous}
    return render(
        request,
        "rapport/check.html",
        viewer=viewer,
        section="rapport",
        view=view,
        redacted=checked.redacted,
        roles=ROLES,
        form=form,
    )
