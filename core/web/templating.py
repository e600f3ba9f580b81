"""Jinja2 with the theme loader chain: instance theme → plugin templates → default theme.

`{% extends "default:layouts/base.html" %}` reaches the default theme's original even when a
regency theme overrides the same name, so a theme changes only what it must (as Datasette does).
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from core import i18n
from core.localtime import local_clock

THEMES_DIR = Path(__file__).resolve().parents[2] / "themes"
DEFAULT_THEME = THEMES_DIR / "default" / "templates"


def theme_dir(theme: str) -> Path:
    candidate = Path(theme)
    if not candidate.is_absolute():
        candidate = THEMES_DIR / theme
    return candidate / "templates" if (candidate / "templates").is_dir() else candidate


def build_environment(theme: str, plugin_dirs: list[Path]) -> jinja2.Environment:
    chain: list[jinja2.BaseLoader] = [
        jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(DEFAULT_THEME)}, delimiter=":")
    ]
    if theme != "default":
        chain.append(jinja2.FileSystemLoader(theme_dir(theme)))
    chain.extend(jinja2.FileSystemLoader(directory) for directory in plugin_dirs)
    chain.append(jinja2.FileSystemLoader(DEFAULT_THEME))
    environment = jinja2.Environment(
        loader=jinja2.ChoiceLoader(chain),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=i18n._, ngettext=i18n.ngettext, newstyle=True
    )
    environment.filters["rupiah"] = _rupiah
    environment.filters["local_clock"] = local_clock  # a stored UTC moment in the instance's zone
    environment.globals["Markup"] = Markup
    return environment


def _rupiah(amount: int | None) -> str:
    from lokal import format_rupiah

    return "" if amount is None else format_rupiah(amount)
