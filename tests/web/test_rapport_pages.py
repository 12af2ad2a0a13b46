"""Rapport pages and API in-process: the unit dashboard, coaching pages, the message view, the draft
checker and ``POST /api/v1/tone`` (validation, redaction, nothing stored), with coaching mode."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import func, select, update

from bedside.store.database import Database
from bedside.store.models import AuditEvent, Message, Organisation

from .conftest import Clients, Org, add_rapport_messages, csrf_from
from .test_auth_and_hardening import INLINE_HANDLER, INLINE_SCRIPT

pytestmark = pytest.mark.anyio

PHI_DRAFT = "Pt John Smith MRN 4471123 in bed 4 needs his potassium NOW. Obviously nobody checked it!!!"


@pytest.fixture
def rich(web_database: Database, org: Org) -> Org:
    add_rapport_messages(web_database, org)
    return org


def _coaching(database: Database, org: Org) -> None:
    with database.session() as session:
        session.execute(update(Organisation).where(Organisation.id == org.org_id).values(coaching_mode=True))


def _json_block(html: str, block_id: str) -> object:
    match = re.search(rf'<script type="application/json" id="{block_id}">(.*?)</script>', html, re.S)
    assert match, f"no {block_id} block"
    return json.loads(match.group(1))


async def test_unit_dashboard_shows_trend_heat_map_network_and_people(clients: Clients, rich: Org) -> None:
    ana = await clients.signed_in("ana")
    html = (await ana.get(f"/rapport/units/{rich.icu_id}")).text
    trend = _json_block(html, "tone-trend-data")
    assert isinstance(trend, dict) and trend["months"] == ["2026-03", "2026-04", "2026-05"]
    assert 'data-testid="heatmap"' in html and "physician" in html and "nurse" in html
    assert 'data-testid="heatmap-groups"' in html and "prescribers" in html
    network = _json_block(html, "network-data")
    assert isinstance(network, dict)
    assert {n["name"] for n in network["nodes"]} >= {"Ana Lead", "Ben Nurse", "Cara Nurse"}
    ana_to_ben = next(e for e in network["edges"] if (e["source"], e["target"]) == (rich.ana, rich.ben))
    assert ana_to_ben["not_respectful"] > 0.5
    assert "People to support" in html
    api = (await ana.get(f"/api/v1/rapport/units/{rich.icu_id}")).json()
    assert api["unit"]["name"] == "Intensive care" and api["people_to_support"] is not None


async def test_coaching_mode_hides_network_and_people_but_keeps_team_figures(
    clients: Clients, rich: Org, web_database: Database
) -> None:
    _coaching(web_database, rich)
    for username in ("ana", "ada"):
        client = await clients.signed_in(username)
        html = (await client.get(f"/rapport/units/{rich.icu_id}")).text
        assert "tone-trend-data" in html and 'data-testid="heatmap"' in html
        assert "network-data" not in html and "People to support" not in html
        assert "Ben Nurse" not in html and "Cara Nurse" not in html
        api = (await client.get(f"/api/v1/rapport/units/{rich.icu_id}")).json()
        assert "network" not in api and api["people_to_support"] is None
        assert (await client.get(f"/rapport/people/{rich.cara}")).status_code == 403
    cara = await clients.signed_in("cara")
    own = await cara.get("/rapport/me", follow_redirects=True)
    assert own.status_code == 200 and "My communication" in own.text


async def test_coaching_page_is_audited_and_links_to_messages(
    clients: Clients, rich: Org, web_database: Database
) -> None:
    ana = await clients.signed_in("ana")
    page = await ana.get(f"/rapport/people/{rich.ben}")
    assert page.status_code == 200 and "Ben Nurse's communication" in page.text
    assert "Areas for improvement" in page.text and "Responsiveness" in page.text
    assert _json_block(page.text, "person-trend-data")
    with web_database.session() as session:
        views = session.scalar(
            select(func.count()).where(AuditEvent.subject_person_id == rich.ben, AuditEvent.action == "view_analytics")
        )
    assert views == 1
    message_id = re.search(r'href="/rapport/messages/(\d+)"', page.text)
    assert message_id, "no link to a message"
    assert (await ana.get(f"/rapport/messages/{message_id.group(1)}")).status_code == 200
    data = (await ana.get(f"/api/v1/rapport/people/{rich.ben}")).json()
    assert data["person"]["name"] == "Ben Nurse" and "trend" in data and "areas" in data


async def test_own_coaching_page_is_first_in_the_nav(clients: Clients, rich: Org) -> None:
    ben = await clients.signed_in("ben")
    home = (await ben.get("/")).text
    assert 'href="/rapport/me">My communication</a>' in home
    response = await ben.get("/rapport/me")
    assert response.status_code == 303 and response.headers["location"] == f"/rapport/people/{rich.ben}"
    page = await ben.get(response.headers["location"])
    assert "<h1>My communication</h1>" in page.text and 'aria-current="page">My communication' in page.text


async def test_message_view_highlights_evidence_with_reasons(
    clients: Clients, rich: Org, web_database: Database
) -> None:
    with web_database.session() as session:
        message_id = session.scalar(select(Message.id).where(Message.text.like("Obviously you should%")).limit(1))
    ana = await clients.signed_in("ana")
    html = (await ana.get(f"/rapport/messages/{message_id}")).text
    mark = re.search(r'<mark class="sev-(\w+)" tabindex="0" data-tip="([^"]+)" aria-describedby="([^"]+)">', html)
    assert mark, "no highlighted span"
    assert "condescension" in html and 'id="finding-1"' in html
    assert re.search(r"\w+ \d+\.\d+", mark.group(2)), "the hover text names the detector and version"
    assert "Suggested rewrite" in html and "Tone: <strong>curt</strong>" in html


async def test_draft_checker_redacts_and_answers_with_htmx(clients: Clients, rich: Org, web_database: Database) -> None:
    ben = await clients.signed_in("ben")
    page = await ben.get("/rapport/check")
    token = csrf_from(page.text)
    with web_database.session() as session:
        before = session.scalar(select(func.count()).select_from(Message))
    partial = await ben.post(
        "/rapport/check",
        data={"text": PHI_DRAFT, "recipient_role": "nurse", "csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert partial.status_code == 200 and "<html" not in partial.text
    assert "John Smith" not in partial.text and "4471123" not in partial.text and "[PATIENT]" in partial.text
    assert "<mark" in partial.text and "Suggested rewrite" in partial.text
    full = await ben.post("/rapport/check", data={"text": "Thanks a lot, please call me.", "csrf_token": token})
    assert full.status_code == 200 and "<h1>Check a draft</h1>" in full.text and "How your draft reads" in full.text
    forged = await ben.post("/rapport/check", data={"text": "hi", "csrf_token": "forged"})
    assert forged.status_code == 403
    with web_database.session() as session:
        assert session.scalar(select(func.count()).select_from(Message)) == before


async def test_tone_api_redacts_and_validates(clients: Clients, rich: Org) -> None:
    ben = await clients.signed_in("ben")
    csrf = {"X-CSRF-Token": await clients.csrf(ben)}
    body = {"text": PHI_DRAFT, "context": {"sender_role": "physician", "recipient_roles": ["nurse"]}}
    ok = await ben.post("/api/v1/tone", json=body, headers=csrf)
    assert ok.status_code == 200, ok.text
    data = ok.json()
    assert "John Smith" not in ok.text and "4471123" not in ok.text and data["redacted"] is True
    assert data["tone"] in {"curt", "hostile"} and data["findings"] and data["rewrite"]
    assert set(data) >= {"tone", "politeness", "findings", "rewrite", "why", "analyzer", "analyzer_version"}
    first = data["findings"][0]
    assert data["text"][first["start"] : first["end"]] == first["text"]

    assert (await ben.post("/api/v1/tone", json=body)).status_code == 403  # a browser session needs the CSRF header
    for bad in (
        {"text": ""},
        {"text": "   "},
        {"text": 12},
        {},
        {"text": "ok", "extra": 1},
        {"text": "ok", "context": {"recipient_roles": ["wizard"]}},
        {"text": "x" * 20_001},
        {"text": "ok", "context": {"previous_text": "y" * 20_001}},
    ):
        response = await ben.post("/api/v1/tone", json=bad, headers=csrf)
        assert response.status_code == 422, bad
        assert isinstance(response.json()["detail"], list)
    created = await ben.post("/api/v1/tokens", json={"name": "tone"}, headers=csrf)
    bearer = {"Authorization": f"Bearer {created.json()['token']}"}
    by_token = await clients.anonymous().post("/api/v1/tone", json={"text": "Please call me, thanks!"}, headers=bearer)
    assert by_token.status_code == 200 and by_token.json()["rewrite"] is None


async def test_rapport_pages_have_no_inline_scripts_and_label_fields(clients: Clients, rich: Org) -> None:
    ana = await clients.signed_in("ana")
    paths = [
        "/rapport",
        f"/rapport/units/{rich.icu_id}",
        f"/rapport/people/{rich.ben}",
        f"/rapport/messages/{rich.cara_message}",
        "/rapport/check",
    ]
    for path in paths:
        html = (await ana.get(path)).text
        assert not INLINE_SCRIPT.search(html), path
        assert not INLINE_HANDLER.search(html), path
        assert "style=" not in html, path
        for field_id in re.findall(r'<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*\bid="([^"]+)"', html):
            assert f'for="{field_id}"' in html, f"{path}: #{field_id} has no label"


async def test_members_see_no_unit_dashboards(clients: Clients, rich: Org) -> None:
    ben = await clients.signed_in("ben")
    html = (await ben.get("/rapport")).text
    assert "Unit dashboards" not in html and "/rapport/check" in html
    ada = await clients.signed_in("ada")
    assert f'href="/rapport/units/{rich.icu_id}"' in (await ada.get("/rapport")).text


def test_people_named_as_to_support_are_audited(web_database: Database, org: Org) -> None:
    from bedside.store.access import viewer_for
    from bedside.store.models import UserAccount
    from bedside.store.rapport import audit_people_to_support

    with web_database.session() as session:
        account = session.scalar(select(UserAccount).where(UserAccount.username == "ana"))
        assert account is not None
        viewer = viewer_for(session, account, auth_method="session")
        data = {"people_to_support": [{"id": org.ben}, {"id": org.cara}]}
        audit_people_to_support(session, viewer=viewer, data=data, request_line=f"GET /rapport/units/{org.icu_id}")
        rows = session.scalars(select(AuditEvent).where(AuditEvent.detail.like("%people to support%"))).all()
    assert sorted(r.subject_person_id for r in rows) == sorted([org.ben, org.cara])
    assert {r.action for r in rows} == {"view_analytics"}


async def test_tone_api_refuses_a_body_that_is_not_utf8_with_a_documented_400(clients: Clients, rich: Org) -> None:
    ana = await clients.signed_in("ana")
    token = await clients.csrf(ana)
    response = await ana.post(
        "/api/v1/tone",
        content=b"\xff\x03",
        headers={"Content-Type": "application/json", "X-CSRF-Token": token},
    )
    assert response.status_code == 400 and "detail" in response.json()
    documented = (await ana.get("/openapi.json")).json()["paths"]["/api/v1/tone"]["post"]["responses"]
    assert "400" in documented


async def test_admins_see_the_whole_organisation_dashboard(clients: Clients, rich: Org, web_database: Database) -> None:
    ada = await clients.signed_in("ada")
    assert 'href="/rapport/organisation"' in (await ada.get("/rapport")).text
    html = (await ada.get("/rapport/organisation")).text
    assert "organisation (all units)" in html and 'data-testid="heatmap-groups"' in html
    network = _json_block(html, "network-data")
    assert isinstance(network, dict) and {n["name"] for n in network["nodes"]} >= {"Ana Lead", "Ben Nurse"}
    ana = await clients.signed_in("ana")
    assert 'href="/rapport/organisation"' not in (await ana.get("/rapport")).text
    assert (await ana.get("/rapport/organisation")).status_code == 403
    _coaching(web_database, rich)
    coached = (await ada.get("/rapport/organisation")).text
    assert "network-data" not in coached and "People to support" not in coached and "Ben Nurse" not in coached
