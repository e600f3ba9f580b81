"""The register written back as the OpenSID import sheet, page by page.

Column names and order are OpenSID's, so an export opens in OpenSID and comes back through this
importer unchanged. Rows are read in pages by id, so an export of any size needs little memory.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from core.exports import quote
from plugins.population.synthetic.sheet import OPENSID_COLUMNS
from plugins.population.tables import Resident

PAGE_ROWS = 5000
_FIELDS = {
    "alamat": "address",
    "dusun": "dusun",
    "rw": "rw",
    "rt": "rt",
    "nama": "name",
    "no_kk": "family.kk_number",
    "nik": "nik",
    "sex": "sex",
    "tempatlahir": "birth_place",
    "tanggallahir": "birth_date",
    "agama_id": "religion",
    "pendidikan_kk_id": "education",
    "pekerjaan_id": "occupation",
    "status_kawin": "marital_status",
    "kk_level": "relationship",
    "warganegara_id": "citizenship",
    "ayah_nik": "father_nik",
    "nama_ayah": "father_name",
    "ibu_nik": "mother_nik",
    "nama_ibu": "mother_name",
    "golongan_darah_id": "blood_type",
    "cacat_id": "disability",
    "status_dasar": "status",
}
_KEYS = tuple(_FIELDS.get(column) for column in OPENSID_COLUMNS)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return quote(str(value))


def sheet_row(resident: dict[str, Any]) -> list[str]:
    """One resident as the OpenSID sheet's cells, every cell text (NIKs keep all 16 digits) and
    none a formula (`core.exports.quote`)."""
    return ["" if key is None else _cell(resident.get(key)) for key in _KEYS]


async def resident_pages(village_code: str) -> AsyncIterator[list[list[str]]]:
    """The village's residents as sheet rows, `PAGE_ROWS` at a time, in id order."""
    columns = [Resident.id, Resident.family.kk_number] + [
        getattr(Resident, key) for key in _FIELDS.values() if "." not in key
    ]
    last = 0
    while True:
        rows = (
            await Resident.select(*columns)
            .where((Resident.village_code == village_code) & (Resident.id > last))
            .order_by(Resident.id)
            .limit(PAGE_ROWS)
        )
        if not rows:
            return
        last = rows[-1]["id"]
        yield [sheet_row(row) for row in rows]
