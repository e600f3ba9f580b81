"""The resident form: every field of the Dukcapil vocabulary, read and checked the same way for
the page and the JSON API.

NIK structure errors stop the save; disagreements between the NIK and the record (birth date, sex,
region) are warnings the operator must confirm ("Saya sudah memeriksa"), because a person keeps
their NIK when they move and some NIKs carry an uncorrected birth date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from core.i18n import N_, _
from plugins.population.domain.codes import (
    BLOOD_TYPE,
    CITIZENSHIP,
    DISABILITY,
    EDUCATION,
    MARITAL_STATUS,
    OCCUPATION,
    RELATIONSHIP,
    RELIGION,
    SEX,
    CodeList,
)
from plugins.population.domain.identity import check_nik
from plugins.population.register.names import clean_name

CODED_FIELDS: dict[str, CodeList] = {
    "sex": SEX,
    "religion": RELIGION,
    "education": EDUCATION,
    "occupation": OCCUPATION,
    "marital_status": MARITAL_STATUS,
    "relationship": RELATIONSHIP,
    "citizenship": CITIZENSHIP,
    "blood_type": BLOOD_TYPE,
    "disability": DISABILITY,
}
REQUIRED_CODES = {"sex", "citizenship"}
TEXT_LIMITS = {
    "name": 120,
    "birth_place": 80,
    "father_name": 120,
    "mother_name": 120,
    "phone": 20,
    "dusun": 60,
    "address": 200,
}
LABELS = {
    "nik": N_("NIK"),
    "name": N_("Nama lengkap"),
    "sex": N_("Jenis kelamin"),
    "birth_place": N_("Tempat lahir"),
    "birth_date": N_("Tanggal lahir"),
    "religion": N_("Agama"),
    "education": N_("Pendidikan dalam KK"),
    "occupation": N_("Pekerjaan"),
    "marital_status": N_("Status perkawinan"),
    "relationship": N_("Hubungan dalam keluarga (SHDK)"),
    "citizenship": N_("Kewarganegaraan"),
    "blood_type": N_("Golongan darah"),
    "disability": N_("Cacat"),
    "father_nik": N_("NIK ayah"),
    "father_name": N_("Nama ayah"),
    "mother_nik": N_("NIK ibu"),
    "mother_name": N_("Nama ibu"),
    "phone": N_("Nomor telepon"),
    "kk_number": N_("Nomor KK"),
    "dusun": N_("Dusun"),
    "rw": N_("RW"),
    "rt": N_("RT"),
    "address": N_("Alamat"),
}


@dataclass(slots=True)
class ResidentInput:
    """A resident's fields, checked and converted; `nik` is empty when a temporary one is due."""

    nik: str
    nik_temporary: bool
    name: str
    sex: int
    birth_place: str
    birth_date: dt.date
    religion: int | None
    education: int | None
    occupation: int | None
    marital_status: int | None
    relationship: int | None
    citizenship: int
    blood_type: int | None
    disability: int | None
    father_nik: str
    father_name: str
    mother_nik: str
    mother_name: str
    phone: str
    kk_number: str
    dusun: str
    rw: str
    rt: str
    address: str

    def columns(self) -> dict[str, Any]:
        """The values stored on the resident row (the KK number lives on the family)."""
        values = asdict(self)
        values.pop("kk_number")
        return values


@dataclass(slots=True)
class FormResult:
    data: ResidentInput | None
    errors: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def code_options(codes: CodeList, blank: str = N_("— pilih —")) -> list[tuple[str, str]]:
    """A select's options in the viewer's language; the stored value stays the Dukcapil code."""
    return [("", _(blank)), *((str(code), _(label)) for code, label in codes.labels.items())]


def field_options() -> dict[str, list[tuple[str, str]]]:
    return {name: code_options(codes) for name, codes in CODED_FIELDS.items()}


def text(values: Mapping[str, Any], key: str) -> str:
    value = values.get(key)
    return "" if value is None else str(value).strip()


def flag(values: Mapping[str, Any], key: str) -> bool:
    value = values.get(key)
    return value is True or str(value).lower() in {"1", "on", "true", "yes"}


def neighbourhood(value: str, label: str, errors: dict[str, str], key: str) -> str:
    """RT and RW as three digits ('001'), the form the importer stores."""
    if not value:
        return ""
    if not value.isdigit() or len(value) > 3:
        errors[key] = _("{label} harus berupa angka, paling banyak 3 digit.").format(label=label)
        return value
    return value.zfill(3)


