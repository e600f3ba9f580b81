"""The household tables beside the register's: a household and who belongs to it, when.

The foreign keys name `Resident` lazily, so `plugins.population.tables` can list these tables in
its `TABLES` without an import cycle.
"""

from __future__ import annotations

from piccolo.columns import Boolean, Date, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.columns.reference import LazyTableReference

from core.db import TenantTable

__all__ = ["HOUSEHOLD_TABLES", "Household", "HouseholdMember"]

_RESIDENT = LazyTableReference("Resident", module_path="plugins.population.tables")


class Household(TenantTable, tablename="population_household"):
    """A rumah tangga: one house's people, one or more KKs, under one head.

    The address is copied from the head's family card when the household is made or its head
    changes, so a list of households needs no join through the head's KK.
    """

    number = Varchar(length=20)
    """Nomor rumah tangga, unique in the village (never reused, a dissolved one keeps it)."""
    head = ForeignKey(_RESIDENT, on_delete=OnDelete.restrict, index=True)
    address = Varchar(length=200, default="")
    dusun = Varchar(length=60, default="")
    rw = Varchar(length=3, default="")
    rt = Varchar(length=3, default="")
    active = Boolean(default=True)
    """False once dissolved (bubar): its members then belong to no household through it."""
    created_by = Varchar(length=64)
    created_at = Timestamptz()
    updated_by = Varchar(length=64)
    updated_at = Timestamptz()


class HouseholdMember(TenantTable, tablename="population_household_member"):
    """One stay of a resident in a household, from `joined_on` until `left_on`.

    A resident has at most one stay without `left_on` (a partial unique index says so), so the
    rows of a person are their history of households.
    """

    household = ForeignKey(Household, on_delete=OnDelete.restrict, index=True)
    resident = ForeignKey(_RESIDENT, on_delete=OnDelete.restrict, index=True)
    role = Integer(default=2)
    """OpenSID's `rtm_level`: 1 Kepala Rumah Tangga, 2 Anggota Rumah Tangga."""
    joined_on = Date()
    left_on = Date(null=True, default=None)
    recorded_by = Varchar(length=64)
    recorded_at = Timestamptz()


HOUSEHOLD_TABLES: list[type[TenantTable]] = [Household, HouseholdMember]
