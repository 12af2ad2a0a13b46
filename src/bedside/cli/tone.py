"""``bedside tone``: check how a message comes across, or score a JSONL file of messages.

``bedside tone "text"`` prints the message with its evidence highlighted, the tone label, the
politeness score, the findings and a suggested rewrite. ``bedside tone --input IN.jsonl --output
OUT.jsonl`` reads ``{"id", "text"}`` lines (optionally ``previous``, ``sender_role`` and
``recipient_roles`` for context) and writes each object with ``politeness``, ``tone``, ``findings``,
``rewrite`` and ``why`` added. The output goes to a temporary file moved into place only when every
line succeeded; a bad line stops the run with an error naming the file and line.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import typer
from rich.panel import Panel
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn
from rich.text import Text

from bedside.cli.common import console, fail
from bedside.config import get_settings
from bedside.rapport import MessageAnalysis, MessageContext, ToneAnalyzer, default_analyzer
from bedside.rapport.repair import suggest_repair

SEVERITY_STYLES = {
    "positive": "green",
    "info": "cyan",
    "low": "yellow",
    "medium": "bold dark_orange",
    "high": "bold white on red",
}
TONE_STYLES = {"respectful": "bold green", "neutral": "bold cyan", "curt": "bold dark_orange", "hostile": "bold red"}


class InputLineError(ValueError):
    """A line of the input file that cannot be analysed, with its file and line number."""


def highlighted(analysis: MessageAnalysis) -> Text:
    """The message with each finding's span styled by severity."""
    text = Text(analysis.text)
    for finding in sorted(analysis.findings, key=lambda f: (f.start, -f.end)):
        if finding.end > finding.start:
            text.stylize(SEVERITY_STYLES.get(finding.severity, "underline"), finding.start, finding.end)
    return text


def _print_analysis(analysis: MessageAnalysis) -> None:
    console.print(Panel(highlighted(analysis), title="message", expand=False))
    console.print(
        Text.assemble(
            ("tone: ", "bold"),
            (analysis.tone, TONE_STYLES[analysis.tone]),
            ("   politeness: ", "bold"),
            f"{analysis.politeness:.2f}",
            (f"   ({analysis.analyzer} {analysis.analyzer_version})", "dim"),
        )
    )
    for f in analysis.findings:
        console.print(
            Text.assemble(
                "  • ",
                (f"{f.severity:<8}", SEVERITY_STYLES.get(f.severity, "")),
                (f" {f.label}", "bold"),
                f" “{f.text}” — {f.reason} ",
                (f"({f.detector} {f.detector_version})", "dim"),
            )
        )
    repair = suggest_repair(analysis)
    if repair is not None:
        console.print(Panel(repair.rewrite, title="suggested rewrite", border_style="green", expand=False))
        for reason in repair.reasons:
            console.print(f"  • {reason}")


def _context_of(obj: dict[str, Any]) -> MessageContext | None:
    previous = obj.get("previous")
    sender = obj.get("sender_role")
    recipients = obj.get("recipient_roles") or ()
    if previous is None and sender is None and not recipients:
        return None
    return MessageContext(
        sender_role=str(sender) if sender is not None else None,
        recipient_roles=tuple(str(r) for r in recipients),
        previous_text=str(previous) if previous is not None else None,
    )


def parse_line(raw: str, path: Path, line_no: int) -> dict[str, Any]:
    """One input object, checked: a JSON object with an ``id`` and a string ``text``."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputLineError(f"{path}, line {line_no}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise InputLineError(f"{path}, line {line_no}: expected a JSON object with 'id' and 'text'")
    if "id" not in obj:
        raise InputLineError(f"{path}, line {line_no}: missing field 'id'")
    if not isinstance(obj.get("text"), str):
        raise InputLineError(f"{path}, line {line_no}: field 'text' is missing or not a string")
    if obj.get("recipient_roles") is not None and not isinstance(obj["recipient_roles"], list):
        raise InputLineError(f"{path}, line {line_no}: field 'recipient_roles' must be a list")
    return obj


def score_line(obj: dict[str, Any], analyzer: ToneAnalyzer) -> dict[str, Any]:
    """The input object with ``politeness``, ``tone``, ``findings``, ``rewrite`` and ``why`` added."""
    analysis = analyzer.analyze(obj["text"], _context_of(obj))
    repair = suggest_repair(analysis)
    return {
        **obj,
        "politeness": round(analysis.politeness, 4),
        "tone": analysis.tone,
        "findings": [f.to_dict() for f in analysis.findings],
        "rewrite": repair.rewrite if repair is not None else None,
        "why": list(repair.reasons) if repair is not None else [],
        "analyzer": analysis.analyzer,
        "analyzer_version": analysis.analyzer_version,
    }


def _score_file(input: Path, output: Path, analyzer: ToneAnalyzer) -> int:
    out_dir = output.resolve().parent
    out_dir.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=".tone-", suffix=".jsonl", dir=out_dir)
    count = 0
    try:
        with (
            os.fdopen(handle, "w", encoding="utf-8") as out,
            input.open(encoding="utf-8") as source,
            Progress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                TaskProgressColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            ) as progress,
        ):
            task = progress.add_task("Scoring messages", total=max(input.stat().st_size, 1))
            for line_no, raw in enumerate(source, start=1):
                progress.advance(task, len(raw.encode("utf-8")))
                if not raw.strip():
                    continue
                out.write(json.dumps(score_line(parse_line(raw, input, line_no), analyzer), ensure_ascii=False) + "\n")
                count += 1
        os.replace(tmp_name, output)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return count


def tone(
    text: str | None = typer.Argument(None, help="A message to check (omit when using --input)."),
    previous: str | None = typer.Option(None, "--previous", help="The message this one replies to (context)."),
    sender_role: str | None = typer.Option(None, "--sender-role", help="Role of the sender, e.g. physician."),
    recipient_role: list[str] = typer.Option([], "--recipient-role", help="Role of a recipient (repeatable)."),
    as_json: bool = typer.Option(False, "--json", help="Print the analysis as JSON instead of a report."),
    input: Path | None = typer.Option(
        None, "--input", "-i", exists=True, dir_okay=False, readable=True, help='JSONL file of {"id", "text"} lines.'
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", dir_okay=False, help="JSONL file to write (input + politeness, tone, findings, rewrite)."
    ),
) -> None:
    """Check the tone of a message (highlighted evidence, politeness, rewrite), or score a JSONL file."""
    if input is not None or output is not None:
        if input is None or output is None or text is not None:
            raise fail("batch scoring needs both --input and --output, and no TEXT argument")
        try:
            count = _score_file(input, output, default_analyzer(get_settings().rules_dir))
        except InputLineError as exc:
            raise fail(str(exc)) from exc
        console.print(f"Scored {count} messages into {output}.")
        return
    if text is None:
        raise fail('give a message to check, e.g. bedside tone "Call me when the labs are back."')
    context = None
    if previous is not None or sender_role is not None or recipient_role:
        context = MessageContext(sender_role=sender_role, recipient_roles=tuple(recipient_role), previous_text=previous)
    analysis = default_analyzer(get_settings().rules_dir).analyze(text, context)
    if as_json:
        repair = suggest_repair(analysis)
        data = analysis.to_dict()
        data["rewrite"] = repair.rewrite if repair is not None else None
        data["why"] = list(repair.reasons) if repair is not None else []
        console.print_json(json.dumps(data))
        return
    _print_analysis(analysis)
