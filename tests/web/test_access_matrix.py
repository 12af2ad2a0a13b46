"""The access matrix: every route of the app × every role gets exactly the expected status.

The test walks the app's route table, so a route added without an access rule, or without a row in
``EXPECTED`` below, fails here. Paths use the ICU member Cara as the subject: the member (Ben, also
ICU) and the ED leader may not see her, the ICU leader and the admin may.
"""

from __future__ import annotations

import pytest
from fastapi import APIRouter, FastAPI
from sqlalchemy import update

from bedside.config import Settings
from bedside.store.database import Database
from bedside.store.models import Organisation
from bedside.web import create_app
from bedside.web.access import MissingAccessRuleError, check_route_rules, iter_routes, route_rule

from .conftest import ROLE_USERS, Clients, Org

pytestmark = pytest.mark.anyio

ROLES = ("anonymous", "member", "leader_other_unit", "leader_of_unit", "admin")


def row(anonymous: int, member: int, leader_other_unit: int, leader_of_unit: int, admin: int) -> dict[str, int]:
    return dict(zip(ROLES, (anonymous, member, leader_other_unit, leader_of_unit, admin), strict=True))


PAGE_SIGNED_IN = row(303, 200, 200, 200, 200)
API_SIGNED_IN = row(401, 200, 200, 200, 200)
PAGE_ADMIN = row(303, 403, 403, 403, 200)

# (method, path template) -> status per role.
EXPECTED: dict[tuple[str, str], dict[str, int]] = {
    ("GET", "/openapi.json"): row(200, 200, 200, 200, 200),
    ("GET", "/static"): row(200, 200, 200, 200, 200),
    ("GET", "/healthz"): row(200, 200, 200, 200, 200),
    ("GET", "/login"): row(200, 303, 303, 303, 303),
    ("POST", "/login"): row(401, 401, 401, 401, 401),  # wrong password for everyone
    ("GET", "/"): PAGE_SIGNED_IN,
    ("GET", "/people"): PAGE_SIGNED_IN,
    ("GET", "/people/{person_id}"): row(303, 403, 403, 200, 200),
    ("GET", "/people/{person_id}/export"): row(303, 403, 403, 403, 200),
    ("GET", "/me"): PAGE_SIGNED_IN,
    ("GET", "/me/export"): PAGE_SIGNED_IN,
    ("POST", "/me/findings/{result_id}/comments"): row(303, 403, 403, 403, 403),  # only Cara herself
    ("GET", "/tokens"): PAGE_SIGNED_IN,
    ("POST", "/tokens"): PAGE_SIGNED_IN,
    ("POST", "/tokens/{token_id}/revoke"): row(303, 404, 404, 404, 404),  # Cara's token: nobody else's
    ("GET", "/admin"): PAGE_ADMIN,
    ("GET", "/admin/audit"): PAGE_ADMIN,
    ("GET", "/rapport"): PAGE_SIGNED_IN,
    ("GET", "/rapport/me"): row(303, 303, 303, 303, 303),  # to one's own coaching page
    ("GET", "/rapport/units/{unit_id}"): row(303, 403, 403, 200, 200),  # ICU
    ("GET", "/rapport/organisation"): PAGE_ADMIN,
    ("GET", "/rapport/people/{person_id}"): row(303, 403, 403, 200, 200),
    ("GET", "/rapport/messages/{message_id}"): row(303, 403, 403, 200, 200),  # Cara's message
    ("GET", "/rapport/check"): PAGE_SIGNED_IN,
    ("POST", "/rapport/check"): PAGE_SIGNED_IN,
    ("POST", "/api/v1/tone"): API_SIGNED_IN,
    ("GET", "/api/v1/rapport/units/{unit_id}"): row(401, 403, 403, 200, 200),
    ("GET", "/api/v1/rapport/people/{person_id}"): row(401, 403, 403, 200, 200),
    ("GET", "/reviews"): PAGE_SIGNED_IN,
    ("GET", "/growth"): PAGE_SIGNED_IN,
    ("GET", "/simulator"): PAGE_SIGNED_IN,
    ("GET", "/api/v1/me"): API_SIGNED_IN,
    ("GET", "/api/v1/people"): API_SIGNED_IN,
    ("GET", "/api/v1/people/{person_id}"): row(401, 403, 403, 200, 200),
    ("GET", "/api/v1/people/{person_id}/analyses"): row(401, 403, 403, 200, 200),
    ("GET", "/api/v1/tokens"): API_SIGNED_IN,
    ("POST", "/api/v1/tokens"): row(401, 201, 201, 201, 201),
    ("DELETE", "/api/v1/tokens/{token_id}"): row(401, 404, 404, 404, 404),
    ("POST", "/logout"): row(303, 303, 303, 303, 303),  # last: it ends the session
}

