"""Reading the pregnancy and antenatal visit forms."""

from __future__ import annotations

import datetime as dt

from core.i18n import _
from plugins.health.growth.forms import tenths
from plugins.health.pregnancy.pregnancies import (
    GESTATION_DAYS,
    RISKS,
    PostnatalInput,
    VisitInput,
)


def read_date(raw: str, label: str, today: dt.date) -> tuple[dt.date | None, str | None]:
    try:
        day = dt.date.fromisoformat(raw.strip())
    except ValueError:
        return None, _("%(label)s wajib diisi dengan tanggal yang benar.") % {"label": label}
    if day > today:
        return None, _("%(label)s tidak boleh setelah hari ini.") % {"label": label}
    return day, None


def read_pregnancy(
    data: dict[str, str], risks: list[str], today: dt.date
) -> tuple[dt.date | None, list[str], dict[str, str]]:
    errors: dict[str, str] = {}
    last_period, error = read_date(data.get("last_period", ""), _("HPHT"), today)
    if error:
        errors["last_period"] = error
    elif last_period is not None and (today - last_period).days > GESTATION_DAYS + 14:
        errors["last_period"] = _("HPHT lebih dari 42 minggu yang lalu; periksa tanggalnya.")
    unknown = [r for r in risks if r not in RISKS]
    if unknown:
        errors["risks"] = _("Faktor risiko tidak dikenal.")
    return last_period, risks, errors


def _whole(
    raw: str, label: str, low: int, high: int, errors: dict[str, str], name: str
) -> int | None:
    raw = raw.strip()
    if not raw:
        return None
    if not raw.isdecimal() or not low <= int(raw) <= high:
        errors[name] = _("%(label)s harus bilangan bulat %(low)s sampai %(high)s.") % {
            "label": label,
            "low": low,
            "high": high,
        }
        return None
    return int(raw)


def read_visit(data: dict[str, str], today: dt.date) -> tuple[VisitInput | None, dict[str, str]]:
    errors: dict[str, str] = {}
    visited_on, error = read_date(data.get("visited_on", ""), _("Tanggal periksa"), today)
    if error:
        errors["visited_on"] = error
    weight = muac = None
    if data.get("weight", "").strip():
        value = tenths(data["weight"])
        if value is None or not 300 <= value <= 1500:
            errors["weight"] = _("Berat badan ibu harus 30 sampai 150 kg, satu desimal.")
        else:
            weight = value * 100
    if data.get("muac", "").strip():
        value = tenths(data["muac"])
        if value is None or not 150 <= value <= 450:
            errors["muac"] = _("LiLA harus 15 sampai 45 cm, satu desimal.")
        else:
            muac = value
    systolic = _whole(data.get("systolic", ""), _("Tekanan sistolik"), 60, 250, errors, "systolic")
    diastolic = _whole(
        data.get("diastolic", ""), _("Tekanan diastolik"), 30, 150, errors, "diastolic"
    )
    iron = _whole(
        data.get("iron_tablets", ""), _("Tablet tambah darah"), 0, 120, errors, "iron_tablets"
    )
    if errors or visited_on is None:
        return None, errors
    return VisitInput(visited_on, weight, muac, systolic, diastolic, iron or 0), {}


def read_postnatal(
    data: dict[str, str], today: dt.date
) -> tuple[PostnatalInput | None, dict[str, str]]:
    errors: dict[str, str] = {}
    visited_on, error = read_date(data.get("visited_on", ""), _("Tanggal kunjungan"), today)
    if error:
        errors["visited_on"] = error
    systolic = _whole(data.get("systolic", ""), _("Tekanan sistolik"), 60, 250, errors, "systolic")
    diastolic = _whole(
        data.get("diastolic", ""), _("Tekanan diastolik"), 30, 150, errors, "diastolic"
    )
    note = " ".join(data.get("note", "").split())
    if len(note) > 300:
        errors["note"] = _("Catatan paling panjang 300 huruf.")
    if errors or visited_on is None:
        return None, errors
    return PostnatalInput(visited_on, systolic, diastolic, note), {}
