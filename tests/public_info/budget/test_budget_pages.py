"""Entering the APBDes by form or XLSX, each save a new revision, and the infographic anyone
can read; a bad row is named by its number and nothing is saved."""

from __future__ import annotations

import io

import openpyxl
import pytest

from plugins.public_info.tables import BudgetLine, BudgetRevision

EDITOR = "public_info_editor"


def workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Kelompok", "Uraian", "Anggaran", "Realisasi"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def form_rows(rows: list[tuple[str, str, str, str]], key: str = "budget-key-1") -> dict[str, str]:
    data = {"rows": str(len(rows)), "idempotency_key": key}
    for i, (group, name, budget, realised) in enumerate(rows):
        data.update(
            {
                f"line-{i}-group": group,
                f"line-{i}-name": name,
                f"line-{i}-budget": budget,
                f"line-{i}-realised": realised,
            }
        )
    return data


async def test_a_budget_entered_by_form_is_published_as_an_infographic(kampung) -> None:
    village = await kampung.village()
    editor = await kampung.login(EDITOR, village)
    saved = await editor.post(
        f"{village.url}/kelola-situs/apbdes/2026",
        data=form_rows(
            [
                ("4.2.1", "Dana Desa", "1.012.345.000", "1.012.345.000"),
                ("4.2.3", "Alokasi Dana Desa", "412.000.000", "309.000.000"),
                ("2", "Pembangunan jalan usaha tani", "750.000.000", "512.300.000"),
                ("1", "Penghasilan tetap perangkat", "480.000.000", "455.250.000"),
                ("", "", "", ""),
            ]
        ),
    )
    assert saved.status_code == 303, saved.text[:800]
    page = await kampung.client().get(f"{village.url}/situs/apbdes")
    assert page.status_code == 200
    assert "APBDes dan realisasinya 2026" in page.text
    assert "Rp1.424.345.000" in page.text  # income budgeted
    assert "Rp1.230.000.000" in page.text  # spending budgeted
    assert page.text.count('role="img"') == 3
    assert "Pelaksanaan pembangunan desa" in page.text
    csv = await kampung.client().get(f"{village.url}/situs/apbdes/2026/csv")
    assert csv.headers["content-disposition"].startswith("attachment;")
    assert "Pembangunan jalan usaha tani,750000000,512300000" in csv.text


async def test_a_bad_row_is_named_and_what_was_typed_stays(kampung) -> None:
    village = await kampung.village()
    editor = await kampung.login(EDITOR, village)
    refused = await editor.post(
        f"{village.url}/kelola-situs/apbdes/2026",
        data=form_rows(
            [
                ("4.2.1", "Dana Desa", "1.012.345.000", ""),
                ("9.9", "Salah kelompok", "1.000,50", "-5"),
            ]
        ),
    )
    assert refused.status_code == 422
    assert "Baris 2: Kelompok &#39;9.9&#39; tidak dikenal." in refused.text
    assert "Baris 2: Anggaran berupa rupiah bulat, tidak negatif." in refused.text
    assert "Baris 2: Realisasi berupa rupiah bulat" in refused.text
    assert 'value="Salah kelompok"' in refused.text
    async with kampung.scope(village.code):
        assert await BudgetRevision.count() == 0


async def test_an_xlsx_import_makes_a_new_revision_and_the_latest_shows(kampung) -> None:
    village = await kampung.village()
    editor = await kampung.login(EDITOR, village)
    first = await editor.post(
        f"{village.url}/kelola-situs/apbdes/2025",
        data=form_rows([("4.2.1", "Dana Desa", "900.000.000", "0")]),
    )
    assert first.status_code == 303
    data = workbook(
        [
            ["4.2.1", "Dana Desa", 950_000_000, 950_000_000],
            [
                "Pelaksanaan pembangunan desa",
                "Rabat beton Dusun Krajan",
                300_000_000,
                "280.000.000",
            ],
            [None, None, None, None],
            ["6.1", "SiLPA tahun lalu", 25_000_000, 25_000_000],
        ]
    )
    imported = await editor.post(
        f"{village.url}/kelola-situs/apbdes/2025/impor",
        data={"idempotency_key": "budget-import-1"},
        files={"file": ("apbdes-2025.xlsx", data, "application/octet-stream")},
    )
    assert imported.status_code == 303, imported.text[:800]
    async with kampung.scope(village.code):
        revisions = await BudgetRevision.select().order_by(BudgetRevision.id)
        lines = await BudgetLine.select().where(BudgetLine.revision == revisions[-1]["id"])
    assert [r["source"] for r in revisions] == ["formulir", "xlsx"]
    assert sorted(line["group"] for line in lines) == ["2", "4.2.1", "6.1"]
    page = await kampung.client().get(f"{village.url}/situs/apbdes/2025")
    assert "Rp950.000.000" in page.text and "Rabat beton" not in page.text
    assert "Rp900.000.000" not in page.text


