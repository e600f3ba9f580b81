"""Searching the access trail: the regency across villages, a village admin in their own only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from core.audit import Actor, Collected, Subject, record
from core.audit.tables import Disclosure

NIK = "3527011405900001"


async def _entry(
    kampung: Any,
    code: str,
    *,
    actor: str = "operator-a",
    kind: str = "population.resident.detail",
    subjects: tuple[Subject, ...] = (),
    at: datetime | None = None,
) -> None:
    collected = Collected(kind=kind, label="Data penduduk")
    collected.add(subjects, {}, None)
    async with kampung.scope(code):
        await record(
            village_code=code,
            at=at or datetime.now(UTC),
            actor=Actor(actor, actor.title(), ("village_operator",)),
            collected=collected,
            path="/x",
        )


async def _trail(kampung: Any) -> list[dict[str, Any]]:
    async with kampung.scope():
        return await Disclosure.select().order_by(Disclosure.id)


async def test_regency_admin_searches_by_actor_village_record_date_and_kind(kampung) -> None:
    first = await kampung.village(0, plugins=[])
    second = await kampung.village(1, plugins=[])
    await _entry(kampung, first.code, actor="budi", subjects=(Subject("resident", 7, NIK),))
    await _entry(kampung, first.code, actor="siti", kind="population.family.list")
    await _entry(kampung, second.code, actor="budi", at=datetime.now(UTC) - timedelta(days=40))
    client = await kampung.login("regency_admin")

    def found(page: Any) -> int:
        return int(page.text.split(" akses tercatat")[0].rsplit(">", 1)[-1].strip())

    everything = await client.get("/kabupaten/jejak-akses")
    by_actor = await client.get("/kabupaten/jejak-akses", params={"actor": "budi"})
    by_village = await client.get("/kabupaten/jejak-akses", params={"village": second.code})
    by_nik = await client.get("/kabupaten/jejak-akses", params={"record": NIK})
    by_ref = await client.get("/kabupaten/jejak-akses", params={"record": "resident:7"})
    by_kind = await client.get("/kabupaten/jejak-akses", params={"kind": "population.family.list"})
    recent = await client.get(
        "/kabupaten/jejak-akses",
        params={
            "actor": "budi",
            "since": (datetime.now(UTC) - timedelta(days=7)).date().isoformat(),
            "until": datetime.now(UTC).date().isoformat(),
        },
    )

    assert everything.status_code == 200
    assert found(everything) == 3
    assert (found(by_actor), found(by_village), found(by_nik), found(by_ref)) == (2, 1, 1, 1)
    assert (found(by_kind), found(recent)) == (1, 1)
    assert "Budi (budi)" in by_nik.text and "Operator Desa" in by_nik.text


async def test_the_search_is_itself_recorded_with_its_filters_and_count(kampung) -> None:
    village = await kampung.village(0, plugins=[])
    await _entry(kampung, village.code, subjects=(Subject("resident", 7, NIK),))
    client = await kampung.login("regency_admin")

    await client.get("/kabupaten/jejak-akses", params={"record": NIK})

    entry = (await _trail(kampung))[-1]
    assert entry["kind"] == "core.audit.search"
    assert entry["actor"].startswith("regency-admin-")
    assert NIK in str(entry["query"])
    assert entry["total"] == 1


async def test_the_trail_is_paged_fifty_at_a_time(kampung) -> None:
    village = await kampung.village(0, plugins=[])
    for _ in range(55):
        await _entry(kampung, village.code)
    client = await kampung.login("regency_admin")

    first = await client.get("/kabupaten/jejak-akses")
    second = await client.get("/kabupaten/jejak-akses", params={"page": "2"})

    assert first.text.count("<tr>") - 1 == 50
    # 55 entries, and the first page's own search recorded before the second page was asked for.
    assert second.text.count("<tr>") - 1 == 6
    assert "Halaman 2 dari 2" in second.text


async def test_village_admin_sees_only_their_own_villages_trail(kampung) -> None:
    own = await kampung.village(0, plugins=[])
    other = await kampung.village(1, plugins=[])
    await _entry(kampung, own.code, actor="ours")
    await _entry(kampung, other.code, actor="theirs")
    client = await kampung.login("village_admin", own)

    page = await client.get(f"{own.url}/jejak-akses")
    foreign = await client.get(f"{other.url}/jejak-akses")
    asked = await client.get(f"{own.url}/jejak-akses", params={"village": other.code})

    assert page.status_code == 200
    assert "ours" in page.text and "theirs" not in page.text
    assert foreign.status_code in (403, 404)
    assert "theirs" not in asked.text


async def test_staff_without_the_audit_permission_cannot_read_the_trail(kampung) -> None:
    village = await kampung.village(0, plugins=[])
    client = await kampung.login("village_operator", village)

    response = await client.get(f"{village.url}/jejak-akses")

    assert response.status_code == 403


async def test_bad_filters_are_named_beside_their_field(kampung) -> None:
    await kampung.village(0, plugins=[])
    client = await kampung.login("regency_admin")

    response = await client.get(
        "/kabupaten/jejak-akses", params={"record": "abc", "since": "2026-13-40", "village": "x"}
    )

    assert response.status_code == 200
    assert "Isi NIK atau nomor KK" in response.text
    assert "Dari tanggal harus berformat TTTT-BB-HH." in response.text
    assert "Kode desa hanya angka dan titik" in response.text


async def test_a_village_scope_reads_only_its_own_trail_rows_on_postgresql(kampung) -> None:
    if kampung.kernel.engine.engine_type != "postgres":
        pytest.skip("Row-Level Security is PostgreSQL's wall; SQLite relies on the query scope")
    own = await kampung.village(0, plugins=[])
    other = await kampung.village(1, plugins=[])
    await _entry(kampung, own.code, actor="ours")
    await _entry(kampung, other.code, actor="theirs")

    async with kampung.scope(own.code):
        seen = await Disclosure.select(Disclosure.actor)

    assert [row["actor"] for row in seen] == ["ours"]
