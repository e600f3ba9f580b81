"""Importing registers: OpenSID and SIAK files, rejections, repeat imports, dry runs, the CLI."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl

from core.cli.main import main
from plugins.population.importing.importer import Target
from plugins.population.importing.runs import import_register
from plugins.population.synthetic import OPENSID_COLUMNS
from plugins.population.tables import Family, ImportBatch, Resident


def opensid_csv(path: Path, rows: list[dict[str, str]], village: str | None = None) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        head = (["kode_desa"] if village else []) + list(OPENSID_COLUMNS)
        writer.writerow(head)
        for row in rows:
            cells = [row.get(column, "") for column in OPENSID_COLUMNS]
            writer.writerow(([row.get("kode_desa", village)] if village else []) + cells)
    return path


FAMILY = [
    {"nama": "Moch. Bahri", "no_kk": "3527012102230001", "nik": "3527012610880001", "sex": "1",
     "tanggallahir": "1988-10-26", "agama_id": "1", "kk_level": "1", "status_dasar": "1",
     "dusun": "KRAJAN", "rw": "1", "rt": "3"},
    {"nama": "Lailatul  Jannah", "no_kk": "3527012102230001", "nik": "3527014206900001",
     "sex": "2", "tanggallahir": "1990-06-02", "agama_id": "1", "kk_level": "3", "rw": "1",
     "rt": "3"},
    {"nama": "", "no_kk": "3527012102230001", "nik": "3527014206900002", "sex": "2"},
    {"nama": "Tanpa NIK", "no_kk": "3527012102230001", "nik": "-", "sex": "1",
     "tanggallahir": "2024-01-05"},
]  # fmt: skip


async def test_opensid_csv_imports_families_and_reports_rejections_by_row(kampung, tmp_path):
    village = await kampung.village()
    path = opensid_csv(tmp_path / "desa.csv", FAMILY)
    async with kampung.scope(village.code):
        report, batch_id = await import_register(
            kampung.kernel, path, Target(village.code), actor="test"
        )
        residents = await Resident.select().where(Resident.village_code == village.code)
        families = await Family.count().where(Family.village_code == village.code)
        batch = await ImportBatch.select().where(ImportBatch.id == batch_id).first()
    assert (report.residents_created, report.families_created) == (3, 1)
    assert [(n.row, n.reason) for n in report.rejections] == [
        (4, "Kolom 'nama' kosong: nama wajib diisi.")
    ]
    assert any(n.row == 5 and "NIK perlu diperiksa" in n.reason for n in report.warnings)
    assert families == 1 and batch["status"] == "selesai"
    wife = next(r for r in residents if r["nik"] == "3527014206900001")
    assert wife["name_key"] == "lailatul jannah" and wife["rt"] == "003" and wife["status"] == 1
    assert next(r for r in residents if r["name"] == "Tanpa NIK")["nik_needs_check"] is True


async def test_second_import_of_same_file_creates_nobody(kampung, tmp_path):
    village = await kampung.village()
    path = opensid_csv(tmp_path / "desa.csv", FAMILY)
    async with kampung.scope(village.code):
        await import_register(kampung.kernel, path, Target(village.code), actor="test")
    async with kampung.scope(village.code):
        again, _ = await import_register(kampung.kernel, path, Target(village.code), actor="test")
        count = await Resident.count().where(Resident.village_code == village.code)
    assert (again.residents_created, again.residents_present) == (0, 3)
    assert (again.families_created, again.families_present) == (0, 1)
    assert count == 3


async def test_dry_run_reports_but_writes_nothing(kampung, tmp_path):
    village = await kampung.village()
    path = opensid_csv(tmp_path / "desa.csv", FAMILY)
    async with kampung.scope(village.code):
        report, batch_id = await import_register(
            kampung.kernel, path, Target(village.code), actor="test", dry_run=True
        )
        count = await Resident.count().where(Resident.village_code == village.code)
        families = await Family.count().where(Family.village_code == village.code)
    assert report.residents_created == 3 and batch_id is None
    assert (count, families) == (0, 0)


async def test_rows_for_another_village_are_rejected(kampung, tmp_path):
    village = await kampung.village()
    rows = [{**FAMILY[0], "kode_desa": village.code}, {**FAMILY[1], "kode_desa": "35.27.99.2999"}]
    path = opensid_csv(tmp_path / "kabupaten.csv", rows, village=village.code)
    async with kampung.scope(village.code):
        report, _ = await import_register(kampung.kernel, path, Target(village.code), actor="t")
    assert report.residents_created == 1
    assert report.rejections[0].row == 3 and "35.27.99.2999" in report.rejections[0].reason


async def test_siak_xlsx_with_messy_cells_imports(kampung, tmp_path):
    village = await kampung.village()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DATA PENDUDUK KABUPATEN SAMPANG"])
    sheet.append(["Nomor KK", "NIK", "Nama Penduduk", "Status", "Tempat Lahir", "Tanggal Lahir",
                  "Kelamin", "Status Kawin", "SHDK", "Agama", "Alamat", "RW", "RT", "Pendidikan",
                  "Pekerjaan", "Gol. Darah"])  # fmt: skip
    sheet.append(["3527012102230001", "3527012610880001", "MOCH. BAHRI", "Hidup", "SRESEH",
                  32442, "LAKI-LAKI", "kawin", "Kepala Keluarga", "islam", "-", 1, 3,
                  "Tamat SD/Sederajat", "Petani/Pekebun", "-"])  # fmt: skip
    sheet.append(["-", "3527014206900001", "Tanpa KK", "Hidup", "", "", "Perempuan", "", "",
                  "", "", "", "", "", "", ""])  # fmt: skip
    path = tmp_path / "siak.xlsx"
    book.save(path)
    async with kampung.scope(village.code):
        report, _ = await import_register(kampung.kernel, path, Target(village.code), actor="t")
        row = await Resident.select().where(Resident.village_code == village.code).first()
    assert report.file_format == "siak" and report.residents_created == 1
    assert report.rejections[0].row == 4
    assert str(row["birth_date"]) == "1988-10-26"
    assert (row["religion"], row["relationship"], row["rw"], row["blood_type"]) == (
        1,
        1,
        "001",
        None,
    )


def test_cli_json_report_shape(kampung_settings, tmp_path, capsys, monkeypatch):
    from core.cli.runner import run_with_kernel
    from core.tenancy.tables import Village

    async def first_village(_: object) -> str:
        row = await Village.select(Village.code).order_by(Village.code).first()
        return str(row["code"])

    code = run_with_kernel(kampung_settings, first_village)
    path = opensid_csv(tmp_path / "desa.csv", FAMILY)
    config = tmp_path / "kampung.toml"
    config.write_text(
        f'secret_key = "{kampung_settings.secret_key}"\n'
        f'database_url = "{kampung_settings.database_url}"\n'
        f'database_owner_url = "{kampung_settings.owner_url}"\n'
        f'regency_code = "{kampung_settings.regency_code}"\n'
        f'data_dir = "{tmp_path / "data"}"\n'
    )
    monkeypatch.setattr("sys.argv", ["kampung"])
    assert main(["--config", str(config), "population", "import", str(path),
                 "--village", code, "--dry-run", "--json"]) == 0  # fmt: skip
    report = json.loads(capsys.readouterr().out)
    assert report["residents"] == {"created": 3, "present": 0}
    assert report["families"] == {"created": 1, "present": 0}
    assert report["rejections"] == [{"row": 4, "reason": "Kolom 'nama' kosong: nama wajib diisi."}]
    assert report["warning_count"] == len(report["warnings"]) > 0


async def test_nik_living_in_another_village_is_kept_flagged_and_warned(kampung, tmp_path):
    village = await kampung.village()
    other = await kampung.village(1)
    async with kampung.scope(village.code):
        path = opensid_csv(tmp_path / "a.csv", FAMILY[:1])
        await import_register(kampung.kernel, path, Target(village.code), actor="t")
    moved = [{**FAMILY[0], "no_kk": "3527012102230002"}]
    async with kampung.scope(other.code):
        path = opensid_csv(tmp_path / "b.csv", moved)
        report, _ = await import_register(kampung.kernel, path, Target(other.code), actor="t")
        row = await Resident.select().where(Resident.village_code == other.code).first()
    assert report.residents_created == 1 and row["nik_needs_check"] is True
    assert any(n.row == 2 and "desa lain" in n.reason for n in report.warnings)


async def test_kk_active_in_another_village_rejects_its_rows(kampung, tmp_path):
    village = await kampung.village()
    other = await kampung.village(1)
    async with kampung.scope(village.code):
        path = opensid_csv(tmp_path / "a.csv", FAMILY[:1])
        await import_register(kampung.kernel, path, Target(village.code), actor="t")
    async with kampung.scope(other.code):
        path = opensid_csv(tmp_path / "b.csv", FAMILY[1:2])
        report, _ = await import_register(kampung.kernel, path, Target(other.code), actor="t")
    assert report.residents_created == 0
    assert report.rejections[0].row == 2 and "desa lain" in report.rejections[0].reason
