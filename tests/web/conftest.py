"""Web test fixtures: a small organisation built once into a SQLite file, copied for every test, and
in-process clients over httpx's ASGI transport that sign in as each role.

The organisation: units ICU and ED; Ada (admin, no unit), Ana (leads ICU), Ben and Cara (ICU
members), Dan (leads ED), Eve (ED, no account); a second organisation with its own admin. Cara has
messages, a note, a rating and an analysis result; Ben has an analysis result too.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI

from bedside.config import Settings
from bedside.store import accounts
from bedside.store.accounts import create_user, get_or_create_organisation
from bedside.store.database import Database, open_database
from bedside.store.models import (
    AccountRole,
    AnalysisResult,
    FeedbackNote,
    Message,
    MessageRecipient,
    NoteKind,
    Person,
    ReviewRating,
    StaffRole,
    Unit,
    UnitLeader,
)
from bedside.web import create_app

PASSWORD = "correct-horse-battery"
BASE_URL = "http://testserver"


@dataclass(frozen=True)
class Org:
    """Ids of the test organisation's rows."""

    org_id: int
    other_org_id: int
    icu_id: int
    ed_id: int
    ada: int
    ana: int
    ben: int
    cara: int
    dan: int
    eve: int
    zed: int
    cara_result: int
    ben_result: int
    cara_message: int


# Role name used in the access matrix -> username.
ROLE_USERS = {
    "member": "ben",
    "leader_other_unit": "dan",
    "leader_of_unit": "ana",
    "admin": "ada",
}


def _when(month: int, day: int) -> dt.datetime:
    return dt.datetime(2026, month, day, 9, 30, tzinfo=dt.UTC)


def build_org(database: Database) -> Org:
    with database.session() as s:
        org = get_or_create_organisation(s, "test-hospital", "Test Hospital")
        other = get_or_create_organisation(s, "elsewhere", "Elsewhere Clinic")
        icu = Unit(organisation_id=org.id, external_id="ICU", name="Intensive care")
        ed = Unit(organisation_id=org.id, external_id="ED", name="Emergency")
        s.add_all([icu, ed])
        s.flush()

        def person(ext: str, name: str, role: StaffRole, unit: Unit | None, organisation_id: int = org.id) -> Person:
            p = Person(
                organisation_id=organisation_id,
                external_id=ext,
                name=name,
                role=role,
                unit_id=unit.id if unit else None,
            )
            s.add(p)
            s.flush()
            return p

        ada = person("P-ADA", "Ada Admin", StaffRole.administrator, None)
        ana = person("P-ANA", "Ana Lead", StaffRole.physician, icu)
        ben = person("P-BEN", "Ben Nurse", StaffRole.nurse, icu)
        cara = person("P-CARA", "Cara Nurse", StaffRole.nurse, icu)
        dan = person("P-DAN", "Dan Lead", StaffRole.physician, ed)
        eve = person("P-EVE", "Eve Nurse", StaffRole.nurse, ed)
        zed = person("P-ZED", "Zed Elsewhere", StaffRole.nurse, None, organisation_id=other.id)
        s.add_all([UnitLeader(unit_id=icu.id, person_id=ana.id), UnitLeader(unit_id=ed.id, person_id=dan.id)])

        for username, role, who, organisation in [
            ("ada", AccountRole.admin, ada, org),
            ("ana", AccountRole.leader, ana, org),
            ("ben", AccountRole.member, ben, org),
            ("cara", AccountRole.member, cara, org),
            ("dan", AccountRole.leader, dan, org),
            ("zed", AccountRole.admin, zed, other),
        ]:
            create_user(s, organisation=organisation, username=username, password=PASSWORD, role=role, person=who)

        messages = [
            (cara, ben, _when(3, 2), "Can you check bed 4's drip? Thanks so much."),
            (cara, ben, _when(3, 9), "Why was this not done yet?"),
            (cara, ana, _when(4, 1), "Handover notes are in the shared folder."),
            (ben, cara, _when(4, 3), "Done, sorry for the delay."),
            (ben, cara, _when(5, 3), "Covering your shift on Friday."),
            (eve, dan, _when(5, 4), "Triage is full again."),
            (ana, ben, _when(5, 5), "Great work on the audit."),
        ]
        stored: list[Message] = []
        for i, (sender, recipient, at, text) in enumerate(messages):
            m = Message(
                organisation_id=org.id, sender_id=sender.id, sent_at=at, text=text, source="test", source_id=f"m{i}"
            )
            m.recipients.append(MessageRecipient(person_id=recipient.id))
            s.add(m)
            stored.append(m)
        s.flush()
        s.add(
            FeedbackNote(
                organisation_id=org.id,
                about_id=cara.id,
                author_id=ben.id,
                kind=NoteKind.peer,
                text="Cara stays calm with families.",
                created_at=_when(4, 10),
                source="test",
                source_id="n1",
            )
        )
        s.add(
            ReviewRating(
                organisation_id=org.id,
                subject_id=cara.id,
                rater_id=ana.id,
                cycle="2026",
                criterion="compassion",
                score=4.0,
                comment="Consistently kind.",
                created_at=_when(5, 1),
                source="test",
                source_id="r1",
            )
        )
        cara_result = AnalysisResult(
            organisation_id=org.id,
            subject_type="message",
            subject_id=stored[1].id,
            person_id=cara.id,
            analyzer="tone",
            analyzer_version="0.1",
            label="blaming",
            score=0.8,
            findings=[{"label": "blaming", "start": 0, "end": 3, "reason": "A 'why' question about a delay reads as blame."}],
        )
        ben_result = AnalysisResult(
            organisation_id=org.id,
            subject_type="message",
            subject_id=stored[3].id,
            person_id=ben.id,
            analyzer="tone",
            analyzer_version="0.1",
            label="apologetic",
            score=0.6,
            findings=[{"label": "apology", "start": 6, "end": 11, "reason": "Apology phrase."}],
        )
        s.add_all([cara_result, ben_result])
        s.flush()
        return Org(
            org_id=org.id,
            other_org_id=other.id,
            icu_id=icu.id,
            ed_id=ed.id,
            ada=ada.id,
            ana=ana.id,
            ben=ben.id,
            cara=cara.id,
            dan=dan.id,
            eve=eve.id,
            zed=zed.id,
            cara_result=cara_result.id,
            ben_result=ben_result.id,
            cara_message=stored[1].id,
        )


