"""Posyandu and the health roles: who manages, who reads, who is kept out."""

from __future__ import annotations

import datetime as dt

from conftest import Register, signed_in

from core.auth.roles import ROLES
from core.localtime import local_today
from core.testing.harness import Harness, VillageRef
from plugins.health.referrals.referrals import STUNTED, Subject, refer
from plugins.health.tables import Cadre, Child, Posyandu


def test_the_health_roles_are_declared_at_their_levels(kampung: Harness) -> None:
    levels = {name: ROLES[name].level for name in (
        "posyandu_cadre", "village_midwife", "puskesmas_staff", "dinkes_officer")}  # fmt: skip
    assert levels == {
        "posyandu_cadre": "village",
        "village_midwife": "village",
        "puskesmas_staff": "district",
        "dinkes_officer": "regency",
    }


async def test_midwife_adds_a_posyandu(kampung: Harness, village: VillageRef) -> None:
    midwife = await signed_in(kampung, "village_midwife", village)
    response = await midwife.post(
        f"{village.url}/kesehatan/posyandu",
        data={"name": "Posyandu Mawar", "dusun": "Krajan", "schedule_day": "12",
              "idempotency_key": "posyandu-key-0001"},
    )  # fmt: skip
    assert response.status_code == 303
    page = await midwife.get(response.headers["location"])
    assert "Posyandu Mawar" in page.text and "tanggal 12 setiap bulan" in page.text
    async with kampung.scope(village.code):
        rows = await Posyandu.select(Posyandu.name, Posyandu.dusun, Posyandu.schedule_day)
    assert rows == [{"name": "Posyandu Mawar", "dusun": "Krajan", "schedule_day": 12}]


async def test_a_bad_schedule_day_is_named_and_the_form_keeps_what_was_typed(
    kampung: Harness, village: VillageRef
) -> None:
    midwife = await signed_in(kampung, "village_midwife", village)
    response = await midwife.post(
        f"{village.url}/kesehatan/posyandu",
        data={"name": "Posyandu Melati", "dusun": "Krajan", "schedule_day": "31"},
    )
    assert response.status_code == 422
    assert "Hari posyandu harus tanggal 1 sampai 28." in response.text
    assert 'value="Posyandu Melati"' in response.text
    async with kampung.scope(village.code):
        assert await Posyandu.count() == 0


async def test_the_letter_operator_does_not_see_health_records(
    kampung: Harness, village: VillageRef
) -> None:
    operator = await signed_in(kampung, "village_operator", village)
    for path in ("/kesehatan", "/kesehatan/anak", "/kesehatan/imunisasi", "/kesehatan/kehamilan"):
        assert (await operator.get(village.url + path)).status_code == 403, path


async def test_health_staff_of_every_level_read_the_village(
    kampung: Harness, village: VillageRef
) -> None:
    scopes = {
        "posyandu_cadre": village.code,
        "village_midwife": village.code,
        "puskesmas_staff": village.district_code,
        "dinkes_officer": kampung.settings.regency_code,
    }
    for role, scope in scopes.items():
        client = await signed_in(kampung, role, scope)
        assert (await client.get(f"{village.url}/kesehatan/anak")).status_code == 200, role


async def _two_posyandu(kampung: Harness, village: VillageRef) -> tuple[int, int]:
    midwife = await signed_in(kampung, "village_midwife", village)
    ids = []
    for name, dusun in (("Posyandu Mawar", "Krajan"), ("Posyandu Melati", "Sukorejo")):
        response = await midwife.post(
            f"{village.url}/kesehatan/posyandu",
            data={"name": name, "dusun": dusun, "schedule_day": "10"},
        )
        ids.append(int(response.headers["location"].rsplit("/", 1)[1]))
    return ids[0], ids[1]


async def test_a_cadre_joins_a_posyandu_and_sees_only_its_children(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    mawar, melati = await _two_posyandu(kampung, village)
    today = local_today()
    await register.resident("AYU LESTARI", "P", today - dt.timedelta(days=3), birth=True)
    await register.resident(
        "BAYU PRATAMA", "L", today - dt.timedelta(days=2), birth=True, dusun="Sukorejo"
    )
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    assert "BAYU PRATAMA" in (await cadre.get(f"{village.url}/kesehatan/anak")).text
    joined = await cadre.post(f"{village.url}/kesehatan/posyandu/{mawar}/kader")
    assert joined.status_code == 303
    listing = (await cadre.get(f"{village.url}/kesehatan/anak")).text
    assert "AYU LESTARI" in listing and "BAYU PRATAMA" not in listing
    assert (await cadre.get(f"{village.url}/kesehatan/posyandu/{melati}")).status_code == 404
    async with kampung.scope(village.code):
        assert await Cadre.count().where(Cadre.posyandu == mawar) == 1


async def test_only_a_cadre_can_join_a_posyandu(kampung: Harness, village: VillageRef) -> None:
    mawar, _ = await _two_posyandu(kampung, village)
    midwife = await signed_in(kampung, "village_midwife", village)
    assert (
        await midwife.post(f"{village.url}/kesehatan/posyandu/{mawar}/kader")
    ).status_code == 403


async def test_a_cadre_of_another_village_sees_none_of_this_villages_children(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    await _two_posyandu(kampung, village)
    await register.resident("AYU LESTARI", "P", local_today(), birth=True)
    other = await kampung.village(1)
    stranger = await signed_in(kampung, "posyandu_cadre", other)
    assert (await stranger.get(f"{village.url}/kesehatan/anak")).status_code == 403
    own = await stranger.get(f"{other.url}/kesehatan/anak")
    assert own.status_code == 200 and "AYU LESTARI" not in own.text
    assert (await stranger.get(f"{other.url}/kesehatan/anak/1")).status_code == 404


async def test_a_cadre_lists_only_the_referrals_of_its_posyandu_children(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    """The list named children the cadre could not open: every row it shows, the cadre may open."""
    mawar, _ = await _two_posyandu(kampung, village)
    today = local_today()
    await register.resident("AYU LESTARI", "P", today - dt.timedelta(days=3), birth=True)
    await register.resident(
        "BAYU PRATAMA", "L", today - dt.timedelta(days=2), birth=True, dusun="Sukorejo"
    )
    async with kampung.scope(village.code):
        for child in await Child.select(Child.id):
            await refer(
                Subject(child_id=child["id"]), STUNTED, {}, "kader", dt.datetime.now(dt.UTC)
            )
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    await cadre.post(f"{village.url}/kesehatan/posyandu/{mawar}/kader")
    listing = (await cadre.get(f"{village.url}/kesehatan/rujukan")).text
    assert "AYU LESTARI" in listing and "BAYU PRATAMA" not in listing
