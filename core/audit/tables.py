"""The audit log: append-only, one hash chain per village (and one for the regency)."""

from __future__ import annotations

from piccolo.columns import JSON, BigSerial, Integer, Timestamptz, Varchar
from piccolo.table import Table


class AuditEntry(Table, tablename="core_audit_entry"):
    """One change or sensitive read; `entry_hash` covers the entry and the previous hash."""

    id = BigSerial(primary_key=True)
    village_code = Varchar(length=13, index=True)
    seq = Integer()
    at = Timestamptz()
    actor = Varchar(length=120)
    action = Varchar(length=40)
    entity = Varchar(length=80)
    entity_id = Varchar(length=80)
    before = JSON(null=True, default=None)
    after = JSON(null=True, default=None)
    prev_hash = Varchar(length=64)
    entry_hash = Varchar(length=64)
