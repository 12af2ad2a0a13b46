"""Browser tests: Playwright drives Debian's Chromium against the app served by uvicorn.

Without ``/usr/bin/chromium`` these tests are skipped with a visible reason, except in CI
(``CI=true``), where a missing browser is a failure. Screenshots of failed tests go to
``test-results/``.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn

from bedside.config import Settings
from bedside.store.database import Database, open_database
from bedside.web import create_app

from .conftest import PASSWORD, Org

CHROMIUM = Path("/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
RESULTS = Path(__file__).resolve().parents[2] / "test-results"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt-get install chromium)"
        if IN_CI:
            pytest.fail(message + "; CI requires the browser tests")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@contextmanager
def serving(settings: Settings, database: Database) -> Iterator[str]:
    """Serve the app with uvicorn on a free local port in a thread; yields its base URL."""
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings, database=database), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.05)
    else:  # pragma: no cover
        pytest.fail("the test server did not start")
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def browser_settings(folder: Path) -> Settings:
    """Settings for a served copy of the test organisation in ``folder``."""
    return Settings(
        environment="test",
        database_url=f"sqlite:///{folder / 'bedside.db'}",
        data_dir=folder,
        min_group_size=2,
        secret_key="browser-test-secret",
    )


@pytest.fixture(scope="module")
def live_server(org_template: tuple[Path, Org], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser")
    shutil.copyfile(org_template[0], folder / "bedside.db")
    settings = browser_settings(folder)
    database = open_database(settings)
    try:
        with serving(settings, database) as base:
            yield base
    finally:
        database.dispose()


@pytest.fixture
def page(browser: object, live_server: str, request: pytest.FixtureRequest) -> Iterator[object]:
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: problems.append(str(exc)))
    tab.problems = problems
    yield tab
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        RESULTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(RESULTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def nav(page: object) -> object:
    return page.get_by_role("navigation", name="Main")  # type: ignore[attr-defined]


def sign_in(page: object, username: str) -> None:
    page.goto("/login")  # type: ignore[attr-defined]
    page.get_by_label("Username").fill(username)  # type: ignore[attr-defined]
    page.get_by_label("Password").fill(PASSWORD)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Sign in").click()  # type: ignore[attr-defined]
    page.wait_for_url("**/")  # type: ignore[attr-defined]


def test_sign_in_see_the_chart_open_my_data_and_sign_out(page: object) -> None:
    p = page
    sign_in(p, "ana")
    p.wait_for_function("() => window.bedsideCharts && window.bedsideCharts['home-chart']")  # type: ignore[attr-defined]
    painted = p.evaluate(  # type: ignore[attr-defined]
        """() => {
            const c = document.getElementById('home-chart');
            const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0; for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) n++; }
            return n;
        }"""
    )
    assert painted > 500, "the chart canvas is blank"
    nav(p).get_by_role("link", name="My data").click()  # type: ignore[attr-defined]
    p.wait_for_url("**/me")  # type: ignore[attr-defined]
    assert p.get_by_role("heading", name="My data", level=1).is_visible()  # type: ignore[attr-defined]
    assert p.get_by_role("heading", name="Who viewed my data").is_visible()  # type: ignore[attr-defined]
    p.get_by_role("button", name="Sign out").click()  # type: ignore[attr-defined]
    p.wait_for_url("**/login")  # type: ignore[attr-defined]
    p.goto("/me")  # type: ignore[attr-defined]
    assert "/login" in p.url  # type: ignore[attr-defined]
    assert not [m for m in p.problems if "Content Security Policy" in m or "Refused" in m]  # type: ignore[attr-defined]


def test_member_cannot_reach_another_persons_page(page: object, org_template: tuple[Path, Org]) -> None:
    org = org_template[1]
    p = page
    sign_in(p, "ben")
    nav(p).get_by_role("link", name="People").click()  # type: ignore[attr-defined]
    assert p.get_by_role("link", name="Cara Nurse").count() == 0  # type: ignore[attr-defined]
    response = p.goto(f"/people/{org.cara}")  # type: ignore[attr-defined]
    assert response.status == 403
    assert p.get_by_role("heading", name="Not allowed").is_visible()  # type: ignore[attr-defined]
    assert nav(p).get_by_role("link", name="My data").is_visible()  # type: ignore[attr-defined]
    assert "Cara" not in p.content()  # type: ignore[attr-defined]


def test_contest_a_finding_with_htmx(page: object) -> None:
    p = page
    sign_in(p, "cara")
    p.goto("/me")  # type: ignore[attr-defined]
    p.get_by_label("Comment on or contest this finding").fill("I was asking about the drip, not blaming.")  # type: ignore[attr-defined]
    p.get_by_role("button", name="Add comment").click()  # type: ignore[attr-defined]
    p.get_by_text("I was asking about the drip, not blaming.").wait_for()  # type: ignore[attr-defined]
    assert p.url.endswith("/me")  # type: ignore[attr-defined]  # swapped in place, no navigation
    assert p.get_by_label("Comment on or contest this finding").input_value() == ""  # type: ignore[attr-defined]
    p.reload()  # type: ignore[attr-defined]
    assert p.get_by_text("I was asking about the drip, not blaming.").is_visible()  # type: ignore[attr-defined]


def test_tablet_layout_and_keyboard_navigation(page: object) -> None:
    p = page
    p.set_viewport_size({"width": 768, "height": 1024})  # type: ignore[attr-defined]
    sign_in(p, "ada")
    overflow = p.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")  # type: ignore[attr-defined]
    assert overflow <= 0, "the page scrolls sideways on a tablet"
    for name in ("Rapport", "Reviews", "Growth", "Simulator", "Admin"):
        assert nav(p).get_by_role("link", name=name, exact=True).is_visible()  # type: ignore[attr-defined]
    p.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert p.evaluate("() => document.activeElement.textContent.trim()") == "Skip to content"  # type: ignore[attr-defined]
    p.keyboard.press("Enter")  # type: ignore[attr-defined]
    p.keyboard.press("Tab")  # type: ignore[attr-defined]
    focused = p.evaluate("() => document.activeElement.closest('main') !== null")  # type: ignore[attr-defined]
    assert focused, "the skip link does not move focus into the main content"
    nav(p).get_by_role("link", name="Rapport", exact=True).focus()  # type: ignore[attr-defined]
    p.keyboard.press("Enter")  # type: ignore[attr-defined]
    p.wait_for_url("**/rapport")  # type: ignore[attr-defined]
    assert p.get_by_role("heading", name="Rapport", level=1).is_visible()  # type: ignore[attr-defined]
    nav(p).get_by_role("link", name="Reviews", exact=True).click()  # type: ignore[attr-defined]
    assert p.get_by_text("Coming in a later release.").is_visible()  # type: ignore[attr-defined]
