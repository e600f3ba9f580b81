"""Pasar wisata (Pasar Bahulak): registered under `kampung.plugins` like any other plugin."""

from __future__ import annotations

from core import PluginInfo, hookimpl

VERSION = "0.1.0"


@hookimpl
def kampung_plugin_info() -> PluginInfo:
    return PluginInfo(
        name="tourism_market",
        title="Pasar wisata (Pasar Bahulak)",
        version=VERSION,
        core_version=">=0.1,<1",
        description="Hari pasaran, pedagang dan lapak, penukaran koin, buku besar, tutup kas.",
    )
