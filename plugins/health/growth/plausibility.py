"""Values a posyandu table rarely sees: questioned before saving, saved once confirmed.

A slip of the finger (45 kg for 4.5 kg, 7.5 cm for 75 cm) would otherwise enter the child's
history and the village's stunting figures. The ranges are what a child 0–60 months can measure;
the z-score limits are WHO's flags for implausible values (WHO Anthro manual).
"""

from __future__ import annotations

from core.i18n import _

WEIGHT_RANGE_G = (1000, 30000)
LENGTH_RANGE_MM = (380, 1300)
HEAD_RANGE_MM = (280, 560)
MUAC_RANGE_MM = (80, 230)
Z_LIMITS = {
    "wfa": (-6000, 5000),
    "lhfa": (-6000, 6000),
    "wflh": (-5000, 5000),
    "bmi": (-5000, 5000),
}


def range_doubts(
    weight_g: int | None, length_mm: int | None, head_mm: int | None, muac_mm: int | None
) -> dict[str, str]:
    """Fields whose value lies outside what a child under five measures."""
    doubts: dict[str, str] = {}
    checks = (
        (
            "weight",
            weight_g,
            WEIGHT_RANGE_G,
            _("Berat badan %(value)s kg jarang untuk balita."),
            1000,
        ),
        (
            "length",
            length_mm,
            LENGTH_RANGE_MM,
            _("Panjang/tinggi %(value)s cm jarang untuk balita."),
            10,
        ),
        ("head", head_mm, HEAD_RANGE_MM, _("Lingkar kepala %(value)s cm jarang untuk balita."), 10),
        ("muac", muac_mm, MUAC_RANGE_MM, _("LiLA %(value)s cm jarang untuk balita."), 10),
    )
    for name, value, (low, high), message, unit in checks:
        if value is not None and not low <= value <= high:
            doubts[name] = message % {"value": decimal(value, unit)}
    return doubts


def z_doubts(z_milli: dict[str, int | None]) -> list[str]:
    """WHO's flags: a z-score this far out is almost always a measuring or typing error."""
    names = {
        "wfa": _("berat menurut umur"),
        "lhfa": _("panjang/tinggi menurut umur"),
        "wflh": _("berat menurut panjang/tinggi"),
        "bmi": _("IMT menurut umur"),
    }
    found = []
    for key, (low, high) in Z_LIMITS.items():
        value = z_milli.get(key)
        if value is not None and not low <= value <= high:
            found.append(
                _("Z-skor %(index)s %(z)s di luar batas wajar WHO.")
                % {"index": names[key], "z": decimal(value, 1000, 2)}
            )
    return found


def decimal(value: int, unit: int, places: int = 1) -> str:
    """An integer amount in a smaller unit as the Indonesian decimal: 4500 g -> "4,5"."""
    return f"{value / unit:.{places}f}".replace(".", ",")
