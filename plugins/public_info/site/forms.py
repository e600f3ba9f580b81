"""Parsing what village staff type into the site's forms: bounded, errors named in Indonesian.

Each parser returns what was typed (to show again), the errors by field, and the typed values to
store when there are none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from core.i18n import _
from core.localtime import zone
from plugins.public_info.site.post_lifecycle import POST_KINDS

MAX_LINES = 30
LINE_LIMIT = 300
COST_LIMIT = 100_000_000
"""No village service costs more than Rp100 juta; a larger figure is a typo."""
LOCAL_PATH = re.compile(r"^/(?!/)[A-Za-z0-9_./-]{0,199}$")
"""A path on this instance: one slash, never two (``//host`` would leave it)."""


@dataclass(slots=True)
class Parsed:
    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)


def _values(form: Mapping[str, Any], names: tuple[str, ...]) -> dict[str, str]:
    return {name: str(form.get(name, "") or "").strip() for name in names}


def _bounded(parsed: Parsed, limits: Mapping[str, int]) -> None:
    for name, limit in limits.items():
        if len(parsed.values[name]) > limit:
            parsed.errors[name] = _("Paling banyak %(limit)s karakter.") % {"limit": limit}


def _required(parsed: Parsed, name: str, message: str) -> None:
    if not parsed.values[name] and name not in parsed.errors:
        parsed.errors[name] = message


def _lines(parsed: Parsed, name: str) -> list[str]:
    lines = [line.strip() for line in parsed.values[name].splitlines() if line.strip()]
    if len(lines) > MAX_LINES:
        parsed.errors[name] = _("Paling banyak %(count)s baris.") % {"count": MAX_LINES}
    elif any(len(line) > LINE_LIMIT for line in lines):
        parsed.errors[name] = _("Satu baris paling banyak %(limit)s karakter.") % {
            "limit": LINE_LIMIT
        }
    return lines


def _coordinate(parsed: Parsed, name: str, low: int, high: int, message: str) -> str:
    text = parsed.values[name].replace(",", ".")
    if not text:
        return ""
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not (low <= number <= high) or len(text) > 12:
        parsed.errors[name] = message
        return ""
    return text


PROFILE_FIELDS = (
    "history",
    "vision",
    "mission",
    "area_hectares",
    "latitude",
    "longitude",
    "hamlets",
    "office_address",
    "office_phone",
    "office_email",
    "office_hours",
)


def parse_profile(form: Mapping[str, Any]) -> Parsed:
    parsed = Parsed(_values(form, PROFILE_FIELDS))
    _bounded(
        parsed,
        {
            "history": 10_000,
            "vision": 2000,
            "mission": 4000,
            "office_address": 500,
            "office_phone": 30,
            "office_email": 120,
            "office_hours": 120,
        },
    )
    area = parsed.values["area_hectares"]
    if area and not (area.isdecimal() and 1 <= int(area) <= 1_000_000):
        parsed.errors["area_hectares"] = _(
            "Luas wilayah berupa bilangan bulat hektare, 1 sampai 1.000.000."
        )
    latitude = _coordinate(
        parsed, "latitude", -11, 6, _("Lintang antara -11 dan 6 derajat, contoh -7.0512.")
    )
    longitude = _coordinate(
        parsed, "longitude", 95, 141, _("Bujur antara 95 dan 141 derajat, contoh 113.2871.")
    )
    hamlets = _lines(parsed, "hamlets")
    if not parsed.errors:
        parsed.fields = {
            **{k: parsed.values[k] for k in ("history", "vision", "mission")},
            **{k: parsed.values[k] for k in ("office_address", "office_phone", "office_email")},
            "office_hours": parsed.values["office_hours"],
            "area_hectares": int(area) if area else None,
            "latitude": latitude,
            "longitude": longitude,
            "hamlets": hamlets,
        }
    return parsed


