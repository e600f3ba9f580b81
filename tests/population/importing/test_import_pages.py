"""The import and export pages over HTTP: upload, preview, confirm, export, and village walls."""

from __future__ import annotations

import asyncio
import csv
import io

from core.audit.tables import AuditEntry
from core.cli.runner import run_with_kernel
from core.db import tenant_transaction
from core.kernel import Kernel
from plugins.population.importing import pipeline
from plugins.population.importing.importer import Target
from plugins.population.importing.report import ImportReport
from plugins.population.importing.runs import import_register, regency_target
from plugins.population.synthetic import OPENSID_COLUMNS, write_regency_csv
from plugins.population.synthetic.village import write_village_csv
from plugins.population.tables import Resident

ROWS = 20_000
HELD_RECORDS_BYTES = 9_000_000
"""Half of what merely holding 20,000 normalized records takes (16.7 MB measured): the import
must stay below it."""


async def _wait_done(client, url: str) -> str:
    for _ in range(200):
        page = await client.get(url)
        if "berjalan" not in page.text:
            return page.text
        await asyncio.sleep(0.05)
    raise AssertionError("import did not finish")


async def test_upload_preview_then_confirm_imports_in_background(kampung, tmp_path):
    village = await kampung.village()
    path = tmp_path / "desa.csv"
    write_village_csv(path, village.code, 60, seed=5)
    client = await kampung.login("village_admin", village)
    response = await client.post(
        village.url + "/impor", files={"berkas": ("desa.csv", path.read_bytes(), "text/csv")}
    )
    assert response.status_code == 303
    batch_url = response.headers["location"]
    preview = await client.get(batch_url)
    assert "pratinjau" in preview.text and "Jalankan impor" in preview.text
    async with kampung.scope(village.code):
        assert await Resident.count().where(Resident.village_code == village.code) == 0
    confirmed = await client.post(batch_url + "/jalankan")
    assert confirmed.status_code == 303
    page = await _wait_done(client, batch_url)
    assert "Selesai" in page
    async with kampung.scope(village.code):
        assert await Resident.count().where(Resident.village_code == village.code) >= 60
        imports = AuditEntry.count().where(
            (AuditEntry.village_code == village.code) & (AuditEntry.action == "import")
        )
        assert await imports == 1

    again = await client.post(batch_url + "/jalankan")  # a second click, or the back button
    assert again.status_code == 303 and again.headers["location"] == batch_url
    assert "Selesai" in await _wait_done(client, batch_url)
    async with kampung.scope(village.code):
        assert await imports == 1


async def test_upload_of_unknown_file_type_is_refused_with_field_error(kampung):
    village = await kampung.village()
    client = await kampung.login("village_admin", village)
    response = await client.post(
        village.url + "/impor", files={"berkas": ("x.pdf", b"%PDF", "application/pdf")}
    )
    assert response.status_code == 422 and "Berkas: jenis" in response.text


async def test_export_csv_has_opensid_header_and_round_trips(kampung, tmp_path):
    village = await kampung.village()
    source = tmp_path / "desa.csv"
    write_village_csv(source, village.code, 40, seed=7)
    async with kampung.scope(village.code):
        first, _ = await import_register(kampung.kernel, source, Target(village.code), actor="t")
    client = await kampung.login("village_admin", village)
    response = await client.get(village.url + "/ekspor.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert tuple(rows[0]) == OPENSID_COLUMNS and len(rows) - 1 == first.residents_created
    exported = tmp_path / "ekspor.csv"
    exported.write_bytes(response.content)
    async with kampung.scope(village.code):
        again, _ = await import_register(kampung.kernel, exported, Target(village.code), actor="t")
    assert again.residents_created == 0 and again.residents_present == first.residents_created
    xlsx = await client.get(village.url + "/ekspor.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


async def test_staff_of_one_village_cannot_import_or_export_in_another(kampung, tmp_path):
    village = await kampung.village()
    other = await kampung.village(1)
    client = await kampung.login("village_admin", village)
    for url in ("/impor", "/ekspor.csv", "/ekspor.xlsx", "/statistik"):
        response = await client.get(other.url + url)
        assert response.status_code in (403, 404), url
    posted = await client.post(
        other.url + "/impor", files={"berkas": ("d.csv", b"nik,no_kk,nama\n", "text/csv")}
    )
    assert posted.status_code in (403, 404)


async def test_operator_may_not_import(kampung):
    village = await kampung.village()
    client = await kampung.login("village_operator", village)
    assert (await client.get(village.url + "/impor")).status_code == 403


def test_importer_memory_stays_flat(kampung_settings, tmp_path, monkeypatch):
    """Rows stream through in batches: the heap peak stays far below what holding the file takes.

    The file is large enough to be normalized in worker processes; chunks are made small so that
    what is in flight at once is a fraction of this file, as it is of a regency's million rows.
    """
    import tracemalloc

    monkeypatch.setattr(pipeline, "CHUNK_ROWS", 500)

    path = tmp_path / "kab.csv"
    write_regency_csv(path, "35.27", ROWS, seed=1)

    async def work(kernel: Kernel) -> ImportReport:
        async with tenant_transaction(kernel.engine, "35.27"):
            target = await regency_target("35.27")
            report, _ = await import_register(kernel, path, target, actor="test")
            return report

    tracemalloc.start(1)
    report = run_with_kernel(kampung_settings, work)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert report.residents_created == ROWS
    assert peak < HELD_RECORDS_BYTES
