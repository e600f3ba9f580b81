"""The DTSEN list as the regency gets it: a CSV or an XLSX, matched to residents by NIK (or to
families by KK) in any village of the regency, with a report line for every row, each record
kept by the family's own village and each village's trail saying what it received."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook

from core.audit.tables import AuditEntry
from plugins.social_aid.eligibility.register import welfare_by_kk
from plugins.social_aid.eligibility.welfare import ENTITY
from tests.social_aid.register_desk import RegisterDesk

HEADER = ["NIK", "No_KK", "Desil", "Sakit_Menahun", "Kehilangan_Pekerjaan", "Kriteria_BPS"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def _second_desk(kampung: Any) -> RegisterDesk:
    village = await kampung.village(1)
    return RegisterDesk(village, await kampung.login("village_admin", village))


async def test_the_regency_imports_one_xlsx_into_every_village_by_nik(kampung, desk) -> None:
    other = await _second_desk(kampung)
    here_kk, there_kk = await desk.family(), await other.family()
    here = await desk.resident("SAMIDI", kk=here_kk)
    there = await other.resident("PAIMAN", kk=there_kk)
    content = _xlsx(
        [
            [int(here["nik"]), None, 1, "ya", "tidak", 9],  # Excel keeps a NIK as a number
            [there["nik"], there_kk, 3, "", "", ""],
            [there["nik"], here_kk, 2, "", "", ""],
            ["3527019999999999", None, 2, "", "", ""],
            [None, None, 2, "", "", ""],
        ]
    )
    officer = await kampung.login("aid_officer", "35.27")
    page = await officer.post(
        "/kabupaten/bantuan/dtsen",
        files={"file": ("dtsen-2025.xlsx", content, XLSX)},
        data={"source": "DTSEN 2025"},
    )
    assert page.status_code == 200, page.text[:2000]
    assert page.text.count("Desil 1 dicatat.") == 1 and page.text.count("Desil 3 dicatat.") == 1
    assert f"No. KK tidak sama dengan KK penduduk ber-NIK ini ({there_kk})." in page.text
    assert "NIK tidak terdaftar di kabupaten ini." in page.text
    assert "Isi NIK atau No. KK." in page.text
    assert desk.village.name in page.text and other.village.name in page.text
    async with kampung.scope(desk.village.code):
        mine = await welfare_by_kk()
        trail = await AuditEntry.select(AuditEntry.after).where(
            (AuditEntry.entity == ENTITY) & (AuditEntry.village_code == desk.village.code)
        )
    assert set(mine) == {here_kk}, "a village sees its own families' records, not another's"
    assert mine[here_kk].decile == 1 and mine[here_kk].chronic_illness
    assert mine[here_kk].bps_criteria == 9
    assert len(trail) == 1 and '"imported_by": "35.27"' in str(trail[0]["after"])
    async with kampung.scope(other.village.code):
        assert set(await welfare_by_kk()) == {there_kk}


async def test_a_village_imports_by_nik_or_kk_and_never_reaches_another_village(
    kampung, desk
) -> None:
    other = await _second_desk(kampung)
    kk = await desk.family()
    resident = await desk.resident("SUMINAH", kk=kk, sex=2)
    elsewhere = await other.resident("KARTO", kk=await other.family())
    content = (
        "nik;no_kk;desil;sakit_menahun;kehilangan_pekerjaan;kriteria_bps\n"
        f"{resident['nik']};;2;tidak;ya;4\n"
        f"{elsewhere['nik']};;1;;;\n"
    )
    operator = await kampung.login("aid_operator", desk.village)
    page = await operator.post(
        f"{desk.village.url}/bantuan/dtsen",
        files={"file": ("survei.csv", content.encode(), "text/csv")},
    )
    assert page.status_code == 200
    assert "Desil 2 dicatat." in page.text
    assert "NIK tidak terdaftar di desa ini." in page.text
    async with kampung.scope(other.village.code):
        assert await welfare_by_kk() == {}


async def test_a_file_that_is_no_table_is_refused_with_its_reason(kampung, desk) -> None:
    operator = await kampung.login("aid_operator", desk.village)
    for name, content, reason in (
        ("dtsen.xlsx", b"PK\x03\x04 broken", "Berkas XLSX tidak dapat dibaca."),
        ("dtsen.csv", b"nama,alamat\nSAMIDI,Krajan\n", "Kolom wajib: nik atau no_kk"),
        ("dtsen.csv", "no_kk,desil\n".encode("utf-16"), "Berkas harus CSV (UTF-8) atau XLSX."),
    ):
        page = await operator.post(
            f"{desk.village.url}/bantuan/dtsen", files={"file": (name, content, "text/csv")}
        )
        assert page.status_code == 200 and reason in page.text, name
