"""The market's Piccolo app: its tables and its own migrations (`kampung makemigrations
tourism_market`)."""

from __future__ import annotations

from pathlib import Path

from piccolo.conf.apps import AppConfig

from plugins.tourism_market.tables import TABLES

APP_CONFIG = AppConfig(
    app_name="tourism_market",
    migrations_folder_path=str(Path(__file__).resolve().parent / "migrations"),
    table_classes=TABLES,
)