async def test_an_xlsx_with_bad_rows_names_each_and_saves_nothing(kampung) -> None:
    village = await kampung.village()
    editor = await kampung.login(EDITOR, village)
    data = workbook(
        [
            ["4.2.1", "Dana Desa", 950_000_000, 950_000_000],
            ["4.9", "Tidak ada", 1, 0],
            ["2", "", 1_000.5, 0],
        ]
    )
    refused = await editor.post(
        f"{village.url}/kelola-situs/apbdes/2025/impor",
        files={"file": ("apbdes.xlsx", data, "application/octet-stream")},
    )
    assert refused.status_code == 422
    assert "Baris 3: Kelompok &#39;4.9&#39; tidak dikenal." in refused.text
    assert "Baris 4: Uraian wajib diisi." in refused.text
    assert "Baris 4: Anggaran berupa rupiah bulat" in refused.text
    async with kampung.scope(village.code):
        assert await BudgetRevision.count() == 0


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("apbdes.xlsx", b"<html></html>", "Berkas bukan XLSX."),
        ("apbdes.xlsx", b"PK\x03\x04rusak", "Berkas XLSX tidak dapat dibaca."),
    ],
)
async def test_a_file_that_is_not_a_workbook_is_refused(kampung, name, data, message) -> None:
    village = await kampung.village()
    editor = await kampung.login(EDITOR, village)
    refused = await editor.post(
        f"{village.url}/kelola-situs/apbdes/2025/impor",
        files={"file": (name, data, "application/octet-stream")},
    )
    assert refused.status_code == 422
    assert message in refused.text


async def test_a_workbook_without_the_headings_is_refused(kampung) -> None:
    village = await kampung.village()
    editor = await kampung.login(EDITOR, village)
    book = openpyxl.Workbook()
    book.active.append(["Kode", "Nama", "Nilai"])
    buffer = io.BytesIO()
    book.save(buffer)
    refused = await editor.post(
        f"{village.url}/kelola-situs/apbdes/2025/impor",
        files={"file": ("apbdes.xlsx", buffer.getvalue(), "application/octet-stream")},
    )
    assert refused.status_code == 422
    assert "Baris 1 harus berjudul Kelompok, Uraian, Anggaran dan Realisasi." in refused.text


async def test_a_retried_save_makes_one_revision(kampung) -> None:
    village = await kampung.village()
    editor = await kampung.login(EDITOR, village)
    data = form_rows([("4.2.1", "Dana Desa", "900.000.000", "0")], key="same-budget-key")
    for _ in range(2):
        assert (
            await editor.post(f"{village.url}/kelola-situs/apbdes/2026", data=data)
        ).status_code == 303
    async with kampung.scope(village.code):
        assert await BudgetRevision.count() == 1


async def test_a_revision_cannot_be_changed_afterwards(kampung) -> None:
    village = await kampung.village()
    editor = await kampung.login(EDITOR, village)
    await editor.post(
        f"{village.url}/kelola-situs/apbdes/2026",
        data=form_rows([("4.2.1", "Dana Desa", "900.000.000", "0")]),
    )
    for statement in (
        BudgetLine.update({BudgetLine.budget: 1}, force=True),
        BudgetRevision.delete(force=True),
    ):
        with pytest.raises(Exception, match=r"permission denied|insert-only"):
            async with kampung.scope(village.code):
                await statement


async def test_a_year_without_a_budget_is_not_found_and_none_at_all_says_so(kampung) -> None:
    village = await kampung.village()
    visitor = kampung.client()
    assert (await visitor.get(f"{village.url}/situs/apbdes/2019")).status_code == 404
    empty = await visitor.get(f"{village.url}/situs/apbdes")
    assert empty.status_code == 200 and "APBDes belum diterbitkan." in empty.text


async def test_only_budget_editors_enter_the_budget(kampung) -> None:
    village = await kampung.village()
    operator = await kampung.login("village_operator", village)
    assert (await operator.get(f"{village.url}/kelola-situs/apbdes")).status_code == 403
    secretary = await kampung.login("village_secretary", village)
    assert (await secretary.get(f"{village.url}/kelola-situs/apbdes")).status_code == 200
