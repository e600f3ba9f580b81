"""The plugin registry: which plugins are installed, in what order, and what they contribute."""

from __future__ import annotations

from core.plugins.contributions import (
    DemoContext,
    EventSubscriber,
    MenuItem,
    Permission,
    PluginInfo,
    SettingField,
    Widget,
    WidgetProvider,
)
from core.plugins.registry import PluginError, PluginRegistry

__all__ = [
    "DemoContext",
    "EventSubscriber",
    "MenuItem",
    "Permission",
    "PluginError",
    "PluginInfo",
    "PluginRegistry",
    "SettingField",
    "Widget",
    "WidgetProvider",
]
