"""Static files: content-hashed names kept a year by browsers, and text sent gzip-compressed."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest

from core import PluginInfo, hookimpl
from core.testing.databases import make_test_settings
from core.testing.harness import Harness
from core.web.app import HTMX_DIST, create_app
from core.web.static_assets import IMMUTABLE
from core.web.templating import DEFAULT_THEME

DEFAULT_STATIC = DEFAULT_THEME.parent / "static"
HASHED = re.compile(r"^/(static|vendor)/(.+)\.([0-9a-f]{8})(\.[a-z]+)$")


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    return ()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:8]


def asset_links(html: str) -> list[str]:
    return re.findall(r'<(?:script|link)[^>]+(?:src|href)="(/(?:static|vendor)/[^"]+)"', html)


async def test_pages_link_every_static_file_by_its_content_hash(kampung) -> None:
    page = await kampung.client().get("/masuk")
    found = {}
    for link in asset_links(page.text):
        match = HASHED.match(link)
        assert match, link
        found[match[2] + match[4]] = match[3]
    assert found == {
        "htmx.min.js": digest(HTMX_DIST / "htmx.min.js"),
        "favicon.svg": digest(DEFAULT_STATIC / "favicon.svg"),
        "kampung.css": digest(DEFAULT_STATIC / "kampung.css"),
        "kampung.js": digest(DEFAULT_STATIC / "kampung.js"),
    }


async def test_htmx_is_sent_gzip_compressed_and_kept_for_a_year(kampung) -> None:
    page = await kampung.client().get("/masuk")
    htmx = next(link for link in asset_links(page.text) if link.startswith("/vendor/"))
    raw = (HTMX_DIST / "htmx.min.js").read_bytes()
    async with kampung.client() as browser:
        response = await browser.get(htmx, headers={"accept-encoding": "gzip"})
        assert response.status_code == 200
        assert (
            response.headers["cache-control"]
            == IMMUTABLE
            == ("public, max-age=31536000, immutable")
        )
        assert response.headers["content-encoding"] == "gzip"
        assert response.headers["content-type"].split(";")[0] in {
            "text/javascript",
            "application/javascript",
        }
        assert response.content == raw
        assert response.num_bytes_downloaded < len(raw) / 2
        assert response.headers["x-content-type-options"] == "nosniff"


async def test_plain_static_names_are_still_served_but_revalidated(kampung) -> None:
    client = kampung.client()
    for path in ("/static/kampung.css", "/vendor/htmx.min.js"):
        response = await client.get(path)
        assert response.status_code == 200, path
        assert response.headers["cache-control"] == "no-cache", path
    head = await client.head(asset_links((await client.get("/masuk")).text)[0])
    assert head.status_code == 200 and head.headers["cache-control"] == IMMUTABLE


async def test_a_hash_of_other_bytes_or_a_path_outside_is_not_found(kampung) -> None:
    client = kampung.client()
    assert (await client.get("/static/kampung.00000000.css")).status_code == 404
    assert (await client.get("/static/../pyproject.toml")).status_code == 404
    assert (await client.get("/vendor/%2e%2e/package.json")).status_code == 404


async def test_a_page_is_compressed_when_the_browser_accepts_gzip(kampung) -> None:
    client = kampung.client()
    compressed = await client.get("/masuk", headers={"accept-encoding": "gzip, br"})
    assert compressed.headers["content-encoding"] == "gzip"
    assert "accept-encoding" in compressed.headers["vary"].lower()
    assert "<form" in compressed.text
    plain = await client.get("/masuk", headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert compressed.num_bytes_downloaded < plain.num_bytes_downloaded / 2


async def test_a_page_another_site_asked_for_is_not_compressed(kampung) -> None:
    """BREACH: a secret beside reflected input leaks through the compressed length."""
    response = await kampung.client().get(
        "/masuk?next=/desa/x", headers={"accept-encoding": "gzip", "sec-fetch-site": "cross-site"}
    )
    assert response.status_code == 200 and "content-encoding" not in response.headers
    own = await kampung.client().get(
        "/masuk", headers={"accept-encoding": "gzip", "sec-fetch-site": "same-origin"}
    )
    assert own.headers["content-encoding"] == "gzip"


@pytest.fixture
def regency_theme(tmp_path: Path) -> Path:
    theme = tmp_path / "sampang"
    (theme / "templates").mkdir(parents=True)
    (theme / "static").mkdir()
    (theme / "static" / "kampung.css").write_text("body { color: #123; }\n" * 40)
    (theme / "static" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4000))
    return theme


@pytest.fixture
async def themed(kampung_database, regency_theme: Path, tmp_path: Path) -> AsyncIterator[Harness]:
    """The app of an instance whose regency theme overrides the stylesheet and adds a logo."""
    app_url, owner_url = kampung_database
    settings = make_test_settings(
        app_url, owner_url, plugins=(), data_dir=str(tmp_path / "data"), theme=str(regency_theme)
    )
    app = create_app(settings)
    await app.state.kernel.database.start()
    try:
        yield Harness(app, settings)
    finally:
        await app.state.kernel.database.close()


async def test_a_regency_themes_file_is_hashed_instead_of_the_defaults(
    themed: Harness, regency_theme: Path
) -> None:
    assets = themed.app.state.assets
    css = assets.static_url("kampung.css")
    assert css == f"/static/kampung.{digest(regency_theme / 'static' / 'kampung.css')}.css"
    assert assets.static_url("kampung.js") == (
        f"/static/kampung.{digest(DEFAULT_STATIC / 'kampung.js')}.js"
    )
    client = themed.client()
    page = await client.get("/masuk")
    assert f'href="{css}"' in page.text
    served = await client.get(css)
    assert served.text == (regency_theme / "static" / "kampung.css").read_text()
    assert served.headers["content-encoding"] == "gzip"


async def test_images_are_not_compressed_again(themed: Harness, regency_theme: Path) -> None:
    url = themed.app.state.assets.static_url("logo.png")
    response = await themed.client().get(url, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200 and response.headers["cache-control"] == IMMUTABLE
    assert "content-encoding" not in response.headers
    assert response.content == (regency_theme / "static" / "logo.png").read_bytes()


def test_a_template_naming_a_missing_static_file_fails_loudly(kampung_settings) -> None:
    app = create_app(kampung_settings)
    with pytest.raises(LookupError, match=r"static file /static/nope\.css does not exist"):
        app.state.assets.static_url("nope.css")


async def test_static_files_are_gzip_members_a_browser_can_read(kampung) -> None:
    """The compressed bytes are a plain gzip stream, not something only httpx understands."""
    url = kampung.app.state.assets.static_url("kampung.js")
    client = kampung.client()
    async with client.stream("GET", url, headers={"accept-encoding": "gzip"}) as response:
        raw = b"".join([chunk async for chunk in response.aiter_raw()])
    assert gzip.decompress(raw) == (DEFAULT_STATIC / "kampung.js").read_bytes()


def static_plugin(directory: Path) -> SimpleNamespace:
    @hookimpl
    def kampung_plugin_info() -> PluginInfo:
        return PluginInfo(name="peta", title="Peta", version="1.0", core_version=">=0.1,<1")

    @hookimpl
    def kampung_static_dirs() -> dict[str, Path]:
        return {"peta": directory}

    return SimpleNamespace(
        __name__="sample_peta",
        kampung_plugin_info=kampung_plugin_info,
        kampung_static_dirs=kampung_static_dirs,
    )


async def test_a_plugins_static_files_get_hashed_names_too(kampung_settings, tmp_path) -> None:
    folder = tmp_path / "peta-static"
    (folder / "js").mkdir(parents=True)
    (folder / "js" / "peta.js").write_text("window.peta = 1;\n")
    app = create_app(kampung_settings, extra_plugins=[static_plugin(folder)])
    url = app.state.assets.static_url("plugins/peta/js/peta.js")
    assert url == f"/static/plugins/peta/js/peta.{digest(folder / 'js' / 'peta.js')}.js"
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver.local"
    ) as client:
        hashed = await client.get(url)
        plain = await client.get("/static/plugins/peta/js/peta.js")
    assert hashed.text == "window.peta = 1;\n" and hashed.headers["cache-control"] == IMMUTABLE
    assert plain.text == hashed.text and plain.headers["cache-control"] == "no-cache"


async def test_every_page_names_an_icon_the_instance_serves(kampung) -> None:
    """Browsers ask for /favicon.ico on every page unless the page names an icon."""
    client = kampung.client()
    page = (await client.get("/masuk")).text
    icon = page.split('rel="icon"', 1)[1].split('href="', 1)[1].split('"', 1)[0]
    answer = await client.get(icon)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("image/svg+xml")
