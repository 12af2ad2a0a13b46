"""The API tokens page: create a token (its secret is shown once) and revoke tokens."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Request
from starlette.responses import RedirectResponse, Response

from bedside.web.access import MAX_ID, SignedInGrant
from bedside.web.credentials import TokenLimitError, issue_token, list_tokens, revoke_token
from bedside.web.deps import SessionDep
from bedside.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/tokens")
def tokens_page(request: Request, grant: SignedInGrant, session: SessionDep) -> Response:
    viewer = grant.require_viewer()
    tokens = list_tokens(session, user_id=viewer.user_id)
    return render(request, "pages/tokens.html", viewer=viewer, section="tokens", tokens=tokens, new_secret=None)


@router.post("/tokens")
def create_token(
    request: Request,
    grant: SignedInGrant,
    session: SessionDep,
    name: Annotated[str, Form(min_length=1, max_length=100)],
) -> Response:
    viewer = grant.require_viewer()
    try:
        issued = issue_token(session, user_id=viewer.user_id, name=name)
    except TokenLimitError as exc:
        raise HTTPException(409, str(exc)) from exc
    tokens = list_tokens(session, user_id=viewer.user_id)
    return render(
        request, "pages/tokens.html", viewer=viewer, section="tokens", tokens=tokens, new_secret=issued.secret
    )


@router.post("/tokens/{token_id}/revoke")
def revoke(
    token_id: Annotated[int, Path(ge=1, le=MAX_ID)], grant: SignedInGrant, session: SessionDep
) -> Response:
    viewer = grant.require_viewer()
    if not revoke_token(session, user_id=viewer.user_id, token_id=token_id):
        raise HTTPException(404, "No such token.")
    return RedirectResponse("/tokens", status_code=303)
