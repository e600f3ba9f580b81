"""Browsing the demo as its users do, and reading what came back.

The header and inline-code tests look at what the demo's users see, so they build the demo's
data (`core.demo.build_demo`) on the test's own database, sign in as its accounts (and as a
citizen of its first village), and parse the pages and the Content-Security-Policy they get.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from html.parser import HTMLParser

import httpx

from core.demo import DEMO_PASSWORD, DemoLogin, build_demo
from core.testing.harness import Harness, csrf_ready, sign_in

CITIZEN_PIN = "582914"


@dataclass(frozen=True, slots=True)
class Demo:
    logins: list[DemoLogin]

    @property
    def village_home(self) -> str:
        return next(login.home for login in self.logins if login.role == "village_operator")

    def username(self, role: str) -> str:
        return next(login.username for login in self.logins if login.role == role)


async def build(kampung: Harness) -> Demo:
    return Demo(await build_demo(kampung.kernel))


def follow_csrf(client: httpx.AsyncClient) -> None:
    """Send the CSRF cookie's current value, as the page's hx-headers would after a reload."""
    client.headers["x-csrf-token"] = client.cookies["kampung_csrf"]


async def staff(kampung: Harness, username: str) -> httpx.AsyncClient:
    client = kampung.client()
    response = await sign_in(client, username, DEMO_PASSWORD)
    assert response.status_code == 303, f"{username}: {response.status_code}"
    follow_csrf(client)
    return client


async def citizen(kampung: Harness, demo: Demo) -> httpx.AsyncClient:
    """A citizen of the demo's first village, signed in to the portal with a PIN they chose."""
    from plugins.population.tables import Resident

    home = demo.village_home
    operator = await staff(kampung, next(x.username for x in demo.logins if x.home == home))
    async with kampung.scope():
        resident = (
            await Resident.select(Resident.nik)
            .where((Resident.status == 1) & (Resident.nik_temporary == False))  # noqa: E712
            .order_by(Resident.id)
            .first()
        )
    assert resident is not None, "the demo has residents"
    issued = await operator.post(home + "/warga-akun", data={"nik": resident["nik"]})
    found = re.search(r'class="issued-pin">(\d{6})<', issued.text)
    assert found, issued.text[:500]
    client = kampung.client()
    await csrf_ready(client)
    signed_in = await client.post("/warga/masuk", data={"nik": resident["nik"], "pin": found[1]})
    assert signed_in.status_code == 303, signed_in.text[:300]
    follow_csrf(client)
    changed = await client.post(
        "/warga/ganti-pin",
        data={"current_pin": found[1], "pin": CITIZEN_PIN, "pin_confirm": CITIZEN_PIN},
    )
    assert changed.status_code == 303, changed.text[:300]
    return client


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, and the text inside each <script>/<style>."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[int, str] = {}
        self._open: int | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open = len(self.tags) - 1 if tag in {"script", "style"} else None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.texts[self._open] = self.texts.get(self._open, "") + data

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def links(self) -> list[str]:
        return [
            str(attrs["href"])
            for tag, attrs in self.tags
            if tag == "a" and str(attrs.get("href") or "").startswith("/")
        ]


def csp_directives(response: httpx.Response) -> dict[str, str]:
    header = response.headers["content-security-policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


NOT_PAGES = ("/static/", "/vendor/", "/schema", "/logout", "/keluar")
DOWNLOADS = (".csv", ".xlsx", "/pdf")


def shape(path: str) -> str:
    """One page per kind: `/penduduk/14` and `/penduduk/15` are the same template."""
    return re.sub(r"\d+", "0", path.split("?", 1)[0])


@dataclass(frozen=True, slots=True)
class Visit:
    """One link followed: the page that showed it, where it led, and what came back."""

    referrer: str
    path: str
    response: httpx.Response


async def crawl(
    client: httpx.AsyncClient, *start: str, pages: int, downloads: bool = False
) -> AsyncIterator[Visit]:
    """Follow the links the pages show, breadth first, one page of each kind (`shape`).

    Downloads (CSV, XLSX, PDF) are fetched as links too when `downloads` is set, never parsed.
    """
    queue = [("", path) for path in start]
    seen = {shape(path) for path in start}
    while queue and len(seen) <= pages:
        referrer, path = queue.pop(0)
        response = await client.get(path, follow_redirects=True)
        yield Visit(referrer, path, response)
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        for link in Elements(response.text).links():
            target = link.split("#", 1)[0]
            is_download = target.split("?", 1)[0].endswith(DOWNLOADS)
            if (
                target
                and shape(target) not in seen
                and not target.startswith(NOT_PAGES)
                and (downloads or not is_download)
            ):
                seen.add(shape(target))
                queue.append((path, target))
