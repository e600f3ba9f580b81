"""`kampung population import|export --village`: a village the configured regency does not hold
is refused with one line and exit 2 before anything is written, and a regency import refuses
each row whose `kode_desa` is not one of the regency's villages."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from core.audit.tables import AuditEntry
from core.cli.main import main
from core.cli.runner import run_with_kernel
from core.db import tenant_transaction
from core.testing.commands import instance_config
from plugins.population.synthetic import OPENSID_COLUMNS, write_regency_csv
from plugins.population.tables import Family, ImportBatch, Resident

KNOWN = "35.27.01.2001"


def person(village: str, serial: int) -> list[str]:
    values = {
        "nama": f"Warga {serial}", "no_kk": f"35270121022300{serial:02d}",
        "nik": f"35270126108800{serial:02d}", "sex": "1", "tanggallahir": "1988-10-26",
        "agama_id": "1", "kk_level": "1", "status_dasar": "1", "rw": "1", "rt": "3",
    }  # fmt: skip
    return [village, *(values.get(column, "") for column in OPENSID_COLUMNS)]


def regency_sheet(path: Path, villages: list[str]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["kode_desa", *OPENSID_COLUMNS])
        writer.writerows(person(village, serial) for serial, village in enumerate(villages, 1))
    return path


def village_sheet(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(OPENSID_COLUMNS)
        writer.writerow(person(KNOWN, 1)[1:])
    return path


def written(settings) -> dict[str, int]:
    """Rows of every village of the regency: what an import or export left behind."""

    async def count(kernel: Any) -> dict[str, int]:
        async with tenant_transaction(kernel.engine, settings.regency_code):
            return {
                "residents": await Resident.count(),
                "families": await Family.count(),
                "batches": await ImportBatch.count(),
                "audit": await AuditEntry.count(),
            }

    return run_with_kernel(settings, count)


@pytest.fixture
def config(kampung_settings, tmp_path, monkeypatch) -> str:
    monkeypatch.setattr("sys.argv", ["kampung"])
    return str(instance_config(kampung_settings, tmp_path))


@pytest.mark.parametrize(
    ("village", "message"),
    [
        (
            "52.01.14.9999",
            "kampung: desa 52.01.14.9999 tidak ada di kabupaten 35.27 (regency_code); "
            "lihat `kampung villages`",
        ),
        ("35.27.01.9999", "kampung: desa 35.27.01.9999 tidak ada di kabupaten 35.27"),
        ("foo", "kampung: kode desa 'foo' tidak sah: bentuknya seperti 35.27.01.2001"),
    ],
)
def test_import_into_an_unknown_village_is_refused_before_anything_is_written(
    config, kampung_settings, tmp_path, capsys, village, message
) -> None:
    before = written(kampung_settings)
    source = village_sheet(tmp_path / "desa.csv")
    assert (
        main(["--config", config, "population", "import", str(source), "--village", village]) == 2
    )
    err = capsys.readouterr().err
    assert err.startswith(message) and len(err.splitlines()) == 1
    assert written(kampung_settings) == before


@pytest.mark.parametrize("village", ["52.01.14.9999", "foo"])
def test_export_of_an_unknown_village_is_refused_and_writes_no_file(
    config, tmp_path, capsys, village
) -> None:
    target = tmp_path / "desa.csv"
    assert (
        main(["--config", config, "population", "export", str(target), "--village", village]) == 2
    )
    assert "lihat `kampung villages`" in capsys.readouterr().err
    assert not target.exists()


def test_regency_rows_naming_unknown_villages_are_refused_one_by_one(
    config, kampung_settings, tmp_path, capsys
) -> None:
    source = regency_sheet(tmp_path / "kabupaten.csv", [KNOWN, "35.27.01.9999", "52.01.14.2001"])
    assert main(["--config", config, "population", "import", str(source), "--village", "ALL"]) == 0
    out = capsys.readouterr().out
    assert "Penduduk: 1 baru" in out
    assert "ditolak baris 3: Kolom 'kode_desa': desa 35.27.01.9999 tidak ada" in out
    assert "ditolak baris 4: Kolom 'kode_desa': desa 52.01.14.2001 tidak ada" in out

    async def villages_written(kernel: Any) -> set[str]:
        """Read as the owner past any scope, so a row outside the regency would show too."""
        table = Resident._meta.tablename
        rows = await kernel.engine.run_ddl(f"SELECT DISTINCT village_code FROM {table}")
        return {row["village_code"] for row in rows}

    assert run_with_kernel(kampung_settings, villages_written) == {KNOWN}


def test_an_instance_initialised_for_another_regency_refuses_regency_work(
    config, kampung_settings, tmp_path, capsys
) -> None:
    source = tmp_path / "kabupaten.csv"
    write_regency_csv(source, "35.27", 30, seed=7)
    assert main(["--config", config, "population", "import", str(source), "--village", "ALL"]) == 0
    capsys.readouterr()
    before = written(kampung_settings)
    (tmp_path / "lombok").mkdir()
    elsewhere = str(instance_config(kampung_settings, tmp_path / "lombok", regency_code="52.01"))

    target = tmp_path / "ekspor.csv"
    exported = ["--config", elsewhere, "population", "export", str(target), "--village", "ALL"]
    assert main(exported) == 2
    err = capsys.readouterr().err
    assert err == (
        "kampung: kabupaten 52.01 (regency_code) tidak punya desa di basis data ini; basis data "
        "ini berisi desa kabupaten 35.27; periksa regency_code di kampung.toml atau "
        "KAMPUNG_REGENCY_CODE\n"
    )
    assert not target.exists()

    imported = ["--config", elsewhere, "population", "import", str(source), "--village", "ALL"]
    assert main(imported) == 2
    assert "kabupaten 52.01 (regency_code) tidak punya desa" in capsys.readouterr().err
    assert written(kampung_settings) == before
