"""The areas' rules without HTTP: what an area may be called, who may head it, what removing
and renaming do to the families, the import from the families' text, and the counts."""

from __future__ import annotations

import pytest

from plugins.population.areas import areas as rules
from plugins.population.areas.names import DUSUN, RT, RW
from plugins.population.areas.places import all_areas
from plugins.population.register.errors import RegisterError
from plugins.population.tables import Family, Resident


async def _refusal(village, rule, *args) -> RegisterError:
    with pytest.raises(RegisterError) as caught:
        await village.run(rule, *args)
    return caught.value


async def test_a_hamlet_holds_rws_and_an_rw_holds_rts(register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "  Krajan   Timur ")
    ward = await village.add(RW, "1", hamlet)
    unit = await village.add(RT, "02", ward)

    async with village.kampung.scope(village.code):
        rows = {r["id"]: r for r in await all_areas()}
    assert rows[hamlet]["name"] == "Krajan Timur" and rows[hamlet]["parent"] is None
    assert (rows[ward]["name"], rows[ward]["parent"]) == ("001", hamlet)
    assert (rows[unit]["name"], rows[unit]["parent"]) == ("002", ward)
    assert [a for a, _ in await village.audit()] == ["create", "create", "create"]


async def test_a_name_is_unique_under_its_parent_whatever_its_case_or_zeros(register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "Krajan")
    other = await village.add(DUSUN, "Barat")
    await village.add(RW, "001", hamlet)

    twin = await _refusal(village, rules.add_area, DUSUN, " KRAJAN ")
    same_rw = await _refusal(village, rules.add_area, RW, "1", hamlet)

    assert (twin.field, twin.message) == ("name", "Dusun KRAJAN sudah ada di desa ini.")
    assert same_rw.message == "RW 001 sudah ada di Dusun Krajan."
    assert await village.add(RW, "1", other)


async def test_an_empty_name_and_an_rt_outside_an_rw_are_refused(register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "Krajan")

    empty = await _refusal(village, rules.add_area, DUSUN, "   ")
    no_number = await _refusal(village, rules.add_area, RW, "", hamlet)
    letters = await _refusal(village, rules.add_area, RW, "satu", hamlet)
    loose_rt = await _refusal(village, rules.add_area, RT, "1", None)
    rt_in_hamlet = await _refusal(village, rules.add_area, RT, "1", hamlet)

    assert empty.message == "Nama dusun wajib diisi."
    assert no_number.message == "Nomor RW wajib diisi."
    assert letters.message == "Nomor RW harus berupa angka 1 sampai 999."
    for refusal in (loose_rt, rt_in_hamlet):
        assert (refusal.field, refusal.message) == (
            "parent",
            "RT harus berada di dalam RW: pilih RW-nya.",
        )
    assert len(await village.audit()) == 1


async def test_the_head_is_a_living_resident_of_the_village(register) -> None:
    village, other = await register(0), await register(1)
    hamlet = await village.add(DUSUN, "Krajan")
    head = await village.resident(None, name="Abdul Karim")
    dead = await village.resident(None, name="Moh Hasan", status=2)
    stranger = await other.resident(None, name="Orang Lain")

    chosen = await village.run(rules.set_head, hamlet, head["nik"])
    unknown = await _refusal(village, rules.set_head, hamlet, stranger["nik"])
    died = await _refusal(village, rules.set_head, hamlet, dead["nik"])
    short = await _refusal(village, rules.set_head, hamlet, "123")

    assert chosen["name"] == "Abdul Karim"
    assert unknown.field == "head_nik"
    assert unknown.message == f"NIK {stranger['nik']} tidak terdaftar sebagai penduduk desa ini."
    assert died.message == f"Moh Hasan (NIK {dead['nik']}) tidak lagi berstatus hidup di desa ini."
    assert short.message == "NIK harus 16 angka."
    async with village.kampung.scope(village.code):
        (area,) = await all_areas()
    assert (area["head"], area["head_name"]) == (head["id"], "Abdul Karim")
    await village.run(rules.set_head, hamlet, "")
    async with village.kampung.scope(village.code):
        assert (await all_areas())[0]["head"] is None
    assert [a for a, _ in await village.audit()] == ["create", "set_head", "set_head"]


async def test_removing_an_area_families_use_is_refused_with_the_count(register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "Krajan")
    ward = await village.add(RW, "1", hamlet)
    await village.family("krajan ", "1", "3", men=1)
    await village.family("KRAJAN", "001", "", women=1)

    refusal = await _refusal(village, rules.remove_area, hamlet)
    ward_refusal = await _refusal(village, rules.remove_area, ward)

    assert refusal.message.startswith("Dusun Krajan masih dipakai 2 KK;")
    assert ward_refusal.message.startswith("RW 001 masih dipakai 2 KK;")
    async with village.kampung.scope(village.code):
        assert len(await all_areas()) == 2


async def test_removing_an_unused_hamlet_removes_its_rws_and_rts(register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "Krajan")
    ward = await village.add(RW, "1", hamlet)
    await village.add(RT, "1", ward)
    kept = await village.add(DUSUN, "Barat")

    parent = await village.run(rules.remove_area, hamlet)

    assert parent is None
    async with village.kampung.scope(village.code):
        assert [a["id"] for a in await all_areas()] == [kept]
    assert ("delete", str(hamlet)) in await village.audit()


