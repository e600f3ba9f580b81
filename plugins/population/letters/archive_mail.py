"""Recording and correcting the mail log's entries, and reading them back; no HTTP here.

`parse_mail_form` turns what staff typed into a version's values or errors named by field;
`record_mail` gives the next agenda number of the direction and year inside the caller's
transaction and writes the first version; `correct_mail` adds a version with its reason.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from core.exports import quote
from core.i18n import N_, _
from core.kernel import Kernel
from core.tenancy.context import Tenant
from plugins.population.letters.archive_tables import MailCounter, MailEntry, MailVersion
from plugins.population.letters.dates import format_letter_date

__all__ = [
    "DIRECTIONS",
    "MailForm",
    "correct_mail",
    "mail_csv",
    "mail_entries",
    "mail_history",
    "parse_mail_form",
    "record_mail",
]

DIRECTIONS = {"masuk": N_("Surat masuk"), "keluar": N_("Surat keluar")}
CLASSIFICATION = re.compile(r"\d{3}(\.\d{1,3}){0,2}")
"""A records classification code (kode klasifikasi arsip): `470` for population, `474.1` for a
birth, as the head of every outgoing letter number has it and the mail book files it."""
_TEXT_LIMITS = {
    "nomor_surat": 80,
    "pihak": 200,
    "perihal": 300,
    "ringkasan": 2000,
    "disposisi_kepada": 120,
    "disposisi_isi": 2000,
    "alasan": 500,
}


def labels(direction: str) -> dict[str, str]:
    """The form's field labels; the dates and the other party are named by direction."""
    incoming = direction == "masuk"
    return {
        "tanggal": _("Tanggal diterima") if incoming else _("Tanggal dikirim"),
        "kode_klasifikasi": _("Kode klasifikasi"),
        "nomor_surat": _("Nomor surat"),
        "tanggal_surat": _("Tanggal surat"),
        "pihak": _("Pengirim") if incoming else _("Tujuan"),
        "perihal": _("Perihal"),
        "ringkasan": _("Isi singkat"),
        "disposisi_kepada": _("Disposisi kepada"),
        "disposisi_isi": _("Isi disposisi"),
        "alasan": _("Alasan koreksi"),
        "berkas": _("Berkas pindaian"),
    }


@dataclass(frozen=True)
class MailForm:
    """A checked form: the version's column values, or the errors by field."""

    values: dict[str, Any]
    errors: dict[str, str]


def parse_mail_form(direction: str, raw: Mapping[str, Any], *, correction: bool) -> MailForm:
    names = labels(direction)
    text = {key: str(raw.get(key) or "").strip() for key in _TEXT_LIMITS}
    errors: dict[str, str] = {}
    required = ["nomor_surat", "pihak", "perihal"] + (["alasan"] if correction else [])
    for key in required:
        if not text[key]:
            errors[key] = _("{label} wajib diisi.").format(label=names[key])
    for key, limit in _TEXT_LIMITS.items():
        if key not in errors and len(text[key]) > limit:
            errors[key] = _("{label} paling banyak {limit} karakter.").format(
                label=names[key], limit=limit
            )
    days: dict[str, date] = {}
    for key in ("tanggal", "tanggal_surat"):
        value = str(raw.get(key) or "").strip()
        if not value:
            errors[key] = _("{label} wajib diisi.").format(label=names[key])
            continue
        try:
            days[key] = date.fromisoformat(value)
        except ValueError:
            errors[key] = _("{label} harus tanggal yang sah (TTTT-BB-HH).").format(label=names[key])
    classification = str(raw.get("kode_klasifikasi") or "").strip()
    if classification and not CLASSIFICATION.fullmatch(classification):
        errors["kode_klasifikasi"] = _(
            "{label} berbentuk tiga angka, boleh diikuti titik dan angka: 470, 474.1 atau 474.1.2."
        ).format(label=names["kode_klasifikasi"])
    if len(days) == 2 and days["tanggal_surat"] > days["tanggal"] and direction == "masuk":
        errors["tanggal_surat"] = _("{label} tidak boleh sesudah {received}.").format(
            label=names["tanggal_surat"], received=names["tanggal"].lower()
        )
    if errors:
        return MailForm({}, errors)
    incoming = direction == "masuk"
    return MailForm(
        {
            "recorded_on": days["tanggal"],
            "classification": classification,
            "letter_number": text["nomor_surat"],
            "letter_date": days["tanggal_surat"],
            "party": text["pihak"],
            "subject": text["perihal"],
            "summary": text["ringkasan"],
            "disposition_to": text["disposisi_kepada"] if incoming else "",
            "disposition_note": text["disposisi_isi"] if incoming else "",
            "reason": text["alasan"] if correction else "",
        },
        {},
    )


async def _next_agenda_number(tenant: Tenant, direction: str, year: int) -> int:
    where = (MailCounter.direction == direction) & (MailCounter.year == year)
    taken = (
        await MailCounter.update({MailCounter.last_number: MailCounter.last_number + 1})
        .where(where)
        .returning(MailCounter.last_number)
    )
    if taken:
        return int(taken[0]["last_number"])
    await MailCounter.insert(
        MailCounter(village_code=tenant.code, direction=direction, year=year, last_number=1)
    )
    return 1


def _audit_values(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: str(value) for key, value in values.items()}