# With coaching mode on, analytics are Cara's alone.
# Unit dashboards stay open to their leaders and admins (team aggregates only; see test_rapport_pages).
COACHING_OVERRIDES: dict[tuple[str, str], dict[str, int]] = {
    ("GET", "/api/v1/people/{person_id}/analyses"): row(401, 403, 403, 403, 403),
    ("GET", "/rapport/people/{person_id}"): row(303, 403, 403, 403, 403),
    ("GET", "/rapport/messages/{message_id}"): row(303, 403, 403, 403, 403),
    ("GET", "/api/v1/rapport/people/{person_id}"): row(401, 403, 403, 403, 403),
}


def app_routes(app: FastAPI) -> list[tuple[str, str]]:
    keys = []
    for entry in iter_routes(app.routes):
        methods = sorted(entry.methods - {"HEAD"}) or ["GET"]
        keys.extend((method, entry.path) for method in methods)
    return keys


def test_every_route_has_an_access_rule_and_a_matrix_row(app: FastAPI) -> None:
    entries = list(iter_routes(app.routes))
    without_rule = [e.path for e in entries if route_rule(e) is None]
    assert without_rule == []
    routes = app_routes(app)
    missing = sorted(set(routes) - set(EXPECTED))
    stale = sorted(set(EXPECTED) - set(routes))
    assert missing == [], f"routes without an access-matrix row: {missing}"
    assert stale == [], f"matrix rows for routes that no longer exist: {stale}"


def test_a_route_without_a_rule_stops_the_app_from_building(app: FastAPI) -> None:
    router = APIRouter()

    @router.get("/unguarded")
    def unguarded() -> dict[str, str]:
        return {"secret": "yes"}

    app.include_router(router)
    with pytest.raises(MissingAccessRuleError, match="/unguarded"):
        check_route_rules(app.routes)


async def _cara_token(clients: Clients) -> int:
    cara = await clients.signed_in("cara")
    response = await cara.post(
        "/api/v1/tokens", json={"name": "cara's"}, headers={"X-CSRF-Token": await clients.csrf(cara)}
    )
    assert response.status_code == 201
    return int(response.json()["id"])


async def _run_matrix(
    clients: Clients, org: Org, app: FastAPI, expected: dict[tuple[str, str], dict[str, int]]
) -> list[str]:
    token_id = await _cara_token(clients)
    params = {
        "person_id": org.cara,
        "result_id": org.cara_result,
        "token_id": token_id,
        "unit_id": org.icu_id,
        "message_id": org.cara_message,
    }
    failures: list[str] = []
    for role in ROLES:
        client = clients.anonymous() if role == "anonymous" else await clients.signed_in(ROLE_USERS[role])
        csrf_page = await client.get("/login") if role == "anonymous" else await client.get("/tokens")
        token = csrf_page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        for method, template in expected:
            path = template.format(**params)
            if template == "/static":
                path = "/static/app.css"
            kwargs: dict[str, object] = {"headers": {"X-CSRF-Token": token}}
            if template == "/login" and method == "POST":
                kwargs["data"] = {"username": "ada", "password": "wrong-password-here"}
            elif template in {"/tokens"} and method == "POST":
                kwargs["data"] = {"name": "matrix"}
            elif template == "/me/findings/{result_id}/comments":
                kwargs["data"] = {"text": "I disagree."}
            elif template == "/api/v1/tokens" and method == "POST":
                kwargs["json"] = {"name": "matrix"}
            elif template == "/rapport/check" and method == "POST":
                kwargs["data"] = {"text": "Call me about bed 4."}
            elif template == "/api/v1/tone":
                kwargs["json"] = {"text": "Call me about bed 4."}
            response = await client.request(method, path, **kwargs)  # type: ignore[arg-type]
            want = expected[(method, template)][role]
            if response.status_code != want:
                failures.append(f"{role:18} {method:6} {path}: got {response.status_code}, expected {want}")
    return failures