async def test_renaming_carries_the_families_and_their_members_along(register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "Krajan")
    ward = await village.add(RW, "1", hamlet)
    moved = await village.family(" krajan", "001", "002", men=1)
    elsewhere = await village.family("Barat", "001", "002", men=1)
    async with village.kampung.scope(village.code):
        await Resident.update({Resident.dusun: "Krajan", Resident.rw: "001"}, force=True)

    carried = await village.run(rules.rename_area, hamlet, "Krajan Lor")
    await village.run(rules.rename_area, ward, "4")

    assert carried == 1
    async with village.kampung.scope(village.code):
        families = {
            f["id"]: (f["dusun"], f["rw"])
            for f in await Family.select(Family.id, Family.dusun, Family.rw)
        }
        people = await Resident.select(Resident.family, Resident.dusun, Resident.rw)
    assert families == {moved: ("Krajan Lor", "004"), elsewhere: ("Barat", "001")}
    # A member's own copy of the address follows the name it writes, whatever its KK says.
    assert {(p["family"], p["dusun"], p["rw"]) for p in people} == {
        (moved, "Krajan Lor", "004"),
        (elsewhere, "Krajan Lor", "004"),
    }
    found = await village.statistics()
    assert [r.tally.residents for r in found.rows if r.kind == "area"] == [1, 1]
    assert ("rename", str(hamlet)) in await village.audit()


async def test_renaming_onto_a_sibling_is_refused(register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "Krajan")
    await village.add(DUSUN, "Barat")
    ward = await village.add(RW, "1", hamlet)
    await village.add(RW, "2", hamlet)

    assert (await _refusal(village, rules.rename_area, hamlet, "barat")).field == "name"
    assert (await _refusal(village, rules.rename_area, ward, "002")).message == (
        "RW 002 sudah ada di Dusun Krajan."
    )
    assert (await _refusal(village, rules.rename_area, hamlet, "")).message == (
        "Nama dusun wajib diisi."
    )


async def test_the_import_creates_what_the_families_name_once(register) -> None:
    village = await register()
    await village.family("Krajan", "001", "001")
    await village.family(" krajan ", "1", "002")
    await village.family("KRAJAN", "001", "002")
    await village.family("Barat", "", "003")
    await village.family("", "005", "001")

    created = await village.run(rules.import_from_families)
    again = await village.run(rules.import_from_families)

    async with village.kampung.scope(village.code):
        rows = await all_areas()
    names = {r["id"]: r["name"] for r in rows}
    described = sorted((r["level"], r["name"], names.get(r["parent"], "")) for r in rows)
    assert described == [
        ("dusun", "Barat", ""),
        ("dusun", "Krajan", ""),
        ("rt", "001", "001"),
        ("rt", "002", "001"),
        ("rw", "001", "Krajan"),
    ]
    assert (created, again) == (5, 0)


async def test_the_hamlets_and_the_unplaced_row_add_up_to_the_living(register) -> None:
    village = await register()
    hamlet = await village.add(DUSUN, "Krajan")
    ward = await village.add(RW, "1", hamlet)
    await village.add(RT, "1", ward)
    await village.family("krajan", "001", "001", men=2, women=1)
    await village.family("Krajan", "001", "009", women=2)
    await village.family("Krajan", "", "", men=1)
    await village.family("Tak Dikenal", "001", "001", men=1, women=1)
    empty = await village.family("Krajan", "1", "1")
    await village.resident(empty, status=2)
    await village.resident(None, sex=2)

    found = await village.statistics()

    lines = [
        (
            r.kind,
            r.level,
            r.rest_of,
            r.tally.residents,
            r.tally.men,
            r.tally.women,
            r.tally.families,
        )
        for r in found.rows
    ]
    assert lines == [
        ("area", "dusun", "", 6, 3, 3, 4),
        ("area", "rw", "", 5, 2, 3, 3),
        ("area", "rt", "", 3, 2, 1, 2),
        ("rest", "rw", "rt", 2, 0, 2, 1),
        ("rest", "dusun", "rw", 1, 1, 0, 1),
    ]
    assert (found.unplaced.residents, found.unplaced.families) == (3, 1)
    assert found.total.residents == await village.living() == 9
    hamlets = [r for r in found.rows if r.kind == "area" and r.depth == 0]
    assert sum(r.tally.residents for r in hamlets) + found.unplaced.residents == 9
    assert found.total.families == 5


async def test_another_village_s_areas_are_never_seen(register) -> None:
    village, other = await register(0), await register(1)
    await other.add(DUSUN, "Dusun Tetangga")
    await other.family("Dusun Tetangga", men=3)
    await village.add(DUSUN, "Dusun Tetangga")

    found = await village.statistics()

    async with village.kampung.scope(village.code):
        assert [a["name"] for a in await all_areas()] == ["Dusun Tetangga"]
    assert found.total.residents == 0
    assert [r.tally.residents for r in found.rows] == [0]
