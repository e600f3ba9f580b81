"""Which plugins are on in a village: installed ∩ enabled for the instance ∩ switched on there.

Decided here and nowhere else. Requirements hold both ways: a plugin cannot be switched on before
what it requires, nor can a requirement be switched off under a plugin that needs it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from core.i18n import _
from core.plugins.registry import CORE_PLUGIN_NAME, PluginRegistry
from core.tenancy.tables import Village, VillagePlugin


class EnablementError(ValueError):
    """A switch would leave a plugin without what it requires; the message says which."""


async def switched_on(village_code: str) -> set[str]:
    rows = (
        await VillagePlugin.select(VillagePlugin.plugin, VillagePlugin.enabled)
        .where(VillagePlugin.village_code == village_code)
        .order_by(VillagePlugin.id)
    )
    state: dict[str, bool] = {}
    for row in rows:
        state[row["plugin"]] = row["enabled"]
    return {name for name, enabled in state.items() if enabled}


async def effective_plugins(registry: PluginRegistry, village_code: str) -> set[str]:
    """Plugins that answer in this village (the core always does)."""
    on = await switched_on(village_code)
    return {CORE_PLUGIN_NAME} | (on & set(registry.names))


async def set_plugin(
    registry: PluginRegistry, village_code: str, plugin: str, enabled: bool, actor: str
) -> None:
    """Switch a plugin on or off for a village, enforcing requirements both ways.

    Only an onboarded village gets plugins: before the regency integrates it nobody there can sign
    in, so a switch would silently do nothing visible.
    """
    if plugin not in registry.names or plugin == CORE_PLUGIN_NAME:
        raise EnablementError(
            _("Modul '{plugin}' tidak terpasang di instansi ini.").format(plugin=plugin)
        )
    village = await Village.select(Village.onboarded).where(Village.code == village_code).first()
    if village is None:
        raise EnablementError(
            _("Desa {village_code} tidak ada di instansi ini.").format(village_code=village_code)
        )
    if enabled and not village["onboarded"]:
        raise EnablementError(
            _(
                "Desa {village_code} belum diintegrasikan; admin kabupaten perlu menjalankan "
                "`kampung onboard {village_code}` dulu."
            ).format(village_code=village_code)
        )
    active = await effective_plugins(registry, village_code)
    if enabled:
        missing = [r for r in registry.info(plugin).requires if r not in active]
        if missing:
            raise EnablementError(
                _("Modul '{plugin}' memerlukan modul {missing}; aktifkan itu dulu.").format(
                    plugin=plugin, missing=", ".join(missing)
                )
            )
    else:
        needing = [d for d in registry.dependents_of(plugin) if d in active]
        if needing:
            raise EnablementError(
                _("Modul '{plugin}' masih diperlukan oleh {needing}; matikan itu dulu.").format(
                    plugin=plugin, needing=", ".join(needing)
                )
            )
    if (plugin in active) == enabled:
        return
    await VillagePlugin.insert(
        VillagePlugin(
            village_code=village_code,
            plugin=plugin,
            enabled=enabled,
            changed_by=actor,
            changed_at=datetime.now(UTC),
        )
    )