async def test_access_matrix(clients: Clients, org: Org, app: FastAPI) -> None:
    failures = await _run_matrix(clients, org, app, EXPECTED)
    assert failures == [], "\n" + "\n".join(failures)


async def test_access_matrix_in_coaching_mode(
    clients: Clients, org: Org, app: FastAPI, web_database: Database
) -> None:
    with web_database.session() as session:
        session.execute(update(Organisation).where(Organisation.id == org.org_id).values(coaching_mode=True))
    failures = await _run_matrix(clients, org, app, EXPECTED | COACHING_OVERRIDES)
    assert failures == [], "\n" + "\n".join(failures)


async def test_coaching_mode_hides_analytics_from_leaders_and_admins_but_not_the_person(
    clients: Clients, org: Org, web_database: Database
) -> None:
    with web_database.session() as session:
        session.execute(update(Organisation).where(Organisation.id == org.org_id).values(coaching_mode=True))
    for username in ("ana", "ada"):
        client = await clients.signed_in(username)
        record = (await client.get(f"/api/v1/people/{org.cara}")).json()
        assert record["analyses"] is None
        assert "Coaching mode" in record["analytics_hidden_reason"]
        page = await client.get(f"/people/{org.cara}")
        assert "blaming" not in page.text and "Coaching mode" in page.text
        if username == "ada":
            export = (await client.get(f"/people/{org.cara}/export")).json()
            assert export["analyses"] is None
    cara = await clients.signed_in("cara")
    assert (await cara.get(f"/api/v1/people/{org.cara}/analyses")).status_code == 200
    assert "blaming" in (await cara.get("/me")).text
    assert (await cara.get("/me/export")).json()["analyses"][0]["label"] == "blaming"


async def test_people_lists_follow_the_role(clients: Clients, org: Org) -> None:
    expected = {
        "ben": {org.ben},
        "dan": {org.dan, org.eve},
        "ana": {org.ana, org.ben, org.cara},
        "ada": {org.ada, org.ana, org.ben, org.cara, org.dan, org.eve},
        "zed": {org.zed},
    }
    for username, ids in expected.items():
        client = await clients.signed_in(username)
        people = (await client.get("/api/v1/people")).json()
        assert {p["id"] for p in people} == ids, username


async def test_people_of_another_organisation_do_not_exist(clients: Clients, org: Org) -> None:
    zed_admin = await clients.signed_in("zed")
    assert (await zed_admin.get(f"/api/v1/people/{org.cara}")).status_code == 404
    assert (await zed_admin.get(f"/people/{org.cara}")).status_code == 404
    ada = await clients.signed_in("ada")
    assert (await ada.get(f"/api/v1/people/{org.zed}")).status_code == 404


async def test_members_and_leaders_reach_their_own_data(clients: Clients, org: Org) -> None:
    for username, person_id in (("ben", org.ben), ("dan", org.dan), ("cara", org.cara)):
        client = await clients.signed_in(username)
        assert (await client.get(f"/people/{person_id}")).status_code == 200
        assert (await client.get(f"/api/v1/people/{person_id}/analyses")).status_code == 200
        assert (await client.get(f"/people/{person_id}/export")).status_code == 200


async def test_api_tokens_get_the_same_answers_as_sessions(clients: Clients, org: Org) -> None:
    for username, status in (("ben", 403), ("dan", 403), ("ana", 200), ("ada", 200)):
        session_client = await clients.signed_in(username)
        created = await session_client.post(
            "/api/v1/tokens", json={"name": "t"}, headers={"X-CSRF-Token": await clients.csrf(session_client)}
        )
        bearer = {"Authorization": f"Bearer {created.json()['token']}"}
        api = clients.anonymous()
        assert (await api.get(f"/api/v1/people/{org.cara}", headers=bearer)).status_code == status
        assert (await api.get(f"/api/v1/people/{org.cara}/analyses", headers=bearer)).status_code == status


def test_fresh_app_builds_from_settings_alone(web_settings: Settings) -> None:
    app = create_app(web_settings)
    try:
        assert app_routes(app)
    finally:
        app.state.database.dispose()
