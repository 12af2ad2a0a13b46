"""``/api/v1/people``: the people the caller may see, one person's record, and their analyses."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from bedside.store.access import may_see_analytics, visible_people
from bedside.store.people import (
    AnalysisItem,
    PersonRecord,
    PersonSummary,
    analyses_of,
    get_person,
    list_people,
    person_record,
    summarise,
)
from bedside.web.access import MAX_ID, PersonAnalyticsGrant, PersonViewGrant, SignedInGrant
from bedside.web.api.schemas import Me, error_responses
from bedside.web.deps import SessionDep

router = APIRouter(prefix="/api/v1", tags=["people"], responses=error_responses(401))
PersonId = Annotated[int, Path(ge=1, le=MAX_ID, description="The person's id.")]


@router.get("/me", response_model=Me, summary="Who the caller is")
def me(grant: SignedInGrant, session: SessionDep) -> Me:
    viewer = grant.require_viewer()
    person = get_person(session, viewer.person_id) if viewer.person_id is not None else None
    return Me(
        username=viewer.username,
        role=str(viewer.role),
        organisation_id=viewer.organisation_id,
        person=summarise(session, person) if person is not None else None,
        coaching_mode=viewer.coaching_mode,
    )


@router.get("/people", response_model=list[PersonSummary], summary="People the caller may see")
def people(
    grant: SignedInGrant,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[PersonSummary]:
    return list_people(session, visible_people(grant.require_viewer()), limit=limit, offset=offset)


@router.get(
    "/people/{person_id}",
    response_model=PersonRecord,
    summary="One person's record (audited)",
    responses=error_responses(403, 404),
)
def person(
    person_id: PersonId,
    grant: PersonViewGrant,
    session: SessionDep,
    messages: Annotated[int, Query(ge=0, le=1000, description="How many recent messages to include.")] = 50,
) -> PersonRecord:
    viewer = grant.require_viewer()
    subject = grant.require_subject()
    return person_record(
        session, subject, include_analytics=may_see_analytics(viewer, subject), message_limit=messages
    )


@router.get(
    "/people/{person_id}/analyses",
    response_model=list[AnalysisItem],
    summary="A person's communication analytics (audited; coaching mode limits them to the person)",
    responses=error_responses(403, 404),
)
def analyses(person_id: PersonId, grant: PersonAnalyticsGrant, session: SessionDep) -> list[AnalysisItem]:
    subject = grant.require_subject()
    return analyses_of(session, subject.id)
