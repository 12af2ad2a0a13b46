"""Sign-in, sessions, CSRF, throttling, API tokens and the hardening every response gets."""

from __future__ import annotations

import hashlib
import re

import pytest
from fastapi import APIRouter, FastAPI
from sqlalchemy import select

from bedside.config import Settings
from bedside.store.database import Database
from bedside.store.models import ApiToken, UserAccount, WebSession
from bedside.web import create_app
from bedside.web.access import PublicGrant

from .conftest import PASSWORD, Clients, Org, csrf_from

pytestmark = pytest.mark.anyio


async def test_sign_in_sets_a_hardened_session_cookie(clients: Clients) -> None:
    client = clients.anonymous()
    page = await client.get("/login")
    response = await client.post(
        "/login", data={"username": "ben", "password": PASSWORD, "csrf_token": csrf_from(page.text)}
    )
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    assert (await client.get("/")).status_code == 200


async def test_cookie_is_secure_over_https(web_settings: Settings, web_database: Database) -> None:
    app = create_app(web_settings.model_copy(update={"https": True}), database=web_database)
    clients = Clients(app)
    page = await clients.anonymous().get("/login")
    assert "secure" in page.headers["set-cookie"].lower()
    assert "strict-transport-security" in page.headers


async def test_wrong_password_and_unknown_user_look_the_same(clients: Clients) -> None:
    client = clients.anonymous()
    token = csrf_from((await client.get("/login")).text)
    wrong = await client.post("/login", data={"username": "ben", "password": "nope-nope-nope", "csrf_token": token})
    unknown = await client.post("/login", data={"username": "nobody", "password": "x", "csrf_token": token})
    assert wrong.status_code == unknown.status_code == 401
    assert "The username or password is not correct." in wrong.text and "The username or password" in unknown.text


async def test_repeated_failures_throttle_sign_in(clients: Clients, web_settings: Settings) -> None:
    client = clients.anonymous()
    token = csrf_from((await client.get("/login")).text)
    for _ in range(web_settings.login_max_failures):
        bad = await client.post("/login", data={"username": "ben", "password": "guess-guess", "csrf_token": token})
        assert bad.status_code == 401
    blocked = await client.post("/login", data={"username": "ben", "password": PASSWORD, "csrf_token": token})
    assert blocked.status_code == 429 and "Too many failed sign-ins" in blocked.text
    # Another account is not locked out by someone guessing Ben's password.
    other = await client.post("/login", data={"username": "cara", "password": PASSWORD, "csrf_token": token})
    assert other.status_code == 303


async def test_sign_in_without_csrf_token_is_refused(clients: Clients) -> None:
    client = clients.anonymous()
    await client.get("/login")
    response = await client.post("/login", data={"username": "ben", "password": PASSWORD})
    assert response.status_code == 403


async def test_sign_out_ends_the_session(clients: Clients) -> None:
    client = await clients.signed_in("ben")
    token = await clients.csrf(client)
    response = await client.post("/logout", data={"csrf_token": token})
    assert response.status_code == 303
    again = await client.get("/")
    assert again.status_code == 303 and again.headers["location"].startswith("/login")


async def test_sign_out_also_ends_a_copied_cookie(clients: Clients, web_database: Database) -> None:
    client = await clients.signed_in("ben")
    copy = clients.anonymous()
    copy.cookies.update(client.cookies)
    assert (await copy.get("/")).status_code == 200
    await client.post("/logout", data={"csrf_token": await clients.csrf(client)})
    stolen = await copy.get("/")
    assert stolen.status_code == 303 and stolen.headers["location"].startswith("/login")
    with web_database.session() as s:
        ended = s.scalars(select(WebSession)).all()
        assert len(ended) == 1 and ended[0].ended_at is not None
        assert re.fullmatch(r"[0-9a-f]{64}", ended[0].secret_hash)  # only a SHA-256 hash is kept


async def test_deactivated_account_loses_its_session(clients: Clients, web_database: Database) -> None:
    client = await clients.signed_in("ben")
    assert (await client.get("/")).status_code == 200
    with web_database.session() as s:
        s.scalars(select(UserAccount).where(UserAccount.username == "ben")).one().active = False
    assert (await client.get("/")).status_code == 303


