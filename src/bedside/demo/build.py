"""Build the demo: generate Riverside General's data, import it, and create the demo sign-ins.

``build_demo(settings, out_dir)`` writes the data files and manifest to ``out_dir/data``, brings the
database at ``settings.database_url`` to the newest schema, imports the files through
:func:`bedside.ingest.import_file` (so the demo's texts are redacted at the door like any real
import), and creates four accounts with fixed development-only passwords: an administrator, the
Medical ICU's medical director (leader), a Medical ICU nurse (member) and a planted curt physician
(member, to show their own coaching page).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bedside.config import Settings
from bedside.demo.generator import DEFAULT_SEED, GeneratedDemo, generate_demo
from bedside.demo.organisation import ORG_NAME, ORG_SLUG
from bedside.ingest import ImportReport, import_file
from bedside.store.accounts import create_user, get_or_create_organisation
from bedside.store.analyses import AnalysisRun, analyze_stored_messages, organisation_id_for
from bedside.store.database import Database, open_database
from bedside.store.models import AccountRole, Organisation, Person, UserAccount

log = logging.getLogger(__name__)

# Told how the build is going: (what is happening, amount done, amount in total).
BuildProgress = Callable[[str, float, float], None]


class DemoBuildError(RuntimeError):
    """The demo could not be built (e.g. an account it needs already belongs to someone else)."""


@dataclass(frozen=True)
class DemoLogin:
    """A demo sign-in. The passwords are fixed and public: the demo is for development only."""

    username: str
    password: str
    role: str
    person_id: str | None
    person_name: str | None
    description: str


@dataclass(frozen=True)
class DemoInfo:
    """What :func:`build_demo` made."""

    data_dir: Path
    manifest_path: Path
    database_url: str
    organisation_slug: str
    seed: int
    counts: dict[str, Any]
    logins: list[DemoLogin]
    imports: list[ImportReport]
    seconds: float
    analysis: AnalysisRun | None = None


def demo_logins(manifest: dict[str, Any]) -> list[DemoLogin]:
    """The four demo accounts for a generated demo (read from its manifest, so it needs no database)."""
    first_unit = manifest["units"][0]
    roster = manifest["demo_people"]
    curt = next(p for p in manifest["personas"] if p["style"] == "curt_to_nurses" and p["role"] == "physician")
    return [
        DemoLogin(
            "admin", "bedside-admin-demo", AccountRole.admin.value, None, None, "administrator: the whole organisation"
        ),
        DemoLogin(
            "director",
            "bedside-director-demo",
            AccountRole.leader.value,
            first_unit["medical_director"],
            roster["director_name"],
            f"leader: medical director of the {first_unit['name']}",
        ),
        DemoLogin(
            "nurse",
            "bedside-nurse-demo",
            AccountRole.member.value,
            roster["nurse_id"],
            roster["nurse_name"],
            f"member: a nurse in the {first_unit['name']}",
        ),
        DemoLogin(
            "doctor",
            "bedside-doctor-demo",
            AccountRole.member.value,
            curt["person_id"],
            curt["name"],
            "member: a physician whose own coaching page has something to say",
        ),
    ]


def create_demo_accounts(session: Session, organisation: Organisation, logins: list[DemoLogin]) -> None:
    """Create the demo accounts; an account that already exists (a re-run) is left as it is."""
    for login in logins:
        if session.scalar(select(UserAccount).where(UserAccount.username == login.username)) is not None:
            log.info("demo account %s already exists; left unchanged", login.username)
            continue
        person = None
        if login.person_id is not None:
            person = session.scalar(
                select(Person).where(Person.organisation_id == organisation.id, Person.external_id == login.person_id)
            )
            if person is None:
                raise DemoBuildError(
                    f"demo person {login.person_id} was not imported; cannot create {login.username!r}"
                )
        create_user(
            session,
            organisation=organisation,
            username=login.username,
            password=login.password,
            role=AccountRole(login.role),
            person=person,
        )


ANALYSIS_STEP = "Analysing message tone"


def _analyse_messages(database: Database, report: BuildProgress) -> AnalysisRun:
    """Run the tone analysis over the imported messages (as ``bedside analyze`` does), so Rapport has data."""
    report(ANALYSIS_STEP, 0, 1)
    with database.session() as session:
        organisation_id = organisation_id_for(session, ORG_SLUG)
        run = analyze_stored_messages(
            session,
            organisation_id=organisation_id,
            batch_size=500,
            progress=lambda done, total: report(ANALYSIS_STEP, done, max(total, 1)),
        )
    log.info("analysed %d demo messages with %s %s", run.messages, run.analyzer, run.analyzer_version)
    return run


def build_demo(
    settings: Settings,
    out_dir: Path,
    *,
    seed: int = DEFAULT_SEED,
    scale: float = 1.0,
    progress: BuildProgress | None = None,
) -> DemoInfo:
    """Generate the demo into ``out_dir/data``, import it into ``settings.database_url``, add the accounts."""
    started = time.perf_counter()
    report = progress or (lambda _what, _done, _total: None)
    data_dir = Path(out_dir) / "data"
    generated: GeneratedDemo = generate_demo(
        data_dir,
        seed=seed,
        scale=scale,
        on_stage=lambda _what, fraction: report("Generating the demo data", fraction, 1.0),
    )
    manifest = generated.manifest
    logins = demo_logins(manifest)
    database = open_database(settings)
    try:
        report("Preparing the database", 0, 1)
        database.upgrade()
        report("Preparing the database", 1, 1)
        with database.session() as session:
            get_or_create_organisation(session, ORG_SLUG, ORG_NAME)
        imports: list[ImportReport] = []
        for path in generated.import_files:
            what = f"Importing {path.name}"

            def on_bytes(done: int, total: int, what: str = what) -> None:
                report(what, done, total)

            imports.append(import_file(database, path, settings=settings, org_slug=ORG_SLUG, progress=on_bytes))
        analysis = _analyse_messages(database, report)
        report("Creating demo accounts", 0, 1)
        with database.session() as session:
            organisation = get_or_create_organisation(session, ORG_SLUG, ORG_NAME)
            create_demo_accounts(session, organisation, logins)
        report("Creating demo accounts", 1, 1)
    finally:
        database.dispose()
    seconds = time.perf_counter() - started
    log.info("demo built into %s in %.1f s", settings.database_url, seconds)
    return DemoInfo(
        data_dir=data_dir,
        manifest_path=data_dir / "manifest.json",
        database_url=settings.database_url,
        organisation_slug=ORG_SLUG,
        seed=seed,
        counts=manifest["counts"],
        logins=logins,
        imports=imports,
        seconds=seconds,
        analysis=analysis,
    )
