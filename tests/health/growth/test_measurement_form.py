"""The measurement form at the posyandu table: whole grams and millimetres stored, the
lying/standing correction, doubtful values questioned and kept, one measurement a month, N/T
and 2T from a child's months."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
from conftest import Register, signed_in

from core.localtime import local_today
from core.testing.harness import Harness, VillageRef
from plugins.health.dates import add_months
from plugins.health.tables import Child, Measurement, Referral


async def _child(kampung: Harness, village: VillageRef, register: Register, born: dt.date) -> int:
    resident_id = await register.resident("AYU LESTARI", "P", born)
    midwife = await signed_in(kampung, "village_midwife", village)
    await midwife.post(f"{village.url}/kesehatan/anak", data={"resident_id": str(resident_id)})
    async with kampung.scope(village.code):
        return int((await Child.select(Child.id).first())["id"])


def _form(
    day: dt.date, weight: str, length: str, position: str = "L", **extra: str
) -> dict[str, str]:
    return {"measured_on": day.isoformat(), "weight": weight, "length": length,
            "position": position, **extra}  # fmt: skip


async def _post(client: httpx.AsyncClient, village: VillageRef, child: int, form: dict[str, str]):
    return await client.post(f"{village.url}/kesehatan/anak/{child}/timbang", data=form)


async def _rows(kampung: Harness, village: VillageRef) -> list[dict[str, Any]]:
    async with kampung.scope(village.code):
        return await Measurement.select().order_by(Measurement.measured_on)


async def test_a_measurement_is_stored_in_grams_and_millimetres_with_its_z_scores(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    today = local_today()
    child = await _child(kampung, village, register, today - dt.timedelta(days=365))
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    response = await _post(cadre, village, child, _form(today, "8,9", "74,0", vitamin_a="1"))
    assert response.status_code == 303
    [row] = await _rows(kampung, village)
    assert (row["weight_g"], row["length_mm"], row["adjusted_length_mm"]) == (8900, 740, 740)
    assert row["vitamin_a"] is True and row["gain"] == "B"
    assert isinstance(row["z_wfa"], int) and abs(row["z_wfa"]) < 100
    page = (await cadre.get(f"{village.url}/kesehatan/anak/{child}")).text
    assert "8,9 kg" in page and "Berat badan normal" in page and "<svg" in page


async def test_standing_under_two_years_is_corrected_before_scoring(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    today = local_today()
    child = await _child(kampung, village, register, today - dt.timedelta(days=500))
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    await _post(cadre, village, child, _form(today, "9,5", "78,3", position="H"))
    [row] = await _rows(kampung, village)
    assert (row["length_mm"], row["position"], row["adjusted_length_mm"]) == (783, "H", 790)


async def test_a_bad_value_is_named_and_what_was_typed_is_kept(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    today = local_today()
    child = await _child(kampung, village, register, today - dt.timedelta(days=200))
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    response = await _post(cadre, village, child, _form(today, "7.55", "66,0"))
    assert response.status_code == 422
    assert "Berat badan harus angka dengan paling banyak satu desimal" in response.text
    assert 'value="7.55"' in response.text and 'value="66,0"' in response.text
    assert await _rows(kampung, village) == []


async def test_an_implausible_weight_is_questioned_then_saved_once_confirmed(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    today = local_today()
    child = await _child(kampung, village, register, today - dt.timedelta(days=200))
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    typed = _form(today, "75,0", "66,0", idempotency_key="measure-key-0001")
    questioned = await _post(cadre, village, child, typed)
    assert questioned.status_code == 422
    assert "jarang untuk balita" in questioned.text and 'value="75,0"' in questioned.text
    assert await _rows(kampung, village) == []
    confirmed = await _post(cadre, village, child, {**typed, "confirm_doubts": "1"})
    assert confirmed.status_code == 303
    [row] = await _rows(kampung, village)
    assert row["weight_g"] == 75000


async def test_a_repeated_submission_is_stored_once(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    today = local_today()
    child = await _child(kampung, village, register, today - dt.timedelta(days=200))
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    form = _form(today, "7,5", "66,0", idempotency_key="measure-key-0002")
    first = await _post(cadre, village, child, form)
    second = await _post(cadre, village, child, form)
    assert first.headers["location"] == second.headers["location"]
    assert len(await _rows(kampung, village)) == 1


async def test_a_second_measurement_in_the_month_is_refused(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    today = local_today()
    child = await _child(kampung, village, register, today - dt.timedelta(days=200))
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    await _post(cadre, village, child, _form(today, "7,5", "66,0"))
    again = await _post(cadre, village, child, _form(today, "7,6", "66,1"))
    assert again.status_code == 422
    assert "sudah ditimbang bulan ini" in again.text


async def test_a_date_before_birth_or_in_the_future_is_refused(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    today = local_today()
    child = await _child(kampung, village, register, today - dt.timedelta(days=30))
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    early = await _post(cadre, village, child, _form(today - dt.timedelta(days=40), "4,0", ""))
    late = await _post(cadre, village, child, _form(today + dt.timedelta(days=1), "4,0", ""))
    assert "sebelum tanggal lahir" in early.text and "setelah hari ini" in late.text


async def test_two_weighings_without_gain_are_2t_and_refer_the_child(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    today = local_today()
    born = add_months(today, -20)
    child = await _child(kampung, village, register, born)
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    for back, weight in ((2, "10,0"), (1, "10,1"), (0, "10,1")):
        day = add_months(today, -back)
        response = await _post(cadre, village, child, _form(day, weight, "82,0"))
        assert response.status_code == 303, response.text[-500:]
    assert [r["gain"] for r in await _rows(kampung, village)] == ["B", "T", "T"]
    async with kampung.scope(village.code):
        reasons = {r["reason"] for r in await Referral.select(Referral.reason)}
    assert "2t" in reasons


async def test_a_gain_of_the_minimum_is_n(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    today = local_today()
    child = await _child(kampung, village, register, add_months(today, -20))
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    await _post(cadre, village, child, _form(add_months(today, -1), "10,0", "82,0"))
    await _post(cadre, village, child, _form(today, "10,2", "82,5"))
    assert [r["gain"] for r in await _rows(kampung, village)] == ["B", "N"]
