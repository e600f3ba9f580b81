"""Informasi publik (PPID): registered under `kampung.plugins` like any other plugin."""

from __future__ import annotations

from core import PluginInfo, hookimpl

VERSION = "0.1.0"


@hookimpl
def kampung_plugin_info() -> PluginInfo:
    return PluginInfo(
        name="public_info",
        title="Informasi publik (PPID)",
        version=VERSION,
        core_version=">=0.1,<1",
        description="Situs publik desa, transparansi APBDes, daftar informasi publik, permohonan informasi.",
    )
