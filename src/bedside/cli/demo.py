"""``bedside demo``: build the Riverside General demo hospital into a SQLite file and serve it.

The first run generates the data (deterministic from ``--seed``), imports it with redaction at the
door and creates the demo sign-ins; later runs reuse the built database unless ``--rebuild``.
The planted ground truth stays in ``DIR/data/manifest.json``, never in the database.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, TaskID, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from bedside.cli.common import console, fail
from bedside.config import get_settings
from bedside.demo import DEFAULT_SEED, DemoBuildError, DemoLogin, build_demo, demo_logins, load_manifest
from bedside.demo.generator import IMPORT_ORDER
from bedside.demo.manifest import LABELS_NAME, MANIFEST_NAME, ManifestError
from bedside.ingest import IngestError
from bedside.store.database import open_database

DATABASE_NAME = "bedside-demo.db"
BUILT_MARKER = "bedside-demo.json"


def _remove_previous(out_dir: Path) -> None:
    """Delete only the files an earlier demo build wrote (never anything else in the folder)."""
    for name in (
        DATABASE_NAME,
        f"{DATABASE_NAME}-wal",
        f"{DATABASE_NAME}-shm",
        f"{DATABASE_NAME}-journal",
        BUILT_MARKER,
    ):
        (out_dir / name).unlink(missing_ok=True)
    data_dir = out_dir / "data"
    for name in (*IMPORT_ORDER, MANIFEST_NAME, LABELS_NAME):
        (data_dir / name).unlink(missing_ok=True)
        (data_dir / f"{name}.rejects.jsonl").unlink(missing_ok=True)


def _print_logins(logins: list[DemoLogin], url: str) -> None:
    table = Table(title="Demo sign-ins (development only)", show_lines=False)
    table.add_column("username", no_wrap=True)
    table.add_column("password", no_wrap=True)  # copied by hand: never broken over lines
    table.add_column("account")
    table.add_column("who")
    for login in logins:
        who = f"{login.person_name} ({login.person_id})" if login.person_name else "-"
        table.add_row(login.username, login.password, login.description, who)
    console.print(table)
    console.print(f"Open [bold]{url}[/] and sign in with one of the accounts above.")


def demo(
    seed: int = typer.Option(
        DEFAULT_SEED, "--seed", help="Random seed; the same seed always builds the same hospital."
    ),
    directory: Path = typer.Option(
        Path("demo"),
        "--dir",
        file_okay=False,
        help="Folder for the demo database (bedside-demo.db) and its data files.",
    ),
    host: str = typer.Option("127.0.0.1", "--host", help="Address the web app listens on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port the web app listens on."),
    no_serve: bool = typer.Option(False, "--no-serve", help="Only build the demo database; do not start the web app."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Delete an earlier demo build in --dir and build it again."),
) -> None:
    """Build the Riverside General demo hospital (72 staff, 20,000+ messages) and serve it.

    Writes the data files and the manifest of planted patterns to DIR/data and the database to DIR/bedside-demo.db, then prints the URL and the demo sign-ins. Their passwords are fixed and public: never put real data in the demo database.
    """
    out_dir = directory.resolve()
    database_path = out_dir / DATABASE_NAME
    settings = get_settings(database_url=f"sqlite:///{database_path}", data_dir=out_dir)
    marker = out_dir / BUILT_MARKER
    if rebuild:
        _remove_previous(out_dir)
    if marker.is_file() and database_path.is_file():
        built = json.loads(marker.read_text(encoding="utf-8"))
        if built.get("seed") != seed:
            console.print(
                f"[yellow]The demo in {out_dir} was built with seed {built.get('seed')}; reusing it "
                "(add --rebuild to build it with this seed).[/]"
            )
        try:
            logins = demo_logins(load_manifest(out_dir / "data"))
        except ManifestError as exc:
            raise fail(f"{exc} Run `bedside demo --rebuild`.") from exc
        database = open_database(settings)
        try:
            database.upgrade()  # a demo built by an older Bedside gets the newer tables
        finally:
            database.dispose()
        console.print(f"Reusing the demo database {database_path}.")
    else:
        _remove_previous(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn())
        tasks: dict[str, TaskID] = {}
        with Progress(*columns, console=console, transient=False) as progress:

            def on_progress(what: str, done: float, total: float) -> None:
                if what not in tasks:
                    tasks[what] = progress.add_task(what, total=max(total, 1))
                progress.update(tasks[what], completed=done, total=max(total, 1))

            try:
                info = build_demo(settings, out_dir, seed=seed, progress=on_progress)
            except (IngestError, DemoBuildError) as exc:
                raise fail(f"The demo could not be built: {exc}") from exc
        marker.write_text(json.dumps({"seed": seed, "seconds": round(info.seconds, 1)}) + "\n", encoding="utf-8")
        counts = info.counts
        console.print(
            f"Built Riverside General in {info.seconds:.1f} s: {counts['staff']} staff, {counts['messages']:,} messages, "
            f"{counts['notes']} feedback notes, {counts['ratings']:,} ratings -> {database_path}"
        )
        console.print(f"Ground truth of the planted patterns: {info.manifest_path}")
        logins = info.logins
    url = f"http://{host}:{port}"
    _print_logins(logins, url)
    if no_serve:
        console.print(f"Start it later with: bedside demo --dir {directory}")
        return

    import uvicorn

    from bedside.web import create_app

    app = create_app(settings)
    console.print(f"Bedside demo is serving on {url} (Ctrl+C stops it).")
    uvicorn.run(app, host=host, port=port, proxy_headers=False, server_header=False, log_level="info")
