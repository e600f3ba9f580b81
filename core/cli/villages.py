"""The villages a command may name: `kampung villages`, and the checks behind every `--village`.

A command writes under the village code it is given, so a typo (`52.01.14.9999`, `foo`) or an
instance initialised for another regency than `regency_code` must stop it before anything is
written, with one line that says what is configured and what the database holds.
"""

from __future__ import annotations

import argparse
import re
from typing import Any

from core.cli.runner import run_with_kernel
from core.config import Settings
from core.kernel import Kernel
from core.tenancy.onboarding import UnknownVillage
from core.tenancy.tables import Village

VILLAGE_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")
"""A Kemendagri village code: province.regency.district.village, e.g. 35.27.01.2001."""


async def require_village(regency_code: str, code: str) -> str:
    """`code` when it is a village of the configured regency; otherwise refuse, naming both."""
    if not VILLAGE_CODE.match(code):
        raise UnknownVillage(
            f"kode desa {code!r} tidak sah: bentuknya seperti {regency_code}.01.2001; "
            "lihat `kampung villages`"
        )
    if code.startswith(f"{regency_code}.") and await Village.exists().where(Village.code == code):
        return code
    raise UnknownVillage(
        f"desa {code} tidak ada di kabupaten {regency_code} (regency_code); "
        + await _what_the_database_holds(regency_code)
    )


async def regency_villages(regency_code: str) -> list[str]:
    """The codes of the configured regency's villages; refused when the database holds none."""
    rows = (
        await Village.select(Village.code)
        .where(Village.code.like(f"{regency_code}.%"))
        .order_by(Village.code)
    )
    if not rows:
        raise UnknownVillage(
            f"kabupaten {regency_code} (regency_code) tidak punya desa di basis data ini; "
            + await _what_the_database_holds(regency_code)
        )
    return [row["code"] for row in rows]


async def _what_the_database_holds(regency_code: str) -> str:
    districts = await Village.select(Village.district_code).distinct()
    held = sorted({row["district_code"][:5] for row in districts})
    if not held:
        return f"basis data belum berisi desa; jalankan `kampung init --regency {regency_code}`"
    if regency_code not in held:
        return (
            f"basis data ini berisi desa kabupaten {', '.join(held)}; "
            "periksa regency_code di kampung.toml atau KAMPUNG_REGENCY_CODE"
        )
    return "lihat `kampung villages`"


def register(sub: argparse._SubParsersAction[Any]) -> None:
    villages = sub.add_parser("villages", help="list the configured regency's villages")
    villages.set_defaults(func=cmd_villages)


def cmd_villages(args: argparse.Namespace, settings: Settings) -> int:
    async def work(kernel: Kernel) -> int:
        await regency_villages(settings.regency_code)
        rows = (
            await Village.select(Village.code, Village.name, Village.kind, Village.onboarded)
            .where(Village.code.like(f"{settings.regency_code}.%"))
            .order_by(Village.code)
        )
        for row in rows:
            onboarded = "terintegrasi" if row["onboarded"] else "-"
            print(f"{row['code']:14} {row['kind']:10} {row['name']:32} {onboarded}")
        return 0

    return run_with_kernel(settings, work)
