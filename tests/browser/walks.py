"""What the walks share: the demo's logins, a recording phone tab, and small files to upload."""

from __future__ import annotations

import base64
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright import sync_api as playwright_api

PHONE = {"width": 390, "height": 844}
VILLAGE = "/desa/noreh"
STEP_TIMEOUT_MS = 15_000
"""A step that takes longer is broken, not slow: the whole walk should take well under a minute."""
LOGIN_LINE = re.compile(
    r"^(?P<username>\S+)\s+(?P<role>\S+)\s+(?P<url>http\S+)(?:\s+\(sandi/PIN: (?P<secret>\S+)\))?$"
)
PASSWORD_LINE = re.compile(r"kata sandi: (?P<password>\S+)$")


@dataclass(frozen=True)
class Login:
    username: str
    role: str
    home: str
    secret: str | None


@dataclass(frozen=True)
class Demo:
    url: str
    password: str
    logins: tuple[Login, ...] = field(repr=False)

    def login(self, role: str) -> Login:
        """The demo's login for `role` in the fully staffed village (the first one printed)."""
        for login in self.logins:
            if login.role == role:
                return login
        pytest.fail(f"kampung demo printed no login for the role {role}")


def read_logins(output: str, url: str) -> Demo:
    """The table `kampung demo` prints (core.demo.print_logins): user, role, home, PIN."""
    password = ""
    logins = []
    for line in output.splitlines():
        if found := PASSWORD_LINE.search(line):
            password = found["password"]
        elif (found := LOGIN_LINE.match(line.strip())) and not found["role"].endswith(":"):
            home = found["url"].removeprefix(url)
            logins.append(Login(found["username"], found["role"], home, found["secret"]))
    if not password or not logins:
        pytest.fail(f"kampung demo printed no logins:\n{output[-3000:]}")
    return Demo(url, password, tuple(logins))


@dataclass
class Tab:
    """One person's phone: a browser tab that records what went wrong while they walked."""

    demo: Demo = field(repr=False)
    page: Any
    problems: list[str] = field(default_factory=list)
    expected: list[tuple[int, str]] = field(default_factory=list)
    """(status, path) answers the walk provokes on purpose, listed by the walk itself."""

    def __post_init__(self) -> None:
        self.page.set_default_timeout(STEP_TIMEOUT_MS)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("response", self._response)

    def _console(self, message: Any) -> None:
        if message.type != "error":
            return
        text = str(message.text)
        if any(str(status) in text for status, _ in self.expected):
            return
        self.problems.append(f"console error on {self.page.url}: {text}")

    def _response(self, response: Any) -> None:
        if response.status < 400:
            return
        path = response.url.removeprefix(self.demo.url)
        if (response.status, path) in self.expected:
            return
        self.problems.append(f"{response.status} {response.request.method} {path}")

    def settled(self) -> Any:
        """Wait for the page to go quiet, then fail at once if anything went wrong on the way."""
        self.page.wait_for_load_state("networkidle")
        assert self.problems == [], f"walking to {self.path()}"
        return self.page

    def path(self) -> str:
        return str(self.page.url).removeprefix(self.demo.url)

    def open(self, path: str) -> Any:
        """Type an address, as a person does only for a starting page."""
        self.page.goto(self.demo.url + path)
        return self.settled()

    def click(self, target: Any, then: str | re.Pattern[str] | Callable[[str], bool]) -> Any:
        """Click `target` and wait until the page's address matches `then` and it has settled.

        htmx swaps boosted pages in, so the address can change before the new content is there
        (and a form that answers with its own address does not change it at all): the old
        page's <main> is marked first, and the step waits for a <main> without the mark.
        """
        self.page.evaluate("document.querySelector('main')?.setAttribute('data-walk-old', '')")
        target.click()
        try:
            self.page.wait_for_url(then)
        except playwright_api.TimeoutError:
            assert self.problems == [], f"the click on {self.path()} led nowhere"
            raise
        self.page.wait_for_selector("main:not([data-walk-old])", state="attached")
        return self.settled()

    def menu(self, name: str, then: str | re.Pattern[str]) -> Any:
        """Open the phone's menu and follow one of its links."""
        link = self.page.locator("#site-nav a", has_text=name).first
        if not link.is_visible():
            self.page.locator("#site-nav summary").click()
        return self.click(link, then)

    def sign_in(self, username: str, password: str) -> None:
        self.open("/masuk")
        form = self.page.locator("main form")
        form.locator("input[name=username]").fill(username)
        form.locator("input[name=password]").fill(password)
        self.click(form.locator("button[type=submit]"), lambda url: "/masuk" not in url)

    def sign_out(self) -> None:
        """The header's account menu, then its "Keluar" button."""
        self.page.locator("header details summary", has_text="Akun").click()
        self.click(self.page.get_by_role("button", name="Keluar"), "**/masuk")

    def open_pdf(self, link: Any) -> Any:
        """Click a link to a PDF and return the answer, after checking the browser opened it.

        A person must get the PDF itself (in the viewer or as a download); the page the link is
        on stays as it was, so the walk goes back to it if the viewer replaced it.
        """
        href = str(link.get_attribute("href"))
        before = self.page.url
        with self.page.expect_response(lambda r: r.url == self.demo.url + href) as answered:
            link.click()
        answer = answered.value
        assert answer.status == 200, f"{href} answered {answer.status}"
        assert answer.headers.get("content-type", "").startswith("application/pdf"), (
            f"{href} answered {answer.headers.get('content-type')}, not a PDF"
        )
        assert answer.request.is_navigation_request(), (
            f"the link to {href} was fetched by htmx (hx-boost) and the PDF's bytes were swapped "
            "into the page as text, instead of the browser opening the PDF"
        )
        self.page.wait_for_load_state()
        if self.page.url != before:
            self.page.go_back()
            self.page.wait_for_load_state("networkidle")
        return answer

    def pdf_bytes(self, href: str) -> bytes:
        """The PDF the link leads to, fetched with this tab's own cookies."""
        answer = self.page.context.request.get(self.demo.url + href)
        assert answer.status == 200, f"{href} answered {answer.status}"
        return bytes(answer.body())


def pdf_links(pdf: bytes) -> list[str]:
    """The addresses a PDF's link annotations point at (a letter's QR code carries one)."""
    found = [uri.decode() for uri in re.findall(rb"/URI \((.*?)\)", pdf)]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        raw = stream.strip()
        try:
            if raw.endswith(b"~>"):
                raw = base64.a85decode(raw, adobe=True)
            raw = zlib.decompress(raw)
        except (ValueError, zlib.error):
            continue
        found += [uri.decode() for uri in re.findall(rb"/URI \((.*?)\)", raw)]
    return found


def small_jpeg(folder: Path, name: str, colour: tuple[int, int, int]) -> Path:
    """A small photo, as a phone's camera would give (only far smaller)."""
    path = folder / name
    Image.new("RGB", (240, 320), colour).save(path, "JPEG", quality=85)
    return path
