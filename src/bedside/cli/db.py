"""``bedside db``: create or upgrade the database schema with the shipped Alembic migrations."""

from __future__ import annotations

import typer

from bedside.cli.common import DatabaseUrlOption, console, settings_for
from bedside.store.database import open_database

app = typer.Typer(help="Manage the database schema.", no_args_is_help=True)


@app.command("upgrade")
def upgrade(database_url: str | None = DatabaseUrlOption) -> None:
    """Create the schema or upgrade it to the newest version (safe to run again)."""
    database = open_database(settings_for(database_url))
    try:
        database.upgrade()
    finally:
        database.dispose()
    console.print(f"Database schema is up to date ({database.engine.url.render_as_string(hide_password=True)}).")
