"""The register written to a file for regency IT: one village, or every village of the regency.

A regency export carries `kode_desa` as its first column, as a regency import expects, so the
file comes back through `kampung population import FILE --village ALL` unchanged. Rows go out a
page at a time (`resident_pages`), so memory stays flat whatever the size of the register.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import openpyxl

from core.exports import text_cells
from core.i18n import _
from plugins.population.importing.importer import VILLAGE_COLUMN
from plugins.population.importing.opensid_export import resident_pages
from plugins.population.synthetic.sheet import OPENSID_COLUMNS

SUFFIXES = (".csv", ".xlsx")


class ExportTargetError(ValueError):
    """The file cannot be written as asked (an unknown suffix)."""


async def export_register(path: Path, village_codes: Sequence[str], *, regency: bool) -> int:
    """Write the residents of `village_codes` to `path` (CSV or XLSX); returns the row count.

    Call inside a tenant transaction that may read those villages.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportTargetError(
            _("Jenis berkas '{suffix}' tidak didukung; gunakan CSV atau XLSX.").format(
                suffix=path.suffix
            )
        )
    header = [VILLAGE_COLUMN, *OPENSID_COLUMNS] if regency else list(OPENSID_COLUMNS)
    if suffix == ".xlsx":
        return await _write_xlsx(path, header, village_codes, regency)
    return await _write_csv(path, header, village_codes, regency)


async def _write_csv(
    path: Path, header: list[str], village_codes: Sequence[str], regency: bool
) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for code in village_codes:
            async for page in resident_pages(code):
                writer.writerows([[code, *row] for row in page] if regency else page)
                count += len(page)
    return count


async def _write_xlsx(
    path: Path, header: list[str], village_codes: Sequence[str], regency: bool
) -> int:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("penduduk")
    sheet.append(header)
    count = 0
    for code in village_codes:
        async for page in resident_pages(code):
            for row in page:
                sheet.append(text_cells(sheet, [code, *row] if regency else row))
            count += len(page)
    book.save(path)
    return count
