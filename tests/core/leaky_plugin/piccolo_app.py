from __future__ import annotations

from pathlib import Path

from piccolo.conf.apps import AppConfig

from leaky_plugin.plugin import LeakyNote

APP_CONFIG = AppConfig(
    app_name="leaky",
    migrations_folder_path=str(Path(__file__).resolve().parent / "migrations"),
    table_classes=[LeakyNote],
)
