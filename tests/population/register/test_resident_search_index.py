"""Finding a resident by the start of any word of the name, or a NIK or KK number by its last
digits, through the terms the database keeps for every write path, with an index-backed plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from core.localtime import local_today
from plugins.population.importing.bulk import insert_rows
from plugins.population.register.families import set_kk_number
from plugins.population.register.resident_form import read_resident
from plugins.population.register.residents import update_resident
from plugins.population.register.search import (
    filter_conditions,
    read_filter,
    search_residents,
    sort_key,
)
from plugins.population.tables import Resident

KK = "3527010101260001"


async def _names(kampung: Any, village: Any, **params: str) -> list[str]:
    async with kampung.scope(village.code):
        page = await search_residents(village.code, read_filter(params), local_today())
    return [row["name"] for row in page.rows]


async def test_a_name_is_found_by_the_start_of_any_of_its_words(kampung, register) -> None:
    village = await kampung.village()
    await register.resident(village, 1, name="SITI AMINAH")
    await register.resident(village, 2, name="Aminah Wati")
    await register.resident(village, 3, name="NUR-AINI BR. SITORUS")
    await register.resident(village, 4, name="Budi Santoso")

    assert await _names(kampung, village, q="aminah") == ["Aminah Wati", "SITI AMINAH"]
    assert await _names(kampung, village, q="AMI") == ["Aminah Wati", "SITI AMINAH"]
    assert await _names(kampung, village, q="aminah siti") == ["SITI AMINAH"]
    assert await _names(kampung, village, q="  siti   am ") == ["SITI AMINAH"]
    assert await _names(kampung, village, q="aini") == ["NUR-AINI BR. SITORUS"]
    assert await _names(kampung, village, q="sitorus br") == ["NUR-AINI BR. SITORUS"]
    assert await _names(kampung, village, q="minah") == []
    assert await _names(kampung, village, q="santoso budi") == ["Budi Santoso"]


async def test_a_nik_or_kk_number_is_found_by_its_last_digits(kampung, register) -> None:
    village = await kampung.village()
    await register.family(village, KK)
    await register.resident(village, 7, name="Warga Tujuh", kk_number=KK, relationship="1")
    await register.resident(village, 8, name="Warga Delapan")

    assert await _names(kampung, village, q="0007") == ["Warga Tujuh"]
    assert await _names(kampung, village, q="3527011405900008") == ["Warga Delapan"]
    assert await _names(kampung, village, q="260001") == ["Warga Tujuh"]
    assert await _names(kampung, village, nik="900008") == ["Warga Delapan"]
    assert await _names(kampung, village, nik="3527011405900007") == ["Warga Tujuh"]
    assert await _names(kampung, village, kk="0101260001") == ["Warga Tujuh"]
    assert await _names(kampung, village, kk=KK) == ["Warga Tujuh"]
    assert await _names(kampung, village, nik="1405") == []


def test_too_few_digits_or_letters_in_a_number_field_are_refused_by_name() -> None:
    assert read_filter({"q": "007"}).errors == {
        "q": "Pencarian nomor: isi sekurangnya 4 angka terakhir NIK atau KK."
    }
    refused = read_filter({"nik": "12a4", "kk": "123"})
    assert refused.errors == {
        "nik": "NIK hanya boleh berisi angka.",
        "kk": "Nomor KK: isi sekurangnya 4 angka terakhir, atau nomor lengkapnya.",
    }
    assert (refused.nik, refused.kk) == ("", "")
    assert read_filter({"nik": "3527 0114 0590 0007"}).nik == "3527011405900007"


async def test_the_terms_follow_an_edit_a_raw_insert_a_bulk_insert_and_a_new_kk(
    kampung, register, people
) -> None:
    village = await kampung.village()
    family_id = await register.family(village, KK)
    edited = await register.resident(village, 1, name="Siti Aminah", kk_number=KK, relationship="1")
    await people.resident(village, "MOH. KHOLIL")
    now = dt.datetime.now(dt.UTC)
    columns = ("village_code", "nik", "name", "name_key", "sex", "created_at", "updated_at")
    async with kampung.scope(village.code):
        await insert_rows(
            kampung.kernel.engine,
            Resident,
            columns,
            [(village.code, "3527014101800099", "ROKAYAH", "rokayah", 2, now, now)],
        )
        values = register.person(
            1, name="Siti Rahmawati", kk_number=KK, relationship="1", nik_checked="1"
        )
        data = read_resident(values, village_code=village.code, today=local_today()).data
        assert data is not None
        await update_resident(kampung.kernel, village.code, "test", edited, 1, data)
        await set_kk_number(kampung.kernel, village.code, "test", family_id, "3527010101269999")

    assert await _names(kampung, village, q="aminah") == []
    assert await _names(kampung, village, q="rahma") == ["Siti Rahmawati"]
    assert await _names(kampung, village, q="kholil") == ["MOH. KHOLIL"]
    assert await _names(kampung, village, q="rokayah") == ["ROKAYAH"]
    assert await _names(kampung, village, q="800099") == ["ROKAYAH"]
    assert await _names(kampung, village, kk="269999") == ["Siti Rahmawati"]
    assert await _names(kampung, village, kk="260001") == []


async def test_another_villages_terms_are_never_matched(kampung, register) -> None:
    ours, theirs = await kampung.village(0), await kampung.village(1)
    await register.resident(ours, 1, name="Siti Aminah")
    await register.resident(theirs, 2, name="Aminah Wati")

    assert await _names(kampung, ours, q="aminah") == ["Siti Aminah"]
    assert await _names(kampung, ours, q="0002") == []


async def _plan(kampung: Any, village: Any, params: dict[str, str]) -> str:
    """The plans of the list's first page and of its count, as the app's role gets them."""
    f = read_filter(params)
    where = filter_conditions(village.code, f, local_today())
    queries = [
        Resident.select(Resident.id).where(where).order_by(sort_key(f)).limit(50),
        Resident.count().where(where),
    ]
    engine = kampung.kernel.engine
    postgres = engine.engine_type == "postgres"
    lines = []
    async with kampung.scope(village.code):
        for query in queries:
            explain = ("EXPLAIN " if postgres else "EXPLAIN QUERY PLAN ") + str(query)
            for row in await engine.run_ddl(explain):
                lines.append(str(row.get("QUERY PLAN", row.get("detail"))))
    return "\n".join(lines)


async def _village_of(kampung: Any, register: Any, village: Any, count: int) -> None:
    """`count` residents written as the bulk importer writes them, two of them SITI AMINAH."""
    now = dt.datetime.now(dt.UTC)
    columns = ("village_code", "nik", "name", "name_key", "sex", "created_at", "updated_at")
    rows = [
        (village.code, f"352701410180{serial:04d}", name, name.lower(), 2, now, now)
        for serial in range(1, count + 1)
        for name in ["SITI AMINAH" if serial in (17, 333) else f"WARGA NOMOR {serial}"]
    ]
    async with kampung.scope(village.code):
        await insert_rows(kampung.kernel.engine, Resident, columns, rows)
    database = kampung.kernel.database
    if database.is_postgres:
        # As a production database has them (autovacuum; the importer's own ANALYZE).
        await database.owner_engine.run_ddl("ANALYZE population_resident, population_search_key")


@pytest.mark.parametrize("params", [{"q": "aminah"}, {"q": "0333"}, {"nik": "3527014101800017"}])
async def test_the_search_reads_the_terms_index_and_never_scans_the_village(
    kampung, register, params
) -> None:
    village = await kampung.village()
    await _village_of(kampung, register, village, 2000)

    plan = await _plan(kampung, village, params)

    if kampung.kernel.engine.engine_type == "postgres":
        lookups = [line for line in plan.splitlines() if "Index Cond" in line and "term" in line]
        assert lookups and all("term ~>=~" in line for line in lookups), plan
        assert "population_search_key_lookup" in plan, plan
        assert "Seq Scan on population_resident" not in plan, plan
        assert "population_resident_pkey" in plan and "SubPlan" not in plan, plan
    else:
        terms = "SEARCH population_search_key USING COVERING INDEX population_search_key_lookup"
        assert f"{terms} (village_code=? AND kind=? AND term>? AND term<?)" in plan, plan
        residents = [line for line in plan.splitlines() if "population_resident " in line]
        assert residents and all("rowid=?" in line for line in residents), plan
        assert "SCAN population_resident" not in plan, plan
