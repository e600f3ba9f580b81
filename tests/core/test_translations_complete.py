"""Every Indonesian string the UI translates has an English translation in a loaded catalog.

The msgids are extracted from the code the way gettext tools would (Babel's extractors), so a new
`_("...")` in a template or module fails here until its English line is added to a `.po` file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from core.auth.roles import ROLES
from core.builtin.village_routes import SETTING_FIELDS
from core.plugins.registry import PluginRegistry
from core.testing.i18n_check import untranslated_in
from core.web import errors
from core.web.app import _locale_dirs
from core.web.templating import DEFAULT_THEME
from core.workflow import Lifecycle
from plugins.population.domain.codes import ALL_CODE_LISTS
from plugins.population.importing.importer import Target
from plugins.population.importing.runs import import_register
from plugins.population.synthetic.village import write_village_csv

CORE = Path(__file__).resolve().parents[2] / "core"
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "MenuItem": None}
"""`_` in templates and modules, and a menu item's label (its first argument), shown translated."""
METHODS = [("**.py", "python"), ("**.html", "jinja2")]
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{[^{}]*\}")


@pytest.fixture
def kampung_plugins() -> tuple[str, ...] | None:
    """Every installed plugin, so every installed plugin's strings and catalogs are checked."""
    return None


def _extracted(directory: Path) -> Iterator[str]:
    for _, _, message, _, _ in extract_from_dir(
        directory,
        METHODS,
        keywords=KEYWORDS,
        options_map={"**.html": {"extensions": "jinja2.ext.i18n"}},
    ):
        parts = message if isinstance(message, tuple) else (message,)
        yield from (part for part in parts if part)


def _msgids(registry: PluginRegistry) -> set[str]:
    """Literal msgids of the core, the default theme and each plugin, the core's tables of
    messages that reach `_` or the translator through a variable, the roles' and permissions'
    labels, and the Dukcapil code lists' labels (shown translated by the population pages)."""
    found = {*_extracted(CORE), *_extracted(DEFAULT_THEME)}
    for plugin in registry.plugins:
        package = Path(plugin.module.__file__).resolve().parent
        if not package.is_relative_to(CORE):
            found.update(_extracted(package))
    found.update(errors.TITLES.values(), errors.MESSAGES.values())
    found.update([errors.DUPLICATE, errors.INVALID_DATA])
    found.update(label for _, label in SETTING_FIELDS)
    found.update(role.label for role in ROLES.values())
    found.update(permission.label for permission in registry.permissions().values())
    found.update(label for codes in ALL_CODE_LISTS for label in codes.labels.values())
    return {text for text in found if text.upper() != text}  # codes such as "WNI" or "AB+" stay


def _english(registry: PluginRegistry) -> dict[str, str]:
    english: dict[str, str] = {}
    for directory in _locale_dirs(registry):
        english.update(_catalog(directory))
    return english


def _catalog(locale_dir: Path) -> dict[str, str]:
    english: dict[str, str] = {}
    for po_file in sorted((locale_dir / "en" / "LC_MESSAGES").glob("*.po")):
        with po_file.open("rb") as source:
            catalog = read_po(source)
        english.update({m.id: m.string for m in catalog if m.id and not m.fuzzy and m.string})
    return english


def _packages(registry: PluginRegistry) -> list[Path]:
    """The core and each plugin's package outside it."""
    packages = [CORE]
    for plugin in registry.plugins:
        package = Path(plugin.module.__file__).resolve().parent
        if not package.is_relative_to(CORE):
            packages.append(package)
    return packages


def _lifecycle_labels(package: Path) -> set[str]:
    """The state and action names of every lifecycle defined in the package: `Lifecycle.label`
    translates them where they are shown."""
    import sys

    found: set[str] = set()
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if not file or not Path(file).resolve().is_relative_to(package):
            continue
        for value in vars(module).values():
            if isinstance(value, Lifecycle):
                found.update(value.labels.values())
    return found


async def test_every_ui_string_has_an_english_translation(kampung) -> None:
    registry = kampung.kernel.registry
    msgids = _msgids(registry)
    english = _english(registry)

    assert len(msgids) > 300
    lacking = sorted(m for m in msgids if not english.get(m, "").strip())
    assert lacking == [], "\n".join(lacking)


async def test_each_string_is_translated_by_the_catalog_of_its_package(kampung) -> None:
    """A plugin's msgids are in its own `locale/` (or the core's, which every page loads), so a
    plugin installed on its own is translated too; a `_()` in a module counts as much as one in a
    template, and so does a status name of a lifecycle."""
    registry = kampung.kernel.registry
    core = _catalog(CORE / "locale")
    missing = {}
    for package in _packages(registry):
        own = core if package == CORE else {**core, **_catalog(package / "locale")}
        wanted = set(_extracted(package)) | _lifecycle_labels(package)
        if package == CORE:
            wanted.update(errors.TITLES.values(), errors.MESSAGES.values())
        lacking = sorted(m for m in wanted if not own.get(m, "").strip())
        if lacking:
            missing[package.name] = lacking
    assert missing == {}


async def test_no_indonesian_literal_reaches_a_page_without_gettext(kampung) -> None:
    """Widget titles, flash messages, page titles, form errors, placeholders and label tables
    built in Python pass `_` (or `N_` where they are declared at import)."""
    found = [
        line for package in _packages(kampung.kernel.registry) for line in untranslated_in(package)
    ]
    assert found == []


async def test_english_translations_keep_their_placeholders(kampung) -> None:
    english = _english(kampung.kernel.registry)

    changed = {
        msgid: text
        for msgid, text in english.items()
        if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(text))
    }
    assert changed == {}


async def test_population_page_renders_in_english_when_chosen(kampung, tmp_path) -> None:
    village = await kampung.village()
    register = tmp_path / "desa.csv"
    write_village_csv(register, village.code, 5, seed=1)
    async with kampung.scope(village.code):
        await import_register(kampung.kernel, register, Target(village.code), actor="test")
    client = await kampung.login("village_operator", village)
    client.cookies.set("kampung_lang", "en")

    response = await client.get(village.url + "/penduduk")

    assert response.status_code == 200
    assert "Add a resident" in response.text
    assert "Families (KK)" in response.text
    assert "Tambah penduduk" not in response.text
    assert ">Letters<" in response.text and ">Surat<" not in response.text  # the side menu
    assert "Date of birth" in response.text and "Tanggal lahir" not in response.text  # columns
