"""Translations: Bahasa Indonesia is the source language; catalogs translate it to English.

Catalogs are gettext `.po` files (`<package>/locale/<lang>/LC_MESSAGES/*.po`) read with Babel at
start-up, so nothing compiled is committed. The language of each request lives in a context
variable set around rendering, never in a global.
"""

from __future__ import annotations

import contextvars
import functools
import gettext
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}
SOURCE_LANGUAGE = "id"

_SOURCE = gettext.NullTranslations()
_current: contextvars.ContextVar[gettext.NullTranslations | None] = contextvars.ContextVar(
    "kampung_translations", default=None
)


class Translator:
    """Every language's merged catalog for one app instance."""

    def __init__(self, locale_dirs: Iterable[Path]) -> None:
        self.catalogs: dict[str, gettext.NullTranslations] = {
            SOURCE_LANGUAGE: gettext.NullTranslations()
        }
        for lang in LANGUAGES:
            if lang == SOURCE_LANGUAGE:
                continue
            merged: gettext.NullTranslations = gettext.NullTranslations()
            for directory in locale_dirs:
                for po_file in sorted((directory / lang / "LC_MESSAGES").glob("*.po")):
                    translations = _load_po(po_file)
                    translations.add_fallback(merged)
                    merged = translations
            self.catalogs[lang] = merged

    def activate(self, lang: str) -> contextvars.Token[gettext.NullTranslations | None]:
        return _current.set(self.catalogs.get(lang, self.catalogs[SOURCE_LANGUAGE]))

    def reset(self, token: contextvars.Token[gettext.NullTranslations | None]) -> None:
        _current.reset(token)

    def gettext(self, lang: str, message: str) -> str:
        return self.catalogs.get(lang, self.catalogs[SOURCE_LANGUAGE]).gettext(message)

    def has(self, lang: str, message: str) -> bool:
        """Whether a catalog of `lang` translates `message` (an English word that is spelt the
        same, such as "Format", still counts as translated)."""
        catalog: Any = self.catalogs.get(lang)
        while catalog is not None:
            if getattr(catalog, "_catalog", {}).get(message):
                return True
            catalog = getattr(catalog, "_fallback", None)
        return lang == SOURCE_LANGUAGE


def _load_po(path: Path) -> gettext.GNUTranslations:
    """A fresh catalog object (each app chains its own fallbacks) from the file's compiled form."""
    stat = path.stat()
    return gettext.GNUTranslations(io.BytesIO(_compiled(path, stat.st_mtime_ns, stat.st_size)))


@functools.lru_cache(maxsize=256)
def _compiled(path: Path, mtime_ns: int, size: int) -> bytes:
    """The `.po` file compiled to `.mo` bytes, once per process while the file is unchanged:
    parsing it is most of the cost of a Translator, and a process that builds several apps
    (the tests build one per test) need not parse it each time."""
    with path.open("rb") as source:
        catalog = read_po(source)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def _(message: str) -> str:
    """Translate a message into the language of the current request."""
    return (_current.get() or _SOURCE).gettext(message)


def N_(message: str) -> str:
    """Mark a message for the catalog where it is defined (a module-level label); it is
    translated where it is shown, in the language of that request."""
    return message


def translated(options: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """A select's (value, label) pairs declared with `N_`, their labels in the request's
    language. Templates show option labels as given: data such as a hamlet's name must not pass
    through gettext, which would mark it safe HTML."""
    return [(value, _(label)) for value, label in options]


def ngettext(singular: str, plural: str, count: int) -> str:
    return (_current.get() or _SOURCE).ngettext(singular, plural, count)


def pick_language(*candidates: str | None) -> str:
    for candidate in candidates:
        if candidate and candidate[:2].lower() in LANGUAGES:
            return candidate[:2].lower()
    return SOURCE_LANGUAGE
