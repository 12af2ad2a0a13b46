"""Pieces every CLI command shares: the console, the ``--database-url`` option, opening the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from bedside.config import Settings, get_settings
from bedside.store.database import Database, DatabaseNotReadyError, open_database

console = Console()
err_console = Console(stderr=True)

DatabaseUrlOption = typer.Option(
    None, "--database-url", envvar="BEDSIDE_DATABASE_URL", help="Database URL (default: sqlite:///bedside.db)."
)

WorkersOption = typer.Option(
    0, "--workers", min=0, envvar="BEDSIDE_REDACTION_WORKERS",
    help="Processes that redact at once: 0 for one per core (at most 4), 1 for this process only. "
    "Results are the same either way.",
)


def settings_for(database_url: str | None) -> Settings:
    """Settings from the environment, with the database URL from the command line if given."""
    return get_settings(database_url=database_url) if database_url else get_settings()


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a clear error to stderr and return the Exit to raise."""
    err_console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


@contextmanager
def ready_database(settings: Settings) -> Iterator[Database]:
    """Open the configured database, refusing with a clear message when it has no schema."""
    database = open_database(settings)
    try:
        try:
            database.require_ready()
        except DatabaseNotReadyError as exc:
            raise fail(str(exc)) from exc
        yield database
    finally:
        database.dispose()
