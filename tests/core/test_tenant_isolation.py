from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.db import set_tenant_scope
from core.tenancy.tables import VillagePlugin
from core.testing.databases import backend

requires_postgres = pytest.mark.skipif(
    backend() != "postgresql", reason="Row-Level Security is a PostgreSQL feature"
)


async def test_village_operator_sees_own_dashboard(kampung) -> None:
    village = await kampung.village()
    client = await kampung.login("village_operator", village)
    response = await client.get(village.url + "/")
    assert response.status_code == 200
    assert village.name in response.text


async def test_operator_cannot_open_another_village_pages_or_api(kampung) -> None:
    mine, other = await kampung.village(0), await kampung.village(1)
    client = await kampung.login("village_operator", mine)
    assert (await client.get(other.url + "/")).status_code == 403
    api = await client.get(other.api + "/", headers={"accept": "application/json"})
    assert api.status_code == 403
    assert api.json()["detail"]


async def test_village_admin_cannot_change_another_village_settings(kampung) -> None:
    mine, other = await kampung.village(0), await kampung.village(1)
    client = await kampung.login("village_admin", mine)
    response = await client.post(other.url + "/pengaturan", data={"display_name": "Diambil alih"})
    assert response.status_code == 403
    async with kampung.scope(other.code):
        from core.tenancy.tables import Village

        row = await Village.select(Village.settings).where(Village.code == other.code).first()
    assert "Diambil alih" not in str(row["settings"])


async def test_district_viewer_sees_villages_of_their_district_only(kampung) -> None:
    inside = await kampung.village(0)
    outside_row = await kampung.village(40)
    assert inside.district_code != outside_row.district_code
    client = await kampung.login("district_viewer", inside.district_code)
    assert (await client.get(inside.url + "/")).status_code == 200
    assert (await client.get(outside_row.url + "/")).status_code == 403
    slug = await kampung.district_slug(inside.district_code)
    assert (await client.get(f"/kecamatan/{slug}/")).status_code == 200


async def test_not_onboarded_village_answers_404_and_its_users_cannot_sign_in(kampung) -> None:
    village = await kampung.village(2, onboarded=False)
    username = await kampung.user("village_operator", village.code)
    client = kampung.client()
    from core.testing.harness import sign_in

    response = await sign_in(client, username, "kampung-test-password")
    assert response.status_code == 403
    assert "belum terintegrasi" in response.text


@requires_postgres
async def test_row_level_security_blocks_a_query_that_skips_the_app_scope(kampung) -> None:
    first, second = await kampung.village(0), await kampung.village(1)
    for village in (first, second):
        async with kampung.scope(village.code):
            await VillagePlugin.insert(switch(village.code))
    engine = kampung.kernel.engine
    async with engine.transaction():
        await set_tenant_scope(engine, first.code)
        rows = await VillagePlugin.select(VillagePlugin.village_code)
    assert {row["village_code"] for row in rows} == {first.code}
    async with engine.transaction():
        assert await VillagePlugin.count() == 0
    with pytest.raises(Exception, match="row-level security"):
        async with engine.transaction():
            await set_tenant_scope(engine, first.code)
            await VillagePlugin.insert(switch(second.code))


def switch(village_code: str) -> VillagePlugin:
    return VillagePlugin(
        village_code=village_code,
        plugin="sample",
        enabled=True,
        changed_by="test",
        changed_at=datetime.now(UTC),
    )
