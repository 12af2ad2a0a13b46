"""Sign-in and sign-out pages (local accounts; an OIDC login would be another route here that ends
the same way: put the account id in the session)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from bedside.web import csrf
from bedside.web.access import SESSION_USER_KEY, PublicGrant, SignedInGrant
from bedside.web.credentials import SignInError, SignInThrottledError, sign_in
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
    request.session[SESSION_USER_KEY] = account.id
    csrf.rotate(request)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, grant: SignedInGrant) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
