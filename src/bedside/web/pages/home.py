"""The home page: a short overview and a chart of messages per month for the people one may see."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from starlette.responses import Response

from bedside.store.access import visible_people
from bedside.store.models import AccountRole
from bedside.store.people import monthly_message_counts
from bedside.web.access import SignedInGrant
from bedside.web.deps import SessionDep, SettingsDep
from bedside.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(request: Request, grant: SignedInGrant, session: SessionDep, settings: SettingsDep) -> Response:
    viewer = grant.require_viewer()
    months, people_count = monthly_message_counts(session, visible_people(viewer))
    own_only = viewer.role is AccountRole.member
    suppressed = not own_only and people_count < settings.min_group_size
    chart = {
        "title": "Messages you sent per month" if own_only else "Messages sent per month by the people you lead",
        "labels": [month for month, _ in months],
        "values": [count for _, count in months],
    }
    return render(
        request,
        "pages/home.html",
        viewer=viewer,
        section="home",
        chart_json=json.dumps(chart),
        chart=chart,
        suppressed=suppressed,
        people_count=people_count,
        min_group_size=settings.min_group_size,
        own_only=own_only,
    )
