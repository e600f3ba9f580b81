"""The area statistics as CSV: one line per hamlet, RW, RT and remainder, then the village's."""

from __future__ import annotations

import csv
import io

from core.exports import quote
from core.i18n import N_, _
from plugins.population.areas.counts import AreaStatistics, Row, Tally
from plugins.population.areas.names import LEVEL_LABELS

HEADER = (
    N_("Dusun"),
    N_("RW"),
    N_("RT"),
    N_("Kepala/Ketua"),
    N_("Penduduk"),
    N_("Laki-laki"),
    N_("Perempuan"),
    N_("KK"),
)


def _numbers(tally: Tally) -> list[int]:
    return [tally.residents, tally.men, tally.women, tally.families]


def _place(row: Row) -> list[str]:
    names = [a["name"] for a in row.lineage]
    if row.kind == "rest":
        names.append(_("{level} belum terdaftar").format(level=_(LEVEL_LABELS[row.rest_of])))
    return [*names, "", "", ""][:3]


def statistics_csv(found: AreaStatistics) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([_(h) for h in HEADER])
    for row in found.rows:
        head = row.area["head_name"] if row.area and row.area["head"] else ""
        writer.writerow([*(quote(v) for v in (*_place(row), head or "")), *_numbers(row.tally)])
    writer.writerow([_("Belum terdaftar di wilayah"), "", "", "", *_numbers(found.unplaced)])
    writer.writerow([_("Jumlah"), "", "", "", *_numbers(found.total)])
    return buffer.getvalue()
