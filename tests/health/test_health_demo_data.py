"""The demo village, as `kampung demo` fills it: posyandu in its hamlets, its under-fives
measured over months with about one in five stunted, immunisation with gaps, pregnancies and
the referrals the data raised; deterministic from the seed."""

from __future__ import annotations

import inspect

from core import DemoContext
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from core.testing.harness import Harness, VillageRef
from plugins.health.tables import (
    Child,
    Immunisation,
    Measurement,
    MonthlyFigure,
    Posyandu,
    Pregnancy,
    Referral,
)


async def _demo(kampung: Harness, village: VillageRef, seed: int = 7) -> None:
    row = await Village.select().where(Village.code == village.code).first()
    context = DemoContext(kernel=kampung.kernel, village=village_tenant(row), seed=seed)
    async with kampung.scope(village.code):
        for _, result in kampung.kernel.registry.results("kampung_demo_data", context=context):
            if inspect.isawaitable(result):
                await result


async def test_the_demo_village_has_posyandu_children_measured_over_months(
    kampung: Harness, village: VillageRef
) -> None:
    await _demo(kampung, village)
    async with kampung.scope(village.code):
        children = await Child.count()
        measurements = await Measurement.select(Measurement.month, Measurement.stunted)
        assert await Posyandu.count() >= 1
        assert await Immunisation.count() > 0
        assert await Pregnancy.count() > 0
        assert await Referral.count() > 0
    assert children > 10
    assert len({m["month"] for m in measurements}) == 12
    stunted = sum(m["stunted"] for m in measurements) / len(measurements)
    assert 0.1 < stunted < 0.3


async def test_the_monthly_figures_equal_a_plain_recount_of_the_measurements(
    kampung: Harness, village: VillageRef
) -> None:
    await _demo(kampung, village)
    async with kampung.scope(village.code):
        measurements = await Measurement.select()
        figures = {f["month"]: f for f in await MonthlyFigure.select()}
    for month, figure in figures.items():
        rows = [m for m in measurements if m["month"] == month]
        assert figure["stunted"] == sum(m["stunted"] for m in rows)
        assert figure["measured_length"] == sum(m["z_lhfa"] is not None for m in rows)
        assert figure["wasted"] == sum(m["wasted"] for m in rows)
    assert set(figures) == {m["month"] for m in measurements}
