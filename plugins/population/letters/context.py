"""The data a letter body is rendered against, built from the register and the operator's form.

Keys whose value the register does not hold are left out rather than set to blank, so the
sandboxed renderer stops with the name of what is missing ("resident.birth_date") instead of
printing an empty line into a letter that will be signed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.i18n import _
from plugins.population.domain.codes import (
    CITIZENSHIP,
    MARITAL_STATUS,
    OCCUPATION,
    RELIGION,
    SEX,
    CodeError,
    CodeList,
)
from plugins.population.letters.kinds import LetterKind


@dataclass(frozen=True)
class VillageNames:
    """How the letter names its village, district and regency (without the words Kabupaten…)."""

    village: str
    district: str
    regency: str


def regency_short_name(instance_name: str) -> str:
    """``Kabupaten Sampang`` → ``Sampang``: the letterhead prints the word itself."""
    for word in ("Kabupaten ", "Kota "):
        if instance_name.startswith(word):
            return instance_name[len(word) :]
    return instance_name


def _label(codes: CodeList, value: object) -> str | None:
    if value is None:
        return None
    try:
        return codes.label(int(value))  # type: ignore[call-overload]
    except (CodeError, TypeError, ValueError):
        return None


_RT_RW_WRITTEN = re.compile(r"\bR[TW]\b\.?\s*\d", re.IGNORECASE)


def _mentions(text: str, name: str) -> bool:
    """Whether ``name`` already stands in ``text`` as whole words, in any letter case."""
    return bool(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE))


def resident_address(resident: Mapping[str, Any]) -> str:
    """One address line as letters write it: street, RT/RW, hamlet.

    Imported registers (OpenSID, SIAK) often hold the hamlet, or the RT/RW, in the address
    itself ("DUSUN TEMOR"); what the street part already says is not written a second time.
    """
    street = str(resident.get("address") or "").strip()
    parts = [street]
    rt, rw = str(resident.get("rt") or "").strip(), str(resident.get("rw") or "").strip()
    if (rt or rw) and not _RT_RW_WRITTEN.search(street):
        parts.append(f"RT {rt or '-'}/RW {rw or '-'}")
    hamlet = str(resident.get("dusun") or "").strip()
    if hamlet and not _mentions(street, hamlet):
        parts.append(f"Dusun {hamlet}")
    return ", ".join(part for part in parts if part)


def resident_context(resident: Mapping[str, Any]) -> dict[str, Any]:
    """The ``resident`` part of the context, with code-list values as their labels."""
    values: dict[str, Any] = {
        "name": resident.get("name"),
        "nik": resident.get("nik"),
        "sex": _label(SEX, resident.get("sex")),
        "birth_place": resident.get("birth_place"),
        "birth_date": resident.get("birth_date"),
        "religion": _label(RELIGION, resident.get("religion")),
        "marital_status": _label(MARITAL_STATUS, resident.get("marital_status")),
        "occupation": _label(OCCUPATION, resident.get("occupation")),
        "citizenship": _label(CITIZENSHIP, resident.get("citizenship")),
        "address": resident_address(resident),
    }
    return {key: value for key, value in values.items() if value not in (None, "")}


def letter_context(
    resident: Mapping[str, Any], names: VillageNames, data: Mapping[str, Any]
) -> dict[str, Any]:
    """Everything a body template may use: ``resident``, ``village`` and the letter's fields."""
    return {
        **data,
        "resident": resident_context(resident),
        "village": {"name": names.village, "district": names.district, "regency": names.regency},
    }


def _set_path(target: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


def _get_path(source: Mapping[str, Any], path: str) -> Any:
    value: Any = source
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def parse_fields(kind: LetterKind, raw: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The kind's fields from a form or JSON (keyed by dotted path) as stored letter data.

    Dates are kept as ISO text so the data survives JSON; :func:`typed_data` turns them back.
    Returns the data and Indonesian errors by field key.
    """
    data: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field in kind.fields:
        text = str(raw.get(field.key) or "").strip()
        if not text:
            errors[field.key] = _("{label} wajib diisi.").format(label=_(field.label))
            continue
        if len(text) > 300:
            errors[field.key] = _("{label} paling banyak 300 karakter.").format(
                label=_(field.label)
            )
            continue
        if field.input == "date":
            try:
                text = date.fromisoformat(text).isoformat()
            except ValueError:
                errors[field.key] = _("{label} harus tanggal yang sah (TTTT-BB-HH).").format(
                    label=_(field.label)
                )
                continue
        if field.input == "number":
            if not text.isdecimal() or int(text) > 1_000_000:
                errors[field.key] = _("{label} harus bilangan bulat.").format(label=_(field.label))
                continue
            _set_path(data, field.key, int(text))
            continue
        _set_path(data, field.key, text)
    return data, errors


def typed_data(kind: LetterKind, data: Mapping[str, Any]) -> dict[str, Any]:
    """Stored letter data with date fields as dates again, ready for rendering."""
    typed: dict[str, Any] = {}
    for field in kind.fields:
        value = _get_path(data, field.key)
        if value is None:
            continue
        if field.input == "date" and isinstance(value, str):
            value = date.fromisoformat(value)
        _set_path(typed, field.key, value)
    return typed


def flat_fields(kind: LetterKind, data: Mapping[str, Any]) -> dict[str, str]:
    """Stored data keyed by dotted path, to refill a form or list on the detail page."""
    return {
        field.key: str(_get_path(data, field.key))
        for field in kind.fields
        if _get_path(data, field.key) is not None
    }


def sample_context(kind: LetterKind, names: VillageNames) -> dict[str, Any]:
    """Made-up but complete data, to check an edited template before it is saved."""
    resident = {
        "name": "Siti Aminah",
        "nik": "3527014506900001",
        "sex": 2,
        "birth_place": "Sampang",
        "birth_date": date(1990, 6, 5),
        "religion": 1,
        "marital_status": 2,
        "occupation": 9,
        "citizenship": 1,
        "address": "Jalan Raya 1",
        "rt": "001",
        "rw": "002",
        "dusun": "Krajan",
    }
    samples = {"date": "2026-01-15", "number": "3", "text": "contoh isian"}
    data, _ = parse_fields(kind, {field.key: samples[field.input] for field in kind.fields})
    return letter_context(resident, names, typed_data(kind, data))
