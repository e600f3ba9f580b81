"""What the contract tests sweep: a plugin's routes under a village, its tables and its rows.

Shared by the contract's checks (`core.testing.contract`, `core.testing.repeats`); a route is the
plugin's when the core marked its handler with `opt["plugin"]`.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from functools import partial
from importlib import import_module
from typing import Any

from core.plugins.contributions import DemoContext
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import Village
from core.testing.harness import Harness, VillageRef

VILLAGE_PREFIXES = ("/desa/{village_slug:str}", "/api/v1/desa/{village_slug:str}")
PARAMETER = re.compile(r"\{(\w+):(\w+)\}")


def village_get_routes(kampung: Harness, plugin: str) -> list[str]:
    """Paths of the plugin's GET routes under a village, as templates with their parameters."""
    paths = []
    for route in kampung.app.routes:
        if not route.path.startswith(VILLAGE_PREFIXES):
            continue
        for handler in getattr(route, "route_handlers", []):
            if "GET" in (handler.http_methods or ()) and handler.opt.get("plugin") == plugin:
                paths.append(route.path)
    return sorted(set(paths))


def fill(path: str, village: VillageRef, ids: list[int]) -> Iterator[str]:
    """The path for this village, once for each id when it takes an integer parameter."""
    path = path.replace("{village_slug:str}", village.slug)
    kinds = [kind for _, kind in PARAMETER.findall(path)]
    for row_id in ids if "int" in kinds else ids[:1]:
        yield PARAMETER.sub(partial(_parameter_value, row_id), path)


def _parameter_value(row_id: int, match: re.Match[str]) -> str:
    return str(row_id) if match.group(2) == "int" else "x"


async def fill_with_demo_data(kampung: Harness, village: VillageRef, plugins: list[str]) -> None:
    """The demo data of `plugins` and of the plugins they require, those first (a posyandu's
    children are residents), then their demo events, as `kampung demo` makes them."""
    row = await Village.select().where(Village.code == village.code).first()
    assert row is not None
    context = DemoContext(kernel=kampung.kernel, village=village_tenant(row), seed=7)
    registry = kampung.kernel.registry
    wanted = with_requirements(registry, plugins)
    async with kampung.scope(village.code):
        for hook in (
            registry.manager.hook.kampung_demo_data,
            registry.manager.hook.kampung_demo_events,
        ):
            by_plugin = {impl.plugin_name: impl for impl in hook.get_hookimpls()}
            for name in [name for name in registry.names if name in wanted and name in by_plugin]:
                result = by_plugin[name].function(context=context)
                if inspect.isawaitable(result):
                    await result


def village_roles(kampung: Harness) -> list[str]:
    """Every village-level role of the app under test, the plugins' own included."""
    return [role.name for role in kampung.kernel.registry.roles() if role.level == "village"]


def with_requirements(registry: Any, plugins: list[str]) -> set[str]:
    found: set[str] = set()
    waiting = list(plugins)
    while waiting:
        name = waiting.pop()
        if name in found or name not in registry.by_name:
            continue
        found.add(name)
        waiting.extend(registry.info(name).requires)
    return found


async def stored_ids(kampung: Harness, village: VillageRef, plugins: list[str]) -> list[int]:
    ids: set[int] = set()
    async with kampung.scope(village.code):
        for table in plugin_tables(kampung, plugins):
            pk = table._meta.primary_key
            ids.update(r[pk._meta.name] for r in await table.select(pk).limit(3))
    return sorted(i for i in ids if isinstance(i, int)) or [1]


def plugin_tables(kampung: Harness, plugins: list[str]) -> list[Any]:
    registry = kampung.kernel.registry
    modules = [m for name, found in registry.results("kampung_piccolo_apps") if name in plugins
               for m in found]  # fmt: skip
    return [table for m in modules for table in import_module(m).APP_CONFIG.table_classes]
