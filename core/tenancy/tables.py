"""Regions of the regency: its districts and villages, and what each village switched on."""

from __future__ import annotations

from piccolo.columns import JSON, Boolean, Serial, Timestamptz, Varchar
from piccolo.table import Table


class District(Table, tablename="core_district"):
    """A kecamatan of the regency (Kemendagri code `PP.RR.DD`)."""

    code = Varchar(length=8, primary_key=True)
    name = Varchar(length=100)
    slug = Varchar(length=100, unique=True, index=True)


class Village(Table, tablename="core_village"):
    """A desa or kelurahan: the tenant. Not onboarded until a regency admin switches it on."""

    code = Varchar(length=13, primary_key=True)
    district_code = Varchar(length=8, index=True)
    name = Varchar(length=100)
    slug = Varchar(length=120, unique=True, index=True)
    kind = Varchar(length=10)
    onboarded = Boolean(default=False)
    onboarded_at = Timestamptz(null=True, default=None)
    settings = JSON(default="{}")


class VillagePlugin(Table, tablename="core_village_plugin"):
    """A plugin a village admin switched on or off; the latest row per plugin wins."""

    id: Serial  # Piccolo adds the primary key; declared so type checkers know it
    village_code = Varchar(length=13, index=True)
    plugin = Varchar(length=64)
    enabled = Boolean()
    changed_by = Varchar(length=64)
    changed_at = Timestamptz()
