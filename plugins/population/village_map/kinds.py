"""What a map feature may be: two kinds of boundary and the categories of a point, each with its
label, colour and whether a visitor of the village's public site may see it."""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import N_

__all__ = ["BOUNDARY_KINDS", "KINDS", "POINT_KINDS", "Kind", "kind_label"]


@dataclass(frozen=True, slots=True)
class Kind:
    code: str
    label: str
    """Marked with `N_`; translated where it is shown."""
    colour: str
    boundary: bool
    public: bool
    """Shown on the public map: boundaries and public buildings, never "lainnya" (a staff note
    may be a private house)."""


KINDS: dict[str, Kind] = {
    kind.code: kind
    for kind in (
        Kind("batas_desa", N_("Batas desa"), "#37474f", True, True),
        Kind("batas_dusun", N_("Batas dusun"), "#2e7d32", True, True),
        Kind("kantor_desa", N_("Kantor desa"), "#c62828", False, True),
        Kind("posyandu", N_("Posyandu"), "#ad1457", False, True),
        Kind("pasar", N_("Pasar"), "#e65100", False, True),
        Kind("sekolah", N_("Sekolah"), "#1565c0", False, True),
        Kind("ibadah", N_("Masjid/tempat ibadah"), "#00695c", False, True),
        Kind("lainnya", N_("Lainnya"), "#6a1b9a", False, False),
    )
}
BOUNDARY_KINDS = tuple(code for code, kind in KINDS.items() if kind.boundary)
POINT_KINDS = tuple(code for code, kind in KINDS.items() if not kind.boundary)


def kind_label(code: str) -> str:
    """The untranslated label of a kind (the code itself for one no longer known)."""
    kind = KINDS.get(code)
    return kind.label if kind else code
