"""In English mode the dashboards' cards, the page titles, status names and the messages a
handler builds in Python (form errors, flash messages) are English, not the Indonesian source."""

from __future__ import annotations

import re

import pytest

from core.workflow import Lifecycle

WIDGET_TITLE = re.compile(r'<h2 class="widget-title">([^<]*)</h2>')


@pytest.fixture
def kampung_plugins() -> tuple[str, ...] | None:
    """Every installed plugin, so every plugin's dashboard cards are on the pages."""
    return None


async def _titles(client, url: str, lang: str) -> list[str]:
    client.cookies.set("kampung_lang", lang)
    page = await client.get(url)
    assert page.status_code == 200, page.text[:300]
    return WIDGET_TITLE.findall(page.text)


async def _cards_are_english(kampung, client, url: str) -> None:
    translator = kampung.app.state.translator
    indonesian = await _titles(client, url, "id")
    english = await _titles(client, url, "en")
    assert indonesian and len(english) == len(indonesian)
    assert english == [translator.gettext("en", title) for title in indonesian]
    assert [t for t in indonesian if t == translator.gettext("en", t)] == []


async def test_a_village_dashboard_shows_english_cards(kampung) -> None:
    village = await kampung.village()
    client = await kampung.login("village_head", village)

    await _cards_are_english(kampung, client, village.url + "/")
    page = await client.get(village.url + "/")
    assert "Active modules" in page.text and "Modul aktif" not in page.text


async def test_the_regency_dashboard_shows_english_cards(kampung) -> None:
    await kampung.village()
    client = await kampung.login("regency_admin")

    await _cards_are_english(kampung, client, "/kabupaten/")
    page = await client.get("/kabupaten/")
    assert "Villages onboarded" in page.text and "Desa terintegrasi" not in page.text


async def test_a_validation_message_built_by_a_handler_is_english(kampung) -> None:
    client = await kampung.login("regency_officer", "35.27")
    client.cookies.set("kampung_lang", "en")

    answer = await client.post(
        "/akun/kata-sandi",
        data={
            "current_password": "bukan-sandi-saya-123",
            "password": "x" * 20,
            "password_confirm": "x" * 20,
        },
    )

    assert answer.status_code == 422
    assert "The current password is wrong." in answer.text
    assert "Kata sandi saat ini salah" not in answer.text


async def test_a_village_settings_error_and_title_are_english(kampung) -> None:
    village = await kampung.village()
    client = await kampung.login("village_admin", village)
    client.cookies.set("kampung_lang", "en")

    answer = await client.post(village.url + "/pengaturan", data={"primary_colour": "hijau"})

    assert answer.status_code == 422, answer.text[:300]
    assert "A colour must have the form #RRGGBB" in answer.text
    assert "Warna harus berbentuk" not in answer.text
    assert "Pengaturan desa" not in answer.text


@pytest.mark.parametrize(
    ("path", "role"),
    [
        ("/kesehatan/laporan", "village_midwife"),
        ("/bantuan", "village_head"),
        ("/pasar", "village_head"),
    ],
)
async def test_plugin_pages_have_english_titles(kampung, path: str, role: str) -> None:
    village = await kampung.village()
    client = await kampung.login(role, village)
    client.cookies.set("kampung_lang", "id")
    indonesian = await client.get(village.url + path)
    client.cookies.set("kampung_lang", "en")
    english = await client.get(village.url + path)

    assert indonesian.status_code == english.status_code == 200
    title = re.compile(r"<title>([^<]*)</title>")
    h1 = re.compile(r"<h1[^>]*>([^<]*)<")
    for pattern in (title, h1):
        shown_id, shown_en = pattern.findall(indonesian.text), pattern.findall(english.text)
        assert shown_id and shown_en and shown_id != shown_en


def test_a_lifecycle_label_is_shown_in_the_request_language(kampung) -> None:
    lifecycle = Lifecycle(
        name="sample",
        initial="menunggu",
        transitions={("menunggu", "batalkan"): "dibatalkan"},
        labels={"menunggu": "Menunggu", "batalkan": "Batalkan", "dibatalkan": "Dibatalkan"},
    )
    translator = kampung.app.state.translator
    token = translator.activate("en")
    try:
        assert (
            lifecycle.label("dibatalkan") == translator.gettext("en", "Dibatalkan") != "Dibatalkan"
        )
    finally:
        translator.reset(token)
    assert lifecycle.label("dibatalkan") == "Dibatalkan"
