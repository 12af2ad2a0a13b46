"""Engines, sessions and migrations for a configured database (SQLite file or PostgreSQL).

``open_database(settings)`` is the one way code gets a :class:`Database`; nothing is created at import.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bedside.config import Settings

log = logging.getLogger(__name__)


class DatabaseNotReadyError(RuntimeError):
    """The database has no Bedside schema yet (run ``bedside db upgrade``)."""


def normalise_url(url: str) -> str:
    """Use the psycopg 3 driver for plain ``postgresql://`` URLs."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets foreign keys, WAL and a timeout suited to a web app."""
    url = normalise_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str) -> Config:
    """An Alembic configuration pointing at the migrations shipped inside the package."""
    cfg = Config()
    cfg.set_main_option("script_location", str(files("bedside.store") / "migrations"))
    cfg.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return cfg


@dataclass
class Database:
    """An engine plus its session factory."""

    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=False)

    def upgrade(self) -> None:
        """Bring the schema to the newest migration (idempotent)."""
        cfg = alembic_config(self.url)
        with self.engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")

    def is_ready(self) -> bool:
        return inspect(self.engine).has_table("alembic_version")

    def schema_revision(self) -> str | None:
        """The migration the database is at (None without a Bedside schema)."""
        if not self.is_ready():
            return None
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def require_ready(self) -> None:
        """Refuse, with the command that fixes it, a database without the schema this version needs."""
        where = self.engine.url.render_as_string(hide_password=True)
        current = self.schema_revision()
        if current is None:
            raise DatabaseNotReadyError(
                f"The database at {where} has no Bedside schema; run `bedside db upgrade` first."
            )
        head = ScriptDirectory.from_config(alembic_config(self.url)).get_current_head()
        if current != head:
            raise DatabaseNotReadyError(
                f"The database at {where} is at schema revision {current}, but this version of Bedside needs "
                f"{head}; run `bedside db upgrade` (back up the database first)."
            )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on any error."""
        with self.sessions.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(settings: Settings) -> Database:
    """Build the :class:`Database` for these settings (does not create or migrate anything)."""
    engine = make_engine(settings.database_url)
    return Database(engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
