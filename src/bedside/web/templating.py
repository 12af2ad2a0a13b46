"""Jinja2 templates and the one helper pages render with (adds the viewer, CSRF token and nav)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from bedside.store.access import Viewer
from bedside.web import csrf


@dataclass(frozen=True)
class NavItem:
    """One entry of the main navigation."""

    key: str
    label: str
    href: str
    admin_only: bool = False


NAVIGATION = (
    NavItem("home", "Home", "/"),
    NavItem("rapport", "Rapport", "/rapport"),
    NavItem("reviews", "Reviews", "/reviews"),
    NavItem("growth", "Growth", "/growth"),
    NavItem("simulator", "Simulator", "/simulator"),
    NavItem("people", "People", "/people"),
    NavItem("my-communication", "My communication", "/rapport/me"),
    NavItem("me", "My data", "/me"),
    NavItem("admin", "Admin", "/admin", admin_only=True),
)


def make_templates() -> Jinja2Templates:
    directory = str(files("bedside.web") / "templates")
    templates = Jinja2Templates(directory=directory)
    templates.env.globals["navigation"] = NAVIGATION
    return templates


def render(
    request: Request,
    template: str,
    *,
    viewer: Viewer | None,
    section: str = "",
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Render a page template with the shared layout context."""
    templates: Jinja2Templates = request.app.state.templates
    base = {
        "viewer": viewer,
        "section": section,
        # Error pages can render outside the session middleware (500s); they hold no forms.
        "csrf_token": csrf.session_token(request) if "session" in request.scope else "",
    }
    return templates.TemplateResponse(request, template, base | context, status_code=status_code)
