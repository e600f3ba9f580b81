"""The plugin's charts, drawn by the core (`core.web.svg_charts`), which counts in integers:
figures go in on a 0–100 scale, rounded to whole points (IDM 0.7403 → 74)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from markupsafe import Markup

from core.i18n import N_, _
from core.web.svg_charts import line_chart
from plugins.village_index.index.editions import STATUS_KEYS
from plugins.village_index.standing.results import YearResult

STATUS_LABELS = {
    "sangat_tertinggal": N_("Sangat Tertinggal"),
    "tertinggal": N_("Tertinggal"),
    "berkembang": N_("Berkembang"),
    "maju": N_("Maju"),
    "mandiri": N_("Mandiri"),
}


def points(result: YearResult) -> int:
    """The figure on a 0–100 scale in whole points, for drawing only (never for publishing)."""
    share = result.figure / result.edition.scale * 100
    return int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def village_trend(results: Sequence[YearResult]) -> Markup:
    ordered = sorted(results, key=lambda r: r.year)
    return Markup(
        line_chart(
            [(_("Nilai indeks (0–100)"), [points(r) for r in ordered])],
            labels=[str(r.year) for r in ordered],
            title=_("Nilai indeks desa per tahun"),
        )
    )


def status_lines(counts: dict[int, dict[str, int]]) -> Markup:
    """Villages per status over the years; the two lowest statuses share a line, because the
    core draws four distinct line styles and Banyuwangi's question is who is still below."""
    years = sorted(counts)
    lowest = [counts[y]["sangat_tertinggal"] + counts[y]["tertinggal"] for y in years]
    series = [(_(STATUS_LABELS[k]), [counts[y][k] for y in years]) for k in STATUS_KEYS[:1:-1]]
    return Markup(
        line_chart(
            [*series, (_("Tertinggal dan sangat tertinggal"), lowest)],
            labels=[str(y) for y in years],
            title=_("Jumlah desa per status per tahun"),
        )
    )
