"""The leaky plugin's hooks: a table kept outside the tenant scope and a page that lists it."""

from __future__ import annotations

from litestar import get
from piccolo.columns import Varchar
from piccolo.table import Table

from core import DemoContext, Permission, PluginInfo, hookimpl
from core.web.guards import requires

READ = "leaky.read"


class LeakyNote(Table, tablename="leaky_note"):
    """Names its village in a column the core does not know, so nothing scopes it."""

    desa = Varchar(length=13)
    text = Varchar(length=200)


@get("/bocor", guards=[requires(READ)], include_in_schema=False)
async def every_note() -> list[str]:
    return [row["text"] for row in await LeakyNote.select(LeakyNote.text)]


@hookimpl
def kampung_plugin_info() -> PluginInfo:
    return PluginInfo(name="leaky", title="Bocor", version="1.0")


@hookimpl
def kampung_piccolo_apps() -> list[str]:
    return ["leaky_plugin.piccolo_app"]


@hookimpl
def kampung_permissions() -> list[Permission]:
    return [Permission(READ, "Membaca catatan", ("village_operator",))]


@hookimpl
def kampung_village_routes() -> list[object]:
    return [every_note]


@hookimpl
async def kampung_demo_data(context: DemoContext) -> None:
    await LeakyNote.insert(LeakyNote(desa=context.village.code, text="catatan rahasia tetangga"))
