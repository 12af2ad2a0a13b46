"""Request dependencies shared by pages and the API: the database session of a request.

``SessionDep`` opens one transaction per request; it is committed when the route returns and rolled
back if it raises, before the response is sent (``scope="function"``), so a client never sees a
success whose writes are not yet committed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from bedside.config import Settings
from bedside.store.database import Database


def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    with get_database(request).session() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session, scope="function")]
SettingsDep = Annotated[Settings, Depends(get_settings)]
