"""The default theme in a real browser, at the two sizes users have: a 390×844 phone and a
1366×768 desktop, with JavaScript on and off.

The demo runs as a real process (`kampung demo`) in a folder of its own, and Debian's Chromium
drives it through Playwright (see ../shared/BROWSER.md). Without Chromium these tests fail: CI
installs it, and a skipped browser test would hide exactly what it is here to catch.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright import sync_api as playwright_api

from core.localtime import local_today
from tests.demo_process import CHROMIUM, running_demo

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
OPERATOR = "operator-noreh"
PASSWORD = "kampung-demo-2026"
VILLAGE = "/desa/noreh"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a fresh demo, served by `kampung demo` from a folder of its own."""
    with running_demo(tmp_path_factory.mktemp("demo")) as (url, _):
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: apt-get install -y chromium")
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


class Visit:
    """One signed-in operator's browser tab, which records every console error and failed answer."""

    def __init__(
        self, browser: Any, demo: str, viewport: dict[str, int], js: bool, user: str = OPERATOR
    ) -> None:
        self.demo = demo
        self.context = browser.new_context(
            viewport=viewport, locale="id-ID", java_script_enabled=js
        )
        self.context.add_init_script(
            "window.cspViolations = [];"
            "document.addEventListener('securitypolicyviolation', e =>"
            " window.cspViolations.push(e.violatedDirective + ' ' + (e.sample || e.blockedURI)));"
        )
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on(
            "console",
            lambda m: m.type in ("error", "warning") and self.problems.append(m.text),
        )
        self.page.on("pageerror", lambda error: self.problems.append(str(error)))
        self.page.on(
            "response",
            lambda r: r.status >= 400 and self.problems.append(f"{r.status} {r.url}"),
        )
        self.page.goto(demo + "/masuk")
        self.page.fill("input[name=username]", user)
        self.page.fill("input[name=password]", PASSWORD)
        self.page.click("main button[type=submit]")
        self.page.wait_for_load_state("networkidle")

    def open(self, path: str) -> Any:
        self.page.goto(self.demo + path)
        self.page.wait_for_load_state("networkidle")
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any, demo: str) -> Iterator[Any]:
    opened: list[Visit] = []

    def start(viewport: dict[str, int], js: bool = True, user: str = OPERATOR) -> Visit:
        opened.append(Visit(browser, demo, viewport, js, user))
        return opened[-1]

    yield start
    for tab in opened:
        tab.close()


CELLS = """() => [...document.querySelectorAll("main table")].flatMap(table => {
  const headers = [...table.querySelectorAll("thead th")].map(th => th.textContent.trim());
  return [...table.querySelectorAll("tbody tr")].flatMap(row => [...row.children].map((td, i) => ({
    header: headers[i], label: getComputedStyle(td, "::before").content,
  })));
})"""


def mutation_month(tab: Visit) -> str:
    """A month whose mutation book has entries: the demo records its events a few days ago."""
    for days in (0, 10, 40):
        month = (local_today() - dt.timedelta(days=days)).strftime("%Y-%m")
        if tab.open(f"{VILLAGE}/mutasi?bulan={month}").locator("main table").count():
            return month
    pytest.fail("the demo's mutation book has no entries in the last two months")


def family_path(tab: Visit) -> str:
    tab.open(f"{VILLAGE}/keluarga")
    href = tab.page.locator("main table a").first.get_attribute("href")
    assert href
    return str(href)


@pytest.mark.parametrize("book", ["mutasi", "rekap", "keluarga"])
def test_a_phone_shows_every_table_value_beside_its_columns_label(visit: Any, book: str) -> None:
    tab = visit(PHONE)
    path = {
        "mutasi": lambda: f"{VILLAGE}/mutasi?bulan={mutation_month(tab)}",
        "rekap": lambda: f"{VILLAGE}/rekap",
        "keluarga": lambda: family_path(tab),
    }[book]()
    page = tab.open(path)
    cells = page.evaluate(CELLS)
    assert cells
    assert [c for c in cells if c["label"] != json.dumps(c["header"])] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert tab.problems == []


def test_a_desktop_shows_the_recap_as_a_grid_without_repeated_labels(visit: Any) -> None:
    page = visit(DESKTOP).open(f"{VILLAGE}/rekap")
    cells = page.evaluate(CELLS)
    assert cells and {c["label"] for c in cells} == {"none"}
    assert page.locator("main thead th", has_text="Awal bulan").is_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_chart_text_reads_at_12_px_or_more(visit: Any, viewport: dict[str, int]) -> None:
    page = visit(viewport).open(f"{VILLAGE}/statistik")
    sizes = page.evaluate(
        """() => [...document.querySelectorAll("svg.kc-chart text")].map(
          t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""
    )
    assert len(sizes) > 20
    assert min(sizes) >= 12
    assert max(sizes) <= 20


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_the_desktop_menu_is_shown_with_or_without_javascript(visit: Any, js: bool) -> None:
    page = visit(DESKTOP, js=js).open(VILLAGE)
    menu_link = page.locator("#site-nav a", has_text="Penduduk").first
    assert menu_link.is_visible()
    assert not page.locator("#site-nav summary").is_visible()
    menu_link.click()
    page.wait_for_url(f"**{VILLAGE}/penduduk")
    assert page.locator("h1").first.is_visible()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_the_phone_menu_opens_from_its_button_with_or_without_javascript(
    visit: Any, js: bool
) -> None:
    page = visit(PHONE, js=js).open(VILLAGE)
    menu_link = page.locator("#site-nav a", has_text="Penduduk").first
    assert not menu_link.is_visible()
    page.locator("#site-nav summary").click()
    assert menu_link.is_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_sign_out_button_opens_on_screen_even_for_a_short_name(
    visit: Any, viewport: dict[str, int]
) -> None:
    """ "Admin" is the shortest display name the demo has: its account panel once opened off the
    left edge of a phone, and Keluar could not be pressed."""
    page = visit(viewport, user="admin").open("/kabupaten")
    page.locator("header details.user-menu summary").click()
    button = page.get_by_role("button", name="Keluar")
    box = button.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    button.click()
    page.wait_for_url("**/masuk")


def test_moving_through_the_menu_with_htmx_breaks_no_content_security_rule(visit: Any) -> None:
    tab = visit(DESKTOP)
    page = tab.open(VILLAGE)
    paths = page.eval_on_selector_all(
        "#site-nav a", "links => links.map(a => a.getAttribute('href'))"
    )
    for path in paths:
        # Each click waits for its own answer: a boosted link swaps in place, so the load state
        # says nothing, and the next click must not race the swap still coming for this one.
        with page.expect_response(lambda answer, path=path: answer.url.endswith(path)):
            page.locator(f'#site-nav a[href="{path}"]').first.click()
        page.wait_for_url(lambda url, path=path: path in url)
        page.wait_for_load_state("networkidle")
    page.goto(tab.demo + f"{VILLAGE}/penduduk")
    page.locator("main th a").first.click()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.cspViolations") == []
    assert tab.problems == []


def test_the_browser_gets_an_icon_for_a_page_without_one(demo: str) -> None:
    answer = httpx.get(demo + "/favicon.ico")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(("image/vnd.microsoft.icon", "image/x-icon"))
