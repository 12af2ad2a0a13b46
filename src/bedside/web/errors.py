"""Error handling: JSON ``{"detail": ...}`` for the API, friendly HTML pages for the browser, and
never a stack trace to a user (unexpected errors are logged with their trace and answered with 500).
"""

from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, RedirectResponse, Response

from bedside.web.access import SignInRequiredError, is_api
from bedside.web.templating import render

log = logging.getLogger(__name__)

TITLES = {
    400: "Bad request",
    401: "Sign-in needed",
    403: "Not allowed",
    404: "Page not found",
    405: "Method not allowed",
    413: "Too large",
    422: "Check the form",
    429: "Too many attempts",
    500: "Something went wrong",
}


def _error_page(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    response = render(
        request,
        "errors/error.html",
        viewer=getattr(request.state, "viewer", None),
        status_code=status,
        title=TITLES.get(status, "Error"),
        status=status,
        detail=detail,
    )
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


async def _sign_in_required(request: Request, exc: Exception) -> Response:
    if is_api(request):
        return JSONResponse(
            {"detail": "Sign in or send an API token (Authorization: Bearer ...)."},
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )
    target = request.url.path if request.method == "GET" else "/"
    return RedirectResponse(f"/login?next={quote(target)}", status_code=303)


async def _http_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, StarletteHTTPException):  # pragma: no cover - registered for this type only
        return await _unexpected(request, exc)
    headers = dict(exc.headers or {})
    if is_api(request):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
    return _error_page(request, exc.status_code, str(exc.detail), headers)


async def _validation_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, RequestValidationError):  # pragma: no cover - registered for this type only
        return await _unexpected(request, exc)
    errors = [{k: v for k, v in e.items() if k in {"loc", "msg", "type"}} for e in exc.errors()]
    if is_api(request):
        return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)
    lines = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in errors)
    return _error_page(request, 422, lines or "The request was not valid.")


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("Unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    if is_api(request):
        return JSONResponse({"detail": "Internal server error; the event was logged."}, status_code=500)
    return _error_page(request, 500, "An unexpected error happened. It was logged; please try again.")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(SignInRequiredError, _sign_in_required)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
