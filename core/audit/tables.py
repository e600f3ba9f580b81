"""The audit log: append-only, one hash chain per village (and one for the regency)."""

from __future__ import annotations

from piccolo.columns import JSON, BigSerial, Integer, Text, Timestamptz, Varchar
from piccolo.table import Table

from core.db.insert_only import insert_only


@insert_only
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


@insert_only
class Disclosure(Table, tablename="core_disclosure"):
    """One response that showed personal data: who saw which records, or which list and how many.

    Insert-only for the app role, like the audit chain, but not chained: pages write one of these
    per response, and a chain's lock would make every read of a village wait for the last.
    `total` is a list's number of results; `subjects` holds `|entity:id|#NIK|` tokens, so one
    LIKE finds every response naming a record.
    """

    id = BigSerial(primary_key=True)
    village_code = Varchar(length=13)
    at = Timestamptz()
    actor = Varchar(length=120)
    actor_name = Varchar(length=200)
    actor_roles = Varchar(length=200)
    kind = Varchar(length=80)
    label = Varchar(length=120)
    path = Varchar(length=300)
    query = JSON(null=True, default=None)
    total = Integer(null=True, default=None)
    subjects = Text()
