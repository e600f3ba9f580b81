"""What a book page or download was asked for: hamlet, RW, RT, page, paper and year.

A bad value is reported with the field's name and left out of the query, never a 500; the form
shows what was typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from core.i18n import _

Paper = Literal["A4", "F4"]
PAPERS: tuple[Paper, ...] = ("A4", "F4")


@dataclass(slots=True)
class BookFilter:
    dusun: str = ""
    rw: str = ""
    rt: str = ""
    year: int | None = None
    page: int = 1
    paper: Paper = "A4"
    typed: dict[str, str] = field(default_factory=dict)
    """The raw values, so the form shows what was typed even when it was refused."""
    errors: dict[str, str] = field(default_factory=dict)

    def query(self) -> dict[str, str]:
        """The accepted filters as URL parameters (page and paper are added where needed)."""
        values = {
            "dusun": self.dusun,
            "rw": self.rw,
            "rt": self.rt,
            "tahun": "" if self.year is None else str(self.year),
        }
        return {key: value for key, value in values.items() if value}

    def describe(self) -> str:
        """The filters as the printed book's subtitle ("Dusun Krajan, RW 001")."""
        parts = []
        if self.dusun:
            parts.append(f"Dusun {self.dusun}")
        if self.rw:
            parts.append(f"RW {self.rw}")
        if self.rt:
            parts.append(f"RT {self.rt}")
        if self.year is not None:
            parts.append(f"Kedatangan tahun {self.year}")
        return ", ".join(parts)


def _unit(value: str, key: str, label: str, errors: dict[str, str]) -> str:
    """RW and RT as the register stores them: three digits, `1` → `001`."""
    if not value:
        return ""
    if not value.isdigit() or len(value) > 3:
        errors[key] = _("{label} harus berupa angka, paling banyak 3 digit (misalnya 001).").format(
            label=label
        )
        return ""
    return value.zfill(3)


def read_filter(params: Mapping[str, Any], this_year: int) -> BookFilter:
    get = lambda key: str(params.get(key) or "").strip()  # noqa: E731
    errors: dict[str, str] = {}
    typed = {key: get(key) for key in ("dusun", "rw", "rt", "tahun", "kertas")}
    year = None
    if typed["tahun"]:
        raw = typed["tahun"]
        if raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= this_year:
            year = int(raw)
        else:
            errors["tahun"] = _(
                "Tahun kedatangan harus empat angka antara 1900 dan {this_year}."
            ).format(this_year=this_year)
    paper: Paper = "A4"
    if typed["kertas"]:
        choice = typed["kertas"].upper()
        if choice in PAPERS:
            paper = "F4" if choice == "F4" else "A4"
        else:
            errors["kertas"] = _("Ukuran kertas harus A4 atau F4.")
    page = int(get("page")) if get("page").isdigit() and int(get("page")) > 0 else 1
    return BookFilter(
        dusun=typed["dusun"][:60],
        rw=_unit(typed["rw"], "rw", "RW", errors),
        rt=_unit(typed["rt"], "rt", "RT", errors),
        year=year,
        page=page,
        paper=paper,
        typed=typed,
        errors=errors,
    )