async def test_anonymous_pages_redirect_to_sign_in_and_come_back(clients: Clients) -> None:
    client = clients.anonymous()
    response = await client.get("/me")
    assert response.status_code == 303 and response.headers["location"] == "/login?next=/me"
    page = await client.get(response.headers["location"])
    signed = await client.post(
        "/login", data={"username": "ben", "password": PASSWORD, "next": "/me", "csrf_token": csrf_from(page.text)}
    )
    assert signed.headers["location"] == "/me"


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil.example"])
async def test_no_open_redirect_after_sign_in(clients: Clients, target: str) -> None:
    client = clients.anonymous()
    page = await client.get("/login")
    response = await client.post(
        "/login", data={"username": "ben", "password": PASSWORD, "next": target, "csrf_token": csrf_from(page.text)}
    )
    assert response.headers["location"] == "/"


async def test_state_changing_page_calls_need_the_csrf_token(clients: Clients) -> None:
    client = await clients.signed_in("ben")
    assert (await client.post("/tokens", data={"name": "x"})).status_code == 403
    assert (await client.post("/tokens", data={"name": "x", "csrf_token": "forged"})).status_code == 403
    assert (await client.post("/api/v1/tokens", json={"name": "x"})).status_code == 403
    token = await clients.csrf(client)
    assert (await client.post("/tokens", data={"name": "x", "csrf_token": token})).status_code == 200
    ok = await client.post("/api/v1/tokens", json={"name": "x"}, headers={"X-CSRF-Token": token})
    assert ok.status_code == 201


async def test_api_tokens_are_hashed_at_rest_and_revocable(clients: Clients, web_database: Database) -> None:
    client = await clients.signed_in("ana")
    csrf = await clients.csrf(client)
    created = (await client.post("/api/v1/tokens", json={"name": "script"}, headers={"X-CSRF-Token": csrf})).json()
    secret = created["token"]
    with web_database.session() as session:
        stored = session.scalar(select(ApiToken).where(ApiToken.id == created["id"]))
        assert stored is not None
        assert stored.token_hash == hashlib.sha256(secret.encode()).hexdigest() and secret not in stored.token_hash
    api = clients.anonymous()
    bearer = {"Authorization": f"Bearer {secret}"}
    assert (await api.get("/api/v1/me", headers=bearer)).json()["username"] == "ana"
    # A token needs no CSRF token (it is not an ambient credential) and can revoke itself.
    assert (await api.delete(f"/api/v1/tokens/{created['id']}", headers=bearer)).status_code == 204
    refused = await api.get("/api/v1/me", headers=bearer)
    assert refused.status_code == 401 and refused.json() == {"detail": "The API token is not valid or has been revoked."}
    listing = await client.get("/api/v1/tokens")
    assert listing.json()[0]["revoked_at"] is not None and "token" not in listing.json()[0]


async def test_tokens_page_shows_a_new_secret_once_and_revokes(clients: Clients) -> None:
    client = await clients.signed_in("ben")
    csrf = await clients.csrf(client)
    created = await client.post("/tokens", data={"name": "laptop", "csrf_token": csrf})
    secret = re.search(r'<code id="new-token">([^<]+)</code>', created.text)
    assert secret and secret.group(1).startswith("bsd_")
    page = await client.get("/tokens")
    assert secret.group(1) not in page.text and "laptop" in page.text
    token_id = re.search(r'action="/tokens/(\d+)/revoke"', page.text)
    assert token_id
    revoked = await client.post(f"/tokens/{token_id.group(1)}/revoke", data={"csrf_token": csrf})
    assert revoked.status_code == 303
    assert "revoked" in (await client.get("/tokens")).text


async def test_security_headers_everywhere(clients: Clients) -> None:
    client = await clients.signed_in("ben")
    for path in ("/", "/login", "/static/app.css", "/api/v1/people", "/no-such-page", "/openapi.json"):
        response = await client.get(path)
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "same-origin"
    assert (await client.get("/me")).headers["cache-control"] == "no-store"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"\son[a-z]+=", re.I)


