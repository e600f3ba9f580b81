"""Small plugins the core's tests load without an entry point."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from litestar import get

from core import EventSubscriber, MenuItem, Permission, PluginInfo, SettingField, hookimpl
from core.web.guards import requires

GREETING = "sample.greet"


def plugin(
    name: str, *, requires_: tuple[str, ...] = (), core_version: str = ">=0.1,<1", **hooks: Any
) -> Any:
    """A plugin object with the given hook implementations."""

    @hookimpl
    def kampung_plugin_info() -> PluginInfo:
        return PluginInfo(
            name=name,
            title=name.title(),
            version="1.0",
            requires=requires_,
            core_version=core_version,
        )

    namespace = SimpleNamespace(kampung_plugin_info=kampung_plugin_info, __name__=f"sample_{name}")
    for hook_name, implementation in hooks.items():
        setattr(namespace, hook_name, hookimpl(implementation))
    return namespace


@get("/halo", guards=[requires(GREETING)], include_in_schema=False)
async def hello() -> str:
    return "halo dari modul contoh"


def greeter() -> Any:
    """A plugin with one village page, a permission and a menu item."""
    return plugin(
        "greeter",
        kampung_village_routes=lambda: [hello],
        kampung_permissions=lambda: [Permission(GREETING, "Menyapa", ("village_operator",))],
        kampung_menu_items=lambda tenant: [MenuItem("Sapa", f"{tenant.base_url}/halo", GREETING)],
    )


def listener(received: list[Any]) -> Any:
    async def handle(event: Any, kernel: Any) -> None:
        received.append(event)

    return plugin(
        "listener",
        kampung_event_subscribers=lambda: [EventSubscriber("sample.happened", handle)],
    )


STATIC_DIR = Path(__file__).resolve().parent / "sample_static"


def configurable() -> Any:
    """A plugin with per-village settings and a static folder."""
    return plugin(
        "configurable",
        kampung_village_settings=lambda: [
            SettingField("quota", "Kuota harian", kind="int", default=10),
            SettingField(
                "mode", "Mode", kind="choice", default="a", choices=(("a", "A"), ("b", "B"))
            ),
        ],
        kampung_static_dirs=lambda: {"configurable": STATIC_DIR},
    )


def text_table_migration(
    migration_id: str,
    app_name: str,
    class_name: str,
    tablename: str,
    columns: dict[str, tuple[int, bool]],
) -> Any:
    """A sample plugin's first migration: one table of text columns, `{name: (length, indexed)}`."""
    from piccolo.apps.migrations.auto.migration_manager import MigrationManager
    from piccolo.columns.column_types import Varchar
    from piccolo.columns.indexes import IndexMethod

    manager = MigrationManager(migration_id=migration_id, app_name=app_name)
    manager.add_table(class_name=class_name, tablename=tablename, schema=None, columns=None)
    for name, (length, indexed) in columns.items():
        manager.add_column(
            table_class_name=class_name,
            tablename=tablename,
            column_name=name,
            db_column_name=name,
            column_class_name="Varchar",
            column_class=Varchar,
            params={
                "length": length,
                "default": "",
                "null": False,
                "primary_key": False,
                "unique": False,
                "index": indexed,
                "index_method": IndexMethod.btree,
                "choices": None,
                "db_column_name": None,
                "secret": False,
            },
            schema=None,
        )
    return manager
