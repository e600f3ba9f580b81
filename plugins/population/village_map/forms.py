"""What staff send to the map: one point typed as latitude and longitude, or a GeoJSON file of
boundaries or points. Each parser gives the features to store or the errors by field, in
Indonesian, and keeps what was typed for the form."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core.i18n import _
from plugins.population.village_map.geometry import GeometryError, check_geometry
from plugins.population.village_map.kinds import KINDS, POINT_KINDS

__all__ = [
    "MAX_FEATURES",
    "MAX_FILE_BYTES",
    "NAME_PROPERTIES",
    "NewFeature",
    "ParsedForm",
    "parse_point_form",
    "parse_upload",
]

MAX_FILE_BYTES = 2 * 1024 * 1024
"""A village's boundaries fit in far less; a bigger file is a survey export to simplify first."""
MAX_FEATURES = 300
MAX_NAME = 120
NAME_PROPERTIES = ("name", "nama", "Nama", "NAMA", "Name", "NAMOBJ", "dusun", "Dusun", "WADMKD")
"""Where a feature's name may be: common spellings, and the fields of BIG's (Badan Informasi
Geospasial) RBI and administrative-boundary files (`NAMOBJ`, `WADMKD`)."""
_DECIMAL = re.compile(r"^-?\d{1,3}([.,]\d{1,12})?$")


@dataclass(frozen=True, slots=True)
class NewFeature:
    kind: str
    name: str
    geometry: dict[str, Any]


@dataclass(slots=True)
class ParsedForm:
    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    features: list[NewFeature] = field(default_factory=list)


def _text(values: Mapping[str, Any], key: str) -> str:
    value = values.get(key)
    return value.strip() if isinstance(value, str) else ""


def _name_error(name: str) -> str | None:
    if not name:
        return _("Nama wajib diisi, misalnya Kantor Desa atau Posyandu Melati.")
    if len(name) > MAX_NAME:
        return _("Nama paling banyak {limit} karakter.").format(limit=MAX_NAME)
    return None


def _degrees(raw: str, label: str, low: float, high: float) -> tuple[float | None, str | None]:
    if not raw:
        return None, _("{field} wajib diisi.").format(field=label)
    if not _DECIMAL.fullmatch(raw):
        return None, _("{field} harus berupa angka desimal, misalnya -7,1912.").format(field=label)
    number = float(raw.replace(",", "."))
    if not low <= number <= high:
        return None, _("{field} harus di antara {low} dan {high} (wilayah Indonesia).").format(
            field=label, low=f"{low:g}", high=f"{high:g}"
        )
    return number, None


def parse_point_form(values: Mapping[str, Any]) -> ParsedForm:
    """A point from the form's `name`, `kind` (a point category), `latitude` and `longitude`."""
    typed = {key: _text(values, key) for key in ("name", "kind", "latitude", "longitude")}
    parsed = ParsedForm(values=typed)
    if error := _name_error(typed["name"]):
        parsed.errors["name"] = error
    if typed["kind"] not in POINT_KINDS:
        parsed.errors["kind"] = _("Jenis titik wajib dipilih dari daftar.")
    latitude, error = _degrees(typed["latitude"], _("Lintang"), -11.0, 6.0)
    if error:
        parsed.errors["latitude"] = error
    longitude, error = _degrees(typed["longitude"], _("Bujur"), 94.0, 142.0)
    if error:
        parsed.errors["longitude"] = error
    if parsed.errors or latitude is None or longitude is None:
        return parsed
    point = {"type": "Point", "coordinates": [longitude, latitude]}
    geometry = check_geometry(point, boundary=False, field=_("Lokasi"))
    parsed.features.append(NewFeature(typed["kind"], typed["name"], geometry))
    return parsed


def _feature_name(feature: dict[str, Any]) -> str:
    properties = feature.get("properties")
    if not isinstance(properties, dict):
        return ""
    for key in NAME_PROPERTIES:
        value = properties.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return ""


def _features_of(document: Any) -> list[Any] | None:
    if isinstance(document, dict) and document.get("type") == "FeatureCollection":
        features = document.get("features")
        return features if isinstance(features, list) else None
    if isinstance(document, dict) and document.get("type") == "Feature":
        return [document]
    return None


def parse_upload(kind: str, filename: str, data: bytes) -> ParsedForm:
    """Every feature of a GeoJSON file (form fields `upload_kind` and `file`), each named from
    its properties, all of `kind`. The file is taken whole or not at all: a fault in the tenth
    feature stores none of the first nine."""
    parsed = ParsedForm(values={"upload_kind": kind})
    if kind not in KINDS:
        parsed.errors["upload_kind"] = _("Jenis fitur wajib dipilih dari daftar.")
    label = _("Berkas GeoJSON")
    if not filename or not data:
        parsed.errors["file"] = _("{field} wajib dipilih.").format(field=label)
        return parsed
    if len(data) > MAX_FILE_BYTES:
        parsed.errors["file"] = _("{field}: ukuran paling besar {size} MB.").format(
            field=label, size=MAX_FILE_BYTES // (1024 * 1024)
        )
        return parsed
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        parsed.errors["file"] = _("{field}: bukan berkas JSON yang sah.").format(field=label)
        return parsed
    features = _features_of(document)
    if features is None:
        parsed.errors["file"] = _("{field}: harus berupa FeatureCollection GeoJSON.").format(
            field=label
        )
        return parsed
    if not features:
        parsed.errors["file"] = _("{field}: tidak berisi fitur.").format(field=label)
        return parsed
    if len(features) > MAX_FEATURES:
        parsed.errors["file"] = _("{field}: paling banyak {limit} fitur dalam satu berkas.").format(
            field=label, limit=MAX_FEATURES
        )
        return parsed
    if "upload_kind" in parsed.errors:
        return parsed
    boundary = KINDS[kind].boundary
    for number, feature in enumerate(features, start=1):
        where = _("{field}, fitur ke-{number}").format(field=label, number=number)
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            parsed.errors["file"] = _("{field}: bukan Feature GeoJSON.").format(field=where)
            break
        name = _feature_name(feature)
        if not name:
            parsed.errors["file"] = _(
                "{field}: tidak bernama; isi properti name atau nama pada fitur itu."
            ).format(field=where)
            break
        if len(name) > MAX_NAME:
            parsed.errors["file"] = _("{field}: nama paling banyak {limit} karakter.").format(
                field=where, limit=MAX_NAME
            )
            break
        try:
            geometry = check_geometry(
                feature.get("geometry"), boundary=boundary, field=f"{where} ({name})"
            )
        except GeometryError as error:
            parsed.errors["file"] = str(error)
            break
        parsed.features.append(NewFeature(kind, name, geometry))
    if parsed.errors:
        parsed.features.clear()
    return parsed
