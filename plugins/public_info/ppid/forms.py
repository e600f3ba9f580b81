"""Parsing and checking what a requester types into the public request form.

Every field is bounded, and every error names its field in Indonesian; the form is shown again
with what was typed. A contact is required (phone or e-mail), and an e-mail address when the
requester asks for the information by e-mail.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from core.i18n import N_, _

IDENTITY_KINDS: dict[str, str] = {
    "ktp": N_("KTP (NIK)"),
    "sim": N_("SIM"),
    "paspor": N_("Paspor"),
    "badan_hukum": N_("Akta pendirian badan hukum"),
}
COPY_FORMS: dict[str, str] = {
    "melihat": N_("Melihat atau membaca"),
    "salinan_cetak": N_("Salinan tercetak"),
    "salinan_elektronik": N_("Salinan elektronik"),
}
DELIVERIES: dict[str, str] = {
    "ambil": N_("Mengambil langsung di kantor desa"),
    "pos": N_("Dikirim lewat pos atau kurir"),
    "email": N_("Dikirim lewat surel (e-mail)"),
}

LIMITS = {
    "requester_name": 150,
    "identity_number": 40,
    "address": 500,
    "phone": 30,
    "email": 120,
    "information": 2000,
    "purpose": 1000,
}
FIELDS = (
    "requester_name",
    "identity_kind",
    "identity_number",
    "address",
    "phone",
    "email",
    "information",
    "purpose",
    "copy_form",
    "delivery",
)
HONEYPOT = "situs_web"
"""A field hidden from people (CSS and aria-hidden); only a bot fills it in."""

NIK = re.compile(r"\d{16}")
IDENTITY = re.compile(r"[A-Za-z0-9./-]{4,40}")
PHONE = re.compile(r"\+?[0-9 -]{8,30}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass(frozen=True, slots=True)
class ParsedRequest:
    values: dict[str, str]
    """What was typed, trimmed: shown again when there are errors."""
    errors: dict[str, str]
    is_bot: bool


def parse_request_form(form: Mapping[str, str]) -> ParsedRequest:
    values = {name: str(form.get(name, "") or "").strip() for name in FIELDS}
    values["idempotency_key"] = str(form.get("idempotency_key", "") or "").strip()
    errors: dict[str, str] = {}
    for name, limit in LIMITS.items():
        if len(values[name]) > limit:
            errors[name] = _("Paling banyak %(limit)s karakter.") % {"limit": limit}
    _required(values, errors, "requester_name", _("Nama pemohon wajib diisi."))
    _required(values, errors, "address", _("Alamat wajib diisi."))
    _required(values, errors, "information", _("Rincian informasi yang dibutuhkan wajib diisi."))
    _required(values, errors, "purpose", _("Tujuan penggunaan informasi wajib diisi."))
    _choice(values, errors, "identity_kind", IDENTITY_KINDS, _("Pilih jenis identitas."))
    _choice(values, errors, "copy_form", COPY_FORMS, _("Pilih cara memperoleh informasi."))
    _choice(values, errors, "delivery", DELIVERIES, _("Pilih cara mendapatkan salinan."))
    _identity(values, errors)
    _contact(values, errors)
    return ParsedRequest(values, errors, is_bot=bool(str(form.get(HONEYPOT, "") or "").strip()))


def _required(values: dict[str, str], errors: dict[str, str], name: str, message: str) -> None:
    if not values[name] and name not in errors:
        errors[name] = message


def _choice(
    values: dict[str, str],
    errors: dict[str, str],
    name: str,
    choices: Mapping[str, str],
    message: str,
) -> None:
    if values[name] not in choices:
        errors[name] = message


def _identity(values: dict[str, str], errors: dict[str, str]) -> None:
    number = values["identity_number"].replace(" ", "")
    values["identity_number"] = number
    if "identity_number" in errors:
        return
    if not number:
        errors["identity_number"] = _("Nomor identitas wajib diisi.")
    elif values["identity_kind"] == "ktp" and not NIK.fullmatch(number):
        errors["identity_number"] = _("NIK terdiri atas 16 angka.")
    elif not IDENTITY.fullmatch(number):
        errors["identity_number"] = _(
            "Nomor identitas hanya berisi huruf, angka, titik atau garis."
        )


def _contact(values: dict[str, str], errors: dict[str, str]) -> None:
    phone, email = values["phone"], values["email"]
    if phone and "phone" not in errors and not PHONE.fullmatch(phone):
        errors["phone"] = _("Nomor telepon berisi 8 sampai 30 angka.")
    if email and "email" not in errors and not EMAIL.fullmatch(email):
        errors["email"] = _("Alamat surel tidak valid, contoh: nama@contoh.id.")
    if not phone and not email:
        errors["phone"] = _("Isi nomor telepon atau alamat surel agar PPID dapat menghubungi Anda.")
    if values["delivery"] == "email" and not email and "email" not in errors:
        errors["email"] = _("Alamat surel wajib diisi bila informasi dikirim lewat surel.")
