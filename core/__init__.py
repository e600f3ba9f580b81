"""Kampung's core: the public API plugins build on.

A plugin imports from here (and from the submodules named in docs/plugins.md), never from
another plugin.
"""

from __future__ import annotations

from core.auth.roles import Role
from core.events import DomainEvent
from core.hookspecs import hookimpl
from core.plugins.contributions import (
    DemoContext,
    DemoLogin,
    EventSubscriber,
    MenuItem,
    Permission,
    PluginInfo,
    ServiceStandard,
    SettingField,
    Widget,
    WidgetProvider,
)
from core.version import __version__

__all__ = [
    "DemoContext",
    "DemoLogin",
    "DomainEvent",
    "EventSubscriber",
    "MenuItem",
    "Permission",
    "PluginInfo",
    "Role",
    "ServiceStandard",
    "SettingField",
    "Widget",
    "WidgetProvider",
    "__version__",
    "hookimpl",
]