def parse_official(form: Mapping[str, Any]) -> Parsed:
    parsed = Parsed(_values(form, ("position", "name", "rank")))
    _bounded(parsed, {"position": 120, "name": 150})
    _required(parsed, "position", _("Jabatan wajib diisi."))
    _required(parsed, "name", _("Nama pejabat wajib diisi."))
    rank = parsed.values["rank"] or "100"
    if not (rank.isdecimal() and int(rank) <= 999):
        parsed.errors["rank"] = _("Urutan berupa bilangan bulat 0 sampai 999.")
    if not parsed.errors:
        parsed.fields = {
            "position": parsed.values["position"],
            "name": parsed.values["name"],
            "rank": int(rank),
        }
    return parsed


def local_moment(text: str) -> datetime | None:
    """A ``datetime-local`` field's value read in the village's own time zone."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        return None
    return moment.replace(tzinfo=zone())


def parse_post(form: Mapping[str, Any]) -> Parsed:
    parsed = Parsed(_values(form, ("kind", "title", "body", "photo_caption", "idempotency_key")))
    _bounded(parsed, {"title": 200, "body": 20_000, "photo_caption": 200})
    if parsed.values["kind"] not in POST_KINDS:
        parsed.errors["kind"] = _("Pilih jenis tulisan.")
    _required(parsed, "title", _("Judul wajib diisi."))
    _required(parsed, "body", _("Isi tulisan wajib diisi."))
    if not parsed.errors:
        parsed.fields = {k: parsed.values[k] for k in ("kind", "title", "body", "photo_caption")}
    return parsed


def parse_agenda(form: Mapping[str, Any]) -> Parsed:
    parsed = Parsed(_values(form, ("title", "starts_at", "place", "description")))
    _bounded(parsed, {"title": 200, "place": 200, "description": 2000})
    _required(parsed, "title", _("Nama kegiatan wajib diisi."))
    starts = local_moment(parsed.values["starts_at"])
    if starts is None:
        parsed.errors["starts_at"] = _("Isi tanggal dan jam mulai kegiatan.")
    if not parsed.errors:
        parsed.fields = {
            "title": parsed.values["title"],
            "starts_at": starts,
            "place": parsed.values["place"],
            "description": parsed.values["description"],
        }
    return parsed


SERVICE_FIELDS = ("name", "provider", "requirements", "steps", "duration", "cost", "portal_path")


def parse_service(form: Mapping[str, Any]) -> Parsed:
    parsed = Parsed(_values(form, (*SERVICE_FIELDS, "rank")))
    _bounded(parsed, {"name": 200, "provider": 150, "duration": 100, "portal_path": 200})
    _required(parsed, "name", _("Nama layanan wajib diisi."))
    _required(parsed, "duration", _("Jangka waktu layanan wajib diisi."))
    requirements = _lines(parsed, "requirements")
    steps = _lines(parsed, "steps")
    if not steps and "steps" not in parsed.errors:
        parsed.errors["steps"] = _("Tuliskan langkah layanan, satu langkah per baris.")
    cost_text = parsed.values["cost"].replace(".", "") or "0"
    if not (cost_text.isdecimal() and int(cost_text) <= COST_LIMIT):
        parsed.errors["cost"] = _("Biaya berupa rupiah tanpa koma, 0 bila gratis.")
    path = parsed.values["portal_path"]
    if path and not LOCAL_PATH.match(path):
        parsed.errors["portal_path"] = _(
            "Tautan layanan daring berupa alamat di situs ini, diawali /."
        )
    rank = parsed.values["rank"] or "100"
    if not (rank.isdecimal() and int(rank) <= 999):
        parsed.errors["rank"] = _("Urutan berupa bilangan bulat 0 sampai 999.")
    if not parsed.errors:
        parsed.fields = {
            "name": parsed.values["name"],
            "provider": parsed.values["provider"],
            "requirements": requirements,
            "steps": steps,
            "duration": parsed.values["duration"],
            "cost": int(cost_text),
            "portal_path": path,
            "rank": int(rank),
        }
    return parsed
