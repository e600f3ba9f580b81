"""The plugin's menu entries and the village site's stylesheet."""

from __future__ import annotations

from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from plugins.public_info import plugin


async def test_the_menu_names_each_staff_page_with_its_permission(kampung) -> None:
    village = await kampung.village()
    row = await Village.select().where(Village.code == village.code).first()
    items = plugin.kampung_menu_items(village_tenant(row))
    assert {item.url.removeprefix(village.url): item.permission for item in items} == {
        "/ppid": "public_info.request.read",
        "/ppid/dip": "public_info.dip.manage",
        "/kelola-situs": "public_info.site.edit",
        "/kelola-situs/apbdes": "public_info.budget.edit",
    }


async def test_the_site_stylesheet_is_served(kampung) -> None:
    village = await kampung.village()
    home = await kampung.client().get(f"{village.url}/situs")
    href = home.text.split('rel="stylesheet" href="')[-1].split('"')[0]
    assert "plugins/public_info/site" in href
    assert (await kampung.client().get(href)).status_code == 200
