"""SKDN equals a plain recount of the rows; stunting by village counts the measured children."""

from __future__ import annotations

import datetime as dt
import io

from conftest import Register, signed_in
from openpyxl import load_workbook

from core.audit import disclosures_of
from core.localtime import local_today
from core.testing.harness import Harness, VillageRef
from plugins.health.dates import add_months, month_key
from plugins.health.reports.skdn import skdn
from plugins.health.tables import Child, Measurement


async def _enrol(kampung: Harness, village: VillageRef, register: Register, name: str,
                 born: dt.date, kia: bool = True) -> int:  # fmt: skip
    resident_id = await register.resident(name, "L", born)
    midwife = await signed_in(kampung, "village_midwife", village)
    form = {"resident_id": str(resident_id), **({"has_kia_book": "1"} if kia else {})}
    response = await midwife.post(f"{village.url}/kesehatan/anak", data=form)
    return int(response.headers["location"].rsplit("/", 1)[1])


async def _weigh(client, village: VillageRef, child: int, day: dt.date, kg: str, cm: str) -> None:  # type: ignore[no-untyped-def]
    form = {"measured_on": day.isoformat(), "weight": kg, "length": cm, "position": "L",
            "confirm_doubts": "1"}  # fmt: skip
    response = await client.post(f"{village.url}/kesehatan/anak/{child}/timbang", data=form)
    assert response.status_code == 303


async def test_skdn_equals_a_plain_recount(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    today = local_today()
    born = add_months(today, -10)
    a = await _enrol(kampung, village, register, "ANAK SATU", born)
    b = await _enrol(kampung, village, register, "ANAK DUA", born, kia=False)
    await _enrol(kampung, village, register, "ANAK TIGA", born)
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    last = add_months(today, -1)
    await _weigh(cadre, village, a, last, "8,0", "70,0")
    await _weigh(cadre, village, a, today, "8,4", "71,0")
    await _weigh(cadre, village, b, last, "8,0", "70,0")
    await _weigh(cadre, village, b, today, "8,0", "70,5")
    month = month_key(today)
    async with kampung.scope(village.code):
        figures = await skdn(month)
        children = await Child.select()
        weighed = await Measurement.select().where(Measurement.month == month)
    assert (figures.s, figures.k, figures.d, figures.n) == (
        len(children),
        sum(1 for c in children if c["has_kia_book"]),
        len(weighed),
        sum(1 for m in weighed if m["gain"] == "N"),
    )
    assert (figures.s, figures.k, figures.d, figures.n) == (3, 2, 2, 1)
    midwife = await signed_in(kampung, "village_midwife", village)
    report = await midwife.get(f"{village.url}/kesehatan/laporan")
    assert report.status_code == 200 and "<svg" in report.text


async def test_the_regency_sees_stunting_among_the_measured_by_village(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    today = local_today()
    born = add_months(today, -24) - dt.timedelta(days=10)
    short = await _enrol(kampung, village, register, "ANAK PENDEK", born)
    tall = await _enrol(kampung, village, register, "ANAK BIASA", born)
    await _enrol(kampung, village, register, "ANAK TIDAK DIUKUR", born)
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    await _weigh(cadre, village, short, today, "10,0", "78,0")
    await _weigh(cadre, village, tall, today, "12,0", "87,0")
    dinkes = await signed_in(kampung, "dinkes_officer", kampung.settings.regency_code)
    page = await dinkes.get("/kabupaten/kesehatan/stunting")
    assert page.status_code == 200 and village.name in page.text
    csv = await dinkes.get("/kabupaten/kesehatan/stunting?format=csv")
    row = next(line for line in csv.text.splitlines() if village.code in line).split(",")
    assert row[3:6] == ["2", "1", "50.0"]
    xlsx = await dinkes.get("/kabupaten/kesehatan/stunting?format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    found = [r for r in sheet.iter_rows(values_only=True) if r[1] == village.code]
    assert [r[3:6] for r in found] == [(2, 1, 50.0)]
    puskesmas = await signed_in(kampung, "puskesmas_staff", village.district_code)
    district = await kampung.district_slug(village.district_code)
    own = await puskesmas.get(f"/kecamatan/{district}/kesehatan/stunting")
    assert own.status_code == 200 and village.name in own.text
    operator = await signed_in(kampung, "regency_officer", kampung.settings.regency_code)
    assert (await operator.get("/kabupaten/kesehatan/stunting")).status_code == 403


async def test_the_eppgbm_export_lists_the_measured_by_name_and_is_in_the_trail(
    kampung: Harness, village: VillageRef, register: Register
) -> None:
    today = local_today()
    child = await _enrol(kampung, village, register, "ANAK SATU", add_months(today, -10))
    cadre = await signed_in(kampung, "posyandu_cadre", village)
    await _weigh(cadre, village, child, today, "8,0", "70,0")
    midwife = await signed_in(kampung, "village_midwife", village)
    export = await midwife.get(f"{village.url}/kesehatan/laporan/eppgbm.csv")
    header, row = export.text.splitlines()
    assert header.startswith("nik,nama,jenis_kelamin,tanggal_lahir")
    assert ",ANAK SATU,L," in row and ",8.0,70.0,L," in row
    async with kampung.scope(village.code):
        resident = (await Child.select(Child.resident_id).first())["resident_id"]
        trail = await disclosures_of(village.code, [("resident", resident)])
    assert [(t["kind"], t["total"]) for t in trail if t["kind"] == "health.eppgbm"] == [
        ("health.eppgbm", 1)
    ]
    assert (await cadre.get(f"{village.url}/kesehatan/laporan/eppgbm.csv")).status_code == 403
