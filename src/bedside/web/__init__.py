"""Bedside's web app: FastAPI pages and JSON API over the store. Build it with :func:`create_app`."""

from bedside.web.app import create_app

__all__ = ["create_app"]
