"""``/api/v1/tokens``: list, create and revoke the caller's own API tokens."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Response

from bedside.store.models import ApiToken
from bedside.web.access import MAX_ID, SignedInGrant
from bedside.web.api.schemas import TokenCreate, TokenCreated, TokenInfo, error_responses
from bedside.web.credentials import TokenLimitError, issue_token, list_tokens, revoke_token
from bedside.web.deps import SessionDep

router = APIRouter(prefix="/api/v1/tokens", tags=["tokens"], responses=error_responses(401, 403))


def _info(token: ApiToken) -> TokenInfo:
    return TokenInfo(
        id=token.id,
        name=token.name,
        created_at=token.created_at,
        last_used_at=token.last_used_at,
        revoked_at=token.revoked_at,
    )


@router.get("", response_model=list[TokenInfo], summary="The caller's tokens (secrets are never shown again)")
def tokens(grant: SignedInGrant, session: SessionDep) -> list[TokenInfo]:
    return [_info(t) for t in list_tokens(session, user_id=grant.require_viewer().user_id)]


@router.post(
    "",
    response_model=TokenCreated,
    status_code=201,
    summary="Create a token",
    responses=error_responses(400, 409, 413),
)
def create(body: TokenCreate, grant: SignedInGrant, session: SessionDep) -> TokenCreated:
    try:
        issued = issue_token(session, user_id=grant.require_viewer().user_id, name=body.name)
    except TokenLimitError as exc:
        raise HTTPException(409, str(exc)) from exc
    return TokenCreated(**_info(issued.token).model_dump(), token=issued.secret)


@router.delete("/{token_id}", status_code=204, summary="Revoke a token", responses=error_responses(404))
def revoke(
    token_id: Annotated[int, Path(ge=1, le=MAX_ID)], grant: SignedInGrant, session: SessionDep
) -> Response:
    if not revoke_token(session, user_id=grant.require_viewer().user_id, token_id=token_id):
        raise HTTPException(404, "No such token.")
    return Response(status_code=204)
