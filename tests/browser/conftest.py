"""The walks of issue 10: whole paths through the demo in a real browser at a phone's size.

`kampung demo` runs once for the folder as a real process (as in tests/theme/test_phone_browser.py)
and prints its logins; Debian's Chromium drives it through Playwright (../shared/BROWSER.md).
Every tab records each console error, page error and answer of 400 or more, so a walk fails on
any of them; a failed walk leaves a screenshot of each tab in its tmp folder. Without Chromium the
walks fail rather than skip: CI installs it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright import sync_api as playwright_api

from tests.browser.walks import PHONE, Demo, Tab, read_logins
from tests.demo_process import CHROMIUM, running_demo


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    """A fresh demo, served by `kampung demo` from a folder of its own, with its printed logins."""
    with running_demo(tmp_path_factory.mktemp("demo")) as (url, log_path):
        yield read_logins(log_path.read_text(errors="replace"), url)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium, for one test file: Playwright's sync API keeps an event loop running in this
    thread while it is open, and the async tests collected after this folder need it free."""
    if not CHROMIUM.exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: apt-get install -y chromium")
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call":
        item.stash[WALK_FAILED] = report.failed
    return report


WALK_FAILED = pytest.StashKey[bool]()


@pytest.fixture
def phone(
    browser: Any, demo: Demo, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Callable[[], Tab]]:
    """Open a new phone (a fresh browser context, so a fresh set of cookies) for the walk."""
    opened: list[Tab] = []

    def start() -> Tab:
        context = browser.new_context(viewport=PHONE, locale="id-ID", accept_downloads=True)
        opened.append(Tab(demo, context.new_page()))
        return opened[-1]

    yield start
    failed = request.node.stash.get(WALK_FAILED, True)
    for index, tab in enumerate(opened):
        if failed:
            shot = tmp_path / f"tab-{index}.png"
            try:
                tab.page.screenshot(path=str(shot), full_page=True)
                print(f"screenshot of tab {index} at {tab.page.url}: {shot}")
            except playwright_api.Error as exc:
                print(f"no screenshot of tab {index}: {exc}")
            if tab.problems:
                print(f"tab {index} recorded:", *tab.problems, sep="\n  ")
        tab.page.context.close()
