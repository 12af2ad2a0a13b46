"""``/api/v1/rapport/...``: the data behind the unit dashboard and a person's coaching page (same access rules)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from bedside.store.rapport import audit_people_to_support, person_coaching_data, unit_dashboard_data
from bedside.web.access import MAX_ID, PersonAnalyticsGrant, UnitDashboardGrant
from bedside.web.api.schemas import error_responses
from bedside.web.deps import SessionDep, SettingsDep

router = APIRouter(prefix="/api/v1/rapport", tags=["rapport"], responses=error_responses(401, 403, 404))
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("/units/{unit_id}", summary="A unit's communication dashboard (leaders of the unit, admins; people to support are audited)")
def unit(
    request: Request, unit_id: Id, grant: UnitDashboardGrant, session: SessionDep, settings: SettingsDep
) -> dict[str, Any]:
    viewer = grant.require_viewer()
    data = unit_dashboard_data(session, viewer=viewer, unit=grant.require_unit(), min_group_size=settings.min_group_size)
    audit_people_to_support(
        session, viewer=viewer, data=data, request_line=f"GET {request.url.path} ({viewer.auth_method})"
    )
    return data


@router.get("/people/{person_id}", summary="A person's coaching summary (audited; coaching mode: the person only)")
def person(person_id: Id, grant: PersonAnalyticsGrant, session: SessionDep) -> dict[str, Any]:
    return person_coaching_data(session, person=grant.require_subject())
