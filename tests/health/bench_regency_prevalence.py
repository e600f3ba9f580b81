"""Benchmark: the regency's stunting page beside a plain count of the same month's rows.

Not part of the suite (pytest collects `test_*.py`); run it on PostgreSQL explicitly:

    KAMPUNG_TEST_DATABASE=postgresql .venv/bin/python -m pytest -s \
        tests/health/bench_regency_prevalence.py

It spreads `CHILDREN` children over every village of the test regency with `MONTHS` months of
measurements each (15,000 x 12 here, about four minutes on two shared cores; the issue's figure
is 150,000 x 60: raise both to run it), keeps the monthly figures the way a recorded
measurement does, then times the page over HTTP (p50/p95 of 20 requests) and, as the reference,
the grouped count over `health_measurement` the page would need without them. (The test
harness keeps the environment hermetic, so the sizes are constants, not variables.)
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time

from conftest import signed_in

from core.localtime import local_today
from core.tenancy.tables import Village
from core.testing.harness import Harness
from plugins.health.dates import add_months, month_key
from plugins.health.reports import figures
from plugins.health.tables import Child, Measurement

CHILDREN = 15000
MONTHS = 12
TARGET_P95_MS = 300
BATCH = 2000


async def _fill(kampung: Harness, codes: list[str], today: dt.date) -> None:
    rng = random.Random(2026)
    per_village = max(1, CHILDREN // len(codes))
    months = [month_key(add_months(today, -back)) for back in range(MONTHS)]
    at = dt.datetime.now(dt.UTC)
    for code in codes:
        async with kampung.scope(code):
            born = [today - dt.timedelta(days=rng.randrange(MONTHS * 31, 1800)) for _ in
                    range(per_village)]  # fmt: skip
            ids = await Child.insert(
                *[
                    Child(resident_id=i, sex="L", birth_date=b, created_at=at)
                    for i, b in enumerate(born)
                ]
            ).returning(Child.id)
            rows = []
            for row in ids:
                stunted = rng.random() < 0.2
                for month in months:
                    rows.append(
                        Measurement(
                            child=row["id"], measured_on=dt.date.fromisoformat(month + "-10"),
                            month=month, age_days=900, weight_g=11000, length_mm=850,
                            adjusted_length_mm=850, z_wfa=-1000, z_lhfa=-2500 if stunted else 0,
                            z_wflh=0, z_bmi=0, stunted=stunted, recorded_by="bench",
                            created_at=at,
                        )
                    )  # fmt: skip
            for start in range(0, len(rows), BATCH):
                await Measurement.insert(*rows[start : start + BATCH])
            for month in months:
                await figures.refresh(month)


async def test_bench_regency_stunting_page(kampung: Harness) -> None:
    codes = [r["code"] for r in await Village.select(Village.code).order_by(Village.code)]
    today = local_today()
    started = time.perf_counter()
    await _fill(kampung, codes, today)
    print(f"\nfilled {CHILDREN} children x {MONTHS} months in {len(codes)} villages "
          f"in {time.perf_counter() - started:.0f} s")  # fmt: skip
    dinkes = await signed_in(kampung, "dinkes_officer", kampung.settings.regency_code)
    page_ms, count_ms = [], []
    for _ in range(20):
        started = time.perf_counter()
        response = await dinkes.get("/kabupaten/kesehatan/stunting")
        page_ms.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
        async with kampung.scope():
            started = time.perf_counter()
            await (
                Measurement.select(Measurement.village_code)
                .where((Measurement.month == month_key(today)) & Measurement.stunted.eq(True))
                .group_by(Measurement.village_code)
            )
            count_ms.append((time.perf_counter() - started) * 1000)

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[-1]

    print(f"regency page  p50 {statistics.median(page_ms):7.1f} ms  p95 {p95(page_ms):7.1f} ms")
    print(f"plain count   p50 {statistics.median(count_ms):7.1f} ms  p95 {p95(count_ms):7.1f} ms")
    assert p95(page_ms) <= TARGET_P95_MS
