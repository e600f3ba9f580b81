"""A child's growth chart as server-rendered SVG, KMS style: the WHO bands for its sex and the
child's weighings, printable and readable without JavaScript.

Between −2 and +2 SD the band is green, between −3 and −2 (and +2 and +3) yellow, below −3
the red line the KIA book names; the child's points are joined in order. The `<desc>` lists
every weighing, so a screen reader gets the numbers, not a picture.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from html import escape

from core.i18n import _
from plugins.health.growth.curves import LAST_MONTH, weight_curves

WIDTH, HEIGHT = 640, 420
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 36
BANDS = ((-3, -2, "#fff3b0"), (-2, 2, "#c8e6c9"), (2, 3, "#fff3b0"))
DAYS_PER_MONTH = 30.4375


def _span(ages_months: list[float]) -> int:
    """Months the x-axis shows: two years, or up to the next full year after the last point."""
    last = max(ages_months, default=0)
    return min(LAST_MONTH, max(24, (int(last) // 12 + 1) * 12))


def growth_chart(sex: str, birth_date: dt.date, weighings: list[tuple[dt.date, int]]) -> str:
    """The chart for one child; `weighings` are (date, grams)."""
    points = [((day - birth_date).days / DAYS_PER_MONTH, grams) for day, grams in weighings]
    months = _span([m for m, _ in points])
    curves = weight_curves(sex)
    top_g = max([curves[3][months], *(g for _, g in points)]) + 1000
    top_g = (top_g + 999) // 1000 * 1000

    def x(month: float) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * month / months

    def y(grams: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - grams / top_g)

    def line(sd: int) -> list[tuple[float, float]]:
        return [(x(m), y(curves[sd][m])) for m in range(months + 1)]

    body: list[str] = []
    for low, high, colour in BANDS:
        outline = line(high) + list(reversed(line(low)))
        body.append(f'<polygon class="kc-band" fill="{colour}" points="{_pts(outline)}"/>')
    for sd in (-3, -2, 0, 2, 3):
        colour = "#c62828" if sd == -3 else "#555"
        dash = "" if sd in (-3, 0) else ' stroke-dasharray="4 3"'
        body.append(
            f'<polyline class="kc-sd" fill="none" stroke="{colour}" stroke-width="1"{dash}'
            f' points="{_pts(line(sd))}"><title>{sd:+d} SD</title></polyline>'
        )
    for kg in range(0, top_g // 1000 + 1, 2):
        body.append(
            f'<text x="{LEFT - 6}" y="{y(kg * 1000) + 4:.1f}" text-anchor="end">{kg}</text>'
        )
    axis_y = HEIGHT - BOTTOM + 16
    for month in range(0, months + 1, 6):
        body.append(f'<text x="{x(month):.1f}" y="{axis_y}" text-anchor="middle">{month}</text>')
    age_label, weight_label = escape(_("Umur (bulan)")), escape(_("kg"))
    body.append(
        f'<text x="{(LEFT + WIDTH) / 2}" y="{HEIGHT - 4}" text-anchor="middle">{age_label}</text>'
    )
    body.append(f'<text x="4" y="{TOP + 4}">{weight_label}</text>')
    child = [(x(m), y(g)) for m, g in points]
    if len(child) > 1:
        body.append(
            f'<polyline class="kc-child" fill="none" stroke="#0d47a1" stroke-width="2"'
            f' points="{_pts(child)}"/>'
        )
    for (day, grams), (px, py) in zip(weighings, child, strict=True):
        label = f"{day:%d-%m-%Y}: {grams / 1000:.1f} kg".replace(".", ",")
        body.append(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="#0d47a1">'
            f"<title>{escape(label)}</title></circle>"
        )
    title = _("Grafik berat badan menurut umur")
    desc = "; ".join(
        f"{day:%d-%m-%Y} {grams / 1000:.1f} kg".replace(".", ",") for day, grams in weighings
    ) or _("Belum ada penimbangan")
    ident = "growth-" + hashlib.sha1(desc.encode(), usedforsecurity=False).hexdigest()[:10]
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="kc-chart kc-growth" role="img"'
            f' aria-labelledby="{ident}-t {ident}-d" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%"'
            ' font-family="sans-serif" font-size="18">',
            f'<title id="{ident}-t">{escape(title)}</title>',
            f'<desc id="{ident}-d">{escape(desc)}</desc>',
            *body,
            "</svg>",
        ]
    )


def _pts(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
