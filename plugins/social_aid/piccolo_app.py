"""Social aid's Piccolo app: its tables and migrations (`kampung makemigrations social_aid`)."""

from __future__ import annotations

from pathlib import Path

from piccolo.conf.apps import AppConfig

from plugins.social_aid.tables import TABLES

APP_CONFIG = AppConfig(
    app_name="social_aid",
    migrations_folder_path=str(Path(__file__).resolve().parent / "migrations"),
    table_classes=TABLES,
)
