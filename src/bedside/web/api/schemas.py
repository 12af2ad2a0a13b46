"""Request and response bodies of the JSON API (person records come from ``bedside.store.people``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from bedside.store.people import PersonSummary, UtcDatetime


class ErrorBody(BaseModel):
    """Every API error: a human-readable ``detail`` (a list of field problems for 422)."""

    detail: str | list[dict[str, Any]]


class Me(BaseModel):
    username: str
    role: str
    organisation_id: int
    person: PersonSummary | None
    coaching_mode: bool


class TokenCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100, pattern=r"\S", description="A label to recognise the token by.")


class TokenInfo(BaseModel):
    id: int
    name: str
    created_at: UtcDatetime
    last_used_at: UtcDatetime | None
    revoked_at: UtcDatetime | None


class TokenCreated(TokenInfo):
    token: str = Field(description="The secret; shown only in this response. Send it as `Authorization: Bearer ...`.")


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the error statuses a route can return."""
    descriptions = {
        400: "The body could not be read (for example, not UTF-8).",
        401: "Not signed in, or the API token is not valid.",
        403: "Signed in but not allowed (or a missing CSRF token on a browser call).",
        404: "No such item in your organisation.",
        409: "Conflict with the current state.",
        413: "Request body too large.",
    }
    return {code: {"model": ErrorBody, "description": descriptions[code]} for code in codes}
