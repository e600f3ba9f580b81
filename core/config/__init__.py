"""Instance configuration: `kampung.toml` plus `KAMPUNG_*` environment overrides."""

from __future__ import annotations

from core.config.settings import ConfigError, Settings, load_settings

__all__ = ["ConfigError", "Settings", "load_settings"]
