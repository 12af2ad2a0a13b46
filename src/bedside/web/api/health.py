"""Liveness check for load balancers and the test server fixture."""

from __future__ import annotations

from fastapi import APIRouter

from bedside.web.access import PublicGrant

router = APIRouter(include_in_schema=False)


@router.get("/healthz")
def healthz(grant: PublicGrant) -> dict[str, str]:
    return {"status": "ok"}
