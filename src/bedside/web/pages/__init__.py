"""HTML pages, one module per area; :func:`routers` lists them for the app factory."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    from bedside.web.pages import admin, auth, home, mydata, people, rapport, sections, tokens

    return [auth.router, home.router, people.router, mydata.router, tokens.router, admin.router,
            rapport.router, sections.router]
