"""End to end: ``build_demo`` into a temporary SQLite file, through ingest and redaction at the door."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bedside.config import Settings
from bedside.demo import DemoInfo, build_demo, load_manifest
from bedside.store.accounts import verify_password
from bedside.store.database import open_database
from bedside.store.models import (
    AccountRole,
    FeedbackNote,
    Message,
    Organisation,
    Person,
    PersonDemographics,
    ReviewRating,
    Unit,
    UnitLeader,
    UserAccount,
)

# One worker builds and reads the session-wide demo (pytest -n 2 --dist loadgroup).
pytestmark = pytest.mark.xdist_group("demo")

TITLES = {"Mr", "Mrs"}


def stored_texts(settings: Settings) -> tuple[dict[str, str], dict[str, str]]:
    database = open_database(settings)
    try:
        with database.session() as session:
            messages = dict(session.execute(select(Message.source_id, Message.text)).all())
            notes = dict(session.execute(select(FeedbackNote.source_id, FeedbackNote.text)).all())
    finally:
        database.dispose()
    return messages, notes


def leaks(value: str, kind: str, text: str) -> list[str]:
    """The parts of a planted identifier still present in a stored text (names: each name word, as typed)."""
    if kind != "patient_name":
        return [value] if value in text else []
    words = [w for w in re.findall(r"[A-Za-z']{2,}", value) if w not in TITLES]
    return [w for w in words if re.search(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])", text)]


def test_database_holds_the_demo(built_demo: tuple[Settings, DemoInfo]) -> None:
    settings, info = built_demo
    manifest = load_manifest(info.data_dir)
    counts = manifest["counts"]
    database = open_database(settings)
    try:
        with database.session() as session:
            org = session.scalar(select(Organisation).where(Organisation.slug == "riverside"))
            assert org is not None and org.name == "Riverside General"
            assert session.scalar(select(func.count()).select_from(Unit)) == 3
            assert session.scalar(select(func.count()).select_from(Person)) == counts["staff"]
            assert session.scalar(select(func.count()).select_from(PersonDemographics)) == counts["staff"]
            assert session.scalar(select(func.count()).select_from(UnitLeader)) == 6
            assert session.scalar(select(func.count()).select_from(Message)) == counts["messages"]
            assert session.scalar(select(func.count()).select_from(FeedbackNote)) == counts["notes"]
            assert session.scalar(select(func.count()).select_from(ReviewRating)) == counts["ratings"]
            accounts = {a.username: a for a in session.scalars(select(UserAccount))}
            assert set(accounts) == {login.username for login in info.logins}
            for login in info.logins:
                account = accounts[login.username]
                assert account.role == AccountRole(login.role)
                assert verify_password(account, login.password)
                person = account.person
                assert (person.external_id if person else None) == login.person_id
            director = accounts["director"].person
            assert director is not None and director.external_id == manifest["units"][0]["medical_director"]
            led = session.scalars(select(UnitLeader.unit_id).where(UnitLeader.person_id == director.id)).all()
            assert led == [director.unit_id]
            assert accounts["nurse"].person is not None and accounts["nurse"].person.role == "nurse"
            curt = {p["person_id"] for p in manifest["personas"] if p["style"] == "curt_to_nurses"}
            assert accounts["doctor"].person is not None and accounts["doctor"].person.external_id in curt
    finally:
        database.dispose()
    assert info.seed == manifest["seed"] and info.organisation_slug == "riverside"
    assert not any(Path(info.data_dir).glob("*.rejects.jsonl"))


@pytest.mark.parametrize("kind", ["patient_name", "mrn", "dob", "phone", "address", "age_over_89"])
def test_planted_patient_identifiers_are_not_stored(built_demo: tuple[Settings, DemoInfo], kind: str) -> None:
    settings, info = built_demo
    manifest = load_manifest(info.data_dir)
    messages, notes = stored_texts(settings)
    planted = leaked = 0
    examples: list[str] = []
    for store, items in ((messages, manifest["phi"]["messages"]), (notes, manifest["phi"]["notes"])):
        for item_id, found in items.items():
            for identifier in found:
                if identifier["type"] != kind:
                    continue
                planted += 1
                parts = leaks(identifier["value"], kind, store[item_id])
                if parts:
                    leaked += 1
                    if len(examples) < 10:
                        examples.append(f"{item_id} {parts}: {store[item_id]!r}")
    assert planted >= 20
    # Numbers, dates and addresses follow validated patterns: none may leak. Names are statistical;
    # the redaction target (issue 2, docs/model-cards/redaction.md) is recall >= 0.99.
    allowed = int(planted * 0.01) if kind == "patient_name" else 0
    assert leaked <= allowed, f"{leaked}/{planted} planted {kind} identifiers stored unredacted, e.g.\n" + "\n".join(
        examples
    )


def test_building_again_adds_nothing_and_keeps_the_accounts(tmp_path: Path) -> None:
    settings = Settings(environment="test", database_url=f"sqlite:///{tmp_path / 'small.db'}", data_dir=tmp_path)
    stages: list[str] = []
    first = build_demo(settings, tmp_path, seed=5, scale=0.02, progress=lambda what, _done, _total: stages.append(what))
    assert "Generating the demo data" in stages and any(s.startswith("Importing messages") for s in stages)
    second = build_demo(settings, tmp_path, seed=5, scale=0.02)
    assert first.counts == second.counts
    added = [sum(c.added for c in report.counts.values()) for report in second.imports]
    assert added == [0, 0, 0, 0]
    database = open_database(settings)
    try:
        with database.session() as session:
            assert session.scalar(select(func.count()).select_from(UserAccount)) == 4
            assert session.scalar(select(func.count()).select_from(Message)) == first.counts["messages"]
    finally:
        database.dispose()


def test_ground_truth_stays_out_of_the_database(built_demo: tuple[Settings, DemoInfo]) -> None:
    settings, info = built_demo
    database_file = Path(settings.database_url.removeprefix("sqlite:///"))
    wal = database_file.with_name(database_file.name + "-wal")
    raw = database_file.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert b"Riverside General" in raw
    for marker in (b"curt_to_nurses", b"condescending_to_nurses", b"gender_coded", b"brushed_off", b"true_standing"):
        assert marker not in raw
    assert info.manifest_path.is_file() and info.manifest_path.parent == info.data_dir
