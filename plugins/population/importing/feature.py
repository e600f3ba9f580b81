"""This part's contribution to the population plugin: import, export, and the demo residents."""

from __future__ import annotations

from core import MenuItem
from core.tenancy.context import Tenant
from plugins.population.feature import Feature
from plugins.population.importing import cli, export_pages, pages
from plugins.population.importing.demo import demo_residents
from plugins.population.permissions import IMPORT


def _menu(tenant: Tenant) -> list[MenuItem]:
    if tenant.kind != "village":
        return []
    return [MenuItem("Impor & ekspor", f"{tenant.base_url}/impor", permission=IMPORT, order=60)]


FEATURE = Feature(
    village_routes=[*pages.ROUTES, *export_pages.ROUTES],
    menu=_menu,
    demo=demo_residents,
    demo_order=10,
    cli=cli.register,
)
