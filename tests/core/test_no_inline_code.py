"""No page of the app carries inline script or inline style: the CSP would block them silently.

The sweep browses the demo as each of its roles (and as a citizen, and signed out): from the
home page it follows the links every page shows, and fails on a `<script>` without `src`, an
`on…=` handler, a `style=` attribute, or a `<style>` without the answer's nonce.
"""

from __future__ import annotations

import httpx
import pytest
from demo_browsing import Elements, build, citizen, crawl, csp_directives, staff

from core.testing.harness import Harness

PAGES_PER_USER = 40


@pytest.fixture
def kampung_plugins() -> None:
    return None


def inline_code(html: str, nonce: str | None) -> list[str]:
    found = []
    page = Elements(html)
    for index, (tag, attrs) in enumerate(page.tags):
        if tag == "script" and not attrs.get("src"):
            found.append(f"inline <script>: {page.texts.get(index, '')[:80]!r}")
        if tag == "style" and (nonce is None or attrs.get("nonce") != nonce):
            found.append(f"<style> without the answer's nonce: {page.texts.get(index, '')[:80]!r}")
        for name in attrs:
            if name.startswith("on"):
                found.append(f"<{tag} {name}=…> handler")
            if name == "style":
                found.append(f"<{tag} style=…> attribute")
    return found


def style_nonce(response: httpx.Response) -> str | None:
    style = csp_directives(response)["style-src"]
    return style.split("'nonce-", 1)[1].rstrip("'") if "'nonce-" in style else None


async def sweep(client: httpx.AsyncClient, *start: str) -> dict[str, list[str]]:
    """Problems per page, over the pages reachable from `start` by following links."""
    problems = {}
    async for visit in crawl(client, *start, pages=PAGES_PER_USER):
        if not visit.response.headers.get("content-type", "").startswith("text/html"):
            continue
        if found := inline_code(visit.response.text, style_nonce(visit.response)):
            problems[visit.path] = found
    return problems


async def test_no_page_of_the_demo_carries_inline_script_or_style(kampung: Harness) -> None:
    demo = await build(kampung)
    browsers: dict[str, tuple[httpx.AsyncClient, list[str]]] = {
        "anonymous": (kampung.client(), ["/", "/masuk", "/warga/masuk"])
    }
    for login in demo.logins:
        if login.role not in browsers and not login.secret:  # a citizen's PIN: the portal, below
            browsers[login.role] = (await staff(kampung, login.username), [login.home])
    browsers["citizen"] = (await citizen(kampung, demo), [demo.village_home + "/warga"])
    problems = {}
    for who, (client, homes) in browsers.items():
        for path, found in (await sweep(client, *homes)).items():
            problems[f"{who} {path}"] = found
    assert problems == {}
