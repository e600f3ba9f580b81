"""The population plugin (Sakera Mesem), registered under `kampung.plugins` like any other."""

from __future__ import annotations

import argparse
from importlib import import_module
from pathlib import Path
from typing import Any

from core import (
    DemoContext,
    EventSubscriber,
    MenuItem,
    Permission,
    PluginInfo,
    WidgetProvider,
    hookimpl,
)
from core.tenancy.context import Tenant
from plugins.population.feature import Feature
from plugins.population.permissions import PERMISSIONS

VERSION = "0.1.0"
FEATURE_MODULES = (
    "plugins.population.register.feature",
    "plugins.population.services.feature",
    "plugins.population.letters.feature",
    "plugins.population.importing.feature",
    "plugins.population.statistics.feature",
    "plugins.population.portal.feature",
)
HERE = Path(__file__).resolve().parent


def features() -> list[Feature]:
    return [import_module(name).FEATURE for name in FEATURE_MODULES]


@hookimpl
def kampung_plugin_info() -> PluginInfo:
    return PluginInfo(
        name="population",
        title="Kependudukan (Sakera Mesem)",
        version=VERSION,
        core_version=">=0.1,<1",
        description="Data penduduk, peristiwa, layanan satu pintu Dispendukcapil, surat desa.",
    )


@hookimpl
def kampung_piccolo_apps() -> list[str]:
    return ["plugins.population.piccolo_app"]


@hookimpl
def kampung_permissions() -> list[Permission]:
    return PERMISSIONS


@hookimpl
def kampung_village_routes() -> list[Any]:
    return [route for feature in features() for route in feature.village_routes]


@hookimpl
def kampung_api_routes() -> list[Any]:
    return [route for feature in features() for route in feature.api_routes]


@hookimpl
def kampung_district_routes() -> list[Any]:
    return [route for feature in features() for route in feature.district_routes]


@hookimpl
def kampung_regency_routes() -> list[Any]:
    return [route for feature in features() for route in feature.regency_routes]


@hookimpl
def kampung_public_routes() -> list[Any]:
    return [route for feature in features() for route in feature.public_routes]


@hookimpl
def kampung_menu_items(tenant: Tenant) -> list[MenuItem]:
    return [item for feature in features() if feature.menu for item in feature.menu(tenant)]


@hookimpl
def kampung_dashboard_widgets(tenant: Tenant) -> list[WidgetProvider]:
    return [w for feature in features() if feature.widgets for w in feature.widgets(tenant)]


@hookimpl
def kampung_template_dirs() -> list[Path]:
    return [HERE / "templates"]


@hookimpl
def kampung_cli_commands(subparsers: argparse._SubParsersAction[Any]) -> None:
    population = subparsers.add_parser("population", help="population register tools")
    commands = population.add_subparsers(dest="population_command", required=True)
    for feature in features():
        if feature.cli:
            feature.cli(commands)


@hookimpl
async def kampung_demo_data(context: DemoContext) -> None:
    for feature in sorted(features(), key=lambda f: f.demo_order):
        if feature.demo:
            await feature.demo(context)


@hookimpl
def kampung_event_subscribers() -> list[EventSubscriber]:
    return [s for feature in features() for s in feature.subscribers]
