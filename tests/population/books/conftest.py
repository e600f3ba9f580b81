"""Residents with full register data for the books, and a PDF's text read back with pyhanko.

pyhanko (already a dependency, for signing letters) decodes the page streams; the text is what
reportlab wrote with `Tj`, so a test reads exactly the words on the page.
"""

from __future__ import annotations

import datetime as dt
import re
from io import BytesIO
from typing import Any

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from core.audit.tables import Disclosure
from core.db.jsonvalue import json_dict
from core.localtime import local_today
from plugins.population.register.arrivals import register_arrival
from plugins.population.register.families import FamilyInput, create_family
from plugins.population.register.resident_form import read_resident
from plugins.population.register.residents import create_resident

_SHOWN = re.compile(rb"\(((?:\\.|[^\\)])*)\)\s*Tj")
_ESCAPE = re.compile(rb"\\([nrtbf()\\]|[0-7]{1,3})")
_NAMED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _unescape(raw: bytes) -> str:
    def one(match: re.Match[bytes]) -> bytes:
        code = match.group(1)
        if code in _NAMED:
            return _NAMED[code]
        if code.isdigit():
            return bytes([int(code, 8)])
        return code

    return _ESCAPE.sub(one, raw).decode("cp1252")


def pdf_pages(data: bytes) -> list[Any]:
    kids = PdfFileReader(BytesIO(data)).root["/Pages"]["/Kids"]
    return [kid.get_object() if hasattr(kid, "get_object") else kid for kid in kids]


def pdf_text(data: bytes, last_pages: int | None = None) -> list[str]:
    """Every string drawn on every page (or the last few), in drawing order."""
    shown: list[str] = []
    pages = pdf_pages(data)
    for page in pages[-last_pages:] if last_pages else pages:
        contents = page["/Contents"]
        streams = contents if isinstance(contents, list) else [contents]
        for stream in streams:
            shown += [_unescape(raw) for raw in _SHOWN.findall(stream.data)]
    return shown


def person(serial: int, **changes: Any) -> dict[str, str]:
    """A woman born 14-05-1990 whose NIK matches (region 35.27.01), living in Krajan 001/002."""
    values = {
        "nik": f"352701540590{serial:04d}",
        "name": f"Siti Aminah {serial}",
        "sex": "2",
        "birth_place": "Sampang",
        "birth_date": "1990-05-14",
        "citizenship": "1",
        "religion": "1",
        "education": "5",
        "occupation": "2",
        "marital_status": "2",
        "relationship": "1",
        "father_name": "Abdullah",
        "mother_name": "Fatimah",
        "dusun": "Krajan",
        "rw": "2",
        "rt": "1",
        "address": "Jl. Mawar 12",
        "nik_checked": "1",
    }
    values.update({key: str(value) for key, value in changes.items()})
    return values


class Village:
    """Writes a village's register through the register's own services."""

    def __init__(self, kampung: Any, village: Any) -> None:
        self.kampung = kampung
        self.village = village

    async def family(self, kk_number: str, **fields: str) -> int:
        async with self.kampung.scope(self.village.code):
            return await create_family(
                self.kampung.kernel,
                self.village.code,
                "test",
                FamilyInput(
                    kk_number, fields.get("address", "Jl. Mawar 12"), "Krajan", "002", "001"
                ),
            )

    async def resident(self, serial: int, **changes: Any) -> int:
        result = read_resident(
            person(serial, **changes), village_code=self.village.code, today=local_today()
        )
        assert result.data is not None, result.errors
        async with self.kampung.scope(self.village.code):
            return await create_resident(
                self.kampung.kernel, self.village.code, "test", result.data
            )

    async def newcomer(
        self, serial: int, arrived: dt.date, origin: str, note: str = "", **changes: Any
    ) -> int:
        result = read_resident(
            person(serial, **changes), village_code=self.village.code, today=local_today()
        )
        assert result.data is not None, result.errors
        details = {"origin": origin, **({"note": note} if note else {})}
        async with self.kampung.scope(self.village.code):
            resident_id, _ = await register_arrival(
                self.kampung.kernel,
                self.village.code,
                "test",
                result.data,
                5,
                arrived,
                arrived,
                details,
            )
        return resident_id

    async def disclosures(self, kind: str) -> list[dict[str, Any]]:
        async with self.kampung.scope(self.village.code):
            rows = await Disclosure.select().where(Disclosure.kind == kind).order_by(Disclosure.id)
        return [{**row, "query": json_dict(row["query"])} for row in rows]


@pytest.fixture
def books_village(kampung: Any) -> Any:
    async def make(index: int = 0) -> Village:
        return Village(kampung, await kampung.village(index))

    return make
