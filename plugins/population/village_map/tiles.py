"""Where the instance serves map tiles, if it does: a plugin setting, not a core one.

```toml
[population]
map_tile_url = "/tiles/{z}/{x}/{y}.png"
map_tile_attribution = "© kontributor OpenStreetMap"
```

The page's Content-Security-Policy loads images only from the instance itself (`img-src
'self'`), so the template is a path on the instance (a tile server or a cache behind the same
reverse proxy), never another host: a tile from elsewhere would be refused by the browser and,
worse, tell that host which villages staff look at. A value that is not such a path is ignored
and the page shows the SVG map alone, as it does without the setting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.config import Settings

__all__ = ["DEFAULT_ATTRIBUTION", "TileSource", "tile_source"]

DEFAULT_ATTRIBUTION = "© OpenStreetMap contributors"
_TEMPLATE = re.compile(r"^/(?!/)[A-Za-z0-9._~\-/{}]*$")


@dataclass(frozen=True, slots=True)
class TileSource:
    url: str
    """A `{z}/{x}/{y}` URL template, a path on the instance."""
    attribution: str


def tile_source(settings: Settings) -> TileSource | None:
    """The configured tiles, or None where the instance has none (or names another host)."""
    section = settings.extra.get("population", {})
    if not isinstance(section, dict):
        return None
    url = section.get("map_tile_url")
    if not isinstance(url, str) or not _TEMPLATE.fullmatch(url):
        return None
    if not all(part in url for part in ("{z}", "{x}", "{y}")):
        return None
    attribution = section.get("map_tile_attribution")
    if not isinstance(attribution, str) or not attribution.strip():
        attribution = DEFAULT_ATTRIBUTION
    return TileSource(url=url, attribution=attribution.strip())
