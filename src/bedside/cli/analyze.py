"""``bedside analyze``: (re)analyse stored messages with the tone analyzer and store the results.

Each message is read with its context (sender and recipient roles, the message it answers). Results
are stored under the analyzer's name and version, replacing that analyzer's previous result for the
message; everything is written in one transaction, so an interrupted run leaves the old results.
"""

from __future__ import annotations

import time

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from bedside.cli.common import DatabaseUrlOption, console, fail, ready_database, settings_for
from bedside.store.analyses import analyze_stored_messages, organisation_id_for


def analyze(
    database_url: str | None = DatabaseUrlOption,
    organisation: str | None = typer.Option(
        None, "--organisation", help="Only this organisation (its slug); default: every organisation."
    ),
    batch_size: int = typer.Option(1000, min=1, help="Messages stored per batch."),
) -> None:
    """(Re)analyse stored messages for tone, politeness and findings, storing analyzer name and version."""
    settings = settings_for(database_url)
    with ready_database(settings) as database, database.session() as session:
        organisation_id = None
        if organisation is not None:
            organisation_id = organisation_id_for(session, organisation)
            if organisation_id is None:
                raise fail(f"no organisation with slug {organisation!r}")
        started = time.perf_counter()
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("Analysing messages", total=None)

            def on_progress(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            run = analyze_stored_messages(
                session,
                organisation_id=organisation_id,
                batch_size=batch_size,
                progress=on_progress,
                rules_dir=settings.rules_dir,
            )
        elapsed = time.perf_counter() - started
    mix = ", ".join(f"{tone} {run.tones.get(tone, 0)}" for tone in ("respectful", "neutral", "curt", "hostile"))
    console.print(
        f"Analysed {run.messages} messages with {run.analyzer} {run.analyzer_version} in {elapsed:.1f}s ({mix})."
    )
