"""In English, the population pages a village office and a citizen reach show no Indonesian words
in their headings, labels, table headers, options, buttons and chart texts.

Browsing the demo as each role, in English, every page of the register, the one-door service,
the books, the areas, households and the map, the import and the portal is read; data (names,
hamlets, addresses) is never in these elements' words below, so what is found is untranslated UI.
Letters are Indonesian official documents, their titles and fields included, and stay so.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from demo_browsing import build, citizen, crawl, staff

from core.testing.harness import Harness

PAGES_PER_USER = 80
SHOWN = {"h1", "h2", "h3", "th", "label", "legend", "button", "option", "summary", "dt"}
"""Elements whose text is the page's own words, not a resident's data."""
SVG_TEXT = {"title", "desc", "text"}
"""A chart's words (inside an <svg>)."""
INDONESIAN = re.compile(
    r"\b(dan|yang|tidak|belum|sudah|untuk|dengan|atau|harus|pilih|semua|menunggu|lahir"
    r"|laki-laki|perempuan|kawin|jumlah|bulan|tahun|tanggal|nama|alamat|keluarga|penduduk)\b",
    re.IGNORECASE,
)
NOT_POPULATION = ("/kesehatan", "/bantuan", "/pasar", "/indeks-desa", "/informasi", "/ppid")
LETTERS = ("/surat", "/arsip-surat")


class ShownWords(HTMLParser):
    """The text of each SHOWN element (and of an svg's texts), with the element's name."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.found: list[tuple[str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col"}:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        text = data.strip()
        if not text or not self.open or "td" in self.open or "script" in self.open:
            return
        inside_svg = "svg" in self.open
        if self.open[-1] in SHOWN or (inside_svg and self.open[-1] in SVG_TEXT):
            self.found.append((self.open[-1], text))


@pytest.fixture
def kampung_plugins() -> None:
    return None


def _population_page(path: str) -> bool:
    page = path.split("?", 1)[0]
    return not any(part in page for part in NOT_POPULATION + LETTERS)


async def _indonesian(client, start: str, who: str) -> list[str]:
    client.cookies.set("kampung_lang", "en")
    found = []
    async for visit in crawl(client, start, pages=PAGES_PER_USER):
        response = visit.response
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        if not _population_page(str(response.url.path)):
            continue
        found.extend(
            f"{who} {response.url.path} <{tag}> {text[:90]}"
            for tag, text in ShownWords(response.text).found
            if INDONESIAN.search(text)
        )
    return found


async def test_population_pages_in_english_show_no_indonesian_words(kampung: Harness) -> None:
    demo = await build(kampung)
    found: list[str] = []
    for login in demo.logins:
        if login.secret:  # a citizen's PIN: the portal, below
            continue
        found += await _indonesian(await staff(kampung, login.username), login.home, login.role)
    found += await _indonesian(
        await citizen(kampung, demo), demo.village_home + "/warga", "citizen"
    )
    assert sorted(set(found)) == [], "\n".join(sorted(set(found)))
