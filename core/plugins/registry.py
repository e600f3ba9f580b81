"""Load plugins into a per-app pluggy manager and check that they fit together.

Built per app instance (never at import time), so a test loads exactly the plugins it wants.
Every problem stops start-up with a message that names the plugin and the fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any

import pluggy
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version
from piccolo.conf.apps import AppConfig

from core import hookspecs
from core.auth.roles import ROLES, SCOPE_DEPTH, Role, install_roles
from core.config import Settings
from core.plugins.contributions import Permission, PluginInfo
from core.version import __version__ as CORE_VERSION

ENTRY_POINT_GROUP = "kampung.plugins"
CORE_PLUGIN_NAME = "core"
_NAME = re.compile(r"^[a-z][a-z0-9_]{1,40}$")


class PluginError(RuntimeError):
    """The installed plugins do not fit together; the message says which and how to fix it."""


@dataclass(frozen=True, slots=True)
class LoadedPlugin:
    info: PluginInfo
    module: Any
    source: str


class PluginRegistry:
    """The plugins of one app instance, in dependency order, behind one pluggy manager."""

    def __init__(self, manager: pluggy.PluginManager, plugins: list[LoadedPlugin]) -> None:
        self.manager = manager
        self.plugins = plugins
        self.by_name = {plugin.info.name: plugin for plugin in plugins}

    @classmethod
    def load(
        cls, settings: Settings, extra: Iterable[Any] = (), *, builtin: ModuleType
    ) -> PluginRegistry:
        """The core's own plugin `builtin`, the installed plugins the settings allow, and `extra`.

        The caller hands the core's plugin in (`core.kernel.load_plugins` does), because that
        plugin is built on the kernel and the web layer, which are built on this registry: were
        the registry to import it, the core's modules would import each other in a circle.
        """
        candidates: list[tuple[Any, str]] = [(builtin, "core")]
        for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            if settings.plugins is not None and entry_point.name not in settings.plugins:
                continue
            try:
                module = entry_point.load()
            except Exception as exc:
                raise PluginError(
                    f"plugin {entry_point.name}: cannot be imported ({exc}); "
                    "reinstall it or remove it from the plugins setting"
                ) from exc
            candidates.append((module, f"entry point {entry_point.value}"))
        candidates.extend((module, "registered by the caller") for module in extra)
        if settings.plugins is not None:
            known = {_info_of(module, source).name for module, source in candidates}
            missing = sorted(set(settings.plugins) - known)
            if missing:
                raise PluginError(
                    f"plugins setting names {', '.join(missing)}, which is not installed; "
                    "install it or remove it from the setting"
                )
        return cls.from_modules(candidates)

    @classmethod
    def from_modules(cls, candidates: list[tuple[Any, str]]) -> PluginRegistry:
        manager = pluggy.PluginManager(hookspecs.PROJECT)
        manager.add_hookspecs(hookspecs)
        loaded: dict[str, LoadedPlugin] = {}
        for module, source in candidates:
            info = _info_of(module, source)
            if info.name in loaded:
                raise PluginError(
                    f"plugin {info.name}: two plugins use this name "
                    f"({loaded[info.name].source} and {source}); uninstall one of them"
                )
            _check_core_version(info)
            manager.register(module, name=info.name)
            loaded[info.name] = LoadedPlugin(info=info, module=module, source=source)
        try:
            manager.check_pending()
        except pluggy.PluginValidationError as exc:
            raise PluginError(
                f"plugin {manager.get_name(exc.plugin)}: {exc}; "
                "rename the function to a hook listed in docs/hooks.md or remove its @hookimpl"
            ) from exc
        ordered = _dependency_order(loaded)
        registry = cls(manager, [loaded[name] for name in ordered])
        install_roles(registry.roles())
        return registry

    @property
    def hook(self) -> Any:
        return self.manager.hook

    @property
    def names(self) -> list[str]:
        return [plugin.info.name for plugin in self.plugins]

    def info(self, name: str) -> PluginInfo:
        return self.by_name[name].info

    def results(self, hook_name: str, **kwargs: Any) -> list[tuple[str, Any]]:
        """Each plugin's answer to a hook, as (plugin name, result): `tryfirst` implementations
        first and `trylast` ones last, as pluggy orders them, and dependency order within each,
        so a plugin's contributions come after those of the plugins it requires."""
        impls = getattr(self.manager.hook, hook_name).get_hookimpls()
        wrapping = [impl.plugin_name for impl in impls if impl.hookwrapper or impl.wrapper]
        if wrapping:
            raise PluginError(
                f"plugin {wrapping[0]}: {hook_name} collects every plugin's contribution, so it "
                "cannot be wrapped; return your own contribution instead"
            )
        position = {name: index for index, name in enumerate(self.names)}
        ordered = sorted(
            impls, key=lambda i: (not i.tryfirst, i.trylast, position.get(i.plugin_name, 0))
        )
        answers: list[tuple[str, Any]] = []
        for impl in ordered:
            result = impl.function(**{arg: kwargs[arg] for arg in impl.argnames})
            if result is not None:
                answers.append((impl.plugin_name, result))
        return answers

    def piccolo_app_modules(self) -> list[str]:
        """Import paths of the Piccolo apps, in migration order: core first, then by dependency."""
        return [module for _, modules in self.results("kampung_piccolo_apps") for module in modules]

    def piccolo_apps(self) -> list[AppConfig]:
        return [import_module(module).APP_CONFIG for module in self.piccolo_app_modules()]

    def roles(self) -> list[Role]:
        """Every declared role, the core's first; a name declared twice or a level that does not
        exist stops start-up, since a grant of either could never be checked."""
        found: dict[str, Role] = {}
        for plugin_name, roles in self.results("kampung_roles"):
            for role in roles:
                if not isinstance(role, Role):
                    raise PluginError(
                        f"plugin {plugin_name}: kampung_roles must return core.Role values"
                    )
                if role.name in found:
                    raise PluginError(f"plugin {plugin_name}: role {role.name} is declared twice")
                if role.level not in SCOPE_DEPTH:
                    raise PluginError(
                        f"plugin {plugin_name}: role {role.name} has level {role.level!r}; "
                        f"levels are {', '.join(SCOPE_DEPTH)}"
                    )
                found[role.name] = role
        return list(found.values())

    def permissions(self) -> dict[str, Permission]:
        """Every declared permission; a name declared twice or a role that does not exist stops
        start-up, since either would otherwise show up only as a silent 403."""
        found: dict[str, Permission] = {}
        for plugin_name, permissions in self.results("kampung_permissions"):
            for permission in permissions:
                if permission.name in found:
                    raise PluginError(
                        f"plugin {plugin_name}: permission {permission.name} is declared twice"
                    )
                unknown = [role for role in permission.default_roles if role not in ROLES]
                if unknown:
                    raise PluginError(
                        f"plugin {plugin_name}: permission {permission.name} is given to role "
                        f"{', '.join(unknown)}, which does not exist; roles are "
                        f"{', '.join(ROLES)}"
                    )
                found[permission.name] = permission
        return found

    def dependents_of(self, name: str) -> list[str]:
        return [p.info.name for p in self.plugins if name in p.info.requires]


