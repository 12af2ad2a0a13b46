"""Shared fixtures: settings on a temporary SQLite file, and one storage fixture run on two backends.

``database`` is parametrised over SQLite and PostgreSQL (ConvoKit's TestWithMem / TestWithDB idea:
one test body, two backends). Each PostgreSQL test gets a freshly created database that is dropped
afterwards. When PostgreSQL is unreachable the PostgreSQL cases fail in CI (``CI=true``) and are
skipped with a visible reason elsewhere.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from bedside.config import Settings
from bedside.store.database import Database, make_engine, open_database

POSTGRES_ADMIN_URL = os.environ.get("BEDSIDE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _postgres_unavailable(reason: str) -> None:
    message = f"PostgreSQL at {POSTGRES_ADMIN_URL} is unreachable: {reason}"
    if IN_CI:
        pytest.fail(message + " (CI requires it)")
    pytest.skip(message)


@pytest.fixture
def sqlite_settings(tmp_path: Path) -> Settings:
    """Settings for a fresh SQLite file in the test's temporary folder."""
    return Settings(environment="test", database_url=f"sqlite:///{tmp_path / 'bedside.db'}", data_dir=tmp_path)


@pytest.fixture
def postgresql_settings(tmp_path: Path) -> Iterator[Settings]:
    """Settings for a freshly created PostgreSQL database, dropped after the test."""
    admin = make_engine(POSTGRES_ADMIN_URL).execution_options(isolation_level="AUTOCOMMIT")
    name = f"bedside_t_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as exc:
        admin.dispose()
        _postgres_unavailable(str(exc).splitlines()[0])
    url = sa.engine.make_url(admin.url).set(database=name).render_as_string(hide_password=False)
    try:
        yield Settings(environment="test", database_url=url, data_dir=tmp_path)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_settings(request: pytest.FixtureRequest) -> Settings:
    """Settings for an empty database on each backend in turn."""
    return request.getfixturevalue(f"{request.param}_settings")


@pytest.fixture
def database(backend_settings: Settings) -> Iterator[Database]:
    """A migrated database on each backend in turn."""
    db = open_database(backend_settings)
    db.upgrade()
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture
def sqlite_database(sqlite_settings: Settings) -> Iterator[Database]:
    """A migrated SQLite database (for tests that need storage but not both backends)."""
    db = open_database(sqlite_settings)
    db.upgrade()
    try:
        yield db
    finally:
        db.dispose()
