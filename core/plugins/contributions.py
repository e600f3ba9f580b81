"""The values plugins hand to the core through hooks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup

if TYPE_CHECKING:
    from core.kernel import Kernel
    from core.tenancy.context import Tenant

RoleName = str
TenantKind = Literal["village", "district", "regency"]


@dataclass(frozen=True, slots=True)
class PluginInfo:
    """What a plugin declares about itself."""

    name: str
    """Unique key, also the URL and settings key: lowercase letters, digits and `_`."""
    title: str
    """Shown to village admins, in Bahasa Indonesia."""
    version: str
    requires: tuple[str, ...] = ()
    """Plugins that must be on wherever this one is on."""
    core_version: str = ">=0.1,<1"
    """Core versions the plugin works with, as a comma-separated list of comparisons."""
    description: str = ""


@dataclass(frozen=True, slots=True)
class Permission:
    """A permission a handler can require, and the roles granted it by default."""

    name: str
    label: str
    default_roles: tuple[RoleName, ...] = ()


@dataclass(frozen=True, slots=True)
class MenuItem:
    label: str
    url: str
    permission: str | None = None
    icon: str | None = None
    order: int = 100


@dataclass(frozen=True, slots=True)
class Widget:
    """A rendered dashboard tile."""

    title: str
    value: str | None = None
    body_html: Markup | None = None
    """HTML the plugin built with `Markup` (its values escaped); plain text is refused, since the
    page would show a plain `str` of tags as text, or trust it unescaped."""
    url: str | None = None

    def __post_init__(self) -> None:
        if self.body_html is not None and not isinstance(self.body_html, Markup):
            raise TypeError(f"widget {self.title!r}: body_html must be markupsafe.Markup")


@dataclass(frozen=True, slots=True)
class WidgetProvider:
    """A dashboard tile and the coroutine that renders it for a tenant."""

    key: str
    permission: str | None
    render: Callable[[Tenant, Kernel], Awaitable[Widget]]
    order: int = 100


@dataclass(frozen=True, slots=True)
class SettingField:
    """A per-village setting a plugin reads."""

    key: str
    label: str
    kind: Literal["text", "int", "bool", "choice"] = "text"
    default: Any = None
    choices: tuple[tuple[str, str], ...] = ()
    """`(value, label)` pairs a `choice` setting takes one of."""
    required: bool = False
    """An empty value is refused (a `bool` is never empty)."""
    minimum: int | None = None
    """The smallest `int` accepted."""
    maximum: int | None = None
    """The largest `int` accepted."""
    max_length: int = 200
    """The longest `text` accepted."""


@dataclass(frozen=True, slots=True)
class ServiceStandard:
    """A service a plugin offers a village's residents, with its service standard (what to
    bring, the steps, how long it takes, what it costs), for the village's public catalogue.

    The texts are in the viewer's language: the hook runs in the request, so a plugin passes its
    `N_` labels through `_` as it builds these."""

    key: str
    """Unique within the plugin, e.g. `ktp_el`; the catalogue's anchor."""
    name: str
    requirements: tuple[str, ...]
    steps: tuple[str, ...]
    duration: str
    cost: int = 0
    """Whole rupiah; 0 is free."""
    apply_url: str = ""
    """Where a resident applies online (a path on this instance), if they can."""
    provider: str = ""
    """Who delivers it, when not the village office alone (the regency's civil registry)."""


@dataclass(frozen=True, slots=True)
class EventSubscriber:
    """Runs `handler(event, kernel)` for each published event of this name."""

    event: str
    handler: Callable[[Any, Kernel], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class DemoLogin:
    """One account `kampung demo` prints, so whoever tries the demo can sign in as that role."""

    username: str
    role: str
    scope: str
    home: str
    """The page to open, a path under the demo's URL."""
    secret: str = ""
    """What to sign in with when it is not the shared demo password (a citizen's PIN)."""


@dataclass(slots=True)
class DemoContext:
    """What a plugin's demo hook gets: the village to fill and a seeded random source."""

    kernel: Kernel
    village: Tenant
    seed: int
    users: dict[str, str] = field(default_factory=dict)
    logins: list[DemoLogin] = field(default_factory=list)
    """Accounts the plugin made (a citizen's portal login) to print beside the staff ones."""
