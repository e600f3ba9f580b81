"""Population's tables are the core's tenant tables: a count or a query names no village, and
still sees only the villages of its transaction's scope, on SQLite as on PostgreSQL."""

from __future__ import annotations

import pytest

from core.db import TenantScopeError
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from plugins.population.register.widgets import families_widget, residents_widget
from plugins.population.statistics import queries
from plugins.population.tables import TABLES, Family, Resident


async def test_a_register_query_without_a_scope_is_refused(kampung, people) -> None:
    village = await kampung.village()
    await people.resident(village)
    for table in TABLES:
        with pytest.raises(TenantScopeError, match=table._meta.tablename):
            await table.count()


async def test_a_village_counts_only_its_own_rows(kampung, people) -> None:
    ours, theirs = await kampung.village(0), await kampung.village(1)
    await people.resident(ours, family=await people.family(ours))
    for name in ("AHMAD FAUZI", "BUDI SANTOSO"):
        await people.resident(theirs, name, family=await people.family(theirs), sex=1)
    async with kampung.scope(ours.code):
        row = await Village.select().where(Village.code == ours.code).first()
        tenant = village_tenant(row)
        residents = await residents_widget(tenant, kampung.kernel)
        families = await families_widget(tenant, kampung.kernel)
        by_religion = await queries.coded_counts("religion")
        years = await queries.birth_years()
    assert (residents.value, families.value) == ("1", "1")
    assert by_religion == {None: 1}
    assert [(sex, count) for sex, _, count in years] == [(2, 1)]


async def test_the_regency_counts_every_village_and_a_row_elsewhere_is_refused(
    kampung, people
) -> None:
    ours, theirs = await kampung.village(0), await kampung.village(1)
    await people.resident(ours)
    await people.resident(theirs, "AHMAD FAUZI", sex=1)
    async with kampung.scope(kampung.settings.regency_code):
        assert await Resident.count() == 2
        assert sorted((sex, n) for sex, _, n in await queries.birth_years()) == [(1, 1), (2, 1)]
    with pytest.raises(TenantScopeError, match="cannot be written in scope"):
        async with kampung.scope(ours.code):
            await Family.insert(Family(village_code=theirs.code, kk_number="3527011201200001"))