def parse_date(value: str, label: str, errors: dict[str, str], key: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        errors[key] = _("{label} tidak valid; gunakan format TTTT-BB-HH.").format(label=label)
        return None


def read_resident(values: Mapping[str, Any], *, village_code: str, today: dt.date) -> FormResult:
    """Check the submitted fields; warnings block the save until `nik_checked` is set."""
    errors: dict[str, str] = {}
    name = clean_name(text(values, "name"))
    if not name:
        errors["name"] = _("Nama lengkap wajib diisi.")
    for key, limit in TEXT_LIMITS.items():
        if len(text(values, key)) > limit:
            errors[key] = _("{label} paling banyak {limit} karakter.").format(
                label=_(LABELS[key]), limit=limit
            )
    codes: dict[str, int | None] = {}
    for key, codes_list in CODED_FIELDS.items():
        raw = text(values, key)
        if not raw:
            codes[key] = None
            if key in REQUIRED_CODES:
                errors[key] = _("{label} wajib dipilih.").format(label=_(LABELS[key]))
            continue
        try:
            codes[key] = codes_list.parse(raw)
        except ValueError:
            errors[key] = _("{label} '{raw}' tidak dikenal.").format(label=_(LABELS[key]), raw=raw)
            codes[key] = None
    birth_date = None
    if not text(values, "birth_date"):
        errors["birth_date"] = _("Tanggal lahir wajib diisi.")
    else:
        birth_date = parse_date(text(values, "birth_date"), "Tanggal lahir", errors, "birth_date")
        if birth_date and birth_date > today:
            errors["birth_date"] = _("Tanggal lahir tidak boleh di masa depan.")
    temporary = flag(values, "nik_temporary")
    nik = text(values, "nik").replace(" ", "")
    warnings: list[str] = []
    if temporary:
        nik = ""
    elif not nik:
        errors["nik"] = _(
            "NIK wajib diisi, atau centang NIK sementara untuk bayi yang belum punya NIK."
        )
    else:
        check = check_nik(
            nik,
            birth_date=birth_date if "birth_date" not in errors else None,
            sex=codes.get("sex"),
            region_code=village_code,
        )
        if check.errors:
            errors["nik"] = " ".join(check.errors)
        else:
            nik = check.nik or nik
            if not flag(values, "nik_checked"):
                warnings.extend(check.warnings)
    for key in ("father_nik", "mother_nik"):
        parent = text(values, key)
        if parent and (len(parent) != 16 or not parent.isdigit()):
            errors[key] = _("{label} harus 16 digit angka.").format(label=_(LABELS[key]))
    kk_number = text(values, "kk_number").replace(" ", "")
    if kk_number and (len(kk_number) != 16 or not kk_number.isdigit()):
        errors["kk_number"] = _("Nomor KK harus 16 digit angka.")
    if kk_number and codes.get("relationship") is None and "relationship" not in errors:
        errors["relationship"] = _("Hubungan dalam keluarga wajib dipilih bila Nomor KK diisi.")
    rw = neighbourhood(text(values, "rw"), "RW", errors, "rw")
    rt = neighbourhood(text(values, "rt"), "RT", errors, "rt")
    if errors or birth_date is None:
        return FormResult(None, errors, warnings)
    data = ResidentInput(
        nik=nik,
        nik_temporary=temporary,
        name=name,
        sex=codes["sex"] or 1,
        birth_place=text(values, "birth_place"),
        birth_date=birth_date,
        religion=codes["religion"],
        education=codes["education"],
        occupation=codes["occupation"],
        marital_status=codes["marital_status"],
        relationship=codes["relationship"],
        citizenship=codes["citizenship"] or 1,
        blood_type=codes["blood_type"],
        disability=codes["disability"],
        father_nik=text(values, "father_nik"),
        father_name=clean_name(text(values, "father_name")),
        mother_nik=text(values, "mother_nik"),
        mother_name=clean_name(text(values, "mother_name")),
        phone=text(values, "phone"),
        kk_number=kk_number,
        dusun=text(values, "dusun"),
        rw=rw,
        rt=rt,
        address=text(values, "address"),
    )
    return FormResult(data, {}, warnings)


def form_values(row: Mapping[str, Any], kk_number: str = "") -> dict[str, str]:
    """A stored resident as the strings an edit form shows."""
    values = {key: "" if row.get(key) is None else str(row[key]) for key in LABELS}
    values["kk_number"] = kk_number
    values["nik_temporary"] = "1" if row.get("nik_temporary") else ""
    if row.get("nik_temporary"):
        values["nik"] = str(row.get("nik", ""))
    return values
