"""The tenant a request works in, resolved from its path on every request."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from core.plugins.contributions import TenantKind

DEFAULT_LOCAL_WORD = {"desa": "Desa", "kelurahan": "Kelurahan"}
LOCAL_PATH = re.compile(r"^/[A-Za-z0-9_.-][A-Za-z0-9_./-]*$")
"""A path on this instance: one slash, then no second slash, backslash, colon or query."""


@dataclass(frozen=True, slots=True)
class Tenant:
    """A village, a district or the whole regency: the scope of one request."""

    kind: TenantKind
    code: str
    name: str
    slug: str
    base_url: str
    onboarded: bool = True
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def scope_code(self) -> str:
        """The region-code prefix this tenant covers (what Row-Level Security checks)."""
        return self.code

    @property
    def local_word(self) -> str:
        """What the village is called locally (Desa, Kelurahan, Nagari…); districts and the
        regency carry the word in their official name already."""
        if self.kind != "village":
            return ""
        return str(self.settings.get("local_word") or self.settings.get("default_word") or "Desa")

    @property
    def display_name(self) -> str:
        return str(self.settings.get("display_name") or self.name)

    @property
    def primary_colour(self) -> str | None:
        return self.settings.get("primary_colour")

    @property
    def secondary_colour(self) -> str | None:
        return self.settings.get("secondary_colour")

    @property
    def logo_url(self) -> str | None:
        """Where the uploaded logo is served by this instance (see core.builtin.village_logo),
        or a path on this instance set before logos were uploaded; never another host."""
        name = self.settings.get("logo_file")
        if name:
            return f"{self.base_url}/logo/{name}"
        legacy = str(self.settings.get("logo_url") or "")
        return legacy if LOCAL_PATH.match(legacy) else None

    def covers(self, code: str) -> bool:
        return code == self.code or code.startswith(self.code + ".")
