"""The rules Kampung ships as editable examples: BLT Dana Desa per Permendes 2/2024 and the older
14 BPS poverty criteria. A village copies them into a programme and changes what it must."""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import N_


@dataclass(frozen=True)
class ExampleRule:
    name: str
    expression: str


@dataclass(frozen=True)
class ExampleSet:
    key: str
    label: str
    rules: tuple[ExampleRule, ...]


BLT_DD = ExampleSet(
    "blt_dd_2024",
    N_("BLT Dana Desa (Permendes 2/2024)"),
    (
        ExampleRule("Desil 1 (miskin ekstrem)", "head && decile == 1"),
        ExampleRule("Desil 2–4, bila desil 1 tidak ada", "head && decile >= 2 && decile <= 4"),
        ExampleRule(
            "Kriteria Permendes, bila desil 1–4 tidak ada",
            'head && !("PKH" in programmes) && (lost_livelihood || chronic_illness || '
            "member_disabled || elderly_alone || female_head)",
        ),
    ),
)
BPS_14 = ExampleSet(
    "bps_14",
    N_("14 kriteria kemiskinan BPS (miskin bila 9 atau lebih)"),
    (ExampleRule("Memenuhi 9 dari 14 kriteria BPS", "head && bps_criteria >= 9"),),
)
SETS: dict[str, ExampleSet] = {s.key: s for s in (BLT_DD, BPS_14)}
