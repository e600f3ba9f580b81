"""Public pages kept per worker (`core.web.public_cache`): a visitor who is not signed in is
answered from the kept page, with their own CSRF token and a fresh nonce; staff always see the
page fresh, a write to the village drops its pages, and nothing of one visitor reaches another."""

from __future__ import annotations

import re

import pytest

from core.testing.harness import CSRF_COOKIE, Harness, VillageRef
from core.web import public_cache
from plugins.public_info.tables import SiteProfile

EDITOR = "public_info_editor"
TOKEN_IN_PAGE = re.compile(r'name="_csrf_token" value="([0-9a-f]+)"')
NONCE_IN_PAGE = re.compile(r'<style nonce="([^"]+)"')


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    return ("public_info",)


async def _profile(kampung: Harness, village: VillageRef, history: str) -> None:
    editor = await kampung.login(EDITOR, village)
    saved = await editor.post(
        f"{village.url}/kelola-situs/profil",
        data={
            "history": history,
            "vision": "Desa mandiri",
            "area_hectares": "512",
            "latitude": "-7.0512",
            "longitude": "113.2871",
            "hamlets": "Krajan",
            "office_hours": "Senin-Jumat 08.00-15.00",
        },
    )
    assert saved.status_code == 303, saved.text[:300]


async def _rewrite_behind_the_app(kampung: Harness, village: VillageRef, history: str) -> None:
    """A change the worker does not see (another worker's write, say)."""
    async with kampung.scope(village.code):
        await SiteProfile.update({SiteProfile.history: history}).where(
            SiteProfile.village_code == village.code
        )


async def test_a_visitor_is_answered_from_the_kept_page_and_staff_see_it_fresh(kampung) -> None:
    village = await kampung.village()
    await _profile(kampung, village, "Dibuka pada masa kerajaan Sumenep.")
    home = f"{village.url}/situs/profil"
    first = await kampung.client().get(home)
    assert "kerajaan Sumenep" in first.text
    await _rewrite_behind_the_app(kampung, village, "Sejarah yang baru ditulis.")
    kept = await kampung.client().get(home)
    assert kept.status_code == 200 and "kerajaan Sumenep" in kept.text
    editor = await kampung.login(EDITOR, village)
    assert "Sejarah yang baru ditulis." in (await editor.get(home)).text


async def test_a_kept_page_ages_out(kampung, monkeypatch: pytest.MonkeyPatch) -> None:
    village = await kampung.village()
    await _profile(kampung, village, "Dibuka pada masa kerajaan Sumenep.")
    home = f"{village.url}/situs/profil"
    await kampung.client().get(home)
    await _rewrite_behind_the_app(kampung, village, "Sejarah yang baru ditulis.")
    monkeypatch.setattr(public_cache, "PUBLIC_CACHE_SECONDS", 0.0)
    assert "Sejarah yang baru ditulis." in (await kampung.client().get(home)).text


async def test_a_write_to_the_village_drops_its_kept_pages(kampung) -> None:
    village = await kampung.village()
    await _profile(kampung, village, "Dibuka pada masa kerajaan Sumenep.")
    home = f"{village.url}/situs/profil"
    await kampung.client().get(home)
    await _profile(kampung, village, "Sejarah yang disunting petugas.")
    assert "Sejarah yang disunting petugas." in (await kampung.client().get(home)).text


async def test_each_visitor_gets_their_own_token_and_a_fresh_nonce(kampung) -> None:
    village = await kampung.village()
    await _profile(kampung, village, "Dibuka pada masa kerajaan Sumenep.")
    home = f"{village.url}/situs"
    first_visitor, second_visitor = kampung.client(), kampung.client()
    first = await first_visitor.get(home)
    second = await second_visitor.get(home)
    tokens = [TOKEN_IN_PAGE.search(page.text) for page in (first, second)]
    assert all(tokens)
    assert [t[1] for t in tokens if t] == [
        first_visitor.cookies[CSRF_COOKIE],
        second_visitor.cookies[CSRF_COOKIE],
    ]
    assert first_visitor.cookies[CSRF_COOKIE] != second_visitor.cookies[CSRF_COOKIE]
    again = await first_visitor.get(home)
    assert "set-cookie" not in again.headers
    assert TOKEN_IN_PAGE.search(again.text)[1] == first_visitor.cookies[CSRF_COOKIE]  # type: ignore[index]
    switched = await second_visitor.post(
        "/-/lang",
        data={"_csrf_token": tokens[1][1], "lang": "en", "next": home},  # type: ignore[index]
    )
    assert switched.status_code == 303, switched.text[:300]
    nonces = [NONCE_IN_PAGE.search(page.text) for page in (first, second, again)]
    for page, nonce in zip((first, second, again), nonces, strict=True):
        if nonce is not None:
            assert f"'nonce-{nonce[1]}'" in page.headers["content-security-policy"]
    found = [n[1] for n in nonces if n is not None]
    assert len(set(found)) == len(found)


async def test_a_kept_page_follows_the_visitors_language_and_encoding(kampung) -> None:
    village = await kampung.village()
    home = f"{village.url}/situs"
    await kampung.client().get(home)
    english = kampung.client()
    english.cookies.set("kampung_lang", "en")
    assert 'lang="en"' in (await english.get(home)).text
    squeezed = await kampung.client().get(home, headers={"accept-encoding": "gzip"})
    assert squeezed.headers.get("content-encoding") == "gzip" and "<html" in squeezed.text
    plain = await kampung.client().get(home, headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers and "<html" in plain.text


async def test_kept_pages_are_bounded_oldest_first(
    kampung, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A visitor who varies the query string cannot grow a worker's memory without end."""
    village = await kampung.village()
    monkeypatch.setattr(public_cache, "MAX_PAGES", 2)
    for n in range(4):
        assert (await kampung.client().get(f"{village.url}/situs?v={n}")).status_code == 200
    pages = getattr(kampung.app.state, public_cache.STATE_KEY)
    assert [key[2] for key in pages] == [b"v=2", b"v=3"]
