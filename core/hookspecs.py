"""Every hook a Kampung plugin can implement. Each is documented in docs/hooks.md and tested.

A plugin is a module or object registered under the entry-point group `kampung.plugins`; its
functions are marked with `core.hookimpl` and named after the specs below. Every hook is optional
except `kampung_plugin_info`. pluggy reads only a spec's signature and never calls it, so a spec's
body is its docstring alone (mypy's `empty-body` check is off for this module).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    import argparse

    from core.auth.roles import Role
    from core.config import Settings
    from core.jobs import Job
    from core.plugins.contributions import (
        DemoContext,
        EventSubscriber,
        MenuItem,
        Permission,
        PluginInfo,
        ServiceStandard,
        SettingField,
        WidgetProvider,
    )
    from core.tenancy.context import Tenant

PROJECT = "kampung"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def kampung_plugin_info() -> PluginInfo:
    """Name, title, version, required plugins and supported core versions of the plugin."""


@hookspec
def kampung_piccolo_apps() -> list[str]:
    """Import paths of the plugin's `piccolo_app` modules (each defines `APP_CONFIG`)."""


@hookspec
def kampung_village_routes() -> list[Any]:
    """Route handlers mounted under `/desa/{village}`; they answer 404 where the plugin is off."""


@hookspec
def kampung_district_routes() -> list[Any]:
    """Route handlers mounted under `/kecamatan/{district}`."""


@hookspec
def kampung_regency_routes() -> list[Any]:
    """Route handlers mounted under `/kabupaten`."""


@hookspec
def kampung_public_routes() -> list[Any]:
    """Route handlers anyone may reach without signing in (they check their own access)."""


@hookspec
def kampung_api_routes() -> list[Any]:
    """JSON handlers mounted under `/api/v1/desa/{village}`, listed in the OpenAPI schema."""


@hookspec
def kampung_roles() -> list[Role]:
    """Roles the plugin adds (e.g. a posyandu cadre, a market cashier): a name unique in the
    instance, its Indonesian label and the level of the scope it is granted at. Its permissions
    then name it in `default_roles` like a core role."""


@hookspec
def kampung_permissions() -> list[Permission]:
    """Permissions the plugin checks, with the roles that hold them by default."""


@hookspec
def kampung_menu_items(tenant: Tenant) -> list[MenuItem]:
    """Navigation entries for a village, district or regency page."""


@hookspec
def kampung_dashboard_widgets(tenant: Tenant) -> list[WidgetProvider]:
    """Dashboard widgets for a village, district or regency dashboard."""


@hookspec
def kampung_service_standards(tenant: Tenant) -> list[ServiceStandard]:
    """The services the plugin offers the village's residents, with their standards, for the
    village's public service catalogue (`core.web.services.offered_services`)."""


@hookspec
def kampung_check_settings(settings: Settings) -> list[str]:
    """What in the instance's config stops the plugin from working (a file it names that is
    missing or wrong), one line each; the instance refuses to start with the first."""


@hookspec
def kampung_village_settings() -> list[SettingField]:
    """Per-village settings the plugin reads, with their type and default."""


@hookspec
def kampung_template_dirs() -> list[Path]:
    """Template folders, searched after the instance theme and before the default theme."""


@hookspec
def kampung_static_dirs() -> dict[str, Path]:
    """Static folders served at `/static/plugins/<key>/`."""


@hookspec
def kampung_cli_commands(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add `kampung <command>` subcommands; set `func(args, settings) -> int` on each (a plain
    function that builds what it needs from the settings, so `--help` never starts the app)."""


@hookspec
def kampung_demo_data(context: DemoContext) -> Any:
    """Fill a demo village with realistic data (may return an awaitable)."""


@hookspec
def kampung_demo_events(context: DemoContext) -> Any:
    """After every plugin has filled the demo village: record what happens next (may return an
    awaitable). Other plugins answer through their event subscribers, so the demo shows a
    plugin's reaction to another's event (a death that suspends aid) without either calling
    the other."""


@hookspec
def kampung_event_subscribers() -> list[EventSubscriber]:
    """Handlers of domain events published by other plugins, run in the same transaction."""


@hookspec
def kampung_jobs() -> list[Job]:
    """Background jobs the plugin runs (`core.jobs.Job`, named `<plugin>.<job>`): what
    `core.jobs.enqueue` may queue and `kampung worker` runs, with their retry rules."""