async def test_pages_have_no_inline_scripts_or_handlers(clients: Clients, org: Org) -> None:
    pages = ["/", "/people", f"/people/{org.cara}", "/me", "/tokens", "/admin", "/admin/audit", "/rapport"]
    client = await clients.signed_in("ada")
    cara = await clients.signed_in("cara")
    for who, path in [(client, p) for p in pages] + [(cara, "/me"), (clients.anonymous(), "/login")]:
        html = (await who.get(path)).text
        assert not INLINE_SCRIPT.search(html), path
        assert not INLINE_HANDLER.search(html), path
        assert "style=" not in html, path


async def test_pages_label_every_form_field(clients: Clients, org: Org) -> None:
    cara = await clients.signed_in("cara")
    admin = await clients.signed_in("ada")
    for client, path in [(cara, "/me"), (cara, "/tokens"), (admin, "/admin/audit"), (clients.anonymous(), "/login")]:
        html = (await client.get(path)).text
        for field_id in re.findall(r'<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*\bid="([^"]+)"', html):
            assert f'for="{field_id}"' in html, f"{path}: #{field_id} has no label"
        unlabelled = re.findall(r'<(?:input|select|textarea)(?![^>]*type="hidden")(?![^>]*\bid=)[^>]*>', html)
        assert unlabelled == [], path


async def test_errors_are_json_for_the_api_and_pages_for_people(clients: Clients) -> None:
    client = await clients.signed_in("ben")
    api = await client.get("/api/v1/nothing-here")
    assert api.status_code == 404 and api.json() == {"detail": "Not Found"}
    page = await client.get("/nothing-here")
    assert page.status_code == 404 and "Page not found" in page.text
    invalid = await client.post("/api/v1/tokens", json={"name": ""}, headers={"X-CSRF-Token": await clients.csrf(client)})
    assert invalid.status_code == 422 and invalid.json()["detail"][0]["loc"] == ["body", "name"]
    anonymous = await clients.anonymous().get("/api/v1/people")
    assert anonymous.status_code == 401 and anonymous.headers["www-authenticate"] == "Bearer"
    assert set(anonymous.json()) == {"detail"}


async def test_unexpected_errors_show_no_stack_trace(app: FastAPI) -> None:
    router = APIRouter()

    @router.get("/boom")
    def boom(grant: PublicGrant) -> None:
        raise RuntimeError("secret internals in /srv/bedside/db.py line 42")

    @router.get("/api/v1/boom")
    def api_boom(grant: PublicGrant) -> None:
        raise RuntimeError("secret internals")

    app.include_router(router)
    client = Clients(app).anonymous(raise_app_exceptions=False)
    page = await client.get("/boom")
    assert page.status_code == 500 and "Something went wrong" in page.text
    assert "secret internals" not in page.text and "Traceback" not in page.text
    api = await client.get("/api/v1/boom")
    assert api.status_code == 500 and api.json() == {"detail": "Internal server error; the event was logged."}


async def test_request_bodies_are_size_limited(clients: Clients, web_settings: Settings) -> None:
    client = await clients.signed_in("ben")
    csrf = await clients.csrf(client)
    big = "x" * (web_settings.max_request_bytes + 10)
    declared = await client.post("/api/v1/tokens", json={"name": big}, headers={"X-CSRF-Token": csrf})
    assert declared.status_code == 413 and "larger than the limit" in declared.json()["detail"]

    async def chunks():  # no Content-Length: the limit is enforced while streaming
        for _ in range(web_settings.max_request_bytes // 1000 + 2):
            yield b"x" * 1000

    streamed = await client.post(
        "/api/v1/tokens", content=chunks(), headers={"X-CSRF-Token": csrf, "Content-Type": "application/json"}
    )
    assert streamed.status_code == 413


async def test_openapi_schema_documents_the_api_only(clients: Clients) -> None:
    schema = (await clients.anonymous().get("/openapi.json")).json()
    assert set(schema["paths"]) == {
        "/api/v1/me",
        "/api/v1/people",
        "/api/v1/people/{person_id}",
        "/api/v1/people/{person_id}/analyses",
        "/api/v1/tokens",
        "/api/v1/tokens/{token_id}",
        "/api/v1/tone",
        "/api/v1/rapport/units/{unit_id}",
        "/api/v1/rapport/people/{person_id}",
    }
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert schema["paths"]["/api/v1/people"]["get"]["security"] == [{"HTTPBearer": []}]
