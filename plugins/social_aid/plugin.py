"""Bantuan sosial (e-Pos): registered under `kampung.plugins` like any other plugin."""

from __future__ import annotations

from core import PluginInfo, hookimpl

VERSION = "0.1.0"


@hookimpl
def kampung_plugin_info() -> PluginInfo:
    return PluginInfo(
        name="social_aid",
        title="Bantuan sosial (e-Pos)",
        version=VERSION,
        core_version=">=0.1,<1",
        description="Program bantuan, musyawarah desa, siklus pencairan bertanda tangan, pembayaran.",
    )