def _info_of(module: Any, source: str) -> PluginInfo:
    declare = getattr(module, "kampung_plugin_info", None)
    if declare is None:
        raise PluginError(
            f"plugin from {source}: it does not implement kampung_plugin_info; "
            "add a @hookimpl function that returns core.PluginInfo"
        )
    info = declare()
    if not isinstance(info, PluginInfo):
        raise PluginError(f"plugin from {source}: kampung_plugin_info must return core.PluginInfo")
    if not _NAME.match(info.name):
        raise PluginError(
            f"plugin {info.name!r} from {source}: a name is 2-41 lowercase letters, digits or _"
        )
    return info


def _check_core_version(info: PluginInfo) -> None:
    try:
        supported = SpecifierSet(info.core_version)
    except InvalidSpecifier:
        raise PluginError(
            f"plugin {info.name}: core_version {info.core_version!r} is not a version range "
            "such as '>=0.1,<1'"
        ) from None
    if Version(CORE_VERSION) not in supported:
        raise PluginError(
            f"plugin {info.name}: supports core {info.core_version}, this is core {CORE_VERSION}; "
            "install a version of the plugin made for this core"
        )


def _dependency_order(loaded: dict[str, LoadedPlugin]) -> list[str]:
    """Topological order, core first; a missing requirement or a cycle stops start-up."""
    for name, plugin in loaded.items():
        for required in plugin.info.requires:
            if required not in loaded:
                raise PluginError(
                    f"plugin {name}: requires plugin {required}, which is not installed or not "
                    f"enabled for this instance; install {required} or disable {name}"
                )
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == "done":
            return
        if state.get(name) == "visiting":
            cycle = " -> ".join([*path[path.index(name) :], name])
            raise PluginError(
                f"plugin {name}: its requirements form a cycle ({cycle}); "
                "remove one of these requirements"
            )
        state[name] = "visiting"
        for required in loaded[name].info.requires:
            visit(required, [*path, name])
        state[name] = "done"
        order.append(name)

    visit(CORE_PLUGIN_NAME, [])
    for name in loaded:
        visit(name, [])
    return order
