"""The plugin's Piccolo app: its tables and its own migrations (`kampung makemigrations`)."""

from __future__ import annotations

from pathlib import Path

from piccolo.conf.apps import AppConfig

from plugins.village_index.tables import TABLES

APP_CONFIG = AppConfig(
    app_name="village_index",
    migrations_folder_path=str(Path(__file__).resolve().parent / "migrations"),
    table_classes=TABLES,
)
