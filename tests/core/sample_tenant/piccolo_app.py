from __future__ import annotations

from pathlib import Path

from piccolo.conf.apps import AppConfig

from sample_tenant.tables import Note

APP_CONFIG = AppConfig(
    app_name="sample_tenant",
    migrations_folder_path=str(Path(__file__).resolve().parent / "migrations"),
    table_classes=[Note],
)
