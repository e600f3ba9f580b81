from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest

from core.web.svg_charts import (
    NARROWEST_SHOWN,
    bar_chart,
    line_chart,
    population_pyramid,
    pyramid_bands,
    text_width,
)

SVG = "{http://www.w3.org/2000/svg}"
XSS = "<script>alert('x')</script>"


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def groups(root: ET.Element, css_class: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == css_class]


def title_of(element: ET.Element) -> str:
    title = element.find(f"{SVG}title")
    assert title is not None and title.text is not None
    return title.text


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def view_width(root: ET.Element) -> float:
    return float(root.get("viewBox", "").split()[2])


def assert_accessible(root: ET.Element, title: str) -> None:
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby", "").split()
    assert root.find(f"{SVG}title[@id='{title_id}']").text == title
    assert root.find(f"{SVG}desc[@id='{desc_id}']") is not None


class TestBarChart:
    def test_one_labelled_bar_per_row_in_order(self) -> None:
        root = parse(bar_chart([("Petani", 120), ("Pedagang", 30)], title="Pekerjaan"))
        assert_accessible(root, "Pekerjaan")
        assert [title_of(g) for g in groups(root, "kc-bar")] == ["Petani: 120", "Pedagang: 30"]

    def test_bar_length_is_proportional_to_the_count(self) -> None:
        root = parse(bar_chart([("A", 100), ("B", 25)], title="t"))
        widths = [float(g.find(f"{SVG}rect").get("width")) for g in groups(root, "kc-bar")]
        assert widths[1] == pytest.approx(widths[0] / 4, abs=0.1)

    def test_the_description_lists_the_numbers_with_indonesian_grouping(self) -> None:
        root = parse(bar_chart([("Dusun Krajan", 1234567)], title="t"))
        assert root.find(f"{SVG}desc").text == "Dusun Krajan: 1.234.567"

    def test_all_zero_counts_draw_empty_bars_not_an_error(self) -> None:
        root = parse(bar_chart([("Lahir", 0), ("Mati", 0)], title="t"))
        bars = groups(root, "kc-bar")
        assert [float(g.find(f"{SVG}rect").get("width")) for g in bars] == [0.0, 0.0]
        assert "0" in texts(root)

    def test_no_rows_says_there_is_no_data(self) -> None:
        root = parse(bar_chart([], title="Pekerjaan"))
        assert_accessible(root, "Pekerjaan")
        assert "Belum ada data" in texts(root)
        assert groups(root, "kc-bar") == []

    def test_labels_are_escaped(self) -> None:
        svg = bar_chart([(XSS, 1)], title=XSS)
        assert "<script>" not in svg
        root = parse(svg)
        assert root.find(f"{SVG}script") is None
        assert title_of(groups(root, "kc-bar")[0]) == f"{XSS}: 1"
        assert root.find(f"{SVG}title").text == XSS

    def test_long_labels_are_shortened_but_kept_whole_in_the_tooltip(self) -> None:
        label = "Karyawan Badan Usaha Milik Daerah Kabupaten Sampang Provinsi Jawa Timur"
        root = parse(bar_chart([(label, 3)], title="t"))
        assert any(text.endswith("…") and len(text) < len(label) for text in texts(root))
        assert title_of(groups(root, "kc-bar")[0]) == f"{label}: 3"

    def test_negative_counts_are_refused(self) -> None:
        with pytest.raises(ValueError, match="negative"):
            bar_chart([("A", -1)], title="t")


class TestPyramidBands:
    def test_sixteen_five_year_bands_youngest_first(self) -> None:
        labels = [label for label, _, _ in pyramid_bands([])]
        assert labels[:3] == ["0-4", "5-9", "10-14"]
        assert labels[-2:] == ["70-74", "75+"]
        assert len(labels) == 16

    def test_people_are_counted_by_age_band_and_sex(self) -> None:
        bands = dict(
            (label, (male, female))
            for label, male, female in pyramid_bands(
                [(0, 1), (4, 2), (5, 1), (74, 2), (75, 1), (103, 2), (4, 1)]
            )
        )
        assert bands["0-4"] == (2, 1)
        assert bands["5-9"] == (1, 0)
        assert bands["70-74"] == (0, 1)
        assert bands["75+"] == (1, 1)

    def test_unknown_age_or_sex_is_left_out(self) -> None:
        bands = pyramid_bands([(None, 1), (30, None), (30, 3), (-1, 2), (30, 2)])
        assert sum(male + female for _, male, female in bands) == 1


