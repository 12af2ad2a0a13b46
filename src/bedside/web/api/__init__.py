"""The JSON API under ``/api/v1``; :func:`routers` lists its routers for the app factory."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> list[APIRouter]:
    from bedside.web.api import health, people, rapport, tokens, tone

    return [health.router, people.router, tokens.router, tone.router, rapport.router]