async def record_mail(
    kernel: Kernel,
    tenant: Tenant,
    direction: str,
    values: Mapping[str, Any],
    attachment: Mapping[str, str],
    actor: str,
    now: datetime,
) -> int:
    """Record a letter in the book with the next agenda number; the new entry's id."""
    year = values["recorded_on"].year
    number = await _next_agenda_number(tenant, direction, year)
    rows = await MailEntry.insert(
        MailEntry(
            village_code=tenant.code,
            direction=direction,
            year=year,
            agenda_number=number,
            version=1,
            created_by=actor,
            created_at=now,
        )
    ).returning(MailEntry.id)
    entry_id = int(rows[0]["id"])
    await _add_version(tenant, entry_id, 1, values, attachment, actor, now)
    await kernel.audit(
        tenant,
        actor=actor,
        action="create",
        entity=f"mail_{direction}",
        entity_id=entry_id,
        after={"agenda": f"{number}/{year}", **_audit_values(values), **attachment},
    )
    return entry_id


async def _add_version(
    tenant: Tenant,
    entry_id: int,
    version: int,
    values: Mapping[str, Any],
    attachment: Mapping[str, str],
    actor: str,
    now: datetime,
) -> None:
    await MailVersion.insert(
        MailVersion(
            village_code=tenant.code,
            entry=entry_id,
            version=version,
            **values,
            attachment_name=attachment.get("name", ""),
            attachment_filename=attachment.get("filename", ""),
            attachment_type=attachment.get("type", ""),
            recorded_by=actor,
            recorded_at=now,
        )
    )


async def correct_mail(
    kernel: Kernel,
    tenant: Tenant,
    entry: Mapping[str, Any],
    values: Mapping[str, Any],
    attachment: Mapping[str, str],
    actor: str,
    now: datetime,
) -> None:
    """Add a version to ``entry``; without a new scan the previous one stays attached. The same
    correction sent again (a double tap, a retry) adds nothing."""
    history = await mail_history(entry["id"])
    latest = history[-1]
    if not attachment and all(latest[key] == value for key, value in values.items()):
        return
    if not attachment and latest["attachment_name"]:
        attachment = {
            "name": latest["attachment_name"],
            "filename": latest["attachment_filename"],
            "type": latest["attachment_type"],
        }
    version = latest["version"] + 1
    await _add_version(tenant, entry["id"], version, values, attachment, actor, now)
    await MailEntry.update({MailEntry.version: version}).where(MailEntry.id == entry["id"])
    keys = (
        "recorded_on",
        "classification",
        "letter_number",
        "letter_date",
        "party",
        "subject",
        "summary",
    )
    await kernel.audit(
        tenant,
        actor=actor,
        action="update",
        entity=f"mail_{entry['direction']}",
        entity_id=entry["id"],
        before=_audit_values({key: latest[key] for key in keys}),
        after=_audit_values(values),
    )


async def mail_history(entry_id: int) -> list[dict[str, Any]]:
    """Every version of an entry, oldest first."""
    return list(
        await MailVersion.select()
        .where(MailVersion.entry == entry_id)
        .order_by(MailVersion.version)
    )


async def load_entry(direction: str, entry_id: int) -> dict[str, Any] | None:
    return (
        await MailEntry.select()
        .where((MailEntry.id == entry_id) & (MailEntry.direction == direction))
        .first()
    )


async def mail_entries(direction: str, year: int | None, text: str = "") -> list[dict[str, Any]]:
    """The book's entries of a direction (and year), newest first, as their latest versions say."""
    where = MailVersion.entry.direction == direction
    if year:
        where &= MailVersion.entry.year == year
    rows = await MailVersion.select(
        MailVersion.all_columns(),
        MailVersion.entry.agenda_number.as_alias("agenda_number"),
        MailVersion.entry.year.as_alias("year"),
    ).where(where)
    latest: dict[int, dict[str, Any]] = {}
    for row in rows:
        if row["entry"] not in latest or row["version"] > latest[row["entry"]]["version"]:
            latest[row["entry"]] = row
    needle = text.lower()
    found = [
        row
        for row in latest.values()
        if not needle
        or any(needle in str(row[key]).lower() for key in ("letter_number", "party", "subject"))
    ]
    return sorted(found, key=lambda row: (row["year"], row["agenda_number"]), reverse=True)


CSV_HEADER = {
    "masuk": ("No. agenda", "Tanggal diterima", "Kode klasifikasi", "Nomor surat",
              "Tanggal surat", "Pengirim", "Perihal", "Isi singkat", "Disposisi kepada",
              "Isi disposisi"),
    "keluar": ("No. agenda", "Tanggal dikirim", "Kode klasifikasi", "Nomor surat",
               "Tanggal surat", "Tujuan", "Perihal", "Isi singkat"),
}  # fmt: skip


def mail_csv(direction: str, rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER[direction])
    for row in rows:
        cells = [
            f"{row['agenda_number']}/{row['year']}",
            format_letter_date(row["recorded_on"]),
            row["classification"],
            row["letter_number"],
            format_letter_date(row["letter_date"]),
            row["party"],
            row["subject"],
            row["summary"],
        ]
        if direction == "masuk":
            cells += [row["disposition_to"], row["disposition_note"]]
        writer.writerow([quote(str(cell)) for cell in cells])
    return out.getvalue()
