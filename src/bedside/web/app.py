"""The application factory: ``create_app(settings)`` builds the whole web app, nothing at import time.

Middleware, outermost first: request-size limit, security headers, signed session cookie. Routers
come from ``bedside.web.pages`` (HTML) and ``bedside.web.api`` (JSON under ``/api/v1``); the app
refuses to start when a route lacks an access rule (see :mod:`bedside.web.access`).
"""

from __future__ import annotations

import logging
from importlib.resources import files

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from bedside import __version__
from bedside.config import PLACEHOLDER_SECRET, Settings
from bedside.store.database import Database, open_database
from bedside.web.access import check_route_rules
from bedside.web.api import routers as api_routers
from bedside.web.credentials import SESSION_MAX_AGE_SECONDS
from bedside.web.errors import install_error_handlers
from bedside.web.pages import routers as page_routers
from bedside.web.security import BodySizeLimitMiddleware, SecurityHeadersMiddleware
from bedside.web.templating import make_templates

log = logging.getLogger(__name__)

SESSION_COOKIE = "bedside_session"

API_DESCRIPTION = """JSON API of Bedside. Authenticate with a per-user token
(`Authorization: Bearer bsd_...`, created on the Tokens page or with `POST /api/v1/tokens`) or with a
browser session (then state-changing calls need the `X-CSRF-Token` header). Errors are
`{"detail": ...}` with the matching status code. Who may see whom is described in docs/web.md."""


def create_app(settings: Settings, *, database: Database | None = None) -> FastAPI:
    """Build the web app for ``settings`` (pass ``database`` to share an already open one)."""
    if settings.secret_key == PLACEHOLDER_SECRET:
        log.warning("BEDSIDE_SECRET_KEY is the development placeholder: session cookies can be forged. Set it.")
    app = FastAPI(
        title="Bedside",
        version=__version__,
        description=API_DESCRIPTION,
        docs_url=None,  # the Swagger UI loads from a CDN; /openapi.json is enough offline
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.database = database if database is not None else open_database(settings)
    app.state.templates = make_templates()

    for router in page_routers():
        app.include_router(router)
    for router in api_routers():
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(files("bedside.web") / "static")), name="static")
    check_route_rules(app.routes)

    install_error_handlers(app)
    # add_middleware wraps: the last one added is the outermost.
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_MAX_AGE_SECONDS,
        same_site="lax",
        https_only=settings.https,
    )
    app.add_middleware(SecurityHeadersMiddleware, https=settings.https)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_request_bytes)
    return app
