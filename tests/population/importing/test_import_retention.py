"""Stored import files are deleted after the retention period, and their batch row says so."""

from __future__ import annotations

import datetime as dt
import os

from core.cli.main import main
from core.cli.runner import run_with_kernel
from core.db import tenant_transaction
from plugins.population.importing.batches import load_batch, save_batch, stored_path
from plugins.population.importing.retention import DEFAULT_RETENTION_DAYS
from plugins.population.synthetic.village import write_village_csv

OLD = dt.datetime.now(dt.UTC) - dt.timedelta(days=DEFAULT_RETENTION_DAYS + 1)


async def _batch(kampung, village, sha: str, status: str, when: dt.datetime) -> int:
    path = stored_path(kampung.settings.data_path, village.code, sha, ".csv")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("nik,no_kk,nama\n")
    async with kampung.scope(village.code):
        return await save_batch(
            village_code=village.code, filename=f"{sha}.csv", sha256=sha, status=status,
            actor="t", extra={"suffix": ".csv"}, now=when,
        )  # fmt: skip


async def test_a_new_upload_purges_expired_files_of_previews_and_failures(kampung, tmp_path):
    village = await kampung.village()
    data = kampung.settings.data_path
    old_preview = await _batch(kampung, village, "a" * 64, "pratinjau", OLD)
    old_failure = await _batch(kampung, village, "b" * 64, "gagal", OLD)
    running = await _batch(kampung, village, "c" * 64, "berjalan", OLD)
    recent = await _batch(kampung, village, "d" * 64, "pratinjau", dt.datetime.now(dt.UTC))
    orphan = data / "imports" / village.code / "upload-123.csv"
    orphan.write_text("x")
    os.utime(orphan, (OLD.timestamp(), OLD.timestamp()))

    client = await kampung.login("village_admin", village)
    source = tmp_path / "desa.csv"
    write_village_csv(source, village.code, 5, seed=2)
    response = await client.post(
        village.url + "/impor", files={"berkas": ("desa.csv", source.read_bytes())}
    )
    assert response.status_code == 303

    def exists(sha: str) -> bool:
        return stored_path(data, village.code, sha, ".csv").exists()

    assert not exists("a" * 64) and not exists("b" * 64) and not orphan.exists()
    assert exists("c" * 64) and exists("d" * 64)
    async with kampung.scope(village.code):
        batches = {i: await load_batch(village.code, i) for i in (old_preview, old_failure,
                                                                   running, recent)}  # fmt: skip
    assert batches[old_preview]["file_purged_at"] is not None
    assert batches[old_failure]["file_purged_at"] is not None
    assert batches[running]["file_purged_at"] is None
    assert batches[recent]["file_purged_at"] is None
    page = await client.get(f"{village.url}/impor/{old_preview}")
    assert "sudah dihapus" in page.text and "Jalankan impor" not in page.text


async def test_purge_imports_command_purges_every_village(kampung, tmp_path, capsys):
    import asyncio

    first, second = await kampung.village(), await kampung.village(1)
    one = await _batch(kampung, first, "e" * 64, "pratinjau", OLD)
    two = await _batch(kampung, second, "f" * 64, "selesai", OLD)
    config = tmp_path / "kampung.toml"
    settings = kampung.settings
    config.write_text(
        f'secret_key = "{settings.secret_key}"\n'
        f'database_url = "{settings.database_url}"\n'
        f'database_owner_url = "{settings.owner_url}"\n'
        f'regency_code = "{settings.regency_code}"\n'
        f'data_dir = "{settings.data_path}"\n'
        "[population]\nimport_retention_days = 3\n"
    )
    argv = ["--config", str(config), "population", "purge-imports"]
    assert await asyncio.to_thread(main, argv) == 0
    assert "2 berkas impor" in capsys.readouterr().out
    assert not stored_path(settings.data_path, first.code, "e" * 64, ".csv").exists()

    async def purged(kernel) -> list[object]:
        rows = []
        for village, batch in ((first, one), (second, two)):
            async with tenant_transaction(kernel.engine, village.code):
                rows.append((await load_batch(village.code, batch))["file_purged_at"])
        return rows

    assert all(await asyncio.to_thread(run_with_kernel, settings, purged))
