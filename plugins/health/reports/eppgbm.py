"""The month's measurements by name and address, in the shape the national nutrition
surveillance (e-PPGBM) takes in: one row per child measured, identity from the register."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from plugins.health.growth.plausibility import decimal
from plugins.health.residents import people
from plugins.health.tables import Child, Measurement

HEADER = (
    "nik", "nama", "jenis_kelamin", "tanggal_lahir", "nama_ibu", "alamat", "rt", "rw", "dusun",
    "tanggal_ukur", "umur_hari", "berat_kg", "tinggi_cm", "cara_ukur", "lila_cm", "edema",
    "zs_bbu", "zs_tbu", "zs_bbtb", "zs_imtu", "vitamin_a", "obat_cacing", "pmt", "naik_berat",
)  # fmt: skip


def _z(value: int | None) -> str:
    return "" if value is None else f"{value / 1000:.2f}"


async def rows(month: str) -> list[dict[str, Any]]:
    """The month's measurements with their child and resident, for the export."""
    measured = (
        await Measurement.select()
        .where(Measurement.month == month)
        .order_by(Measurement.measured_on)
    )
    ids = sorted({m["child"] for m in measured})
    found = await Child.select(Child.id, Child.resident_id).where(Child.id.is_in(ids or [0]))
    resident_of = {c["id"]: c["resident_id"] for c in found}
    facts = await people(resident_of.values())
    return [{"m": m, "person": facts.get(resident_of.get(m["child"], 0))} for m in measured]


def to_csv(found: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for item in found:
        m, p = item["m"], item["person"]
        writer.writerow(
            [
                p.nik if p else "", p.name if p else "", p.sex if p else "",
                p.birth_date.isoformat() if p and p.birth_date else "",
                p.mother_name if p else "", p.address if p else "", p.rt if p else "",
                p.rw if p else "", p.dusun if p else "",
                m["measured_on"].isoformat(), m["age_days"],
                decimal(m["weight_g"], 1000).replace(",", ".") if m["weight_g"] else "",
                decimal(m["adjusted_length_mm"], 10).replace(",", ".")
                if m["adjusted_length_mm"] else "",
                m["position"], decimal(m["muac_mm"], 10).replace(",", ".") if m["muac_mm"] else "",
                int(m["oedema"]), _z(m["z_wfa"]), _z(m["z_lhfa"]), _z(m["z_wflh"]), _z(m["z_bmi"]),
                int(m["vitamin_a"]), int(m["deworming"]), int(m["pmt"]), m["gain"],
            ]
        )  # fmt: skip
    return out.getvalue()
