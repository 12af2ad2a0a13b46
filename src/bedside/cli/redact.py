"""``bedside redact``: redact patient identifiers in a JSONL file of ``{"id", "text"}`` lines.

Each output line is the input object plus ``redacted`` (the text with typed placeholders) and
``spans`` (``type``, ``start``, ``end`` in the input text, with the detector and its reason). The
output is written to a temporary file and moved into place only when every line succeeded, so a bad
line stops the run with an error naming it and leaves no half-written output.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import typer
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

from bedside.cli.common import WorkersOption, console, fail
from bedside.text.redaction import REDACTOR_NAME, REDACTOR_VERSION, RedactionPool
from bedside.text.redaction.pool import START_AT

# Lines redacted per step: a pool's worth (``pool.START_AT``), and the progress bar moves after each.
_BATCH = START_AT


class InputLineError(ValueError):
    """A line of the input file that cannot be redacted, with its line number."""

    def __init__(self, path: Path, line_no: int, problem: str) -> None:
        super().__init__(f"{path}, line {line_no}: {problem}")


def read_roster(path: Path) -> list[str]:
    """Staff names from a roster CSV (a ``name`` column, or ``first_name`` + ``last_name``, or one name per line)."""
    with path.open(encoding="utf-8", newline="") as handle:
        sample = handle.read(4096)
        handle.seek(0)
        first_line = sample.splitlines()[0].lower() if sample else ""
        headers = [h.strip() for h in first_line.split(",")]
        if "name" in headers or {"first_name", "last_name"} <= set(headers):
            names: list[str] = []
            for row in csv.DictReader(handle):
                lowered = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
                name = lowered.get("name") or f"{lowered.get('first_name', '')} {lowered.get('last_name', '')}".strip()
                if name:
                    names.append(name)
            return names
        return [row[0].strip() for row in csv.reader(handle) if row and row[0].strip()]


def parse_line(raw: str, path: Path, line_no: int) -> dict[str, Any]:
    """One input object, checked: a JSON object with a string ``text`` and an ``id``."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputLineError(path, line_no, f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise InputLineError(path, line_no, "expected a JSON object with 'id' and 'text'")
    if "id" not in obj:
        raise InputLineError(path, line_no, "missing field 'id'")
    if not isinstance(obj.get("text"), str):
        raise InputLineError(path, line_no, "field 'text' is missing or not a string")
    return obj


def redact(
    input: Path = typer.Option(..., "--input", "-i", exists=True, dir_okay=False, readable=True, help="JSONL file, one {\"id\", \"text\"} per line."),
    output: Path = typer.Option(..., "--output", "-o", dir_okay=False, help="JSONL file to write (input fields + 'redacted' + 'spans')."),
    staff: Path | None = typer.Option(
        None, "--staff", exists=True, dir_okay=False, readable=True,
        help="Roster CSV of staff names (a 'name' column); these names are not PHI and are kept.",
    ),
    site: list[str] = typer.Option(
        [], "--site",
        help="The organisation's own hospital, campus, building or clinic (repeat for each); names inside it are kept.",
    ),
    workers: int = WorkersOption,
) -> None:
    """Replace patient identifiers (names, MRNs, dates, phones, addresses, ...) with typed placeholders."""
    staff_names = read_roster(staff) if staff else []
    total_bytes = input.stat().st_size
    out_dir = output.resolve().parent
    out_dir.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=".redact-", suffix=".jsonl", dir=out_dir)
    count = 0
    n_spans = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out, input.open("rb") as src, Progress(
            TextColumn("[bold]redacting[/]"), BarColumn(), TaskProgressColumn(), TimeRemainingColumn(),
            console=console, transient=True,
        ) as progress, RedactionPool(staff_names, site_names=site, workers=workers) as redactor:
            task = progress.add_task("redact", total=total_bytes)
            for batch, size in _batches(src, input):
                for obj, result in zip(batch, redactor.redact_many([obj["text"] for obj in batch]), strict=True):
                    obj["redacted"] = result.text
                    obj["spans"] = [
                        {"type": s.type, "start": s.start, "end": s.end, "detector": s.detector, "reason": s.reason}
                        for s in result.spans
                    ]
                    obj["redactor"] = f"{REDACTOR_NAME}/{REDACTOR_VERSION}"
                    out.write(json.dumps(obj, ensure_ascii=False) + "\n")
                    n_spans += len(result.spans)
                count += len(batch)
                progress.advance(task, size)
        os.replace(tmp_name, output)
    except InputLineError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise fail(f"{exc}; nothing was written") from exc
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    console.print(f"Redacted {count} messages ({n_spans} identifiers) → {output}")


def _batches(src: BinaryIO, path: Path) -> Iterator[tuple[list[dict[str, Any]], int]]:
    """The input's objects, checked, a batch at a time (big enough for the worker processes), with the bytes read."""
    batch: list[dict[str, Any]] = []
    size = 0
    for line_no, raw_bytes in enumerate(src, start=1):
        size += len(raw_bytes)
        try:
            raw = raw_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputLineError(path, line_no, "not valid UTF-8") from exc
        if not raw.strip():
            continue
        batch.append(parse_line(raw, path, line_no))
        if len(batch) >= _BATCH:
            yield batch, size
            batch, size = [], 0
    yield batch, size
