"""The budget infographic: charts (core.web.svg_charts) and the table behind them."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from core.i18n import _
from core.web.svg_charts import bar_chart
from plugins.public_info.budget.summary import Figure, Summary, rupiah


def _row(figure: Figure) -> dict[str, Any]:
    percent = figure.percent
    return {
        "label": _(figure.label),
        "budget": rupiah(figure.budget),
        "realised": rupiah(figure.realised),
        "percent": "-" if percent is None else f"{percent}%",
    }


def infographic(summary: Summary) -> dict[str, Any]:
    income = [(_(f.label), f.budget) for f in summary.income if f.budget]
    spending = [(_(f.label), f.budget) for f in summary.spending if f.budget]
    spent = [(_(f.label), f.realised) for f in summary.spending if f.budget]
    surplus, financing, silpa = summary.surplus, summary.net_financing, summary.silpa
    return {
        "income_chart": Markup(bar_chart(income, title=_("Pendapatan menurut sumber (rupiah)"))),
        "spending_chart": Markup(bar_chart(spending, title=_("Belanja menurut bidang (rupiah)"))),
        "realised_chart": Markup(
            bar_chart(spent, title=_("Realisasi belanja menurut bidang (rupiah)"))
        ),
        "income_rows": [_row(f) for f in summary.income],
        "spending_rows": [_row(f) for f in summary.spending],
        "financing_rows": [_row(summary.financing_in), _row(summary.financing_out)],
        "total_income": _row(summary.total_income),
        "total_spending": _row(summary.total_spending),
        "surplus": (rupiah(surplus[0]), rupiah(surplus[1])),
        "net_financing": (rupiah(financing[0]), rupiah(financing[1])),
        "silpa": (rupiah(silpa[0]), rupiah(silpa[1])),
    }