class TestPopulationPyramid:
    def test_oldest_band_on_top_men_left_women_right(self) -> None:
        root = parse(population_pyramid([("0-4", 10, 8), ("5-9", 6, 7)], title="Piramida"))
        assert_accessible(root, "Piramida")
        bands = groups(root, "kc-band")
        assert [title_of(g) for g in bands] == [
            "5-9: Laki-laki 6, Perempuan 7",
            "0-4: Laki-laki 10, Perempuan 8",
        ]
        top, bottom = (
            {r.get("class"): r for r in g.iter(f"{SVG}rect")} for g in (bands[0], bands[1])
        )
        assert float(top["kc-male"].get("y")) < float(bottom["kc-male"].get("y"))
        centre = view_width(root) / 2
        male_right = float(bottom["kc-male"].get("x")) + float(bottom["kc-male"].get("width"))
        assert male_right <= centre <= float(bottom["kc-female"].get("x"))

    def test_the_largest_group_gets_the_longest_bar(self) -> None:
        root = parse(population_pyramid([("0-4", 10, 5)], title="t"))
        rects = {r.get("class"): float(r.get("width")) for r in root.iter(f"{SVG}rect")}
        assert rects["kc-female"] == pytest.approx(rects["kc-male"] / 2, abs=0.1)

    def test_a_pyramid_of_nobody_says_there_is_no_data(self) -> None:
        for bands in ([], pyramid_bands([])):
            root = parse(population_pyramid(bands, title="t"))
            assert "Belum ada data" in texts(root)
            assert groups(root, "kc-band") == []

    def test_band_labels_are_escaped(self) -> None:
        svg = population_pyramid([(XSS, 1, 1)], title="t")
        assert "<script>" not in svg
        assert XSS in texts(parse(svg))


class TestLineChart:
    MONTHS = ["Jan", "Feb", "Mar"]

    def test_one_line_per_series_with_a_titled_point_per_period(self) -> None:
        root = parse(
            line_chart(
                [("Kelahiran", [4, 2, 0]), ("Kematian", [1, 0, 3])],
                labels=self.MONTHS,
                title="Peristiwa penduduk",
            )
        )
        assert_accessible(root, "Peristiwa penduduk")
        series = groups(root, "kc-series")
        assert len(series) == 2
        points = [title_of(c) for c in series[0].iter(f"{SVG}circle")]
        assert points == ["Kelahiran, Jan: 4", "Kelahiran, Feb: 2", "Kelahiran, Mar: 0"]
        assert len(series[1].find(f"{SVG}polyline").get("points").split()) == 3

    def test_higher_counts_are_drawn_higher(self) -> None:
        root = parse(line_chart([("Pindah", [0, 5])], labels=["Jan", "Feb"], title="t"))
        low, high = (float(c.get("cy")) for c in root.iter(f"{SVG}circle"))
        assert high < low

    def test_the_vertical_axis_has_round_steps_above_the_largest_count(self) -> None:
        root = parse(line_chart([("Lahir", [37, 12])], labels=["Jan", "Feb"], title="t"))
        grid = [g.get("y1") for g in root.iter(f"{SVG}line") if g.get("class") == "kc-grid"]
        assert len(grid) == 5
        assert [t for t in texts(root) if t.isdigit()][:5] == ["0", "10", "20", "30", "40"]

    def test_series_are_told_apart_by_dash_pattern_not_only_colour(self) -> None:
        root = parse(line_chart([("A", [1]), ("B", [2])], labels=["Jan"], title="t"))
        dashes = [
            g.find(f"{SVG}polyline").get("stroke-dasharray") for g in groups(root, "kc-series")
        ]
        assert dashes[0] != dashes[1]

    def test_all_zero_months_still_draw_the_lines(self) -> None:
        root = parse(line_chart([("Kematian", [0, 0, 0])], labels=self.MONTHS, title="t"))
        assert len(groups(root, "kc-series")) == 1
        assert "Belum ada data" not in texts(root)

    @pytest.mark.parametrize(("series", "labels"), [([], ["Jan"]), ([("A", [])], [])])
    def test_no_periods_or_no_series_says_there_is_no_data(
        self, series: list[tuple[str, list[int]]], labels: list[str]
    ) -> None:
        assert "Belum ada data" in texts(parse(line_chart(series, labels=labels, title="t")))

    def test_a_series_must_have_one_value_per_period(self) -> None:
        with pytest.raises(ValueError, match="2 values for 3 labels"):
            line_chart([("A", [1, 2])], labels=self.MONTHS, title="t")

    def test_series_names_and_period_labels_are_escaped(self) -> None:
        svg = line_chart([(XSS, [1])], labels=[XSS], title="t")
        assert "<script>" not in svg
        parse(svg)

    def test_many_series_keep_their_legend_inside_the_picture(self) -> None:
        names = ["Lahir", "Mati", "Pindah keluar", "Pindah masuk", "Hilang"]
        root = parse(line_chart([(n, [1]) for n in names], labels=["Jan"], title="t"))
        legend_ends = [float(line.get("x2")) for line in root.iter(f"{SVG}line")]
        assert max(legend_ends) < view_width(root)


