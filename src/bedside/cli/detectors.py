"""``bedside detectors list``: the message-analyzer detectors that are loaded, built-in and plug-in."""

from __future__ import annotations

import typer
from rich.table import Table

from bedside.cli.common import console
from bedside.config import get_settings
from bedside.rapport.registry import ENTRY_POINT_GROUP, load_detectors

app = typer.Typer(help="Inspect the message-analyzer detectors.", no_args_is_help=True)


@app.command("list")
def list_detectors() -> None:
    """Show every loaded detector: name, version, labels and where it came from (built-in, BEDSIDE_RULES_DIR, plug-in)."""
    table = Table(title=f"Detectors (built-in, then plug-ins from the '{ENTRY_POINT_GROUP}' entry points)")
    table.add_column("name", style="bold", no_wrap=True)
    table.add_column("version")
    table.add_column("labels")
    table.add_column("origin")
    table.add_column("description")
    for item in load_detectors(rules_dir=get_settings().rules_dir):
        detector = item.detector
        table.add_row(detector.name, detector.version, ", ".join(detector.labels), item.origin, detector.description)
    console.print(table)
