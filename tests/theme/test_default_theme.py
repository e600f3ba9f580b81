"""The default theme: every template parses, the layout and the component macros render accessible,
escaped, balanced HTML from the context the core provides."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from jinja2 import Environment, FileSystemLoader, UndefinedError
from markupsafe import Markup

THEME = Path(__file__).resolve().parents[2] / "themes" / "default"
TEMPLATES = THEME / "templates"
VOID_ELEMENTS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class BalanceChecker(HTMLParser):
    """Records every tag that closes out of order or is never closed."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> while open: {self.open}")
        else:
            self.open.pop()


def assert_balanced(html: str) -> None:
    checker = BalanceChecker()
    checker.feed(html)
    checker.close()
    assert checker.problems == []
    assert checker.open == []


class Attributes(HTMLParser):
    """Collects (tag, attributes) of every start tag, to assert on attributes without regexes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str, name: str) -> list[dict[str, str | None]]:
    parser = Attributes()
    parser.feed(html)
    return [attrs for tag, attrs in parser.tags if tag == name]


@pytest.fixture
def env() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES), extensions=["jinja2.ext.i18n"], autoescape=True
    )
    environment.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    return environment


def village(**overrides: Any) -> SimpleNamespace:
    values: dict[str, Any] = {
        "kind": "village",
        "name": "Noreh",
        "code": "35.27.01.2001",
        "local_word": "Desa",
        "primary_colour": "#0b5d3b",
        "secondary_colour": None,
        "logo_url": "/media/noreh.png",
        "base_url": "/desa/noreh",
    }
    values.update(overrides)
    return SimpleNamespace(**values)


def page_context(**overrides: Any) -> dict[str, Any]:
    context: dict[str, Any] = {
        "request": SimpleNamespace(url=SimpleNamespace(path="/desa/noreh/penduduk")),
        "lang": "id",
        "csrf_token": "tok-123",
        "htmx_src": "/-/static/htmx/htmx.min.js",
        "static_url": lambda path: f"/-/static/default/{path}",
        "instance": SimpleNamespace(name="Kabupaten Sampang"),
        "tenant": village(),
        "user": SimpleNamespace(display_name="Siti Aminah", role_labels=["Operator desa"]),
        "nav": [
            SimpleNamespace(
                label="Beranda", url="/desa/noreh", icon="home", active=False, children=[]
            ),
            SimpleNamespace(
                label="Penduduk",
                url="/desa/noreh/penduduk",
                icon=None,
                active=True,
                children=[
                    SimpleNamespace(
                        label="Mutasi",
                        url="/desa/noreh/mutasi",
                        icon=None,
                        active=False,
                        children=[],
                    )
                ],
            ),
        ],
        "flash": [("success", "Data tersimpan.")],
        "languages": [("id", "Bahasa Indonesia"), ("en", "English")],
    }
    context.update(overrides)
    return context


def render_macro(env: Environment, source: str, **context: Any) -> str:
    return env.from_string(source).render(**context)


COLUMNS = [
    {"key": "name", "label": "Nama", "sortable": True},
    {"key": "rt", "label": "RT", "sortable": False},
]
TABLE = '{% from "components/table.html" import data_table %}'
FORM = '{% import "components/form.html" as form %}'


def test_every_template_in_the_theme_parses(env: Environment) -> None:
    names = [p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.html")]
    assert len(names) >= 15
    for name in names:
        env.get_template(name)


def test_base_layout_renders_for_a_signed_in_operator_of_a_village(env: Environment) -> None:
    html = env.get_template("pages/plain.html").render(
        page_context(heading="Profil", body=Markup("<p>Isi</p>"))
    )
    assert_balanced(html)
    assert '<html lang="id">' in html
    assert "<title>Profil · Desa Noreh</title>" in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert 'src="/-/static/htmx/htmx.min.js" defer' in html
    assert "--primary: #0b5d3b;" in html and "--secondary" not in html
    assert "Siti Aminah" in html and "Operator desa" in html
    assert tags(html, "body")[0]["hx-headers"] == '{"X-CSRF-Token": "tok-123"}'
    forms = {f.get("action"): f for f in tags(html, "form")}
    assert forms["/keluar"]["method"] == "post" and forms["/-/lang"]["method"] == "post"
    hidden = {i["name"]: i["value"] for i in tags(html, "input") if i["type"] == "hidden"}
    assert hidden == {"_csrf_token": "tok-123", "next": "/desa/noreh/penduduk"}
    assert [a["href"] for a in tags(html, "a") if a.get("aria-current") == "page"] == [
        "/desa/noreh/penduduk"
    ]
    assert 'class="site-nav"' in html and "Mutasi" in html
    assert 'aria-live="polite"' in html and "Data tersimpan." in html


def test_base_layout_renders_for_a_guest_without_a_village(env: Environment) -> None:
    html = env.get_template("pages/plain.html").render(
        page_context(tenant=None, user=None, nav=[], flash=[], heading="Tentang", body="")
    )
    assert_balanced(html)
    assert "<title>Tentang · Kabupaten Sampang</title>" in html
    assert 'action="/keluar"' not in html
    assert "<style>" not in html
    assert 'class="site-nav"' not in html


def test_village_colour_that_could_break_out_of_css_is_dropped(env: Environment) -> None:
    html = env.get_template("pages/plain.html").render(
        page_context(
            tenant=village(primary_colour="red;}</style><script>x()</script>"), heading="x", body=""
        )
    )
    assert "<script>x()" not in html
    assert "--primary" not in html


def test_language_switcher_selects_the_current_language(env: Environment) -> None:
    html = env.get_template("pages/plain.html").render(
        page_context(lang="en", heading="x", body="")
    )
    selected = [o["value"] for o in tags(html, "option") if "selected" in o]
    assert selected == ["en"]
    assert '<html lang="en">' in html


def test_field_shows_its_error_keeps_the_value_and_is_marked_invalid(env: Environment) -> None:
    html = render_macro(
        env,
        '{% import "components/form.html" as form %}'
        '{{ form.field("nik", "NIK", value="3527<01>", error="NIK harus 16 angka", required=True,'
        ' help="Lihat KTP") }}',
    )
    assert_balanced(html)
    field = tags(html, "input")[0]
    assert field["id"] == "f-nik" and field["value"] == "3527<01>"
    assert field["aria-invalid"] == "true"
    assert field["aria-describedby"] == "f-nik-help f-nik-error"
    assert "required" in field
    assert 'id="f-nik-error"' in html and "NIK harus 16 angka" in html
    assert tags(html, "label")[0]["for"] == "f-nik"


def test_field_without_error_is_not_marked_invalid(env: Environment) -> None:
    html = render_macro(env, FORM + '{{ form.field("nama", "Nama") }}')
    field = tags(html, "input")[0]
    assert "aria-invalid" not in field and "aria-describedby" not in field


def test_field_with_options_is_a_select_keeping_the_choice(env: Environment) -> None:
    html = render_macro(
        env,
        FORM + '{{ form.field("jk", "Jenis kelamin", value="P", options=options, attrs=attrs) }}',
        attrs={"data-x": "1"},
        options=[("L", "Laki-laki"), ("P", "Perempuan")],
    )
    assert_balanced(html)
    assert tags(html, "select")[0]["data-x"] == "1"
    assert [o["value"] for o in tags(html, "option") if "selected" in o] == ["P"]


def test_password_field_never_echoes_the_password(env: Environment) -> None:
    html = render_macro(
        env,
        '{% import "components/form.html" as form %}'
        '{{ form.field("password", "Kata sandi", value="rahasia", type="password") }}',
    )
    assert "rahasia" not in html


def test_form_errors_summary_links_to_each_field(env: Environment) -> None:
    html = render_macro(
        env,
        FORM + '{{ form.form_errors({"nik": "NIK wajib diisi"}) }}',
    )
    assert_balanced(html)
    assert 'role="alert"' in html
    assert tags(html, "a")[0]["href"] == "#f-nik"


def test_csrf_field_imported_without_context_fails_loudly(env: Environment) -> None:
    with pytest.raises(UndefinedError, match="with_context"):
        render_macro(
            env,
            '{% import "components/form.html" as form %}{{ form.csrf_field() }}',
            csrf_token="tok-123",
        )


def test_data_table_sort_links_keep_other_query_params(env: Environment) -> None:
    html = render_macro(
        env,
        TABLE + '{{ data_table(columns, rows, "/desa/noreh/penduduk", sort="name", order="asc",'
        ' page=2, pages=3, query={"q": "siti & ani", "rt": "01", "sort": "name", "order": "asc",'
        ' "page": 2}) }}',
        columns=COLUMNS,
        rows=[{"name": "Siti", "rt": "01"}],
    )
    assert_balanced(html)
    sort_link = tags(html, "th")[0]
    assert sort_link["aria-sort"] == "ascending"
    links = tags(html, "a")
    assert links[0]["href"] == "/desa/noreh/penduduk?q=siti+%26+ani&rt=01&sort=name&order=desc"
    assert links[0]["hx-get"] == links[0]["href"]
    assert links[0]["hx-target"] == "#data-table" and links[0]["hx-push-url"] == "true"
    pager = {a["rel"]: a["href"] for a in links if a.get("rel")}
    assert pager == {
        "prev": "/desa/noreh/penduduk?q=siti+%26+ani&rt=01&sort=name&order=asc&page=1",
        "next": "/desa/noreh/penduduk?q=siti+%26+ani&rt=01&sort=name&order=asc&page=3",
    }
    assert "Halaman 2 dari 3" in html
    assert "Sebelumnya" in html and "Berikutnya" in html


def test_data_table_first_page_has_no_previous_link(env: Environment) -> None:
    html = render_macro(
        env,
        TABLE + '{{ data_table(columns, rows, "/p", page=1, pages=2) }}',
        columns=COLUMNS,
        rows=[{"name": "Siti", "rt": "01"}],
    )
    rels = [a.get("rel") for a in tags(html, "a")]
    assert "prev" not in rels and "next" in rels
    assert tags(html, "a")[0]["href"] == "/p?sort=name&order=asc"


def test_data_table_pager_keeps_the_current_sort(env: Environment) -> None:
    html = render_macro(
        env,
        TABLE + '{{ data_table(columns, rows, "/p", sort="name", order="desc", pages=2,'
        ' query={"q": "a"}) }}',
        columns=COLUMNS,
        rows=[{"name": "Siti", "rt": "01"}],
    )
    hrefs = {a.get("rel"): a["href"] for a in tags(html, "a")}
    assert hrefs[None] == "/p?q=a&sort=name&order=asc"
    assert hrefs["next"] == "/p?q=a&sort=name&order=desc&page=2"
    assert tags(html, "th")[0]["aria-sort"] == "descending"


def test_data_table_shows_empty_state_when_there_are_no_rows(env: Environment) -> None:
    html = render_macro(
        env,
        TABLE + '{{ data_table(columns, [], "/p", empty_message="Belum ada penduduk.") }}',
        columns=COLUMNS,
    )
    assert_balanced(html)
    assert "<table" not in html
    assert 'class="empty-state"' in html and "Belum ada penduduk." in html


def test_user_text_is_escaped_but_markup_cells_are_kept(env: Environment) -> None:
    html = render_macro(
        env,
        TABLE + '{{ data_table(columns, rows, "/p") }}',
        columns=COLUMNS,
        rows=[{"name": "<script>alert(1)</script>", "rt": Markup("<b>01</b>")}],
    )
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>01</b>" in html


def test_page_text_is_escaped_everywhere(env: Environment) -> None:
    evil = "<script>x()</script>"
    html = env.get_template("pages/dashboard.html").render(
        page_context(
            user=SimpleNamespace(display_name=evil, role_labels=[evil]),
            flash=[("error", evil)],
            widgets=[SimpleNamespace(title=evil, value=evil, body_html=evil, url="/x")],
        )
    )
    assert "<script>x()" not in html
    assert_balanced(html)


def test_confirm_button_posts_with_csrf_and_asks_first(env: Environment) -> None:
    html = render_macro(
        env,
        '{% from "components/confirm.html" import confirm_button with context %}'
        '{{ confirm_button("/desa/noreh/penduduk/1/hapus", "Hapus", "Hapus data ini?") }}',
        csrf_token="tok-123",
    )
    assert_balanced(html)
    form = tags(html, "form")[0]
    assert form["method"] == "post" and form["action"] == "/desa/noreh/penduduk/1/hapus"
    assert form["hx-confirm"] == "Hapus data ini?"
    assert tags(html, "input")[0] == {"type": "hidden", "name": "_csrf_token", "value": "tok-123"}
    assert tags(html, "button")[0]["type"] == "submit"


def test_small_components_render(env: Environment) -> None:
    html = render_macro(
        env,
        '{% from "components/badge.html" import badge %}'
        '{% from "components/modal.html" import modal, modal_link %}'
        '{% from "components/empty.html" import empty_state %}'
        '{% from "components/stat_svg.html" import chart_with_table %}'
        '{{ badge("Aktif", "success") }}{{ badge("?", "purple") }}'
        '{{ modal_link("m1", "Buka", "/halaman") }}'
        '{% call modal("m1", "Judul") %}<p>Isi</p>{% endcall %}'
        '{{ empty_state("Kosong", "Belum ada.", "/tambah", "Tambah warga") }}'
        '{{ chart_with_table(svg, columns, rows, "/data.csv") }}',
        svg=Markup('<svg role="img" aria-label="Grafik"></svg>'),
        columns=COLUMNS,
        rows=[{"name": "Siti", "rt": "01"}],
    )
    assert_balanced(html)
    assert 'class="badge badge-success"' in html and 'class="badge badge-neutral"' in html
    assert tags(html, "dialog")[0]["aria-labelledby"] == "m1-title"
    assert {"href": "/tambah", "class": "button button-primary"} in tags(html, "a")
    assert "/data.csv" in html and '<svg role="img"' in html


def test_fragment_layout_appends_toasts_out_of_band(env: Environment) -> None:
    html = env.get_template("pages/plain.html").render(
        page_context(layout="layouts/fragment.html", heading="Profil", body="Isi")
    )
    assert_balanced(html)
    assert "<html" not in html and "<h1>Profil</h1>" in html
    assert (
        next(d for d in tags(html, "div") if d.get("id") == "toasts")["hx-swap-oob"] == "beforeend"
    )


def test_login_page_posts_to_action_and_links_citizen_login(env: Environment) -> None:
    html = env.get_template("pages/login.html").render(
        page_context(
            user=None,
            nav=[],
            flash=[],
            action="/masuk",
            next="/desa/noreh",
            error="Nama pengguna atau kata sandi salah.",
        )
    )
    assert_balanced(html)
    login = next(f for f in tags(html, "form") if f["action"] == "/masuk")
    assert login["method"] == "post"
    names = {i["name"] for i in tags(html, "input")}
    assert {"_csrf_token", "next", "username", "password"} <= names
    assert "Nama pengguna atau kata sandi salah." in html
    assert any(a["href"] == "/warga/masuk" for a in tags(html, "a"))


def test_error_page_shows_status_and_a_way_home(env: Environment) -> None:
    html = env.get_template("errors/error.html").render(
        page_context(status_code=404, title="Halaman tidak ditemukan", message="Periksa alamatnya.")
    )
    assert_balanced(html)
    assert "Galat 404" in html and "Halaman tidak ditemukan" in html
    assert any(a["href"] == "/desa/noreh" for a in tags(html, "a") if a.get("class"))


def test_plugins_page_has_a_switch_form_per_plugin(env: Environment) -> None:
    plugins = [
        SimpleNamespace(
            name="population", title="Kependudukan", version="1.0", requires=[], enabled=True
        ),
        SimpleNamespace(
            name="letters", title="Surat", version="0.3", requires=["population"], enabled=False
        ),
    ]
    html = env.get_template("pages/plugins.html").render(page_context(plugins=plugins))
    assert_balanced(html)
    actions = [f["action"] for f in tags(html, "form") if f.get("action", "").startswith("/desa")]
    assert actions == [
        "/desa/noreh/pengaturan/modul/population",
        "/desa/noreh/pengaturan/modul/letters",
    ]
    enabled = [i["value"] for i in tags(html, "input") if i["name"] == "enabled"]
    assert enabled == ["0", "1"]


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_default_colours_have_enough_contrast() -> None:
    css = (THEME / "static" / "kampung.css").read_text()
    variables = dict(re.findall(r"(--[a-z]+): (#[0-9a-f]{6});", css))
    for name in ("--primary", "--secondary", "--danger"):
        assert contrast(variables[name], "#ffffff") >= 4.5, name
    for name in ("--text", "--muted"):
        assert contrast(variables[name], "#ffffff") >= 4.5, name
        assert contrast(variables[name], variables["--page"]) >= 4.5, name
    for background, colour in re.findall(
        r"background: (#[0-9a-f]{6}); color: (#[0-9a-f]{6});", css
    ):
        assert contrast(background, colour) >= 4.5, (background, colour)
