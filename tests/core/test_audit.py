from __future__ import annotations

import pytest

from core.audit.chain import verify_chains
from core.audit.tables import AuditEntry
from core.testing.databases import backend


async def change_settings(kampung, client, village, name: str) -> None:
    response = await client.post(village.url + "/pengaturan", data={"display_name": name})
    assert response.status_code == 303


async def test_every_change_is_in_the_village_chain_and_it_verifies(kampung) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    for name in ("Desa Satu", "Desa Dua", "Desa Tiga"):
        await change_settings(kampung, admin, village, name)
    async with kampung.scope():
        entries = (
            await AuditEntry.select()
            .where(
                (AuditEntry.village_code == village.code)
                & (AuditEntry.entity == "village_settings")
            )
            .order_by(AuditEntry.seq)
        )
        assert [e["actor"] for e in entries] == [entries[0]["actor"]] * 3
        assert '"Desa Tiga"' in str(entries[-1]["after"]) or "Desa Tiga" in str(
            entries[-1]["after"]
        )
        assert await verify_chains() == []


async def tamper(kampung, statement: str) -> None:
    """Change the log as whoever holds the database itself would: the owner on PostgreSQL, and on
    SQLite someone with the file, who can drop the insert-only triggers first."""
    owner = kampung.kernel.database.owner_engine
    if owner.engine_type == "sqlite":
        for verb in ("update", "delete"):
            await owner.run_ddl(f"DROP TRIGGER IF EXISTS core_audit_entry_no_{verb}")
    await owner.run_ddl(statement)


async def test_a_tampered_entry_is_found(kampung) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    for name in ("Desa Satu", "Desa Dua", "Desa Tiga"):
        await change_settings(kampung, admin, village, name)
    await tamper(
        kampung,
        "UPDATE core_audit_entry SET actor = 'orang-lain' "
        f"WHERE village_code = '{village.code}' AND seq = 2",
    )
    async with kampung.scope():
        broken = await verify_chains(village.code)
    assert len(broken) == 1
    assert broken[0].seq == 2
    assert "diubah" in broken[0].reason


async def test_a_deleted_entry_is_found(kampung) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    for name in ("Desa Satu", "Desa Dua", "Desa Tiga"):
        await change_settings(kampung, admin, village, name)
    await tamper(
        kampung, f"DELETE FROM core_audit_entry WHERE village_code = '{village.code}' AND seq = 2"
    )
    async with kampung.scope():
        broken = await verify_chains(village.code)
    assert broken and broken[0].seq == 2


@pytest.mark.skipif(backend() != "postgresql", reason="grants are a PostgreSQL feature")
async def test_the_app_role_cannot_rewrite_the_audit_log(kampung) -> None:
    village = await kampung.village()
    admin = await kampung.login("village_admin", village)
    await change_settings(kampung, admin, village, "Desa Satu")
    with pytest.raises(Exception, match="permission denied"):
        async with kampung.scope(village.code):
            await AuditEntry.update({AuditEntry.actor: "x"}).where(
                AuditEntry.village_code == village.code
            )
