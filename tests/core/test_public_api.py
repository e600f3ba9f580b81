"""The public API is one list: the docs name exactly it, and bundled plugins import only it."""

from __future__ import annotations

import re
from pathlib import Path

from core.public import MODULES, private_imports, private_imports_in

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "plugins.md"


def documented_modules() -> set[str]:
    section = DOCS.read_text(encoding="utf-8").split("## The core's public API", 1)[1]
    table = section.split("\n## ", 1)[0]
    first_cells = [line.split("|")[1] for line in table.splitlines() if line.startswith("| `")]
    return {name for cell in first_cells for name in re.findall(r"`([\w.]+)`", cell)}


def test_the_docs_list_exactly_the_public_modules() -> None:
    assert documented_modules() == set(MODULES)


def test_bundled_plugins_import_only_the_public_api() -> None:
    assert private_imports_in(ROOT / "plugins") == []


def test_an_import_of_an_internal_module_is_found() -> None:
    source = "from core.web.transaction import RequestContext\nimport core.auth.tables\n"
    assert list(private_imports(source)) == ["core.web.transaction", "core.auth.tables"]
    assert list(private_imports("from core import hookimpl\nfrom core.db import TenantTable")) == []
