"""A tenant table is scoped by the core: a plugin's query without a village filter sees only the
request's villages, and a query with no scope fails loudly, on SQLite as on PostgreSQL."""

from __future__ import annotations

import pytest
from sample_tenant import plugin as sample_plugin
from sample_tenant.tables import Note

from core.db import TenantScopeError, tenant_transaction


@pytest.fixture
def kampung_extra_plugins():
    return [sample_plugin]


async def seed(kampung, village, *texts: str) -> None:
    async with kampung.scope(village.code):
        await Note.insert(*(Note(text=text) for text in texts))


async def test_a_query_without_a_village_filter_sees_only_the_requests_village(kampung) -> None:
    mine, theirs = await kampung.village(0), await kampung.village(1)
    await seed(kampung, mine, "posyandu melati")
    await seed(kampung, theirs, "rahasia desa lain")
    client = await kampung.login("village_operator", mine)
    answer = await client.get(mine.url + "/catatan")
    assert answer.status_code == 200
    assert answer.json() == ["posyandu melati"]


async def test_a_district_scope_reaches_its_villages_and_no_others(kampung) -> None:
    villages = [await kampung.village(index) for index in range(3)]
    for village in villages:
        await seed(kampung, village, f"catatan {village.code}")
    district = villages[0].district_code
    async with kampung.scope(district):
        seen = {row["village_code"] for row in await Note.select(Note.village_code)}
    assert seen == {v.code for v in villages if v.district_code == district}


async def test_the_village_is_filled_in_and_a_row_of_another_village_is_refused(kampung) -> None:
    mine, theirs = await kampung.village(0), await kampung.village(1)
    await seed(kampung, mine, "baru")
    async with kampung.scope(mine.code):
        assert await Note.select(Note.village_code).first() == {"village_code": mine.code}
        with pytest.raises(TenantScopeError, match=f"village {theirs.code} cannot be written"):
            await Note.insert(Note(text="selundupan", village_code=theirs.code))


async def test_a_query_with_no_scope_fails_loudly(kampung) -> None:
    with pytest.raises(TenantScopeError, match="sample_note is a tenant table"):
        await Note.select()
    async with kampung.kernel.engine.transaction():
        with pytest.raises(TenantScopeError, match="no village scope"):
            await Note.count()


async def test_the_scope_ends_with_its_transaction(kampung) -> None:
    village = await kampung.village(0)
    await seed(kampung, village, "satu")
    async with tenant_transaction(kampung.kernel.engine, village.code):
        assert await Note.count() == 1
    with pytest.raises(TenantScopeError):
        await Note.count()


async def test_updates_and_deletes_stay_in_scope_and_still_need_a_where_or_force(kampung) -> None:
    mine, theirs = await kampung.village(0), await kampung.village(1)
    await seed(kampung, mine, "lama")
    await seed(kampung, theirs, "lama")
    async with kampung.scope(mine.code):
        with pytest.raises(Exception, match="force=True"):
            await Note.update({Note.text: "diubah"})
        await Note.update({Note.text: "diubah"}, force=True)
        assert await Note.exists().where(Note.text == "diubah")
        await Note.delete().where(Note.text == "diubah")
        assert await Note.count() == 0
    async with kampung.scope(theirs.code):
        assert [row.text for row in await Note.objects()] == ["lama"]


async def test_raw_sql_on_a_tenant_table_is_refused(kampung) -> None:
    village = await kampung.village(0)
    async with kampung.scope(village.code):
        with pytest.raises(TenantScopeError, match="raw SQL"):
            await Note.raw("SELECT * FROM sample_note")
