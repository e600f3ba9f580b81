"""The dashboard tiles and the menu: figures for who may see them, nothing for the others."""

from __future__ import annotations

from conftest import signed_in

from core.testing.harness import Harness, VillageRef


async def test_the_village_head_sees_this_months_weighing_on_the_dashboard(
    kampung: Harness, village: VillageRef
) -> None:
    head = await signed_in(kampung, "village_head", village)
    page = await head.get(village.url)
    assert page.status_code == 200 and "Balita ditimbang bulan ini" in page.text
    operator = await signed_in(kampung, "village_operator", village)
    assert "Balita ditimbang bulan ini" not in (await operator.get(village.url)).text


async def test_the_regency_dashboard_shows_stunting(kampung: Harness) -> None:
    admin = await signed_in(kampung, "regency_admin", kampung.settings.regency_code)
    page = await admin.get("/kabupaten")
    assert "Balita pendek (stunting) bulan ini" in page.text
    assert "/kabupaten/kesehatan/stunting" in page.text


async def test_the_menu_names_the_health_pages_for_the_midwife_only(
    kampung: Harness, village: VillageRef
) -> None:
    midwife = await signed_in(kampung, "village_midwife", village)
    page = (await midwife.get(f"{village.url}/kesehatan")).text
    assert f'href="{village.url}/kesehatan/laporan"' in page
    operator = await signed_in(kampung, "village_operator", village)
    assert f'href="{village.url}/kesehatan"' not in (await operator.get(village.url)).text
