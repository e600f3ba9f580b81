"""`kampung population export` (the regency's register to one file) and what a large
`kampung population import` leaves for the planner."""

from __future__ import annotations

import asyncio
import csv
import json

import asyncpg
import openpyxl
import pytest

from core.audit.tables import AuditEntry
from core.cli.main import main
from core.cli.runner import run_with_kernel
from core.db import tenant_transaction
from core.db.jsonvalue import json_dict
from core.testing.commands import instance_config
from core.testing.databases import backend
from plugins.population.importing import cli
from plugins.population.synthetic import OPENSID_COLUMNS, write_regency_csv

RESIDENTS = 300


def _config(settings, tmp_path) -> str:
    return str(instance_config(settings, tmp_path, data_dir=str(tmp_path / "data")))


def test_regency_export_comes_back_through_the_importer_unchanged(
    kampung_settings, tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr("sys.argv", ["kampung"])
    config = _config(kampung_settings, tmp_path)
    source = tmp_path / "kabupaten.csv"
    write_regency_csv(source, kampung_settings.regency_code, RESIDENTS, seed=3)
    assert main(["--config", config, "population", "import", str(source), "--village", "ALL"]) == 0
    capsys.readouterr()

    exported = tmp_path / "ekspor.csv"
    assert (
        main(["--config", config, "population", "export", str(exported), "--village", "ALL"]) == 0
    )
    assert f"{RESIDENTS} penduduk" in capsys.readouterr().out
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["kode_desa", *OPENSID_COLUMNS]
    assert len(rows) == RESIDENTS + 1

    assert main(["--config", config, "population", "import", str(exported), "--village", "ALL",
                 "--dry-run", "--json"]) == 0  # fmt: skip
    report = json.loads(capsys.readouterr().out)
    assert report["residents"] == {"created": 0, "present": RESIDENTS}
    assert report["rejection_count"] == 0

    async def export_entries(kernel) -> list[dict]:
        regency = kampung_settings.regency_code
        async with tenant_transaction(kernel.engine, regency):
            return await AuditEntry.select(AuditEntry.after).where(
                (AuditEntry.village_code == regency) & (AuditEntry.action == "export")
            )

    entries = run_with_kernel(kampung_settings, export_entries)
    assert [json_dict(entry["after"])["rows"] for entry in entries] == [RESIDENTS]


def test_one_village_exports_to_xlsx_without_the_village_column(
    kampung_settings, tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr("sys.argv", ["kampung"])
    config = _config(kampung_settings, tmp_path)
    source = tmp_path / "kabupaten.csv"
    write_regency_csv(source, kampung_settings.regency_code, RESIDENTS, seed=4)
    with source.open(encoding="utf-8", newline="") as handle:
        villages = [row["kode_desa"] for row in csv.DictReader(handle)]
    village = villages[0]
    assert main(["--config", config, "population", "import", str(source), "--village", "ALL"]) == 0

    exported = tmp_path / "desa.xlsx"
    assert (
        main(["--config", config, "population", "export", str(exported), "--village", village]) == 0
    )
    sheet = openpyxl.load_workbook(exported, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(OPENSID_COLUMNS)
    assert len(rows) - 1 == villages.count(village)


def test_unknown_suffix_is_refused_with_one_line(kampung_settings, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["kampung"])
    config = _config(kampung_settings, tmp_path)
    target = tmp_path / "ekspor.pdf"
    assert main(["--config", config, "population", "export", str(target), "--village", "ALL"]) == 2
    assert "tidak didukung" in capsys.readouterr().err
    assert not target.exists()


@pytest.mark.skipif(backend() != "postgresql", reason="ANALYZE is refreshed on PostgreSQL only")
def test_a_large_import_refreshes_the_planner_statistics(
    kampung_settings, tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr("sys.argv", ["kampung"])
    monkeypatch.setattr(cli, "ANALYZE_MIN_ROWS", RESIDENTS)
    config = _config(kampung_settings, tmp_path)
    source = tmp_path / "kabupaten.csv"
    write_regency_csv(source, kampung_settings.regency_code, RESIDENTS, seed=5)
    assert main(["--config", config, "population", "import", str(source), "--village", "ALL"]) == 0

    async def analyzed() -> set[str]:
        connection = await asyncpg.connect(kampung_settings.owner_url)
        try:
            rows = await connection.fetch(
                "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL"
            )
        finally:
            await connection.close()
        return {row["relname"] for row in rows}

    assert {"population_resident", "population_family"} <= asyncio.run(analyzed())
