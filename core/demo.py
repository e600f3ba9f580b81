"""`kampung demo`: a fresh instance with onboarded villages, a user per role, and plugin data."""

from __future__ import annotations

import inspect

from core.auth.accounts import add_account
from core.auth.roles import CORE_ROLES, ROLES
from core.db.scope import tenant_transaction
from core.kernel import Kernel
from core.plugins.contributions import DemoContext, DemoLogin
from core.tenancy.enablement import set_plugin
from core.tenancy.onboarding import onboard
from core.tenancy.regions import import_regions
from core.tenancy.resolve import village_tenant
from core.tenancy.tables import District, Village

DEMO_PASSWORD = "kampung-demo-2026"
DEMO_DISTRICTS = 2
VILLAGES_PER_DISTRICT = 2
DEMO_SEED = 2026


async def build_demo(kernel: Kernel) -> list[DemoLogin]:
    """Migrate, import the regency, onboard villages, create users, fill plugin data."""
    settings = kernel.settings
    await kernel.migrate()
    await import_regions(settings.regency_code)
    districts = await District.select().order_by(District.code).limit(DEMO_DISTRICTS)
    villages = []
    for district in districts:
        villages += (
            await Village.select()
            .where(Village.district_code == district["code"])
            .order_by(Village.code)
            .limit(VILLAGES_PER_DISTRICT)
        )
    logins: list[DemoLogin] = []

    async def account(username: str, role: str, scope: str, home: str) -> None:
        await add_account(
            username,
            username.replace("-", " ").title(),
            DEMO_PASSWORD,
            [(role, scope)],
            must_change_password=False,
        )
        logins.append(DemoLogin(username, role, scope, home))

    async def plugin_role_accounts(village: dict, district: dict) -> None:
        """One account per role a plugin declares, at the first village, district or regency."""
        core = {role.name for role in CORE_ROLES}
        for role in [role for role in ROLES.values() if role.name not in core]:
            name = role.name.replace("_", "-")
            if role.level == "village":
                slug = village["slug"]
                await account(f"{name}-{slug}", role.name, village["code"], f"/desa/{slug}")
            elif role.level == "district":
                await account(name, role.name, district["code"], f"/kecamatan/{district['slug']}")
            else:
                await account(name, role.name, settings.regency_code, "/kabupaten")

    await account("admin", "regency_admin", settings.regency_code, "/kabupaten")
    await account("dukcapil", "regency_officer", settings.regency_code, "/kabupaten")
    first_district = districts[0]
    await account(
        "camat", "district_viewer", first_district["code"], f"/kecamatan/{first_district['slug']}"
    )
    for index, village in enumerate(villages):
        async with tenant_transaction(kernel.engine, settings.regency_code):
            await onboard(kernel, village["code"], actor="demo")
        async with tenant_transaction(kernel.engine, village["code"]):
            for plugin in kernel.registry.names:
                if plugin != "core":
                    await set_plugin(kernel.registry, village["code"], plugin, True, "demo")
        home = f"/desa/{village['slug']}"
        slug = village["slug"]
        await account(f"operator-{slug}", "village_operator", village["code"], home)
        if index == 0:
            await account(f"admin-{slug}", "village_admin", village["code"], home)
            await account(f"sekdes-{slug}", "village_secretary", village["code"], home)
            await account(f"kades-{slug}", "village_head", village["code"], home)
            await plugin_role_accounts(village, first_district)
    for index, village in enumerate(villages):
        row = await Village.select().where(Village.code == village["code"]).first()
        assert row is not None, "a village read above cannot vanish during the demo build"
        tenant = village_tenant(row)
        context = DemoContext(
            kernel=kernel,
            village=tenant,
            seed=DEMO_SEED + index,
            users={
                login.role: login.username for login in logins if login.scope == village["code"]
            },
        )
        async with tenant_transaction(kernel.engine, village["code"]):
            for hook in ("kampung_demo_data", "kampung_demo_events"):
                for _, result in kernel.registry.results(hook, context=context):
                    if inspect.isawaitable(result):
                        await result
        logins.extend(context.logins)
    return logins


def print_logins(logins: list[DemoLogin], url: str) -> None:
    print()
    print(f"Kampung demo: {url}")
    print(f"Semua akun demo memakai kata sandi: {DEMO_PASSWORD}")
    print()
    width = max(len(login.role) for login in logins)
    print(f"{'PENGGUNA':32} {'PERAN':{width}} HALAMAN")
    for login in logins:
        secret = f"  (sandi/PIN: {login.secret})" if login.secret else ""
        print(f"{login.username:32} {login.role:{width}} {url}{login.home}{secret}")
    print()
