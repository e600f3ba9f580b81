"""Charts drawn on the server as inline SVG, so dashboards work without JavaScript or a CDN.

Every chart is an ``<svg role="img">`` named by its ``<title>`` and described by a ``<desc>`` that
lists the numbers, so a screen reader gets the data, not just "image". Each bar or point carries
its own ``<title>`` (a tooltip on hover). The title is not drawn inside the picture: the page shows
its own heading above the chart. Colours are presentation attributes next to ``kc-*`` classes, so a
theme's stylesheet can recolour them. Every label is escaped: village data is user input.

An SVG scales its text with its width. The pictures are drawn for a phone: the coordinate system
is only as wide as the narrowest place a chart is shown (a 390 px phone minus the page's margins),
so the text is at least 12 px there; the theme caps how wide a chart grows on a desktop, which
keeps its text from growing past a heading's size. Widths of texts are estimated from their
length, generously, so that long labels and large numbers still fit inside the picture.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from html import escape

from core.i18n import N_, _

__all__ = [
    "FONT_SIZE",
    "NARROWEST_SHOWN",
    "bar_chart",
    "line_chart",
    "population_pyramid",
    "pyramid_bands",
    "text_width",
]

EMPTY_MESSAGE = N_("Belum ada data")
MALE, FEMALE = N_("Laki-laki"), N_("Perempuan")

_WIDTH = 360
"""The width of every chart's coordinate system, in user units."""
NARROWEST_SHOWN = 358
"""CSS pixels a chart gets on a 390 px phone: the page keeps 16 px of margin on either side."""
FONT_SIZE = 13
"""Text size in user units: 13 × 358 / 360 ≈ 12.9 px on the narrowest phone."""
_FONT = f'font-family="sans-serif" font-size="{FONT_SIZE}"'
_CHAR_WIDTH = 0.58 * FONT_SIZE
_MAX_LABEL_CHARS = 44
_MAX_LEGEND_CHARS = 18
_BAR_COLOUR = "#1565c0"
_MALE_COLOUR = "#1565c0"
_FEMALE_COLOUR = "#ad1457"
_SERIES_STYLES = (("#1565c0", ""), ("#c62828", "6 3"), ("#2e7d32", "2 3"), ("#6a1b9a", "8 3 2 3"))
_LEGEND_PER_ROW = 2
_LEGEND_WIDTH = 170
_BAND_YEARS = 5
_OLDEST_BAND_START = 75


def _number(value: int) -> str:
    """Indonesian digit grouping: 1.234.567."""
    return f"{value:,}".replace(",", ".")


def _short(label: str, limit: int = _MAX_LABEL_CHARS) -> str:
    if len(label) <= limit:
        return label
    return label[: limit - 1] + "…"


def text_width(text: str) -> float:
    """A generous estimate of how wide ``text`` is drawn, in user units."""
    return round(len(text) * _CHAR_WIDTH, 1)


def _check_counts(values: Iterable[int]) -> int:
    """The largest value; counts below zero are a caller's bug, not something to draw."""
    largest = 0
    for value in values:
        if value < 0:
            raise ValueError(f"chart values are counts and cannot be negative, got {value}")
        largest = max(largest, value)
    return largest


def _nice_step(largest: int, ticks: int = 4) -> int:
    """A round gridline step (1, 2, 5 × 10ⁿ) giving at most ``ticks`` steps up to ``largest``."""
    raw = max(1, math.ceil(largest / ticks))
    magnitude = 1
    while magnitude * 10 <= raw:
        magnitude *= 10
    return next(f * magnitude for f in (1, 2, 5, 10) if f * magnitude >= raw)


def _svg(kind: str, title: str, desc: str, height: int, body: Sequence[str]) -> str:
    # Ids derive from the content, so two different charts on one page never share one.
    digest = hashlib.sha1(f"{kind}\0{title}\0{desc}".encode(), usedforsecurity=False)
    ident = f"chart-{digest.hexdigest()[:10]}"
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="kc-chart kc-{kind}" role="img"'
            f' aria-labelledby="{ident}-title {ident}-desc" viewBox="0 0 {_WIDTH} {height}"'
            f' width="100%" {_FONT}>',
            f'<title id="{ident}-title">{escape(title)}</title>',
            f'<desc id="{ident}-desc">{escape(desc)}</desc>',
            *body,
            "</svg>",
        ]
    )


