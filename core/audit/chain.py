"""Append to and verify the audit chains.

Each village has its own chain (the regency has one under its code). An entry's hash covers its
content and the previous entry's hash, so editing or deleting any row breaks every later link;
`kampung audit verify` finds the first broken one. Appends take a per-chain lock on PostgreSQL so
two concurrent writes never fork a chain; on SQLite, write transactions already run one at a time.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from piccolo.engine.base import Engine

from core.audit.tables import AuditEntry

GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class BrokenLink:
    village_code: str
    seq: int
    reason: str


def entry_hash(entry: dict[str, Any]) -> str:
    canonical = json.dumps(
        [
            entry["village_code"],
            entry["seq"],
            entry["at"].isoformat(),
            entry["actor"],
            entry["action"],
            entry["entity"],
            entry["entity_id"],
            _json_value(entry["before"]),
            _json_value(entry["after"]),
            entry["prev_hash"],
        ],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _json_value(value: Any) -> Any:
    """JSON columns come back as text on some engines; hash the parsed value either way."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


async def record(
    engine: Engine,
    *,
    chain: str,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    at: datetime,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Append one entry to a chain, inside the caller's transaction."""
    if engine.engine_type == "postgres":
        await engine.run_ddl(f"SELECT pg_advisory_xact_lock(hashtext('audit:{chain}'))")
    last = (
        await AuditEntry.select(AuditEntry.seq, AuditEntry.entry_hash)
        .where(AuditEntry.village_code == chain)
        .order_by(AuditEntry.seq, ascending=False)
        .first()
    )
    entry: dict[str, Any] = {
        "village_code": chain,
        "seq": (last["seq"] + 1) if last else 1,
        "at": at,
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_id": str(entity_id),
        "before": _plain(before),
        "after": _plain(after),
        "prev_hash": last["entry_hash"] if last else GENESIS,
    }
    await AuditEntry.insert(AuditEntry(**entry, entry_hash=entry_hash(entry)))


def _plain(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return json.loads(json.dumps(value, default=str))


async def verify_chains(chain: str | None = None) -> list[BrokenLink]:
    """The first broken link of each chain (empty when every chain verifies)."""
    query = AuditEntry.select().order_by(AuditEntry.village_code).order_by(AuditEntry.seq)
    if chain is not None:
        query = query.where(AuditEntry.village_code == chain)
    broken: dict[str, BrokenLink] = {}
    previous: dict[str, tuple[int, str]] = {}
    for row in await query:
        code = row["village_code"]
        if code in broken:
            continue
        last_seq, last_hash = previous.get(code, (0, GENESIS))
        if row["seq"] != last_seq + 1:
            broken[code] = BrokenLink(code, last_seq + 1, "entri hilang atau urutan rusak")
        elif row["prev_hash"] != last_hash:
            broken[code] = BrokenLink(code, row["seq"], "tautan ke entri sebelumnya tidak cocok")
        elif entry_hash(row) != row["entry_hash"]:
            broken[code] = BrokenLink(code, row["seq"], "isi entri telah diubah")
        previous[code] = (row["seq"], row["entry_hash"])
    return list(broken.values())
