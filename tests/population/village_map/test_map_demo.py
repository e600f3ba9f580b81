"""The demo village gets a boundary, its hamlets and its public buildings, once."""

from __future__ import annotations

from core import DemoContext
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from plugins.population.village_map.demo import demo_map
from plugins.population.village_map.tables import MapFeature


async def test_the_demo_village_has_a_map_drawn_on_its_page(kampung):
    village = await kampung.village()
    row = await Village.select().where(Village.code == village.code).first()
    context = DemoContext(kernel=kampung.kernel, village=village_tenant(row), seed=7)
    async with kampung.scope(village.code):
        await demo_map(context)
        await demo_map(context)
        kinds = [r["kind"] for r in await MapFeature.select(MapFeature.kind)]
    assert kinds.count("batas_desa") == 1 and kinds.count("batas_dusun") == 3
    assert {"kantor_desa", "posyandu", "pasar", "sekolah", "ibadah"} <= set(kinds)
    head = await kampung.login("village_head", village)
    page = await head.get(f"{village.url}/peta")
    assert 'class="vm-village"' in page.text and ">Kantor Desa</text>" in page.text
