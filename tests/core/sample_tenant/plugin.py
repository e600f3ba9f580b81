"""The sample tenant plugin's hooks: its Piccolo app, a permission and two village pages."""

from __future__ import annotations

from litestar import get

from core import DemoContext, Permission, PluginInfo, hookimpl
from core.web.guards import requires
from sample_tenant.tables import Note

NOTES_READ = "sample_tenant.read"


@get("/catatan", guards=[requires(NOTES_READ)], include_in_schema=False)
async def notes() -> list[str]:
    """Every note this request can reach, with no village filter written by the author."""
    return [row["text"] for row in await Note.select(Note.text).order_by(Note.text)]


@hookimpl
def kampung_plugin_info() -> PluginInfo:
    return PluginInfo(name="sample_tenant", title="Catatan", version="1.0")


@hookimpl
def kampung_piccolo_apps() -> list[str]:
    return ["sample_tenant.piccolo_app"]


@hookimpl
def kampung_permissions() -> list[Permission]:
    return [Permission(NOTES_READ, "Membaca catatan", ("village_operator", "district_viewer"))]


@hookimpl
def kampung_village_routes() -> list[object]:
    return [notes]


@hookimpl
async def kampung_demo_data(context: DemoContext) -> None:
    await Note.insert(Note(text=f"catatan posyandu desa {context.village.name}"))