def _empty(kind: str, title: str) -> str:
    empty = escape(_(EMPTY_MESSAGE))
    message = (
        f'<text class="kc-empty" x="{_WIDTH / 2}" y="40" text-anchor="middle" fill="#555">'
        f"{empty}</text>"
    )
    return _svg(kind, title, empty, 80, [message])


def bar_chart(rows: Sequence[tuple[str, int]], *, title: str) -> str:
    """Horizontal bars, one per ``(label, count)`` row in the given order.

    Horizontal, because village labels (occupations, hamlets) are long; each label sits on its
    own line above its bar, so a long label takes no width from the bars on a phone. Zero counts
    are drawn as empty bars with their "0"; no rows at all gives the "Belum ada data" message.
    """
    if not rows:
        return _empty("bar", title)
    largest = max(1, _check_counts(count for _, count in rows))
    bar_space = _WIDTH - text_width(_number(largest)) - 8
    row_height, top = 38, 4
    body = []
    for index, (label, count) in enumerate(rows):
        y = top + index * row_height
        width = round(bar_space * count / largest, 1)
        body.append(
            f'<g class="kc-bar"><title>{escape(label)}: {_number(count)}</title>'
            f'<text x="0" y="{y + 13}">{escape(_short(label))}</text>'
            f'<rect x="0" y="{y + 18}" width="{width}" height="14" fill="{_BAR_COLOUR}"/>'
            f'<text x="{width + 4}" y="{y + 30}">{_number(count)}</text></g>'
        )
    desc = "; ".join(f"{label}: {_number(count)}" for label, count in rows)
    return _svg("bar", title, desc, top * 2 + len(rows) * row_height, body)


