"""Start-up checks of the plugin contract that need the assembled app: every route is guarded.

A route without a guard answers anybody, and a guard naming a permission nobody declares refuses
everybody forever; both are mistakes a plugin author makes once and should hear about at start-up,
with the plugin named, not from a user's silent 403.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from core.plugins.contributions import Permission
from core.plugins.registry import PluginError
from core.web.guards import declared_permission

GUARD_KINDS = frozenset({"public", "signed_in", "citizen"})
"""What a guard may declare besides a permission: open to all, any staff user, a citizen."""
UNCHECKED_PREFIXES = ("/static", "/vendor", "/schema")


def check_routes(routes: Iterable[Any], permissions: dict[str, Permission]) -> None:
    """Every handler of every plugin declares a known permission or one of the guard kinds."""
    for route in routes:
        if route.path.startswith(UNCHECKED_PREFIXES):
            continue
        for handler in getattr(route, "route_handlers", []):
            if getattr(handler, "http_methods", None) == {"OPTIONS"}:
                continue
            plugin = handler.opt.get("plugin", "core")
            methods = ",".join(sorted(getattr(handler, "http_methods", ()) or ("WS",)))
            permission = declared_permission(handler)
            if permission is None:
                raise PluginError(
                    f"plugin {plugin}: route {methods} {route.path} has no permission guard; "
                    "add guards=[requires('<permission>')], or guards=[public] for a page "
                    "anyone may open"
                )
            if permission not in GUARD_KINDS and permission not in permissions:
                raise PluginError(
                    f"plugin {plugin}: route {methods} {route.path} requires permission "
                    f"{permission!r}, which no plugin declares; fix the spelling or declare it "
                    "in kampung_permissions"
                )


def check_template_dirs(template_dirs: Iterable[tuple[str, list[Path]]]) -> None:
    """A plugin's templates live under a folder named after it (`templates/<plugin>/...`), so one
    plugin cannot replace another's pages or the theme's layouts by using the same name."""
    for plugin, dirs in template_dirs:
        for directory in dirs:
            outside = sorted(
                entry.name
                for entry in Path(directory).iterdir()
                if not (entry.is_dir() and entry.name == plugin) and not entry.name.startswith(".")
            )
            if outside:
                raise PluginError(
                    f"plugin {plugin}: template folder {directory} holds {', '.join(outside)} "
                    f"outside {plugin}/; move its templates to {directory}/{plugin}/ and name "
                    f"them '{plugin}/...' (a theme, not a plugin, overrides the layouts)"
                )
