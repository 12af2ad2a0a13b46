"""Drift tests: every setting and every CLI command is documented."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from bedside.cli import app
from bedside.config import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_setting_is_documented(name: str) -> None:
    text = (DOCS / "settings.md").read_text()
    assert f"`{name}`" in text and f"`BEDSIDE_{name.upper()}`" in text


def test_every_setting_has_help() -> None:
    missing = [n for n, f in Settings.model_fields.items() if not f.description]
    assert missing == []


def _command_paths(group: typer.main.TyperGroup | object, prefix: str = "") -> list[str]:
    commands = getattr(group, "commands", {})
    paths: list[str] = []
    for name, command in commands.items():
        path = f"{prefix} {name}".strip()
        paths.append(path)
        paths.extend(_command_paths(command, path))
    return paths


def test_every_cli_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text()
    root = typer.main.get_command(app)
    undocumented = [p for p in _command_paths(root) if f"bedside {p}" not in text]
    assert undocumented == []


def test_every_cli_command_has_help() -> None:
    root = typer.main.get_command(app)

    def walk(group: object) -> list[str]:
        out = []
        for name, command in getattr(group, "commands", {}).items():
            if not (command.help or "").strip():
                out.append(name)
            out.extend(walk(command))
        return out

    assert walk(root) == []
