"""Which installed plugins a test session may load: every one, or one distribution's own.

A plugin's suite, and the contract sweep, judge every plugin installed in the environment. A
repository's own suite loads only the plugins its distribution registers, so a plugin someone
installed beside them (one made with `kampung new-plugin`, say) cannot change what it tests.
"""

from __future__ import annotations

from importlib.metadata import entry_points

from packaging.utils import canonicalize_name

from core.plugins.registry import ENTRY_POINT_GROUP


def installed_plugins() -> tuple[str, ...]:
    """Every plugin installed in this environment, by entry-point name."""
    return tuple(sorted({entry.name for entry in entry_points(group=ENTRY_POINT_GROUP)}))


def plugins_of(distribution: str) -> tuple[str, ...]:
    """The plugins one installed distribution registers (e.g. `kampung`'s bundled plugins)."""
    wanted = canonicalize_name(distribution)
    return tuple(
        sorted(
            entry.name
            for entry in entry_points(group=ENTRY_POINT_GROUP)
            if entry.dist is not None and canonicalize_name(entry.dist.name) == wanted
        )
    )
