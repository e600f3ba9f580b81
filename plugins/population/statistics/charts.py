"""Each statistics chart as one value: its title, its SVG, and the table and CSV of its numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from core.i18n import N_, _
from core.web.svg_charts import bar_chart, line_chart, population_pyramid, pyramid_bands
from plugins.population.domain.code_list import CodeList
from plugins.population.domain.codes import (
    EDUCATION,
    MARITAL_STATUS,
    OCCUPATION,
    RELATIONSHIP,
    RELIGION,
)
from plugins.population.statistics import queries

UNKNOWN = N_("Tidak diisi")
_MONTHS = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("Mei"), N_("Jun"),
    N_("Jul"), N_("Agu"), N_("Sep"), N_("Okt"), N_("Nov"), N_("Des"),
)  # fmt: skip
_EVENT_SERIES = (
    (1, N_("Lahir")),
    (2, N_("Mati")),
    (3, N_("Pindah keluar")),
    (5, N_("Pindah masuk")),
)


@dataclass(frozen=True, slots=True)
class Chart:
    key: str
    title: str
    svg: Markup
    header: tuple[str, ...]
    rows: list[tuple[object, ...]]

    @property
    def columns(self) -> list[dict[str, str]]:
        return [{"key": str(index), "label": label} for index, label in enumerate(self.header)]

    @property
    def table_rows(self) -> list[dict[str, object]]:
        return [{str(index): value for index, value in enumerate(row)} for row in self.rows]


CODED = {
    "agama": ("religion", N_("Agama"), RELIGION),
    "pendidikan": ("education", N_("Pendidikan dalam KK"), EDUCATION),
    "pekerjaan": ("occupation", N_("Pekerjaan"), OCCUPATION),
    "status-kawin": ("marital_status", N_("Status perkawinan"), MARITAL_STATUS),
    "hubungan-keluarga": ("relationship", N_("Hubungan dalam keluarga"), RELATIONSHIP),
}
KEYS = ("piramida", *CODED, "peristiwa")


def _label(codes: CodeList, code: int | None) -> str:
    if code is None:
        return _(UNKNOWN)
    try:
        return _(codes.label(code))
    except ValueError:
        return _("Kode {code}").format(code=code)


@dataclass(frozen=True, slots=True)
class Counts:
    """What the charts count, without their words: a district's or the regency's is kept a
    while (`cache.Recent`) and drawn in each viewer's language."""

    birth_years: list[tuple[int, int | None, int]]
    coded: dict[str, dict[int | None, int]]
    monthly_events: dict[tuple[int, str], int]
    families: int


async def count(today: dt.date) -> Counts:
    """Every chart's counts in the transaction's scope: the page's village, district or regency."""
    months = _last_months(today)
    return Counts(
        birth_years=list(await queries.birth_years()),
        coded={key: await queries.coded_counts(column) for key, (column, _, _) in CODED.items()},
        monthly_events=await queries.monthly_events(dt.date(months[0][0], months[0][1], 1)),
        families=await queries.family_count(),
    )


def pyramid(counts: Counts, today: dt.date) -> Chart:
    labels = [label for label, _male, _female in pyramid_bands([])]
    male, female = [0] * len(labels), [0] * len(labels)
    for sex, year, number in counts.birth_years:
        if year is None or sex not in (1, 2) or year > today.year:
            continue
        band = min((today.year - year) // 5, len(labels) - 1)
        (male if sex == 1 else female)[band] += number
    bands = list(zip(labels, male, female, strict=True))
    title = _("Piramida penduduk")
    return Chart(
        "piramida",
        title,
        Markup(population_pyramid(bands, title=title)),
        (_("Kelompok umur"), _("Laki-laki"), _("Perempuan")),
        [tuple(band) for band in bands],
    )


def coded(key: str, counts: Counts) -> Chart:
    _column, name, codes = CODED[key]
    title = _(name)
    ordered = sorted(counts.coded[key].items(), key=lambda item: (item[0] is None, item[0] or 0))
    rows = [(_label(codes, code), number) for code, number in ordered]
    return Chart(key, title, Markup(bar_chart(rows, title=title)), (title, _("Jumlah")), rows)


def _last_months(today: dt.date, count: int = 12) -> list[tuple[int, int]]:
    months = []
    year, month = today.year, today.month
    for _month in range(count):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(months))


def events(counts: Counts, today: dt.date) -> Chart:
    months = _last_months(today)
    keys = [f"{year:04d}-{month:02d}" for year, month in months]
    series = [
        (_(name), [counts.monthly_events.get((kind, key), 0) for key in keys])
        for kind, name in _EVENT_SERIES
    ]
    labels = [_(_MONTHS[month - 1]) for _year, month in months]
    title = _("Peristiwa kependudukan per bulan")
    rows = [(key, *(values[index] for _name, values in series)) for index, key in enumerate(keys)]
    return Chart(
        "peristiwa",
        title,
        Markup(line_chart(series, labels=labels, title=title)),
        (_("Bulan"), *(name for name, _values in series)),
        rows,
    )


def chart(key: str, counts: Counts, today: dt.date) -> Chart:
    """One chart, in the request's language, drawn from the scope's counts."""
    if key == "piramida":
        return pyramid(counts, today)
    if key == "peristiwa":
        return events(counts, today)
    return coded(key, counts)
