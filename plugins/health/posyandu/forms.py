"""Reading the posyandu form: each bad value gets an Indonesian error naming its field."""

from __future__ import annotations

from core.i18n import _
from plugins.health.posyandu.posyandu import PosyanduInput

LAST_SCHEDULE_DAY = 28
"""Every month has a 28th: a session day that exists in February too."""


def read_posyandu(data: dict[str, str]) -> tuple[PosyanduInput | None, dict[str, str]]:
    errors: dict[str, str] = {}
    name = " ".join(data.get("name", "").split())
    dusun = " ".join(data.get("dusun", "").split())
    if not name:
        errors["name"] = _("Nama posyandu wajib diisi.")
    elif len(name) > 100:
        errors["name"] = _("Nama posyandu paling panjang 100 huruf.")
    if len(dusun) > 60:
        errors["dusun"] = _("Nama dusun paling panjang 60 huruf.")
    raw = data.get("schedule_day", "").strip()
    day = int(raw) if raw.isdecimal() else 0
    if not 1 <= day <= LAST_SCHEDULE_DAY:
        errors["schedule_day"] = _("Hari posyandu harus tanggal 1 sampai 28.")
    if errors:
        return None, errors
    return PosyanduInput(name, dusun, day), {}
