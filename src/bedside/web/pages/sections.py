"""Sections that are not built yet: an honest "coming in a later release" page each.

When a capability ships its pages, delete its entry from ``UPCOMING`` and include its own router.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from bedside.web.access import Grant, SignedInGrant
from bedside.web.templating import render

router = APIRouter(include_in_schema=False)

UPCOMING = {
    "reviews": ("Reviews", "Values-based reviews: evidence feed, scorecards with uncertainty, calibration, bias audit."),
    "growth": ("Growth", "Development plans built from the other signals, with goals, resources and milestones."),
    "simulator": ("Simulator", "Rehearse breaking bad news with a simulated patient and get SPIKES / NURSE feedback."),
}


def _page(request: Request, grant: Grant, key: str) -> Response:
    title, summary = UPCOMING[key]
    return render(
        request,
        "pages/upcoming.html",
        viewer=grant.require_viewer(),
        section=key,
        title=title,
        summary=summary,
    )


def _register(key: str) -> None:
    def page(request: Request, grant: SignedInGrant) -> Response:
        return _page(request, grant, key)

    page.__name__ = f"{key}_page"
    router.add_api_route(f"/{key}", page, methods=["GET"], name=f"{key}_page")


for _key in UPCOMING:
    _register(_key)
