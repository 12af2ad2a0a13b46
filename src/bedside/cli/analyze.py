"""``bedside analyze``: (re)analyse stored messages with the tone analyzer and store the results.

Each message is read with its context (sender and recipient roles, the message it answers). Results
are stored under the analyzer's name and version, replacing that analyzer's previous result for the
message; everything is written in one transaction, so an interrupted run leaves the old results.
"""

from __future__ import annotations

import time
from collections import Counter

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from bedside.cli.common import DatabaseUrlOption, console, fail, ready_database, settings_for
from bedside.rapport import MessageContext, default_analyzer
from bedside.store.analyses import (
    StoredAnalysis,
    messages_for_analysis,
    organisation_id_for,
    replace_results,
)


def analyze(
    database_url: str | None = DatabaseUrlOption,
    organisation: str | None = typer.Option(
        None, "--organisation", help="Only this organisation (its slug); default: every organisation."
    ),
    batch_size: int = typer.Option(1000, min=1, help="Messages stored per batch."),
) -> None:
    """(Re)analyse stored messages for tone, politeness and findings, storing analyzer name and version."""
    analyzer = default_analyzer()
    with ready_database(settings_for(database_url)) as database, database.session() as session:
        organisation_id = None
        if organisation is not None:
            organisation_id = organisation_id_for(session, organisation)
            if organisation_id is None:
                raise fail(f"no organisation with slug {organisation!r}")
        messages = messages_for_analysis(session, organisation_id=organisation_id)
        tones: Counter[str] = Counter()
        started = time.perf_counter()
        batch: list[StoredAnalysis] = []
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("Analysing messages", total=len(messages))
            for message in messages:
                context = MessageContext(
                    sender_role=message.sender_role,
                    recipient_roles=message.recipient_roles,
                    previous_text=message.previous_text,
                    previous_sender_role=message.previous_sender_role,
                    thread_id=message.thread_id,
                )
                result = analyzer.analyze(message.text, context)
                tones[result.tone] += 1
                batch.append(
                    StoredAnalysis(
                        message_id=message.id,
                        organisation_id=message.organisation_id,
                        person_id=message.sender_id,
                        analyzer_version=result.analyzer_version,
                        label=result.tone,
                        score=round(result.politeness, 4),
                        findings=[f.to_dict() for f in result.findings],
                    )
                )
                if len(batch) >= batch_size:
                    replace_results(session, analyzer=analyzer.name, results=batch)
                    progress.advance(task, len(batch))
                    batch = []
            replace_results(session, analyzer=analyzer.name, results=batch)
            progress.advance(task, len(batch))
        elapsed = time.perf_counter() - started
    mix = ", ".join(f"{tone} {tones[tone]}" for tone in ("respectful", "neutral", "curt", "hostile"))
    console.print(
        f"Analysed {len(messages)} messages with {analyzer.name} {analyzer.version} in {elapsed:.1f}s ({mix})."
    )
