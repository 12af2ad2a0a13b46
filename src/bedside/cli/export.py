"""``bedside export``: write one person's full data as JSON (a subject-access request), audited as "cli"."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from sqlalchemy import select

from bedside.cli.common import DatabaseUrlOption, console, fail, ready_database, settings_for
from bedside.store import audit
from bedside.store.models import Organisation
from bedside.store.people import PersonNotFoundError, export_person_data, person_by_external_id


def export(
    person: str = typer.Argument(..., help="External id of the person (as in the roster)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write (default: standard output)."),
    org: str | None = typer.Option(None, "--org", help="Organisation slug (default: the only organisation)."),
    database_url: str | None = DatabaseUrlOption,
) -> None:
    """Export everything held about a person as JSON (the export is written to the audit trail)."""
    with ready_database(settings_for(database_url)) as database, database.session() as session:
        query = select(Organisation).where(Organisation.slug == org) if org else select(Organisation).limit(2)
        organisations = list(session.scalars(query))
        if len(organisations) != 1:
            raise fail(
                f"No organisation with slug {org!r}." if org else "Choose the organisation with --org SLUG."
            )
        organisation = organisations[0]
        try:
            subject = person_by_external_id(session, organisation_id=organisation.id, external_id=person)
        except PersonNotFoundError as exc:
            raise fail(str(exc)) from exc
        data = export_person_data(session, subject, include_analytics=True)
        audit.record(
            session,
            organisation_id=organisation.id,
            actor="cli",
            action="export",
            subject_person_id=subject.id,
            detail=f"bedside export {person}" + (f" --output {output.name}" if output else ""),
        )
    text = json.dumps(data, indent=2, ensure_ascii=False)
    if output is None:
        typer.echo(text)
    else:
        output.write_text(text + "\n", encoding="utf-8")
        console.print(f"Wrote {subject.name}'s data to {output}.")
