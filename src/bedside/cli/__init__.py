"""The ``bedside`` command line: a thin Typer shell over the library.

Each command group lives in its own module in this package and is registered explicitly below.
Commands build their objects from one :class:`bedside.config.Settings` (``--database-url`` overrides
``BEDSIDE_DATABASE_URL``).
"""

from __future__ import annotations

import logging

import typer

from bedside import __version__
from bedside.cli import analyze as analyze_commands
from bedside.cli import db as db_commands
from bedside.cli import demo as demo_commands
from bedside.cli import detectors as detectors_commands
from bedside.cli import export as export_commands
from bedside.cli import ingest as ingest_commands
from bedside.cli import redact as redact_commands
from bedside.cli import serve as serve_commands
from bedside.cli import tone as tone_commands
from bedside.cli import users as users_commands
from bedside.cli.common import console

app = typer.Typer(
    name="bedside",
    help="Bedside: offline AI help for clinical leaders (rapport, reviews, growth, simulator).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


def _version(value: bool) -> None:
    if value:
        console.print(f"bedside {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details to stderr."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


app.add_typer(db_commands.app, name="db")
app.add_typer(users_commands.app, name="users")
app.command("demo")(demo_commands.demo)
app.command("serve")(serve_commands.serve)
app.command("export")(export_commands.export)
app.command("ingest")(ingest_commands.ingest)
app.command("redact")(redact_commands.redact)
app.command("tone")(tone_commands.tone)
app.command("analyze")(analyze_commands.analyze)
app.add_typer(detectors_commands.app, name="detectors")


def main() -> None:
    """Console-script entry point."""
    app()
