"""One running instance: its settings, plugins, database, permissions and event bus.

Built once per app (or per CLI run) and handed to handlers by dependency injection; nothing here
is a module-level global, so tests can run apps with different plugins side by side.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from core import localtime
from core.audit import chain as audit_chain
from core.config import ConfigError, Settings
from core.db.engine import Database
from core.events import DomainEvent, EventBus
from core.jobs.declaration import JobCatalog
from core.plugins.contributions import EventSubscriber, Permission
from core.plugins.registry import PluginRegistry
from core.tenancy.context import Tenant


def load_plugins(settings: Settings, extra: Iterable[Any] = ()) -> PluginRegistry:
    """The core's own plugin, the installed plugins the settings allow, and `extra` ones.

    The kernel hands the core's plugin to the registry, so the registry imports nothing built on
    it. The import waits for the call because that plugin's handlers name `Kernel` as their
    dependency's type: by the time anyone loads plugins, this module is complete.
    """
    from core.builtin import plugin as core_plugin

    return PluginRegistry.load(settings, extra, builtin=core_plugin)


@dataclass
class Kernel:
    settings: Settings
    registry: PluginRegistry
    database: Database
    permissions: dict[str, Permission]
    events: EventBus
    jobs: JobCatalog

    @classmethod
    def build(cls, settings: Settings, extra_plugins: Iterable[Any] = ()) -> Kernel:
        localtime.configure(settings.time_zone)
        registry = load_plugins(settings, extra_plugins)
        problems = [
            problem
            for _, found in registry.results("kampung_check_settings", settings=settings)
            for problem in found
        ]
        if problems:
            raise ConfigError(problems[0])
        database = Database.from_urls(settings.database_url, settings.owner_url)
        database.bind(registry.piccolo_apps())
        subscribers: list[EventSubscriber] = [
            subscriber
            for _, found in registry.results("kampung_event_subscribers")
            for subscriber in found
        ]
        return cls(
            settings=settings,
            registry=registry,
            database=database,
            permissions=registry.permissions(),
            events=EventBus(subscribers),
            jobs=JobCatalog.from_registry(registry),
        )

    @property
    def engine(self) -> Any:
        return self.database.engine

    async def migrate(self) -> list[str]:
        from core.db.migrate import migrate

        return await migrate(
            self.database, self.registry.piccolo_app_modules(), self.settings.database_url
        )

    async def publish(self, event: DomainEvent) -> None:
        await self.events.publish(event, self)

    async def audit(
        self,
        tenant: Tenant | str,
        *,
        actor: str,
        action: str,
        entity: str,
        entity_id: object,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        """Record a change (or a read of a sensitive record) in the tenant's audit chain."""
        chain = tenant.code if isinstance(tenant, Tenant) else tenant
        await audit_chain.record(
            self.engine,
            chain=chain,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            at=datetime.now(UTC),
            before=before,
            after=after,
        )
