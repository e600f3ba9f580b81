"""The labelled-table pattern: every table cell carries its column's header as data-label, so the
stylesheet can show each value with its label when a phone stacks the table into cards."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader

from core.web.templating import DEFAULT_THEME

ROOT = Path(__file__).resolve().parents[2]
THEME_TEMPLATES = DEFAULT_THEME.parent / "templates"
POPULATION = ROOT / "plugins" / "population" / "templates" / "population"
STYLESHEET = DEFAULT_THEME.parent / "static" / "kampung.css"
LABELLED = sorted(
    [
        *THEME_TEMPLATES.rglob("*.html"),
        *(POPULATION / "register" / name for name in ("mutation.html", "recap.html")),
        *(POPULATION / "register" / name for name in ("family_detail.html", "families.html")),
        *(POPULATION / "statistics").rglob("*.html"),
    ]
)


class Cells(HTMLParser):
    """The attributes of every <td> of a document, or of a template's source, row by row."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag == "td" and self.rows:
            self.rows[-1].append(dict(attrs))


def cells(html: str) -> list[dict[str, str | None]]:
    parser = Cells()
    parser.feed(html)
    return [cell for row in parser.rows for cell in row]


@pytest.mark.parametrize("template", LABELLED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_cell_of_the_template_carries_its_columns_label(template: Path) -> None:
    unlabelled = [c for c in cells(template.read_text(encoding="utf-8")) if not c.get("data-label")]
    assert unlabelled == []


def test_the_three_tables_a_phone_lost_labels_on_are_covered() -> None:
    for name in ("mutation.html", "recap.html", "family_detail.html"):
        assert cells((POPULATION / "register" / name).read_text(encoding="utf-8"))


@pytest.fixture
def env() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(THEME_TEMPLATES), extensions=["jinja2.ext.i18n"], autoescape=True
    )
    environment.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    return environment


def test_labelled_table_labels_each_cell_with_its_header_and_reads_objects(
    env: Environment,
) -> None:
    source = (
        '{% from "components/table.html" import labelled_table %}'
        "{{ labelled_table(columns, rows, caption='Rekap', table_class='recap') }}"
    )
    columns = [
        {"key": "name", "label": "Dusun"},
        {"key": "count", "label": "Jumlah", "numeric": True},
    ]
    rows = [{"name": "TEMOR <b>", "count": 99}, SimpleNamespace(name="KRAJAN", count=7)]
    html = env.from_string(source).render(columns=columns, rows=rows)
    assert [(c["data-label"], c.get("class")) for c in cells(html)] == [
        ("Dusun", None),
        ("Jumlah", "number"),
        ("Dusun", None),
        ("Jumlah", "number"),
    ]
    assert "TEMOR &lt;b&gt;" in html and ">KRAJAN<" in html and "<caption>Rekap</caption>" in html
    assert '<table class="recap">' in html and 'class="table-scroll"' in html


def test_only_labelled_tables_become_cards_on_a_phone() -> None:
    """A table without labels keeps its grid and scrolls, rather than losing its headers."""
    css = STYLESHEET.read_text(encoding="utf-8")
    phone = css.split("@media screen and (max-width: 39.99em) {", 1)[1].split("\n}\n", 1)[0]
    assert "td::before { content: attr(data-label)" in phone
    outside = css.replace(phone, "")
    assert "attr(data-label)" not in outside
    for line in phone.splitlines():
        if "{" in line and not line.strip().startswith("}"):
            assert line.strip().startswith("table:has(td[data-label])"), line
