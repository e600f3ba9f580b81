"""Reading the measurement form typed at the posyandu table.

Weights and lengths arrive as the scale shows them ("4,5" kg, "75,3" cm) and become whole grams
and millimetres by reading the digits, never through a float. A value outside what an
under-five measures, or a z-score WHO flags as implausible, is not an error but a doubt: the
form comes back with what was typed and asks to confirm.
"""

from __future__ import annotations

import datetime as dt
import re

from core.i18n import _
from plugins.health.children.children import ChildRow
from plugins.health.growth import plausibility
from plugins.health.growth.measurements import Reading, scores_of, z_milli
from plugins.health.growth.zscores import LAST_AGE_DAY, LYING, STANDING
from plugins.health.web import checked

DECIMAL = re.compile(r"^(\d{1,4})(?:[.,](\d))?$")


def tenths(raw: str) -> int | None:
    """'4,5' -> 45: a number with at most one decimal, in tenths; None when it is not one."""
    match = DECIMAL.match(raw.strip())
    if match is None:
        return None
    return int(match.group(1)) * 10 + int(match.group(2) or 0)


def _amount(
    data: dict[str, str], name: str, label: str, unit: int, errors: dict[str, str]
) -> int | None:
    raw = data.get(name, "").strip()
    if not raw:
        return None
    value = tenths(raw)
    if value is None or value == 0:
        errors[name] = _("%(label)s harus angka dengan paling banyak satu desimal, mis. 7,5.") % {
            "label": label
        }
        return None
    return value * unit


def read_measurement(
    data: dict[str, str], child: ChildRow, today: dt.date
) -> tuple[Reading | None, dict[str, str], list[str]]:
    """(reading, errors by field, doubts); a reading with doubts is saved only when confirmed."""
    errors: dict[str, str] = {}
    measured_on = _date(data.get("measured_on", ""), child, today, errors)
    weight = _amount(data, "weight", _("Berat badan"), 100, errors)
    length = _amount(data, "length", _("Panjang/tinggi badan"), 1, errors)
    head = _amount(data, "head", _("Lingkar kepala"), 1, errors)
    muac = _amount(data, "muac", _("LiLA"), 1, errors)
    position = data.get("position", "")
    if position not in (LYING, STANDING):
        errors["position"] = _("Pilih cara ukur: berbaring atau berdiri.")
    if weight is None and length is None and "weight" not in errors and "length" not in errors:
        errors["weight"] = _("Isi berat badan atau panjang/tinggi badan.")
    if errors or measured_on is None:
        return None, errors, []
    reading = Reading(
        measured_on=measured_on,
        weight_g=weight,
        length_mm=length,
        position=position,
        head_mm=head,
        muac_mm=muac,
        oedema=checked(data, "oedema"),
        vitamin_a=checked(data, "vitamin_a"),
        deworming=checked(data, "deworming"),
        pmt=checked(data, "pmt"),
    )
    doubts = list(plausibility.range_doubts(weight, length, head, muac).values())
    doubts += plausibility.z_doubts(z_milli(scores_of(child, reading)))
    return reading, {}, doubts


def _date(raw: str, child: ChildRow, today: dt.date, errors: dict[str, str]) -> dt.date | None:
    try:
        day = dt.date.fromisoformat(raw.strip())
    except ValueError:
        errors["measured_on"] = _("Tanggal penimbangan wajib diisi dengan tanggal yang benar.")
        return None
    if day > today:
        errors["measured_on"] = _("Tanggal penimbangan tidak boleh setelah hari ini.")
    elif day < child.birth_date:
        errors["measured_on"] = _("Tanggal penimbangan tidak boleh sebelum tanggal lahir anak.")
    elif (day - child.birth_date).days > LAST_AGE_DAY:
        errors["measured_on"] = _("Pada tanggal itu anak sudah berumur lebih dari 59 bulan.")
    return None if "measured_on" in errors else day


def confirmed(data: dict[str, str]) -> bool:
    return checked(data, "confirm_doubts")
