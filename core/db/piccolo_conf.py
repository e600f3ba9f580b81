"""The `piccolo_conf` module Piccolo's migration machinery looks up (`PICCOLO_CONF`).

Piccolo finds its engine and app registry through a module. Kampung's apps come from the loaded
plugins, so this module is filled in by `configure()` before migrations run; used from Piccolo's
own CLI (`piccolo migrations new population --auto`) it builds both from the instance settings.
"""

from __future__ import annotations

from typing import Any

from piccolo.conf.apps import AppRegistry
from piccolo.engine.base import Engine

_state: dict[str, Any] = {}


def configure(engine: Engine, app_modules: list[str]) -> None:
    """Make Piccolo's migration machinery use this engine and these `piccolo_app` modules."""
    _state["DB"] = engine
    _state["APP_REGISTRY"] = AppRegistry(apps=app_modules)


def __getattr__(name: str) -> Any:
    if name not in {"DB", "APP_REGISTRY"}:
        raise AttributeError(name)
    if name not in _state:
        _configure_from_settings()
    return _state[name]


def _configure_from_settings() -> None:
    from core.config import load_settings
    from core.db.engine import make_engine
    from core.kernel import load_plugins

    settings = load_settings()
    registry = load_plugins(settings)
    configure(make_engine(settings.owner_url), registry.piccolo_app_modules())
