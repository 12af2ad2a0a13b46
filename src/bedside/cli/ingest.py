"""``bedside ingest FILE...``: import rosters, messages, feedback notes and ratings (CSV, JSONL, FHIR R4).

Each file is imported in its own transaction, in the order given (put the roster first). A bad row
stops that file with an error naming file, line and field, nothing from it is stored, and later
files are not attempted; ``--skip-invalid`` sets bad rows aside in a reject file instead.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn
from rich.table import Table

from bedside.cli.common import (
    DatabaseUrlOption,
    WorkersOption,
    console,
    err_console,
    fail,
    ready_database,
    settings_for,
)
from bedside.config import Settings
from bedside.ingest import ImportReport, IngestError, RecordKind, import_file
from bedside.store.database import Database


def ingest(
    files: list[Path] = typer.Argument(
        ...,
        exists=True,
        dir_okay=False,
        readable=True,
        metavar="FILE...",
        help="CSV, JSONL or FHIR R4 Bundle files, roster first.",
    ),
    kind: RecordKind | None = typer.Option(
        None, "--kind", help="What the files hold (default: recognised from the columns or keys)."
    ),
    org: str = typer.Option("default", "--org", help="Organisation slug (created if missing)."),
    skip_invalid: bool = typer.Option(
        False, "--skip-invalid", help="Store the valid rows and write the bad ones to a reject file."
    ),
    rejects: Path | None = typer.Option(
        None, "--rejects", dir_okay=False, help="Reject file (default: FILE.rejects.jsonl next to each file)."
    ),
    source: str | None = typer.Option(
        None, "--source", help="Source name that scopes the record ids (default: the file's base name)."
    ),
    workers: int = WorkersOption,
    database_url: str | None = DatabaseUrlOption,
) -> None:
    """Import staff rosters, messages, feedback notes and review ratings; safe to run again on the same files.

    Free text is redacted of patient identifiers before it is stored (BEDSIDE_REDACTION_ENABLED).
    Formats: docs/ingest-formats.md.
    """
    if rejects is not None and len(files) > 1:
        raise fail("--rejects takes one input file; leave it out to get a reject file next to each input file.")
    settings = settings_for(database_url).model_copy(update={"redaction_workers": workers})
    reports: list[ImportReport] = []
    with ready_database(settings) as database:
        for index, path in enumerate(files):
            try:
                reports.append(_import_one(database, path, settings, org, kind, skip_invalid, rejects, source))
            except IngestError as exc:
                _summary(reports)
                # soft_wrap keeps file paths whole, so they can be copied from the terminal
                err_console.print(f"[bold red]error:[/] {escape(str(exc))}", soft_wrap=True, highlight=False)
                err_console.print(f"Nothing from {path} was stored.", soft_wrap=True)
                skipped = files[index + 1 :]
                if skipped:
                    err_console.print("Not attempted: " + ", ".join(str(p) for p in skipped), soft_wrap=True)
                raise typer.Exit(1) from exc
    _summary(reports)


def _import_one(
    database: Database,
    path: Path,
    settings: Settings,
    org: str,
    kind: RecordKind | None,
    skip_invalid: bool,
    rejects: Path | None,
    source: str | None,
) -> ImportReport:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task(path.name, total=path.stat().st_size or 1)
        return import_file(
            database,
            path,
            settings=settings,
            org_slug=org,
            kind=kind,
            skip_invalid=skip_invalid,
            source=source,
            rejects=rejects,
            progress=lambda done, total: progress.update(task, completed=done, total=total or 1),
        )


def _summary(reports: list[ImportReport]) -> None:
    if not reports:
        return
    table = Table(title="Import summary")
    for name in ("File", "Kind", "Added", "Updated", "Already present", "Rejected", "Seconds"):
        table.add_column(name, justify="left" if name in {"File", "Kind"} else "right")
    for report in reports:
        for kind, counts in report.counts.items():
            table.add_row(
                report.file,
                kind.value,
                f"{counts.added:,}",
                f"{counts.updated:,}",
                f"{counts.present:,}",
                f"{counts.rejected:,}",
                f"{report.seconds:.1f}",
            )
    console.print(table)
    for report in reports:
        if report.rejects_path is not None:
            console.print(
                f"[yellow]{report.rejected:,} row(s) of {escape(report.file)} were set aside in "
                f"{escape(str(report.rejects_path))}[/] "
                "(free text in it is redacted).",
                soft_wrap=True,
            )
