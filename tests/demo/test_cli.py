"""``bedside demo``: builds once, reuses the build, rebuilds on request, prints logins, serves."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import bedside.cli.demo as demo_cli
from bedside.cli import app
from bedside.demo import build_demo


@pytest.fixture
def small_build(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make the command build a tiny hospital (the full one is built once elsewhere); count the builds."""
    calls: list[int] = []

    def tiny(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs["seed"])
        return functools.partial(build_demo, scale=0.02)(*args, **kwargs)

    monkeypatch.setattr(demo_cli, "build_demo", tiny)
    monkeypatch.delenv("BEDSIDE_DATABASE_URL", raising=False)
    return calls


def test_demo_builds_then_reuses_then_rebuilds(tmp_path: Path, small_build: list[int]) -> None:
    runner = CliRunner()
    folder = tmp_path / "demo"
    result = runner.invoke(app, ["demo", "--dir", str(folder), "--no-serve", "--seed", "11"])
    assert result.exit_code == 0, result.output
    assert (folder / "bedside-demo.db").is_file() and (folder / "data" / "manifest.json").is_file()
    assert json.loads((folder / "bedside-demo.json").read_text())["seed"] == 11
    for text in ("http://127.0.0.1:8000", "admin", "director", "nurse", "doctor", "bedside-admin-demo"):
        assert text in result.output
    assert small_build == [11]

    again = runner.invoke(app, ["demo", "--dir", str(folder), "--no-serve", "--seed", "11", "--port", "8123"])
    assert again.exit_code == 0, again.output
    assert "Reusing" in again.output and "http://127.0.0.1:8123" in again.output
    assert small_build == [11]

    other_seed = runner.invoke(app, ["demo", "--dir", str(folder), "--no-serve", "--seed", "12"])
    assert "--rebuild" in other_seed.output and small_build == [11]

    rebuilt = runner.invoke(app, ["demo", "--dir", str(folder), "--no-serve", "--seed", "12", "--rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert small_build == [11, 12]
    assert json.loads((folder / "data" / "manifest.json").read_text())["seed"] == 12


def test_demo_serves_the_web_app(tmp_path: Path, small_build: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: served.update(app=app, **kwargs))
    result = CliRunner().invoke(app, ["demo", "--dir", str(tmp_path), "--host", "127.0.0.1", "--port", "8765"])
    assert result.exit_code == 0, result.output
    assert served["host"] == "127.0.0.1" and served["port"] == 8765
    assert served["app"].state.settings.database_url.endswith("bedside-demo.db")


def test_demo_help_lists_its_options() -> None:
    result = CliRunner().invoke(app, ["demo", "--help"])
    assert result.exit_code == 0
    for option in ("--seed", "--dir", "--host", "--port", "--no-serve", "--rebuild"):
        assert option in result.output