def test_two_different_charts_never_share_an_id() -> None:
    first = parse(bar_chart([("A", 1)], title="Satu"))
    second = parse(bar_chart([("A", 1)], title="Dua"))
    assert first.get("aria-labelledby") != second.get("aria-labelledby")


LONG = "Pedagang Besar Hasil Bumi dan Perikanan Laut Madura"
CHARTS = {
    "bar": bar_chart([(LONG, 1_234_567_890), ("Petani", 7)], title="t"),
    "pyramid": population_pyramid([("0-4", 1234, 987), ("75+", 5, 12)], title="t"),
    "line": line_chart(
        [(LONG, [1, 2] * 6), ("Kematian", [30_000] * 12), ("Pindah", [0] * 12)],
        labels=["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
        title="t",
    ),
    "line-years": line_chart(
        [("Nilai", list(range(10)))], labels=[f"Tahun {y}" for y in range(2016, 2026)], title="t"
    ),
}


@pytest.mark.parametrize("kind", CHARTS)
def test_text_reads_at_12_px_or_more_on_a_390_px_phone(kind: str) -> None:
    """The picture is scaled to the phone's width, and its text with it."""
    root = parse(CHARTS[kind])
    scale = NARROWEST_SHOWN / view_width(root)
    assert float(root.get("font-size", "0")) * scale >= 12


@pytest.mark.parametrize("kind", CHARTS)
def test_every_text_stays_inside_the_picture(kind: str) -> None:
    root = parse(CHARTS[kind])
    width = view_width(root)
    for text in root.iter(f"{SVG}text"):
        x, drawn = float(text.get("x", "0")), text_width(text.text or "")
        start = {"end": x - drawn, "middle": x - drawn / 2}.get(text.get("text-anchor", ""), x)
        assert start >= 0 and start + drawn <= width, (text.text, start, start + drawn, width)


def test_period_labels_that_cannot_all_fit_are_thinned_not_overlapped() -> None:
    root = parse(CHARTS["line-years"])
    periods = [t for t in root.iter(f"{SVG}text") if t.get("class") == "kc-period"]
    assert 1 < len(periods) < 10
    xs = [float(t.get("x", "0")) for t in periods]
    drawn = max(text_width(t.text or "") for t in periods)
    assert all(b - a >= drawn for a, b in itertools.pairwise(xs))
