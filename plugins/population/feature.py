"""What one part of the population plugin contributes; `plugin.py` gathers them into hooks.

Each part (register, services, letters, importing, statistics, portal) keeps its routes, menu,
widgets and demo data next to its code, and the plugin module stays a short list.
"""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from core import DemoContext, EventSubscriber, MenuItem, WidgetProvider
from core.tenancy.context import Tenant


@dataclass(frozen=True)
class Feature:
    village_routes: list[Any] = field(default_factory=list)
    api_routes: list[Any] = field(default_factory=list)
    district_routes: list[Any] = field(default_factory=list)
    regency_routes: list[Any] = field(default_factory=list)
    public_routes: list[Any] = field(default_factory=list)
    menu: Callable[[Tenant], list[MenuItem]] | None = None
    widgets: Callable[[Tenant], list[WidgetProvider]] | None = None
    demo: Callable[[DemoContext], Awaitable[None]] | None = None
    demo_order: int = 100
    cli: Callable[[argparse._SubParsersAction[Any]], None] | None = None
    subscribers: list[EventSubscriber] = field(default_factory=list)
