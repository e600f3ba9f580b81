"""Who lives in a regency: ethnic groups with their naming tradition and religion.

The mix is a coarse picture per province, with the regencies whose population is known to be
mostly Madurese (Madura island) or mixed Javanese-Osing-Madurese (Banyuwangi) singled out. It only
has to make a synthetic register look like the real one, not reproduce census shares.
"""

from __future__ import annotations

from dataclasses import dataclass

from plugins.population.synthetic.names import (
    BALINESE,
    BATAK,
    CHINESE_INDONESIAN,
    JAVANESE,
    MADURESE,
    SUNDANESE,
    NamePool,
)
from plugins.population.synthetic.weighted import Weighted

ISLAM, KRISTEN, KATHOLIK, HINDU, BUDHA, KHONGHUCU = 1, 2, 3, 4, 5, 6


@dataclass(frozen=True, slots=True)
class Culture:
    """An ethnic group: the ``suku`` written in the sheet, its names and its religions."""

    suku: str
    names: NamePool
    religion: Weighted[int]


JAWA = Culture(
    "JAWA", JAVANESE, Weighted({ISLAM: 95.5, KRISTEN: 2.5, KATHOLIK: 1.2, HINDU: 0.4, BUDHA: 0.4})
)
OSING = Culture("OSING", JAVANESE, Weighted({ISLAM: 97, HINDU: 2, KRISTEN: 1}))
MADURA = Culture("MADURA", MADURESE, Weighted({ISLAM: 99.6, KRISTEN: 0.3, KATHOLIK: 0.1}))
SUNDA = Culture("SUNDA", SUNDANESE, Weighted({ISLAM: 98.5, KRISTEN: 1, KATHOLIK: 0.5}))
BALI = Culture("BALI", BALINESE, Weighted({HINDU: 92, ISLAM: 4, KRISTEN: 3, BUDHA: 1}))
BATAK_TOBA = Culture("BATAK", BATAK, Weighted({KRISTEN: 70, KATHOLIK: 15, ISLAM: 15}))
TIONGHOA = Culture(
    "TIONGHOA",
    CHINESE_INDONESIAN,
    Weighted({BUDHA: 40, KRISTEN: 30, KATHOLIK: 15, KHONGHUCU: 10, ISLAM: 5}),
)

_MADURA_ISLAND = {"35.26", "35.27", "35.28", "35.29"}
_PROVINCE_MIX: dict[str, dict[Culture, float]] = {
    "35": {JAWA: 84, MADURA: 14, TIONGHOA: 1, BATAK_TOBA: 0.5, BALI: 0.5},
    "33": {JAWA: 97, SUNDA: 1.5, TIONGHOA: 1, BATAK_TOBA: 0.5},
    "34": {JAWA: 97, SUNDA: 1, TIONGHOA: 1, BATAK_TOBA: 1},
    "32": {SUNDA: 80, JAWA: 17, TIONGHOA: 1.5, BATAK_TOBA: 1.5},
    "36": {SUNDA: 70, JAWA: 27, TIONGHOA: 2, BATAK_TOBA: 1},
    "51": {BALI: 88, JAWA: 10, MADURA: 1, TIONGHOA: 1},
}
_ELSEWHERE = {JAWA: 45, SUNDA: 10, MADURA: 5, BATAK_TOBA: 20, BALI: 5, TIONGHOA: 15}
"""Outside Java and Bali there is no local naming tradition here yet; a migrant mix stands in."""


def culture_mix(regency_code: str) -> Weighted[Culture]:
    """The ethnic mix of a regency (``35.10``)."""
    if regency_code in _MADURA_ISLAND:
        return Weighted({MADURA: 98, JAWA: 1.7, TIONGHOA: 0.3})
    if regency_code == "35.10":
        return Weighted({JAWA: 55, OSING: 22, MADURA: 19, BALI: 3, TIONGHOA: 1})
    return Weighted(_PROVINCE_MIX.get(regency_code[:2], _ELSEWHERE))
