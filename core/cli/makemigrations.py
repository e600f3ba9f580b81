"""`kampung makemigrations PLUGIN`: Piccolo's auto-migrations, with the instance's configuration.

Piccolo's own `piccolo migrations new APP --auto` needs `PICCOLO_CONF` and `KAMPUNG_CONFIG` set
just so; this command sets both from the settings it was given, for the plugin's every app.
"""

from __future__ import annotations

import argparse
import asyncio
import os
from importlib import import_module

from core.config import Settings
from core.db.engine import make_engine
from core.db.piccolo_conf import configure
from core.kernel import load_plugins
from core.plugins.registry import PluginError, PluginRegistry

PICCOLO_CONF = "core.db.piccolo_conf"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "makemigrations", help="write a migration for what changed in a plugin's tables"
    )
    parser.add_argument("plugin", help="the plugin's name, as `kampung plugins` lists it")
    parser.add_argument("--description", default="", help="what the migration does")
    parser.set_defaults(func=cmd_makemigrations)


def plugin_app_names(registry: PluginRegistry, plugin: str) -> list[str]:
    """The Piccolo app names one plugin declares; a plugin that is not loaded is refused."""
    if plugin not in registry.names:
        raise PluginError(
            f"plugin {plugin} is not installed or not enabled for this instance; "
            "`kampung plugins` lists the installed ones"
        )
    modules = [m for name, found in registry.results("kampung_piccolo_apps") if name == plugin
               for m in found]  # fmt: skip
    if not modules:
        raise PluginError(
            f"plugin {plugin}: it declares no Piccolo app; return one from kampung_piccolo_apps"
        )
    return [import_module(module).APP_CONFIG.app_name for module in modules]


def cmd_makemigrations(args: argparse.Namespace, settings: Settings) -> int:
    from piccolo.apps.migrations.commands.new import new

    registry = load_plugins(settings)
    apps = plugin_app_names(registry, args.plugin)
    configure(make_engine(settings.owner_url), registry.piccolo_app_modules())
    os.environ["PICCOLO_CONF"] = PICCOLO_CONF
    for app in apps:
        asyncio.run(new(app_name=app, auto=True, desc=args.description, auto_input="y"))
    return 0
