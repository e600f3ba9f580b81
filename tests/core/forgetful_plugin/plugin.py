"""The forgetful plugin's hooks: a Piccolo app whose migrations folder is empty."""

from __future__ import annotations

from pathlib import Path

from piccolo.columns import Varchar
from piccolo.conf.apps import AppConfig

from core import PluginInfo, hookimpl
from core.db import TenantTable


class ForgottenNote(TenantTable, tablename="forgetful_note"):
    text = Varchar(length=200)


APP_CONFIG = AppConfig(
    app_name="forgetful",
    migrations_folder_path=str(Path(__file__).resolve().parent / "migrations"),
    table_classes=[ForgottenNote],
)


@hookimpl
def kampung_plugin_info() -> PluginInfo:
    return PluginInfo(name="forgetful", title="Lupa", version="1.0")


@hookimpl
def kampung_piccolo_apps() -> list[str]:
    return ["forgetful_plugin.plugin"]
