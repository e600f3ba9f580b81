"""The public-information plugin's Piccolo app: its tables and its own migrations."""

from __future__ import annotations

from pathlib import Path

from piccolo.conf.apps import AppConfig

from plugins.public_info.tables import TABLES

APP_CONFIG = AppConfig(
    app_name="public_info",
    migrations_folder_path=str(Path(__file__).resolve().parent / "migrations"),
    table_classes=TABLES,
)
