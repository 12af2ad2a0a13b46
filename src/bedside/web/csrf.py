"""CSRF protection for everything a browser session can change.

Each browser session holds a random token (in the signed session cookie). Pages put it in a hidden
``csrf_token`` field of every form and in an ``X-CSRF-Token`` header that HTMX sends with every
request (``hx-headers`` on ``<body>``). Requests authenticated with an API token carry no ambient
credential and need no CSRF token. The check itself runs in :mod:`bedside.web.access`, for every
state-changing route, so no route can forget it.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request

SESSION_KEY = "csrf"
FORM_FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def session_token(request: Request) -> str:
    """The session's CSRF token, created on first use."""
    token = request.session.get(SESSION_KEY)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        request.session[SESSION_KEY] = token
    return token


def rotate(request: Request) -> str:
    """A fresh token (after sign-in, so a token seen before sign-in is worthless)."""
    request.session[SESSION_KEY] = secrets.token_urlsafe(32)
    return str(request.session[SESSION_KEY])


async def submitted_token(request: Request) -> str | None:
    """The token a state-changing request carries, from the header or the form body."""
    if request.method in SAFE_METHODS:
        return None
    header = request.headers.get(HEADER)
    if header:
        return header
    if request.headers.get("content-type", "").startswith(_FORM_TYPES):
        form = await request.form()
        value = form.get(FORM_FIELD)
        return value if isinstance(value, str) else None
    return None


def is_valid(request: Request, submitted: str | None) -> bool:
    expected = request.session.get(SESSION_KEY)
    if not submitted or not isinstance(expected, str) or not expected:
        return False
    return hmac.compare_digest(submitted.encode("utf-8"), expected.encode("utf-8"))
