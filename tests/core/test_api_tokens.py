"""API tokens: a machine client reads within its scope and permissions, and nothing else."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bench.reliability.office import person as office_person
from core.audit.tables import AuditEntry
from core.auth.sessions import load_principal
from core.auth.tables import User
from core.auth.tokens import ApiToken, TokenError, create_token
from core.cli.main import main
from core.testing.harness import VillageRef, csrf_ready
from plugins.population.tables import Resident

READ = "population.resident.read"
WRITE = "population.resident.write"
DASHBOARD = "core.dashboard.view"


@pytest.fixture
def kampung_plugins() -> tuple[str, ...]:
    return ("population",)


async def _admin(kampung: Any, role: str = "regency_admin", scope: str | None = None) -> Any:
    username = await kampung.user(role, scope or kampung.settings.regency_code)
    row = await User.select(User.id).where(User.username == username).first()
    return await load_principal(row["id"])


async def issue(
    kampung: Any,
    scope: str,
    permissions: list[str],
    *,
    creator: Any = None,
    days: int = 30,
) -> tuple[int, str]:
    creator = creator or await _admin(kampung)
    now = datetime.now(UTC)
    async with kampung.scope():
        issued = await create_token(
            creator,
            name="Dasbor Dinsos",
            scope_code=scope,
            wanted=permissions,
            expires_at=now + timedelta(days=days),
            now=now,
            permissions=kampung.kernel.permissions,
            regency_code=kampung.settings.regency_code,
        )
    return issued.id, issued.secret


async def resident(kampung: Any, village: VillageRef) -> int:
    now = datetime.now(UTC)
    async with kampung.scope(village.code):
        rows = await Resident.insert(
            Resident(
                village_code=village.code,
                nik=f"3527014101{secrets.randbelow(10**6):06d}",
                name="SITI AMINAH",
                name_key="siti aminah",
                sex=2,
                created_at=now,
                updated_at=now,
            )
        ).returning(Resident.id)
    return int(rows[0]["id"])


def person() -> dict[str, Any]:
    """A man born 14-05-1990 in 35.27.01 whose NIK matches his record, with a fresh key."""
    return office_person(1, idempotency_key=secrets.token_hex(16))


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


async def test_token_reads_residents_of_its_village(kampung) -> None:
    village = await kampung.village(0)
    resident_id = await resident(kampung, village)
    _, secret = await issue(kampung, village.code, [READ])
    client = kampung.client(headers=bearer(secret))
    listing = await client.get(village.api + "/penduduk")
    detail = await client.get(f"{village.api}/penduduk/{resident_id}")
    assert listing.status_code == 200, listing.text
    assert [r["id"] for r in listing.json()["items"]] == [resident_id]
    assert detail.status_code == 200 and detail.json()["name"] == "SITI AMINAH"


async def test_district_token_reads_every_village_of_its_district_only(kampung) -> None:
    village = await kampung.village(0)
    _, secret = await issue(kampung, village.district_code, [READ])
    client = kampung.client(headers=bearer(secret))
    assert (await client.get(village.api + "/penduduk")).status_code == 200
    async with kampung.scope():
        from core.tenancy.tables import Village

        other = (
            await Village.select()
            .where(Village.district_code != village.district_code)
            .order_by(Village.code)
            .first()
        )
    elsewhere = await kampung.village(await _index_of(kampung, other["code"]))
    refused = await client.get(elsewhere.api + "/penduduk")
    assert refused.status_code in (403, 404), refused.text


async def _index_of(kampung: Any, code: str) -> int:
    from core.tenancy.tables import Village

    return await Village.count().where(Village.code < code)


async def test_token_cannot_read_another_village(kampung) -> None:
    mine, other = await kampung.village(0), await kampung.village(1)
    other_resident = await resident(kampung, other)
    _, secret = await issue(kampung, mine.code, [READ])
    client = kampung.client(headers=bearer(secret))
    listing = await client.get(other.api + "/penduduk")
    detail = await client.get(f"{other.api}/penduduk/{other_resident}")
    assert listing.status_code in (403, 404) and detail.status_code in (403, 404)
    assert "SITI" not in listing.text + detail.text


async def test_token_without_the_permission_is_refused_with_403(kampung) -> None:
    village = await kampung.village(0)
    _, secret = await issue(kampung, village.code, [DASHBOARD])
    client = kampung.client(headers=bearer(secret))
    assert (await client.get(village.api + "/")).status_code == 200
    refused = await client.get(village.api + "/penduduk")
    assert refused.status_code == 403
    assert refused.json()["detail"]


@pytest.mark.parametrize("spoil", ["expired", "revoked", "wrong_secret", "malformed"])
async def test_a_dead_or_wrong_token_is_refused_with_401(kampung, spoil: str) -> None:
    village = await kampung.village(0)
    token_id, secret = await issue(kampung, village.code, [READ])
    if spoil == "expired":
        past = datetime.now(UTC) - timedelta(seconds=1)
        await ApiToken.update({ApiToken.expires_at: past}).where(ApiToken.id == token_id)
    elif spoil == "revoked":
        await ApiToken.update({ApiToken.revoked_at: datetime.now(UTC)}).where(
            ApiToken.id == token_id
        )
    elif spoil == "wrong_secret":
        secret = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    else:
        secret = "kpg_" + secret
    answer = await kampung.client(headers=bearer(secret)).get(village.api + "/penduduk")
    assert answer.status_code == 401, answer.text
    assert answer.headers["www-authenticate"] == "Bearer"
    assert answer.json()["detail"] == "Token API tidak sah, sudah kedaluwarsa, atau sudah dicabut."


async def test_the_secret_is_not_stored_in_clear(kampung) -> None:
    village = await kampung.village(0)
    token_id, secret = await issue(kampung, village.code, [READ])
    assert secret.startswith(f"kpg_{token_id}_")
    row = await ApiToken.select().where(ApiToken.id == token_id).first()
    stored = " ".join(str(value) for value in row.values())
    assert secret.split("_", 2)[2] not in stored
    assert len(row["secret_hash"]) == 64


async def test_the_audit_log_and_the_access_trail_name_the_token(kampung) -> None:
    from core.audit.tables import Disclosure  # the access trail, issue 8's other part

    village = await kampung.village(0)
    creator = await _admin(kampung, "village_operator", village.code)
    token_id, secret = await issue(kampung, village.code, [WRITE, READ], creator=creator)
    client = kampung.client(headers=bearer(secret))
    created = await client.post(village.api + "/penduduk", json=person())
    assert created.status_code == 201, created.text
    assert (await client.get(f"{village.api}/penduduk/{created.json()['id']}")).status_code == 200
    async with kampung.scope(village.code):
        changes = await AuditEntry.select(AuditEntry.actor).where(
            (AuditEntry.village_code == village.code) & (AuditEntry.entity == "resident")
        )
        reads = await Disclosure.select(Disclosure.actor, Disclosure.actor_name).where(
            Disclosure.village_code == village.code
        )
    assert {a["actor"] for a in changes} == {f"token:{token_id}"}
    assert {(r["actor"], r["actor_name"]) for r in reads} == {
        (f"token:{token_id}", "Dasbor Dinsos")
    }


async def test_a_token_writes_without_csrf_but_a_session_still_needs_it(kampung) -> None:
    village = await kampung.village(0)
    creator = await _admin(kampung, "village_operator", village.code)
    _, secret = await issue(kampung, village.code, [WRITE, READ], creator=creator)
    body = person()
    created = await kampung.client(headers=bearer(secret)).post(
        village.api + "/penduduk", json=body
    )
    assert created.status_code == 201, created.text
    browser = await kampung.login("village_operator", village)
    browser.headers.pop("x-csrf-token")
    body["idempotency_key"] = secrets.token_hex(16)
    forged = await browser.post(village.api + "/penduduk", json=body)
    assert forged.status_code == 403


async def test_pages_do_not_accept_tokens(kampung) -> None:
    village = await kampung.village(0)
    _, secret = await issue(kampung, village.code, [READ, DASHBOARD])
    client = kampung.client(headers=bearer(secret))
    page = await client.get(village.url + "/penduduk")
    dashboard = await client.get(village.url)
    assert page.status_code == 303 and page.headers["location"].startswith("/masuk")
    assert dashboard.status_code == 303


async def test_a_token_never_exceeds_its_creator(kampung) -> None:
    village, other = await kampung.village(0), await kampung.village(1)
    head = await _admin(kampung, "village_head", village.code)
    for scope, wanted, field in [
        (village.code, [WRITE], "permissions"),  # the head does not hold it
        (other.code, [READ], "permissions"),  # nor anything in another village
        (village.code, ["population.everything"], "permissions"),  # undeclared
        ("35.27.99.9999", [READ], "scope"),
    ]:
        with pytest.raises(TokenError) as refused:
            await issue(kampung, scope, wanted, creator=head)
        assert refused.value.field == field, refused.value
    with pytest.raises(TokenError, match="satu tahun"):
        await issue(kampung, village.code, [READ], creator=head, days=400)


async def test_a_token_loses_what_its_creator_loses(kampung) -> None:
    village = await kampung.village(0)
    creator = await _admin(kampung)
    _, secret = await issue(kampung, village.code, [READ], creator=creator)
    await User.update({User.active: False}).where(User.id == creator.user_id)
    answer = await kampung.client(headers=bearer(secret)).get(village.api + "/penduduk")
    assert answer.status_code == 401


async def test_regency_admin_creates_sees_once_and_revokes_a_token(kampung) -> None:
    village = await kampung.village(0)
    admin = await kampung.login("regency_admin")
    await csrf_ready(admin)
    expires = (datetime.now(UTC) + timedelta(days=30)).date().isoformat()
    form = {"name": "Dinsos", "scope": village.code, "expires": expires, "permissions": [READ]}
    created = await admin.post("/kabupaten/token-api", data=form)
    assert created.status_code == 201, created.text
    secret = created.text.split('<code id="new-token">')[1].split("</code>")[0]
    assert created.headers["cache-control"] == "no-store"
    client = kampung.client(headers=bearer(secret))
    assert (await client.get(village.api + "/penduduk")).status_code == 200
    listing = await admin.get("/kabupaten/token-api")
    assert "Dinsos" in listing.text and secret not in listing.text
    token_id = int(secret.split("_")[1])
    revoked = await admin.post(f"/kabupaten/token-api/{token_id}/cabut")
    assert revoked.status_code == 303
    assert (await client.get(village.api + "/penduduk")).status_code == 401
    async with kampung.scope():
        actions = await AuditEntry.select(AuditEntry.action).where(
            (AuditEntry.entity == "api_token") & (AuditEntry.entity_id == f"token:{token_id}")
        )
    assert sorted(a["action"] for a in actions) == ["create", "revoke"]


async def test_the_page_refuses_a_permission_the_admin_lacks_and_keeps_the_form(kampung) -> None:
    admin = await kampung.login("regency_admin")
    await csrf_ready(admin)
    expires = (datetime.now(UTC) + timedelta(days=30)).date().isoformat()
    form = {"name": "Sistem Kecamatan", "scope": "35.27", "expires": expires}
    refused = await admin.post(
        "/kabupaten/token-api", data={**form, "permissions": ["population.letter.sign"]}
    )
    assert refused.status_code == 422
    assert "population.letter.sign" in refused.text and "Sistem Kecamatan" in refused.text
    assert await ApiToken.count() == 0


def test_cli_creates_lists_and_revokes_tokens(tmp_path, monkeypatch, capsys) -> None:
    from core.testing.databases import TEST_SECRET

    config = tmp_path / "kampung.toml"
    config.write_text(
        f'database_url = "sqlite:///{tmp_path / "k.sqlite3"}"\n'
        f'secret_key = "{TEST_SECRET}"\nregency_code = "35.27"\nplugins = []\n'
        f'data_dir = "{tmp_path / "data"}"\n'
    )
    monkeypatch.delenv("KAMPUNG_CONFIG", raising=False)
    base = ["--config", str(config)]
    assert main([*base, "init"]) == 0
    admin = ["admin-kab", "--name", "Admin", "--role", "regency_admin", "--scope", "35.27"]
    assert (
        main([*base, "user", "create", *admin, "--password", "sandi-admin-kabupaten-panjang"]) == 0
    )
    capsys.readouterr()
    create = [*base, "token", "create", "--user", "admin-kab", "--name", "Dasbor", "--scope"]
    assert main([*create, "35.27", "--permission", DASHBOARD]) == 0
    secret = capsys.readouterr().out.strip()
    assert secret.startswith("kpg_1_")
    assert main([*create, "35.27", "--permission", "core.nothing"]) == 2
    assert "core.nothing" in capsys.readouterr().err
    assert main([*base, "token", "list"]) == 0
    listed = capsys.readouterr().out
    assert "token:1" in listed and "active" in listed and secret not in listed
    assert main([*base, "token", "revoke", "1"]) == 0
    assert main([*base, "token", "revoke", "1"]) == 2
    assert main([*base, "token", "list"]) == 0
    assert "revoked" in capsys.readouterr().out


async def test_only_a_regency_admin_manages_tokens(kampung) -> None:
    village = await kampung.village(0)
    officer = await kampung.login("regency_officer")
    village_admin = await kampung.login("village_admin", village)
    admin = await kampung.login("regency_admin")
    assert (await officer.get("/kabupaten/token-api")).status_code == 403
    assert (await village_admin.get("/kabupaten/token-api")).status_code == 403
    assert 'href="/kabupaten/token-api"' in (await admin.get("/kabupaten")).text
