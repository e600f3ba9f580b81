"""Charts drawn on the server as inline SVG, so dashboards work without JavaScript or a CDN.

Every chart is an ``<svg role="img">`` named by its ``<title>`` and described by a ``<desc>`` that
lists the numbers, so a screen reader gets the data, not just "image". Each bar or point carries
its own ``<title>`` (a tooltip on hover). The title is not drawn inside the picture: the page shows
its own heading above the chart. Colours are presentation attributes next to ``kc-*`` classes, so a
theme's stylesheet can recolour them. Every label is escaped: village data is user input.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from html import escape

__all__ = ["bar_chart", "line_chart", "population_pyramid", "pyramid_bands"]

EMPTY_MESSAGE = "Belum ada data"
MALE, FEMALE = "Laki-laki", "Perempuan"

_WIDTH = 640
_FONT = 'font-family="sans-serif" font-size="12"'
_CHAR_WIDTH = 6.5
_MAX_LABEL_CHARS = 28
_BAR_COLOUR = "#1565c0"
_MALE_COLOUR = "#1565c0"
_FEMALE_COLOUR = "#ad1457"
_SERIES_STYLES = (("#1565c0", ""), ("#c62828", "6 3"), ("#2e7d32", "2 3"), ("#6a1b9a", "8 3 2 3"))
_LEGEND_PER_ROW = 3
_BAND_YEARS = 5
_OLDEST_BAND_START = 75


def _number(value: int) -> str:
    """Indonesian digit grouping: 1.234.567."""
    return f"{value:,}".replace(",", ".")


def _short(label: str) -> str:
    if len(label) <= _MAX_LABEL_CHARS:
        return label
    return label[: _MAX_LABEL_CHARS - 1] + "…"


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
    message = (
        f'<text class="kc-empty" x="{_WIDTH / 2}" y="40" text-anchor="middle" fill="#555">'
        f"{EMPTY_MESSAGE}</text>"
    )
    return _svg(kind, title, EMPTY_MESSAGE, 80, [message])


def bar_chart(rows: Sequence[tuple[str, int]], *, title: str) -> str:
    """Horizontal bars, one per ``(label, count)`` row in the given order.

    Horizontal, because village labels (occupations, hamlets) are long. Zero counts are drawn as
    empty bars with their "0"; no rows at all gives the "Belum ada data" message.
    """
    if not rows:
        return _empty("bar", title)
    largest = max(1, _check_counts(count for _, count in rows))
    label_width = min(_MAX_LABEL_CHARS, max(len(label) for label, _ in rows)) * _CHAR_WIDTH + 12
    bar_space = _WIDTH - label_width - 72
    row_height, top = 24, 8
    body = []
    for index, (label, count) in enumerate(rows):
        y = top + index * row_height
        width = round(bar_space * count / largest, 1)
        body.append(
            f'<g class="kc-bar"><title>{escape(label)}: {_number(count)}</title>'
            f'<text x="{label_width - 8}" y="{y + 13}" text-anchor="end">'
            f"{escape(_short(label))}</text>"
            f'<rect x="{label_width}" y="{y + 2}" width="{width}" height="16"'
            f' fill="{_BAR_COLOUR}"/>'
            f'<text x="{label_width + width + 4}" y="{y + 13}">{_number(count)}</text></g>'
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
    if largest == 0:
        return _empty("pyramid", title)
    centre, label_half, value_room, row_height, top = _WIDTH / 2, 30, 44, 20, 32
    bar_space = centre - label_half - value_room
    body = [
        f'<rect x="{centre - 110}" y="6" width="12" height="12" fill="{_MALE_COLOUR}"/>'
        f'<text x="{centre - 94}" y="16">{MALE}</text>'
        f'<rect x="{centre + 20}" y="6" width="12" height="12" fill="{_FEMALE_COLOUR}"/>'
        f'<text x="{centre + 36}" y="16">{FEMALE}</text>'
    ]
    for index, (label, male, female) in enumerate(reversed(bands)):
        y = top + index * row_height
        male_width = round(bar_space * male / largest, 1)
        female_width = round(bar_space * female / largest, 1)
        male_x = centre - label_half - male_width
        female_x = centre + label_half
        body.append(
            f'<g class="kc-band"><title>{escape(label)}: {MALE} {_number(male)}, '
            f"{FEMALE} {_number(female)}</title>"
            f'<text x="{male_x - 4}" y="{y + 12}" text-anchor="end">{_number(male)}</text>'
            f'<rect class="kc-male" x="{male_x}" y="{y + 2}" width="{male_width}" height="14"'
            f' fill="{_MALE_COLOUR}"/>'
            f'<text x="{centre}" y="{y + 12}" text-anchor="middle">{escape(_short(label))}</text>'
            f'<rect class="kc-female" x="{female_x}" y="{y + 2}" width="{female_width}"'
            f' height="14" fill="{_FEMALE_COLOUR}"/>'
            f'<text x="{female_x + female_width + 4}" y="{y + 12}">{_number(female)}</text></g>'
        )
    desc = "; ".join(
        f"{label}: {MALE} {_number(male)}, {FEMALE} {_number(female)}"
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
    left, right, top, plot_height = 48, 16, 20 + 16 * legend_rows, 200
    plot_width = _WIDTH - left - right
    bottom = top + plot_height

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
        body.append(
            f'<text class="kc-period" x="{x_of(index)}" y="{bottom + 18}" text-anchor="middle">'
            f"{escape(_short(label))}</text>"
        )
    for number, (name, counts) in enumerate(series):
        colour, dash = _SERIES_STYLES[number % len(_SERIES_STYLES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        legend_x = left + number % _LEGEND_PER_ROW * 150
        legend_y = 14 + number // _LEGEND_PER_ROW * 16
        body.append(
            f'<line x1="{legend_x}" y1="{legend_y}" x2="{legend_x + 24}" y2="{legend_y}"'
            f' stroke="{colour}" stroke-width="2"{dash_attr}/>'
            f'<text x="{legend_x + 30}" y="{legend_y + 4}">'
            f"{escape(_short(name))}</text>"
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
