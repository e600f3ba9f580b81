"""One register row as the printed cells of a book: labels for codes, DD-MM-YYYY dates.

Pure functions, so the wording of every column can be checked without a database. Where the
register keeps no value for a column the regulation lists (literacy, ancestry, where the KTP
was issued) the cell says "-" rather than guessing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from plugins.population.books.queries import Stay
from plugins.population.domain.codes import (
    BASIC_STATUS,
    BLOOD_TYPE,
    CITIZENSHIP,
    EDUCATION,
    MARITAL_STATUS,
    OCCUPATION,
    RELATIONSHIP,
    RELIGION,
    SEX,
    CodeList,
)

NONE = "-"


def label(codes: CodeList, code: Any) -> str:
    if code is None:
        return NONE
    return codes.labels.get(code, NONE)


def day(value: dt.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else NONE


def text(value: Any) -> str:
    return str(value).strip() if value not in (None, "") else NONE


def sex_letter(code: Any) -> str:
    return {1: "L", 2: "P"}.get(code, NONE)


def age(birth: dt.date | None, today: dt.date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def address(row: Mapping[str, Any]) -> str:
    """Street, RT/RW and hamlet, the hamlet only once even when the street line names it."""
    street = str(row.get("address") or "").strip()
    parts = [street] if street else []
    if row.get("rt") or row.get("rw"):
        parts.append(f"RT {row.get('rt') or NONE}/RW {row.get('rw') or NONE}")
    hamlet = str(row.get("dusun") or "").strip()
    if hamlet and hamlet.lower() not in street.lower():
        parts.append(f"Dusun {hamlet}")
    return ", ".join(parts) or NONE


def remarks(row: Mapping[str, Any]) -> str:
    """What an official should notice: a status other than living, a number still to check."""
    notes = []
    if row.get("status") not in (None, 1):
        notes.append(label(BASIC_STATUS, row.get("status")))
    if row.get("nik_temporary"):
        notes.append("NIK sementara")
    if row.get("nik_needs_check"):
        notes.append("NIK perlu diperiksa")
    return "; ".join(notes) or NONE


def birth(row: Mapping[str, Any]) -> str:
    return f"{text(row.get('birth_place'))}, {day(row.get('birth_date'))}"


def induk(number: int, row: Mapping[str, Any]) -> list[str]:
    """B.1 Buku Induk Penduduk."""
    return [
        str(number),
        text(row["name"]),
        label(SEX, row["sex"]),
        label(MARITAL_STATUS, row["marital_status"]),
        text(row["birth_place"]),
        day(row["birth_date"]),
        label(RELIGION, row["religion"]),
        label(EDUCATION, row["education"]),
        label(OCCUPATION, row["occupation"]),
        NONE,
        label(CITIZENSHIP, row["citizenship"]),
        address(row),
        label(RELATIONSHIP, row["relationship"]),
        text(row["nik"]),
        text(row.get("family.kk_number")),
        remarks(row),
    ]


def host(row: Mapping[str, Any], head: Mapping[str, Any] | None) -> str:
    """Whom a newcomer came to: the head of their family and its address."""
    if head is None or head["id"] == row["id"]:
        return address(row)
    place = {**head, "address": head.get("family.address") or head.get("address")}
    return f"{text(head['name'])}, {address(place)}"


def sementara(
    number: int,
    stay: Stay,
    row: Mapping[str, Any],
    head: Mapping[str, Any] | None,
    today: dt.date,
) -> list[str]:
    """B.4 Buku Penduduk Sementara: one newcomer's stay."""
    years = age(row["birth_date"], today)
    born = birth(row) + (f" / {years} th" if years is not None else "")
    return [
        str(number),
        text(row["name"]),
        "L" if row["sex"] == 1 else "",
        "P" if row["sex"] == 2 else "",
        text(row["nik"]),
        born,
        label(OCCUPATION, row["occupation"]),
        label(CITIZENSHIP, row["citizenship"]),
        NONE,
        text(stay.origin),
        text(stay.purpose),
        host(row, head),
        day(stay.arrived),
        day(stay.left),
        remarks(row),
    ]


def ktp_kk(number: int, row: Mapping[str, Any], since: dt.date | None) -> list[str]:
    """B.5 Buku KTP dan KK."""
    return [
        str(number),
        text(row.get("family.kk_number")),
        text(row["name"]),
        text(row["nik"]),
        sex_letter(row["sex"]),
        birth(row),
        label(BLOOD_TYPE, row["blood_type"]),
        label(RELIGION, row["religion"]),
        label(EDUCATION, row["education"]),
        label(OCCUPATION, row["occupation"]),
        address(row),
        label(MARITAL_STATUS, row["marital_status"]),
        NONE,
        label(RELATIONSHIP, row["relationship"]),
        label(CITIZENSHIP, row["citizenship"]),
        text(row["father_name"]),
        text(row["mother_name"]),
        day(since),
        remarks(row),
    ]