@pytest.fixture(scope="session")
def org_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Org]:
    """The organisation built once into a SQLite file that each test copies."""
    folder = tmp_path_factory.mktemp("web-template")
    path = folder / "bedside.db"
    database = open_database(Settings(environment="test", database_url=f"sqlite:///{path}"))
    database.upgrade()
    # Cheap argon2 parameters for the test accounts: verification reads them from each hash, so every
    # sign-in in the suite stays fast while still going through argon2.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        org = build_org(database)
    database.dispose()  # checkpoints the WAL into the main file
    return path, org


@pytest.fixture
def org(org_template: tuple[Path, Org]) -> Org:
    return org_template[1]


@pytest.fixture
def web_settings(tmp_path: Path, org_template: tuple[Path, Org]) -> Settings:
    target = tmp_path / "bedside.db"
    shutil.copyfile(org_template[0], target)
    return Settings(
        environment="test",
        database_url=f"sqlite:///{target}",
        data_dir=tmp_path,
        min_group_size=2,
        secret_key="test-secret-key-for-signing-cookies",
    )


@pytest.fixture
def web_database(web_settings: Settings) -> Iterator[Database]:
    database = open_database(web_settings)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def app(web_settings: Settings, web_database: Database) -> FastAPI:
    return create_app(web_settings, database=web_database)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_from(html: str) -> str:
    match = CSRF_INPUT.search(html)
    assert match, "page has no CSRF field"
    return match.group(1)


class Clients:
    """Makes in-process clients, anonymous or signed in as a user."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.opened: list[httpx.AsyncClient] = []

    def anonymous(self, *, raise_app_exceptions: bool = True) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=raise_app_exceptions)  # type: ignore[arg-type]
        client = httpx.AsyncClient(transport=transport, base_url=BASE_URL)
        self.opened.append(client)
        return client

    async def signed_in(self, username: str, password: str = PASSWORD) -> httpx.AsyncClient:
        client = self.anonymous()
        page = await client.get("/login")
        response = await client.post(
            "/login", data={"username": username, "password": password, "csrf_token": csrf_from(page.text)}
        )
        assert response.status_code == 303, response.text
        return client

    async def csrf(self, client: httpx.AsyncClient) -> str:
        return csrf_from((await client.get("/tokens")).text)


@pytest.fixture
async def clients(app: FastAPI) -> AsyncIterator[Clients]:
    made = Clients(app)
    yield made
    for client in made.opened:
        await client.aclose()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Keep each phase's report on the item so fixtures can react to failures (browser screenshots)."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    setattr(item, f"rep_{report.when}", report)


RAPPORT_LINES = {
    # (sender, recipient): texts cycled over the months March to May.
    ("ana", "ben"): [
        "Obviously you should have checked the potassium. Do it now.",
        "As I already said, page me only for real problems.",
        "Hang the fluids. Now.",
    ],
    ("ana", "cara"): ["Thanks so much for the update on bed 4, could you recheck the lactate at 14:00?"],
    ("ben", "cara"): ["Could you please cover bed 6 while I am at lunch? Thank you!"],
    ("cara", "ben"): ["Sure, happy to help. Thanks for the handover."],
    ("ben", "ana"): ["Hi Dr Lead, bed 4 BP 85/50 after the second bolus; could you review please?"],
    ("cara", "ana"): ["Good morning, the family in bed 2 would like a word when you have a moment. Thanks."],
}


def add_rapport_messages(database: Database, org: Org, *, per_pair: int = 9) -> None:
    """Add enough ICU messages between Ana, Ben and Cara for the Rapport pages, and analyse them."""
    from bedside.store.analyses import analyze_stored_messages

    ids = {"ana": org.ana, "ben": org.ben, "cara": org.cara}
    with database.session() as s:
        n = 0
        for (sender, recipient), texts in RAPPORT_LINES.items():
            for i in range(per_pair):
                at = dt.datetime(2026, 3 + i % 3, 1 + i, 8 + i % 8, 15, tzinfo=dt.UTC)
                m = Message(
                    organisation_id=org.org_id,
                    sender_id=ids[sender],
                    sent_at=at,
                    text=texts[i % len(texts)],
                    source="test-rapport",
                    source_id=f"r{n}",
                )
                m.recipients.append(MessageRecipient(person_id=ids[recipient]))
                s.add(m)
                n += 1
        s.flush()
        analyze_stored_messages(s, organisation_id=org.org_id)
