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
