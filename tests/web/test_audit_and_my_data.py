"""The audit trail (written on every view/export, listed for admins, shown to the person), My data,
contesting findings, the home chart and the CLI commands that belong to the web shell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from bedside.cli import app as cli_app
from bedside.config import Settings
from bedside.store.database import Database
from bedside.store.models import AccountRole, AuditEvent, FindingComment, UserAccount

from .conftest import Clients, Org

pytestmark = pytest.mark.anyio


def audit_rows(database: Database) -> list[tuple[str, str, int | None]]:
    with database.session() as session:
        return [(e.actor, e.action, e.subject_person_id) for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


async def test_every_view_and_export_is_audited(clients: Clients, org: Org, web_database: Database) -> None:
    ana = await clients.signed_in("ana")
    await ana.get(f"/people/{org.cara}")
    await ana.get(f"/api/v1/people/{org.cara}")
    await ana.get(f"/api/v1/people/{org.cara}/analyses")
    ada = await clients.signed_in("ada")
    await ada.get(f"/people/{org.cara}/export")
    ben = await clients.signed_in("ben")
    assert (await ben.get(f"/people/{org.cara}")).status_code == 403  # refused views are not "views"
    assert audit_rows(web_database) == [
        ("ana", "view", org.cara),
        ("ana", "view", org.cara),
        ("ana", "view_analytics", org.cara),
        ("ada", "export", org.cara),
    ]


async def test_person_sees_who_viewed_their_data(clients: Clients, org: Org) -> None:
    ana = await clients.signed_in("ana")
    await ana.get(f"/people/{org.cara}")
    cara = await clients.signed_in("cara")
    page = (await cara.get("/me")).text
    section = page.split("Who viewed my data", 1)[1]
    assert "<td>ana</td><td>view</td>" in section
    assert "<td>you</td><td>view</td>" in section  # opening My data is itself recorded


async def test_admin_audit_page_filters(clients: Clients, org: Org) -> None:
    ana = await clients.signed_in("ana")
    await ana.get(f"/people/{org.cara}")
    await ana.get(f"/people/{org.ben}")
    dan = await clients.signed_in("dan")
    await dan.get(f"/people/{org.eve}")
    ada = await clients.signed_in("ada")
    everything = (await ada.get("/admin/audit")).text
    assert "3 events." in everything
    by_actor = (await ada.get("/admin/audit", params={"actor": "ana"})).text
    assert "2 events." in by_actor and "Eve Nurse</td>" not in by_actor
    by_person = (await ada.get("/admin/audit", params={"person": str(org.eve), "action": "view"})).text
    assert "1 event." in by_person and "<td>dan</td>" in by_person
    empty_fields = await ada.get("/admin/audit", params={"actor": "", "person": "", "since": "", "until": ""})
    assert empty_fields.status_code == 200
    future = (await ada.get("/admin/audit", params={"since": "2999-01-01"})).text
    assert "0 events." in future


async def test_my_data_lists_everything_held(clients: Clients, org: Org) -> None:
    cara = await clients.signed_in("cara")
    page = (await cara.get("/me")).text
    for expected in (
        "Why was this not done yet?",  # a message she sent
        "Cara stays calm with families.",  # a note about her
        "compassion",  # a rating
        "blaming",  # an analysis
        "A &#39;why&#39; question about a delay reads as blame.",  # the finding's reason
    ):
        assert expected in page
    export = await cara.get("/me/export")
    assert export.headers["content-disposition"] == 'attachment; filename="bedside-P-CARA.json"'
    data = export.json()
    assert data["format"] == "bedside.person-export/1"
    assert data["person"]["external_id"] == "P-CARA"
    assert len(data["messages_sent"]) == 3
    assert data["notes_about"][0]["text"] == "Cara stays calm with families."
    assert data["ratings"][0]["criterion"] == "compassion"
    assert data["analyses"][0]["label"] == "blaming"
    assert data["account"]["username"] == "cara"
    assert [v["action"] for v in data["views_of_my_data"]] == ["export", "view"]  # this export, her /me visit


async def test_account_without_staff_record_has_an_empty_my_data(clients: Clients, web_database: Database) -> None:
    with web_database.session() as session:
        ada = session.scalar(select(UserAccount).where(UserAccount.username == "ada"))
        assert ada is not None
        ada.person_id = None
    client = await clients.signed_in("ada")
    page = await client.get("/me")
    assert page.status_code == 200 and "not linked to a staff record" in page.text
    assert (await client.get("/me/export")).json()["person"] is None


async def test_contesting_a_finding(clients: Clients, org: Org, web_database: Database) -> None:
    cara = await clients.signed_in("cara")
    csrf = await clients.csrf(cara)
    plain = await cara.post(
        f"/me/findings/{org.cara_result}/comments", data={"text": "I was asking, not blaming.", "csrf_token": csrf}
    )
    assert plain.status_code == 303 and plain.headers["location"] == f"/me#finding-{org.cara_result}"
    fragment = await cara.post(
        f"/me/findings/{org.cara_result}/comments",
        data={"text": "Context: the drip alarm had rung twice."},
        headers={"HX-Request": "true", "X-CSRF-Token": csrf},
    )
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert "I was asking, not blaming." in fragment.text and "drip alarm" in fragment.text
    page = (await cara.get("/me")).text
    finding = page.split(f'id="finding-{org.cara_result}"', 1)[1].split("</li>\n  \n", 1)[0]
    assert "I was asking, not blaming." in finding
    # Her leader sees the comment next to the finding too.
    ana = await clients.signed_in("ana")
    assert "I was asking, not blaming." in (await ana.get(f"/people/{org.cara}")).text
    # Empty and cross-person comments are refused.
    empty = await cara.post(f"/me/findings/{org.cara_result}/comments", data={"text": "", "csrf_token": csrf})
    assert empty.status_code == 422
    others = await cara.post(f"/me/findings/{org.ben_result}/comments", data={"text": "x", "csrf_token": csrf})
    assert others.status_code == 403
    with web_database.session() as session:
        assert len(list(session.scalars(select(FindingComment)))) == 2


async def test_home_chart_shows_monthly_messages_of_visible_people(clients: Clients) -> None:
    ana = await clients.signed_in("ana")
    html = (await ana.get("/")).text
    payload = html.split('<script type="application/json" id="home-chart-data">', 1)[1].split("</script>", 1)[0]
    data = json.loads(payload)
    # ICU: Ana, Ben, Cara sent 3 in March... see conftest: 2 in March, 2 in April, 2 in May.
    assert data["labels"] == ["2026-03", "2026-04", "2026-05"]
    assert data["values"] == [2, 2, 2]
    assert 'data-chart-source="home-chart-data"' in html
    ben = await clients.signed_in("ben")
    own = json.loads(
        (await ben.get("/")).text.split('id="home-chart-data">', 1)[1].split("</script>", 1)[0]
    )
    assert own["values"] == [1, 1] and own["title"] == "Messages you sent per month"


async def test_home_chart_is_suppressed_below_the_minimum_group_size(
    web_settings: Settings, web_database: Database
) -> None:
    from bedside.web import create_app

    app = create_app(web_settings.model_copy(update={"min_group_size": 5}), database=web_database)
    clients = Clients(app)
    dan = await clients.signed_in("dan")
    html = (await dan.get("/")).text
    assert "suppressed to protect individuals" in html and "home-chart-data" not in html


def _cli(settings: Settings, *args: str, stdin: str | None = None) -> object:
    return CliRunner().invoke(cli_app, list(args), input=stdin, env={"BEDSIDE_DATABASE_URL": settings.database_url})


def test_cli_users_add(web_settings: Settings, web_database: Database) -> None:
    result = _cli(web_settings, "users", "add", "--role", "leader", "--person", "P-EVE", "--org", "test-hospital",
                  "eve", "--password-stdin", stdin="a-long-password\n")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    with web_database.session() as session:
        eve = session.scalar(select(UserAccount).where(UserAccount.username == "eve"))
        assert eve is not None and eve.role == AccountRole.leader and eve.person_id is not None
        assert eve.password_hash and eve.password_hash.startswith("$argon2")
    again = _cli(web_settings, "users", "add", "--role", "member", "--org", "test-hospital", "eve",
                 "--password-stdin", stdin="a-long-password\n")
    assert again.exit_code == 1 and "already exists" in again.output  # type: ignore[attr-defined]
    ambiguous = _cli(web_settings, "users", "add", "--role", "admin", "x", "--password-stdin", stdin="a-long-password\n")
    assert ambiguous.exit_code == 1 and "--org" in ambiguous.output  # type: ignore[attr-defined]


def test_cli_users_add_prompts_for_the_password_twice(web_settings: Settings) -> None:
    result = _cli(web_settings, "users", "add", "--role", "admin", "--org", "elsewhere", "root",
                  stdin="a-long-password\na-long-password\n")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert "a-long-password" not in result.output  # type: ignore[attr-defined]


def test_cli_export_writes_json_and_audits_as_cli(web_settings: Settings, web_database: Database, tmp_path: Path) -> None:
    target = tmp_path / "cara.json"
    result = _cli(web_settings, "export", "P-CARA", "--org", "test-hospital", "--output", str(target))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    data = json.loads(target.read_text())
    assert data["person"]["name"] == "Cara Nurse" and len(data["messages_sent"]) == 3
    assert audit_rows(web_database)[-1][:2] == ("cli", "export")
    missing = _cli(web_settings, "export", "P-NOBODY", "--org", "test-hospital")
    assert missing.exit_code == 1 and "No person" in missing.output  # type: ignore[attr-defined]