def pyramid_bands(people: Iterable[tuple[int | None, int | None]]) -> list[tuple[str, int, int]]:
    """Count ``(age, sex)`` pairs into 5-year bands 0-4 … 70-74 and 75+, youngest first.

    Sex follows the Dukcapil codes (1 Laki-laki, 2 Perempuan). A person whose age or sex is
    unknown, or whose sex is another code, cannot be placed in a pyramid and is left out; the
    caller reports such records separately rather than hiding them in a band.
    """
    band_count = _OLDEST_BAND_START // _BAND_YEARS + 1
    male, female = [0] * band_count, [0] * band_count
    for age, sex in people:
        if age is None or age < 0 or sex not in (1, 2):
            continue
        band = min(age // _BAND_YEARS, band_count - 1)
        (male if sex == 1 else female)[band] += 1
    labels = [f"{start}-{start + _BAND_YEARS - 1}" for start in range(0, _OLDEST_BAND_START, 5)]
    labels.append(f"{_OLDEST_BAND_START}+")
    return list(zip(labels, male, female, strict=True))


def population_pyramid(bands: Sequence[tuple[str, int, int]], *, title: str) -> str:
    """A population pyramid from ``(label, male, female)`` bands given youngest first.

    Men extend to the left and women to the right of the band labels, oldest band on top, as in
    BPS publications. With no one counted at all it shows "Belum ada data".
    """
    largest = _check_counts(value for _, male, female in bands for value in (male, female))
    men, women = escape(_(MALE)), escape(_(FEMALE))
    if largest == 0:
        return _empty("pyramid", title)
    widest_label = max(text_width(_short(label)) for label, _, _ in bands)
    centre, row_height, top = _WIDTH / 2, 20, 32
    label_half = round(widest_label / 2 + 6, 1)
    bar_space = centre - label_half - text_width(_number(largest)) - 6
    body = [
        f'<text x="{centre - 30}" y="16" text-anchor="end">{men}</text>'
        f'<rect x="{centre - 24}" y="6" width="12" height="12" fill="{_MALE_COLOUR}"/>'
        f'<rect x="{centre + 12}" y="6" width="12" height="12" fill="{_FEMALE_COLOUR}"/>'
        f'<text x="{centre + 30}" y="16">{women}</text>'
    ]
    for index, (label, male, female) in enumerate(reversed(bands)):
        y = top + index * row_height
        male_width = round(bar_space * male / largest, 1)
        female_width = round(bar_space * female / largest, 1)
        male_x = centre - label_half - male_width
        female_x = centre + label_half
        body.append(
            f'<g class="kc-band"><title>{escape(label)}: {men} {_number(male)}, '
            f"{women} {_number(female)}</title>"
            f'<text x="{male_x - 4}" y="{y + 12}" text-anchor="end">{_number(male)}</text>'
            f'<rect class="kc-male" x="{male_x}" y="{y + 2}" width="{male_width}" height="14"'
            f' fill="{_MALE_COLOUR}"/>'
            f'<text x="{centre}" y="{y + 12}" text-anchor="middle">{escape(_short(label))}</text>'
            f'<rect class="kc-female" x="{female_x}" y="{y + 2}" width="{female_width}"'
            f' height="14" fill="{_FEMALE_COLOUR}"/>'
            f'<text x="{female_x + female_width + 4}" y="{y + 12}">{_number(female)}</text></g>'
        )
    desc = "; ".join(
        f"{label}: {men} {_number(male)}, {women} {_number(female)}"
        for label, male, female in bands
    )
    return _svg("pyramid", title, desc, top + len(bands) * row_height + 8, body)


def line_chart(
    series: Sequence[tuple[str, Sequence[int]]], *, labels: Sequence[str], title: str
) -> str:
    """Lines over periods, e.g. monthly births, deaths and moves: ``(name, counts)`` per line.

    ``labels`` names the periods on the horizontal axis (keep them short, "Jan", for twelve to fit)
    and every series has one count per label.
    Lines differ in dash pattern as well as colour, so they stay apart in greyscale and for
    colour-blind readers. Without periods or series it shows "Belum ada data"; zeros are data.
    """
    if not labels or not series:
        return _empty("line", title)
    for name, counts in series:
        if len(counts) != len(labels):
            raise ValueError(f"series {name!r} has {len(counts)} values for {len(labels)} labels")
    largest = _check_counts(value for _, counts in series for value in counts)
    step = _nice_step(largest)
    ceiling = step * max(1, math.ceil(largest / step))
    legend_rows = math.ceil(len(series) / _LEGEND_PER_ROW)
    half_label = round(max(text_width(_short(label, 10)) for label in labels) / 2, 1)
    left = round(max(text_width(_number(ceiling)) + 10, half_label), 1)
    right, top, plot_height = max(12, half_label), 22 + 18 * legend_rows, 180
    plot_width = _WIDTH - left - right
    bottom = top + plot_height
    spacing = plot_width / max(1, len(labels) - 1)
    every = max(1, math.ceil((2 * half_label + 4) / spacing))

    def x_of(index: int) -> float:
        if len(labels) == 1:
            return left + plot_width / 2
        return round(left + plot_width * index / (len(labels) - 1), 1)

    def y_of(value: int) -> float:
        return round(bottom - plot_height * value / ceiling, 1)

    body = []
    for tick in range(0, ceiling + 1, step):
        y = y_of(tick)
        body.append(
            f'<line class="kc-grid" x1="{left}" y1="{y}" x2="{_WIDTH - right}" y2="{y}"'
            f' stroke="#ddd"/><text x="{left - 6}" y="{y + 4}" text-anchor="end">'
            f"{_number(tick)}</text>"
        )
    for index, label in enumerate(labels):
        if index % every:
            continue
        body.append(
            f'<text class="kc-period" x="{x_of(index)}" y="{bottom + 18}" text-anchor="middle">'
            f"{escape(_short(label, 10))}</text>"
        )
    for number, (name, counts) in enumerate(series):
        colour, dash = _SERIES_STYLES[number % len(_SERIES_STYLES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        legend_x = number % _LEGEND_PER_ROW * _LEGEND_WIDTH
        legend_y = 14 + number // _LEGEND_PER_ROW * 18
        body.append(
            f'<line x1="{legend_x}" y1="{legend_y}" x2="{legend_x + 24}" y2="{legend_y}"'
            f' stroke="{colour}" stroke-width="2"{dash_attr}/>'
            f'<text x="{legend_x + 30}" y="{legend_y + 4}">'
            f"{escape(_short(name, _MAX_LEGEND_CHARS))}</text>"
        )
        points = " ".join(f"{x_of(i)},{y_of(v)}" for i, v in enumerate(counts))
        markers = "".join(
            f'<circle cx="{x_of(i)}" cy="{y_of(v)}" r="3" fill="{colour}">'
            f"<title>{escape(name)}, {escape(labels[i])}: {_number(v)}</title></circle>"
            for i, v in enumerate(counts)
        )
        body.append(
            f'<g class="kc-series"><polyline points="{points}" fill="none" stroke="{colour}"'
            f' stroke-width="2"{dash_attr}/>{markers}</g>'
        )
    desc = "; ".join(
        f"{name}: "
        + ", ".join(f"{label} {_number(v)}" for label, v in zip(labels, counts, strict=True))
        for name, counts in series
    )
    return _svg("line", title, desc, bottom + 28, body)
