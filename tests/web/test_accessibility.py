"""Accessibility: axe-core (vendored for tests only) finds no serious or critical WCAG problems.

Each main page is opened in Chromium as a signed-in user and checked with axe-core's WCAG 2.x A/AA
rules. Serious and critical violations fail the test with the rule, the reason and the elements.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from . import test_browser as shared
from . import test_browser_rapport as rapport
from .conftest import PASSWORD, Org

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
browser = shared.browser
live_server = rapport.live_server

pytestmark = pytest.mark.browser


@pytest.fixture
def axe_page(browser: object, live_server: str) -> Iterator[object]:
    # axe is injected as a script, which the app's CSP (rightly) forbids: bypass CSP in this context only.
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 800}, bypass_csp=True)  # type: ignore[attr-defined]
    yield context.new_page()
    context.close()


def _violations(page: object) -> list[str]:
    page.add_script_tag(path=str(AXE))  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
        }"""
    )
    return list(result)


def _sign_in(page: object, username: str) -> None:
    page.goto("/login")  # type: ignore[attr-defined]
    page.get_by_label("Username").fill(username)  # type: ignore[attr-defined]
    page.get_by_label("Password").fill(PASSWORD)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Sign in").click()  # type: ignore[attr-defined]
    page.wait_for_url("**/")  # type: ignore[attr-defined]


def test_sign_in_page_is_accessible(axe_page: object) -> None:
    axe_page.goto("/login")  # type: ignore[attr-defined]
    assert _violations(axe_page) == []


def test_main_pages_are_accessible(axe_page: object, org_template: tuple[Path, Org]) -> None:
    org = org_template[1]
    _sign_in(axe_page, "ana")
    paths = [
        "/",
        "/people",
        f"/people/{org.ben}",
        "/me",
        "/tokens",
        "/rapport",
        f"/rapport/units/{org.icu_id}",
        f"/rapport/people/{org.ana}",
        "/rapport/check",
        f"/rapport/messages/{org.cara_message}",
        "/reviews",
    ]
    found: dict[str, list[str]] = {}
    for path in paths:
        response = axe_page.goto(path)  # type: ignore[attr-defined]
        assert response.status == 200, path
        axe_page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
        problems = _violations(axe_page)
        if problems:
            found[path] = problems
    assert found == {}


def test_admin_pages_are_accessible(axe_page: object) -> None:
    _sign_in(axe_page, "ada")
    found: dict[str, list[str]] = {}
    for path in ("/admin", "/admin/audit", "/rapport/organisation"):
        response = axe_page.goto(path)  # type: ignore[attr-defined]
        assert response.status == 200, path
        problems = _violations(axe_page)
        if problems:
            found[path] = problems
    assert found == {}
