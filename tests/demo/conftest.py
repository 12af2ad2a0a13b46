"""Demo fixtures: the full-scale demo is generated once per session and built into SQLite once.

``full_demo`` holds the generated files (about a second); ``built_demo`` imports a full-scale demo
through ``build_demo`` into a temporary SQLite file (a few seconds, once). Smaller hospitals for
determinism and CLI tests use ``scale``.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from typing import Any

import pytest

from bedside.config import Settings
from bedside.demo import DemoInfo, GeneratedDemo, build_demo, generate_demo

SEED = 1234


@dataclass
class DemoFiles:
    """A generated demo read back from its files."""

    generated: GeneratedDemo
    roster: dict[str, dict[str, str]]
    messages: list[dict[str, Any]]
    notes: list[dict[str, Any]]
    ratings: list[dict[str, str]]
    labels: list[dict[str, Any]]

    @property
    def manifest(self) -> dict[str, Any]:
        return self.generated.manifest


def read_demo(generated: GeneratedDemo) -> DemoFiles:
    folder = generated.data_dir
    with (folder / "roster.csv").open(encoding="utf-8") as handle:
        roster = {row["person_id"]: row for row in csv.DictReader(handle)}
    with (folder / "ratings.csv").open(encoding="utf-8") as handle:
        ratings = list(csv.DictReader(handle))

    def jsonl(name: str) -> list[dict[str, Any]]:
        with (folder / name).open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle]

    return DemoFiles(
        generated, roster, jsonl("messages.jsonl"), jsonl("notes.jsonl"), ratings, jsonl("message_labels.jsonl")
    )


@pytest.fixture(scope="session")
def full_demo(tmp_path_factory: pytest.TempPathFactory) -> DemoFiles:
    return read_demo(generate_demo(tmp_path_factory.mktemp("demo-full") / "data", seed=SEED))


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, DemoInfo]:
    folder = tmp_path_factory.mktemp("demo-built")
    settings = Settings(environment="test", database_url=f"sqlite:///{folder / 'demo.db'}", data_dir=folder)
    return settings, build_demo(settings, folder, seed=SEED)
