"""Dashboard tiles: a tile links only where its viewer may go (the core judges each tile's link
by the permission of the route it reaches, whichever plugin drew the tile), and its HTML is
Markup."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from core.plugins.contributions import Widget
from core.testing.harness import Harness


async def test_the_modules_tile_links_to_the_modules_page_only_for_who_may_open_it(
    kampung: Harness,
) -> None:
    village = await kampung.village()
    modules = f'href="{village.url}/pengaturan/modul"'
    operator = await (await kampung.login("village_operator", village)).get(village.url)
    admin = await (await kampung.login("village_admin", village)).get(village.url)
    assert "Modul aktif" in operator.text and modules not in operator.text
    assert modules in admin.text


def test_a_tile_takes_its_html_only_as_markup() -> None:
    """A plain string of tags would reach the page as text (the market tile showed `<p>…</p>`)."""
    with pytest.raises(TypeError, match=r"body_html must be markupsafe\.Markup"):
        Widget(title="Pasar wisata", body_html="<p>Minggu Legi</p>")
    assert Widget(title="Pasar wisata", body_html=Markup("<p>{}</p>").format("<b>")).body_html == (
        "<p>&lt;b&gt;</p>"
    )
