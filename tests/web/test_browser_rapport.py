"""Browser tests of the Rapport pages: the unit dashboard's charts are drawn, a coaching page opens,
a message shows its highlighted evidence, and the draft checker answers in place (HTMX).

Uses the browser and page fixtures of ``test_browser`` against its own server, whose organisation
has enough analysed ICU messages for every chart.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bedside.store.database import open_database

from . import test_browser as shared
from .conftest import Org, add_rapport_messages
from .test_browser import browser_settings, nav, serving, sign_in

# The browser and page fixtures of test_browser; ``page`` uses this module's ``live_server``.
browser = shared.browser
page = shared.page

pytestmark = pytest.mark.browser

PAINTED = """(id) => {
    const c = document.getElementById(id);
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0; for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 0 && !(data[i] > 245 && data[i + 1] > 245 && data[i + 2] > 245)) n++;
    }
    return n;
}"""


@pytest.fixture(scope="module")
def live_server(org_template: tuple[Path, Org], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser-rapport")
    shutil.copyfile(org_template[0], folder / "bedside.db")
    settings = browser_settings(folder)
    database = open_database(settings)
    add_rapport_messages(database, org_template[1])
    try:
        with serving(settings, database) as base:
            yield base
    finally:
        database.dispose()


def _no_csp_problems(p: object) -> None:
    problems = [m for m in p.problems if "Content Security Policy" in m or "Refused" in m]  # type: ignore[attr-defined]
    assert problems == []


def test_unit_dashboard_draws_its_charts(page: object, org_template: tuple[Path, Org]) -> None:
    org = org_template[1]
    p = page
    sign_in(p, "ana")
    nav(p).get_by_role("link", name="Rapport", exact=True).click()  # type: ignore[attr-defined]
    p.get_by_role("link", name="Intensive care").click()  # type: ignore[attr-defined]
    p.wait_for_url(f"**/rapport/units/{org.icu_id}")  # type: ignore[attr-defined]
    p.wait_for_function(  # type: ignore[attr-defined]
        "() => window.bedsideCharts && window.bedsideCharts['tone-trend-chart'] && window.bedsideCharts['network-chart']"
    )
    assert p.evaluate(PAINTED, "tone-trend-chart") > 500, "the tone trend is blank"  # type: ignore[attr-defined]
    assert p.evaluate(PAINTED, "network-chart") > 500, "the network is blank"  # type: ignore[attr-defined]
    assert p.evaluate("() => window.bedsideCharts['network-chart'].edges") >= 3  # type: ignore[attr-defined]
    assert p.get_by_test_id("heatmap-groups").is_visible()  # type: ignore[attr-defined]
    assert p.get_by_role("heading", name="People to support").is_visible()  # type: ignore[attr-defined]
    _no_csp_problems(p)


def test_coaching_page_then_a_message_with_highlighted_evidence(page: object) -> None:
    p = page
    sign_in(p, "ben")
    nav(p).get_by_role("link", name="My communication").click()  # type: ignore[attr-defined]
    p.get_by_role("heading", name="My communication", level=1).wait_for()  # type: ignore[attr-defined]
    p.wait_for_function("() => window.bedsideCharts && window.bedsideCharts['person-trend-chart']")  # type: ignore[attr-defined]
    assert p.evaluate(PAINTED, "person-trend-chart") > 300  # type: ignore[attr-defined]
    assert p.get_by_role("heading", name="Areas for improvement").is_visible()  # type: ignore[attr-defined]
    p.get_by_role("heading", name="Latest messages").scroll_into_view_if_needed()  # type: ignore[attr-defined]
    p.locator("section[aria-labelledby=recent-title] a").first.click()  # type: ignore[attr-defined]
    p.wait_for_url("**/rapport/messages/*")  # type: ignore[attr-defined]
    assert p.get_by_role("heading", name="Message from Ben Nurse").is_visible()  # type: ignore[attr-defined]
    _no_csp_problems(p)


def test_a_curt_message_shows_its_evidence_on_focus(page: object) -> None:
    p = page
    sign_in(p, "ana")
    p.goto("/rapport/me")  # type: ignore[attr-defined]
    p.locator("section[aria-labelledby=recent-title] li", has_text="Hang the fluids").first.locator("a").click()  # type: ignore[attr-defined]
    p.wait_for_url("**/rapport/messages/*")  # type: ignore[attr-defined]
    mark = p.locator("[data-testid=highlighted-text] mark").first  # type: ignore[attr-defined]
    mark.focus()
    tip = p.evaluate(  # type: ignore[attr-defined]
        "() => getComputedStyle(document.activeElement, '::after').content"
    )
    assert "command" in tip or "demand" in tip, tip
    assert p.locator("ol.finding-list li").count() >= 1  # type: ignore[attr-defined]
    assert p.get_by_test_id("rewrite").is_visible()  # type: ignore[attr-defined]
    _no_csp_problems(p)


def test_draft_checker_answers_in_place(page: object) -> None:
    p = page
    sign_in(p, "cara")
    p.goto("/rapport/check")  # type: ignore[attr-defined]
    p.get_by_label("Your draft").fill("Pt John Smith in bed 4. Obviously you forgot the potassium AGAIN!!!")  # type: ignore[attr-defined]
    p.get_by_label("Who it is to (optional)").select_option("nurse")  # type: ignore[attr-defined]
    p.get_by_role("button", name="Check").click()  # type: ignore[attr-defined]
    p.get_by_role("heading", name="How your draft reads").wait_for()  # type: ignore[attr-defined]
    assert p.url.endswith("/rapport/check")  # type: ignore[attr-defined]
    result = p.locator("#check-result").inner_text()  # type: ignore[attr-defined]
    assert "John Smith" not in result and "[PATIENT]" in result
    assert p.locator("#check-result mark").count() >= 1  # type: ignore[attr-defined]
    assert p.get_by_test_id("rewrite").is_visible()  # type: ignore[attr-defined]
    assert "Obviously" in p.get_by_role("textbox", name="Your draft", exact=True).input_value()  # type: ignore[attr-defined]  # kept for editing
    _no_csp_problems(p)
