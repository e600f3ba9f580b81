"""A resident's and a family's register rows as the printed sheet's and card's fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plugins.population.books import cells
from plugins.population.books.biodata_pdf import Section
from plugins.population.books.family_card_pdf import CardMember
from plugins.population.books.place import VillagePlace
from plugins.population.domain.codes import (
    BASIC_STATUS,
    BLOOD_TYPE,
    CITIZENSHIP,
    DISABILITY,
    EDUCATION,
    MARITAL_STATUS,
    OCCUPATION,
    RELATIONSHIP,
    RELIGION,
    SEX,
)


def _unit(row: Mapping[str, Any]) -> str:
    return f"{row.get('rt') or '-'}/{row.get('rw') or '-'}"


def biodata_sections(
    resident: Mapping[str, Any], kk_number: str, place: VillagePlace
) -> list[Section]:
    years = cells.age(resident.get("birth_date"), place.today)
    notes = cells.remarks({**resident, "status": None})
    return [
        Section(
            "Data pribadi",
            [
                ("Nama lengkap", cells.text(resident["name"])),
                ("NIK", cells.text(resident["nik"])),
                ("Jenis kelamin", cells.label(SEX, resident["sex"])),
                ("Tempat lahir", cells.text(resident["birth_place"])),
                ("Tanggal lahir", cells.day(resident["birth_date"])),
                ("Umur", f"{years} tahun" if years is not None else "-"),
                ("Agama", cells.label(RELIGION, resident["religion"])),
                ("Pendidikan dalam KK", cells.label(EDUCATION, resident["education"])),
                ("Pekerjaan", cells.label(OCCUPATION, resident["occupation"])),
                ("Golongan darah", cells.label(BLOOD_TYPE, resident["blood_type"])),
                ("Status perkawinan", cells.label(MARITAL_STATUS, resident["marital_status"])),
                ("Kewarganegaraan", cells.label(CITIZENSHIP, resident["citizenship"])),
                ("Penyandang cacat", cells.label(DISABILITY, resident["disability"])),
                ("Nomor telepon", cells.text(resident["phone"])),
            ],
        ),
        Section(
            "Data keluarga",
            [
                ("Nomor KK", kk_number or "-"),
                ("Hubungan dalam keluarga", cells.label(RELATIONSHIP, resident["relationship"])),
                ("NIK ayah", cells.text(resident["father_nik"])),
                ("Nama ayah", cells.text(resident["father_name"])),
                ("NIK ibu", cells.text(resident["mother_nik"])),
                ("Nama ibu", cells.text(resident["mother_name"])),
            ],
        ),
        Section(
            "Alamat",
            [
                ("Alamat", cells.text(resident["address"])),
                ("RT/RW", _unit(resident)),
                ("Dusun", cells.text(resident["dusun"])),
                (f"{place.word}/Kelurahan", place.village),
                ("Kecamatan", place.district or "-"),
                ("Kabupaten/Kota", place.regency or "-"),
                ("Provinsi", place.province or "-"),
            ],
        ),
        Section(
            "Status",
            [
                ("Status dasar", cells.label(BASIC_STATUS, resident["status"])),
                ("Catatan", notes),
            ],
        ),
    ]


def card_address(family: Mapping[str, Any]) -> list[tuple[str, str]]:
    return [
        ("Alamat", cells.text(family.get("address"))),
        ("RT/RW", _unit(family)),
        ("Dusun", cells.text(family.get("dusun"))),
    ]


def card_member(row: Mapping[str, Any]) -> CardMember:
    return CardMember(
        identity=[
            cells.text(row["name"]),
            cells.text(row["nik"]),
            cells.label(SEX, row["sex"]),
            cells.text(row["birth_place"]),
            cells.day(row["birth_date"]),
            cells.label(RELIGION, row["religion"]),
            cells.label(EDUCATION, row["education"]),
            cells.label(OCCUPATION, row["occupation"]),
            cells.label(BLOOD_TYPE, row["blood_type"]),
        ],
        family=[
            cells.label(MARITAL_STATUS, row["marital_status"]),
            "-",
            cells.label(RELATIONSHIP, row["relationship"]),
            cells.label(CITIZENSHIP, row["citizenship"]),
            "-",
            "-",
            cells.text(row["father_name"]),
            cells.text(row["mother_name"]),
        ],
    )


def head_name(members: list[dict[str, Any]]) -> str:
    heads = [m for m in members if m["relationship"] == 1]
    return cells.text(heads[0]["name"]) if heads else "-"
