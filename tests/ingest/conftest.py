"""Fixtures for the ingest tests: the sample files copied to a temporary folder, and table counts."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from bedside.store.database import Database
from bedside.store.models import FeedbackNote, Message, MessageRecipient, Organisation, Person, ReviewRating, Unit

SAMPLES = Path(__file__).parents[1] / "data" / "ingest"


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    """A private copy of tests/data/ingest (reject files are written next to the inputs)."""
    target = tmp_path / "samples"
    shutil.copytree(SAMPLES, target)
    return target


@pytest.fixture
def counts() -> Callable[[Database], dict[str, int]]:
    """A function giving the rows per table of imported records."""
    return table_counts


def table_counts(database: Database) -> dict[str, int]:
    """Rows per table of the imported records."""
    models = {
        "organisation": Organisation,
        "unit": Unit,
        "person": Person,
        "message": Message,
        "recipient": MessageRecipient,
        "note": FeedbackNote,
        "rating": ReviewRating,
    }
    with database.session() as session:
        return {
            name: session.scalar(sa.select(sa.func.count()).select_from(model)) or 0 for name, model in models.items()
        }
