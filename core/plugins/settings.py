"""Per-village plugin settings: checked where they are declared, and validated before a save.

A plugin declares `SettingField`s; the village admin's form is built from them, and what the admin
sends is parsed to the declared type here, so a plugin reads `tenant.settings["<plugin>.<key>"]`
knowing it holds a value of that type within the declared bounds.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from core.plugins.contributions import SettingField
from core.plugins.registry import PluginError

KINDS = ("text", "int", "bool", "choice")


def check_setting_fields(declared: Iterable[tuple[str, list[SettingField]]]) -> None:
    """A declaration that no value could satisfy stops start-up, naming the plugin."""
    for plugin, fields in declared:
        for field in fields:
            where = f"plugin {plugin}: setting {field.key}"
            if field.kind not in KINDS:
                raise PluginError(f"{where} has kind {field.kind!r}; use one of {', '.join(KINDS)}")
            if field.kind == "choice" and not field.choices:
                raise PluginError(f"{where} is a choice without choices; give (value, label) pairs")
            if field.default is not None and parse(field, _as_text(field.default))[1]:
                raise PluginError(f"{where} has default {field.default!r}, which it would refuse")


def validate_plugin_settings(
    fields: list[tuple[str, SettingField]], values: dict[str, str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """(parsed values, errors by key) for what a village admin sent."""
    parsed: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for key, field in fields:
        parsed[key], error = parse(field, values.get(key, "").strip())
        if error:
            errors[key] = error
    return parsed, errors


def parse(field: SettingField, raw: str) -> tuple[Any, str | None]:
    """The typed value of `raw`, or the default and why `raw` is refused (in Indonesian)."""
    if field.kind == "bool":
        return raw in {"1", "on", "true", "True"}, None
    if not raw:
        return field.default, f"{field.label} wajib diisi." if field.required else None
    if field.kind == "int":
        return _parse_int(field, raw)
    if field.kind == "choice":
        allowed = [value for value, _ in field.choices]
        if raw not in allowed:
            return field.default, f"{field.label} harus salah satu dari: {', '.join(allowed)}."
        return raw, None
    if len(raw) > field.max_length:
        return field.default, f"{field.label} paling banyak {field.max_length} karakter."
    return raw, None


def _parse_int(field: SettingField, raw: str) -> tuple[Any, str | None]:
    if not raw.lstrip("-").isdigit():
        return field.default, f"{field.label} harus berupa angka bulat."
    number = int(raw)
    if field.minimum is not None and number < field.minimum:
        return field.default, f"{field.label} paling kecil {field.minimum}."
    if field.maximum is not None and number > field.maximum:
        return field.default, f"{field.label} paling besar {field.maximum}."
    return number, None


def _as_text(value: Any) -> str:
    return ("1" if value else "") if isinstance(value, bool) else str(value)
