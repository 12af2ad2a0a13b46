"""Sign-in and sign-out pages (local accounts; an OIDC login would be another route here that ends
the same way: start a server-side web session for the account)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from bedside.web import csrf
from bedside.web.access import SESSION_USER_KEY, PublicGrant, SignedInGrant
from bedside.web.credentials import (
    SESSION_MAX_AGE_SECONDS,
    SignInError,
    SignInThrottledError,
    end_web_session,
    sign_in,
    start_web_session,
)
from bedside.web.deps import SessionDep, SettingsDep
from bedside.web.templating import render

router = APIRouter(include_in_schema=False)


def safe_next(target: str | None) -> str:
    """Only same-site paths are followed after sign-in (no open redirects)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/login")
def login_page(request: Request, grant: PublicGrant, next: str = "/") -> Response:
    if grant.viewer is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "pages/login.html", viewer=None, next=safe_next(next), error=None)


@router.post("/login")
def login_submit(
    request: Request,
    grant: PublicGrant,
    session: SessionDep,
    settings: SettingsDep,
    username: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form(max_length=500)] = "/",
) -> Response:
    client = request.client.host if request.client else "unknown"
    try:
        account = sign_in(session, username=username, password=password, client=client, settings=settings)
    except SignInThrottledError as exc:
        return render(request, "pages/login.html", viewer=None, next=safe_next(next), error=str(exc), status_code=429)
    except SignInError as exc:
        return render(request, "pages/login.html", viewer=None, next=safe_next(next), error=str(exc), status_code=401)
    request.session.clear()
    request.session[SESSION_USER_KEY] = start_web_session(
        session, account=account, lifetime=dt.timedelta(seconds=SESSION_MAX_AGE_SECONDS)
    )
    csrf.rotate(request)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, grant: SignedInGrant, session: SessionDep) -> Response:
    secret = request.session.get(SESSION_USER_KEY)
    if isinstance(secret, str):
        end_web_session(session, secret)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
