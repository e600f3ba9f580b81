"""Small plugins the core's tests load without an entry point."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from litestar import get

from core import EventSubscriber, MenuItem, Permission, PluginInfo, hookimpl
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


def greeter(name: str = "greeter", requires_: tuple[str, ...] = ()) -> Any:
    return plugin(
        name,
        requires_=requires_,
        kampung_village_routes=lambda: [hello],
        kampung_permissions=lambda: (
            [Permission(GREETING, "Menyapa", ("village_operator",))] if name == "greeter" else []
        ),
        kampung_menu_items=lambda tenant: (
            [MenuItem("Sapa", f"{tenant.base_url}/halo", GREETING)] if name == "greeter" else []
        ),
    )


def listener(received: list[Any]) -> Any:
    async def handle(event: Any, kernel: Any) -> None:
        received.append(event)

    return plugin(
        "listener",
        kampung_event_subscribers=lambda: [EventSubscriber("sample.happened", handle)],
    )
