"""Reading a programme form: every field checked, each error in Indonesian beside its field."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from core.i18n import N_, _

KINDS = (
    ("tunai", N_("Bantuan tunai")),
    ("pangan", N_("Bantuan pangan")),
    ("kesehatan", N_("Jaminan kesehatan")),
    ("pendidikan", N_("Bantuan pendidikan")),
    ("lainnya", N_("Lainnya")),
)
TARGETS = (
    ("person", N_("Perorangan")),
    ("family", N_("Keluarga (per KK)")),
    ("household", N_("Rumah tangga")),
)
OWNERS = (("village", N_("Desa")), ("regency", N_("Kabupaten")))
BASES = (("target", N_("Per sasaran")), ("member", N_("Per anggota keluarga")))
CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,19}$")
MAX_RUPIAH = 10**15
"""Far above any village or regency budget; refuses a typo with extra zeros."""


@dataclass(frozen=True)
class ProgrammeData:
    code: str
    name: str
    kind: str
    owner_level: str
    national: bool
    target: str
    period_start: dt.date
    period_end: dt.date
    fund_source: str
    budget: int
    amount: int
    amount_basis: str
    amount_cap: int
    cycles: int


def _text(values: Mapping[str, str], key: str) -> str:
    return str(values.get(key, "") or "").strip()


def _rupiah(values: Mapping[str, str], key: str, label: str, errors: dict[str, str]) -> int:
    raw = _text(values, key).removeprefix("Rp").strip().replace(".", "")
    if not raw:
        return 0
    if not raw.isdecimal() or int(raw) > MAX_RUPIAH:
        errors[key] = _("{label} harus rupiah bulat tanpa sen, misalnya 300000.").format(
            label=label
        )
        return 0
    return int(raw)


def _date(values: Mapping[str, str], key: str, label: str, errors: dict[str, str]) -> dt.date:
    raw = _text(values, key)
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        errors[key] = _("{label} wajib diisi dengan tanggal yang benar (TTTT-BB-HH).").format(
            label=label
        )
        return dt.date.min


def _choice(
    values: Mapping[str, str],
    key: str,
    label: str,
    choices: tuple[tuple[str, str], ...],
    errors: dict[str, str],
) -> str:
    value = _text(values, key)
    if value not in {v for v, _ in choices}:
        errors[key] = _("{label} wajib dipilih.").format(label=label)
    return value


def read_programme(
    values: Mapping[str, str], *, owner_level: str
) -> tuple[ProgrammeData | None, dict[str, str]]:
    """The programme the form describes, or the errors by field (the form keeps what was typed)."""
    errors: dict[str, str] = {}
    code = _text(values, "code").upper()
    if not CODE.match(code):
        errors["code"] = _("Kode program wajib 2–20 huruf besar, angka atau '-', misalnya BLT-DD.")
    name = _text(values, "name")
    if not name:
        errors["name"] = _("Nama program wajib diisi.")
    elif len(name) > 120:
        errors["name"] = _("Nama program paling banyak 120 karakter.")
    kind = _choice(values, "kind", "Jenis bantuan", KINDS, errors)
    target = _choice(values, "target", "Sasaran", TARGETS, errors)
    national = values.get("national") in ("1", "on", "true")
    start = _date(values, "period_start", "Awal periode", errors)
    end = _date(values, "period_end", "Akhir periode", errors)
    if "period_start" not in errors and "period_end" not in errors and end < start:
        errors["period_end"] = _("Akhir periode tidak boleh sebelum awal periode.")
    fund_source = _text(values, "fund_source")
    if not fund_source:
        errors["fund_source"] = _("Sumber dana wajib diisi, misalnya Dana Desa.")
    elif len(fund_source) > 60:
        errors["fund_source"] = _("Sumber dana paling banyak 60 karakter.")
    budget = _rupiah(values, "budget", "Pagu anggaran", errors)
    amount = _rupiah(values, "amount", "Besaran per siklus", errors)
    cap = _rupiah(values, "amount_cap", "Batas per sasaran", errors)
    basis = _choice(values, "amount_basis", "Dasar besaran", BASES, errors)
    cycles_raw = _text(values, "cycles")
    cycles = int(cycles_raw) if cycles_raw.isdecimal() else 0
    if not national:
        if not 1 <= cycles <= 24:
            errors["cycles"] = _("Jumlah siklus harus bilangan bulat 1 sampai 24.")
        if amount <= 0 and "amount" not in errors:
            errors["amount"] = _("Besaran per siklus wajib lebih dari nol.")
        if budget <= 0 and "budget" not in errors:
            errors["budget"] = _("Pagu anggaran wajib lebih dari nol.")
        if basis == "member" and target == "person" and "amount_basis" not in errors:
            errors["amount_basis"] = _(
                "Besaran per anggota hanya untuk sasaran keluarga atau rumah tangga."
            )
    if errors:
        return None, errors
    return (
        ProgrammeData(
            code=code,
            name=name,
            kind=kind,
            owner_level=owner_level,
            national=national,
            target=target,
            period_start=start,
            period_end=end,
            fund_source=fund_source,
            budget=budget,
            amount=amount,
            amount_basis=basis,
            amount_cap=cap,
            cycles=cycles if not national else 0,
        ),
        {},
    )
