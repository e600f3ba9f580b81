"""How a name is stored for display and for search, so "  budi   SANTOSO" finds "Budi Santoso"."""

from __future__ import annotations


def clean_name(text: str) -> str:
    """The name as typed, with runs of spaces collapsed: what is shown."""
    return " ".join(text.split())


def name_key(text: str) -> str:
    """Lower-case, single-spaced: the indexed column a name-prefix search reads."""
    return clean_name(text).lower()


def prefix_pattern(text: str) -> str:
    """A LIKE pattern for names starting with `text`; wildcards typed by the user are dropped."""
    return name_key(text).replace("%", "").replace("_", "") + "%"


def prefix_range(text: str) -> tuple[str, str] | None:
    """The keys starting with `text` as a half-open range [low, high), compared byte by byte.

    PostgreSQL's LIKE is not leakproof, so under Row-Level Security the planner may not use it
    as an index condition and scans the whole village; the byte-wise `~>=~`/`~<~` operators are
    leakproof and reach the (village_code, name_key) prefix index. LIKE stays beside them.
    """
    low = prefix_pattern(text)[:-1]
    if not low or ord(low[-1]) >= 0x10FFFF:
        return None
    return low, low[:-1] + chr(ord(low[-1]) + 1)
