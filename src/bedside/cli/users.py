"""``bedside users``: create sign-in accounts (the first admin is made with ``--role admin``).

The password is read from a hidden prompt (typed twice) or, for scripts, from standard input with
``--password-stdin``; it is never taken as an argument, so it never lands in shell history.
"""

from __future__ import annotations

import sys

import typer
from sqlalchemy import select

from bedside.cli.common import DatabaseUrlOption, console, fail, ready_database, settings_for
from bedside.store.accounts import AccountError, create_user, get_or_create_organisation
from bedside.store.models import AccountRole, Organisation
from bedside.store.people import PersonNotFoundError, person_by_external_id

app = typer.Typer(help="Manage sign-in accounts.", no_args_is_help=True)
DEFAULT_ORG_SLUG = "default"


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


@app.command("add")
def add(
    username: str = typer.Argument(..., help="The sign-in name."),
    role: AccountRole = typer.Option(..., "--role", help="admin: the organisation; leader: led units; member: self."),
    person: str | None = typer.Option(None, "--person", help="External id of the staff record to link."),
    org: str | None = typer.Option(
        None, "--org", help="Organisation slug (default: the only organisation, or a new 'default' one)."
    ),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
    database_url: str | None = DatabaseUrlOption,
) -> None:
    """Create an account with an argon2-hashed password."""
    password = _read_password(password_stdin)
    with ready_database(settings_for(database_url)) as database, database.session() as session:
        if org is not None:
            organisation = session.scalar(select(Organisation).where(Organisation.slug == org))
            if organisation is None:
                raise fail(f"No organisation with slug {org!r}.")
        else:
            existing = list(session.scalars(select(Organisation).limit(2)))
            if len(existing) > 1:
                raise fail("There are several organisations; choose one with --org SLUG.")
            organisation = existing[0] if existing else get_or_create_organisation(session, DEFAULT_ORG_SLUG)
        linked = None
        if person is not None:
            try:
                linked = person_by_external_id(session, organisation_id=organisation.id, external_id=person)
            except PersonNotFoundError as exc:
                raise fail(str(exc)) from exc
        try:
            create_user(session, organisation=organisation, username=username, password=password, role=role, person=linked)
        except AccountError as exc:
            raise fail(str(exc)) from exc
    console.print(f"Created {role.value} account {username!r} in organisation {organisation.slug!r}.")
