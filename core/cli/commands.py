"""The core's commands: serve, demo, init, migrate, db, user, plugins, audit."""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from core.cli.runner import run_with_kernel
from core.config import Settings
from core.config.settings import DEFAULT_PUBLIC_URL
from core.kernel import Kernel

DEMO_DATABASE = "sqlite:///var/demo/kampung-demo.sqlite3"


def settings_overrides(args: list[str]) -> dict[str, Any]:
    """`kampung demo` runs anywhere: a fresh SQLite file and a random secret unless configured.

    It serves plain http (its URL is printed as http://host:port), where a browser would drop
    Secure cookies: the demo's cookies are not Secure.
    """
    if _command(args) != "demo":
        return {}
    import os

    overrides: dict[str, Any] = {
        "database_url": DEMO_DATABASE,
        "database_owner_url": None,
        "cookie_secure": False,
    }
    if not os.environ.get("KAMPUNG_SECRET_KEY"):
        overrides["secret_key"] = secrets.token_urlsafe(32)
    return overrides


def _command(args: list[str]) -> str | None:
    """The command named in `args`, past the global options (`kampung --config X demo`)."""
    waiting_for_value = False
    for arg in args:
        if waiting_for_value:
            waiting_for_value = False
        elif arg == "--config":
            waiting_for_value = True
        elif not arg.startswith("-"):
            return arg
    return None


def register(sub: argparse._SubParsersAction[Any]) -> None:
    serve = sub.add_parser("serve", help="serve the instance with uvicorn")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int)
    serve.set_defaults(func=cmd_serve)

    demo = sub.add_parser("demo", help="create a fresh demo instance and serve it")
    demo.add_argument("--port", type=int, default=None)
    demo.add_argument("--no-serve", action="store_true", help="only build the demo database")
    demo.set_defaults(func=cmd_demo)

    init = sub.add_parser("init", help="create the regency's districts and villages")
    init.add_argument("--regency", help="Kemendagri regency code, e.g. 35.27")
    init.set_defaults(func=cmd_init)

    migrate = sub.add_parser("migrate", help="apply the core's and the plugins' migrations")
    migrate.set_defaults(func=cmd_migrate)

    db = sub.add_parser("db", help="PostgreSQL: the database and its owner and app roles")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_setup = db_sub.add_parser(
        "setup", help="create the owner role, the app role and the database they share"
    )
    db_setup.add_argument(
        "--admin-url",
        help="postgresql:// URL of a superuser or a role with CREATEROLE and CREATEDB "
        "(or set KAMPUNG_ADMIN_URL)",
    )
    db_setup.set_defaults(func=cmd_db_setup)

    user = sub.add_parser("user", help="manage staff accounts")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    create = user_sub.add_parser("create", help="create a user with a role in a scope")
    create.add_argument("username")
    create.add_argument("--name", required=True, help="display name")
    create.add_argument("--role", required=True)
    create.add_argument(
        "--scope", required=True, help="region code: 35.27, 35.27.01, 35.27.01.2001"
    )
    create.add_argument(
        "--password",
        help="read from standard input when omitted; the user changes it at the first sign-in",
    )
    create.set_defaults(func=cmd_user_create)
    disable = user_sub.add_parser("disable", help="disable a user and end their sessions")
    disable.add_argument("username")
    disable.set_defaults(func=cmd_user_disable)
    listing = user_sub.add_parser("list", help="list users and their roles")
    listing.set_defaults(func=cmd_user_list)

    plugins = sub.add_parser("plugins", help="list plugins or switch one for a village")
    plugins_sub = plugins.add_subparsers(dest="plugins_command")
    plugins.set_defaults(func=cmd_plugins_list)
    plugins.add_argument("--json", action="store_true")
    for verb in ("enable", "disable"):
        switch = plugins_sub.add_parser(verb, help=f"{verb} a plugin for a village")
        switch.add_argument("plugin")
        switch.add_argument("--village", required=True, help="village code")
        switch.set_defaults(func=cmd_plugins_switch, enabled=verb == "enable")
    onboard = sub.add_parser("onboard", help="onboard (integrate) a village")
    onboard.add_argument("village", help="village code")
    onboard.set_defaults(func=cmd_onboard)

    audit = sub.add_parser("audit", help="audit log tools")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="verify every audit chain")
    verify.add_argument("--village", help="only this chain")
    verify.set_defaults(func=cmd_audit_verify)

    from core.cli import tokens

    tokens.register(sub)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from core.cli.serve import serve
    from core.cli.worker import beside_the_app

    _require_separate_roles(settings)
    if args.config:
        # The workers build their settings afresh: they read the same file, wherever they start.
        os.environ["KAMPUNG_CONFIG"] = str(Path(args.config).resolve())
    with beside_the_app(settings):
        serve(settings, host=args.host, port=args.port, workers=args.workers)
    return 0


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from core.demo import build_demo, print_logins

    if settings.database_url == DEMO_DATABASE:
        database_file = Path(settings.database_url.removeprefix("sqlite:///"))
        for stale in database_file.parent.glob(database_file.name + "*"):
            stale.unlink()
    port = args.port or settings.port
    settings = served_at(settings, port)
    logins = run_with_kernel(settings, build_demo)
    print_logins(logins, settings.public_url)
    if args.no_serve:
        return 0
    from core.cli.serve import serve
    from core.cli.worker import beside_the_app

    with beside_the_app(settings):
        serve(settings, port=port, workers=1)
    return 0


def served_at(settings: Settings, port: int) -> Settings:
    """The demo's settings with `public_url` where it serves, unless one is configured: letters'
    QR codes and verification links must reach this demo, not the default port."""
    if settings.public_url != DEFAULT_PUBLIC_URL:
        return settings
    return replace(settings, public_url=f"http://{settings.host}:{port}")


def cmd_init(args: argparse.Namespace, settings: Settings) -> int:
    from core.tenancy.regions import import_regions

    regency = args.regency or settings.regency_code
    _require_separate_roles(settings)

    async def work(kernel: Kernel) -> int:
        await kernel.migrate()
        count = await import_regions(regency)
        print(f"Kabupaten {regency}: {count.districts} kecamatan, {count.villages} desa/kelurahan")
        return 0

    return run_with_kernel(settings, work)


def cmd_db_setup(args: argparse.Namespace, settings: Settings) -> int:
    import asyncio
    import os

    from core.db.roles import RoleSetupError
    from core.db.setup import set_up_database

    if not settings.is_postgres:
        raise RoleSetupError(
            "db setup: database_url is not PostgreSQL; SQLite needs no set-up "
            "(kampung migrate creates the file)"
        )
    admin_url = args.admin_url or os.environ.get("KAMPUNG_ADMIN_URL")
    if not admin_url:
        raise RoleSetupError(
            "db setup: give --admin-url postgresql://ADMIN@HOST:PORT/postgres "
            "(or set KAMPUNG_ADMIN_URL)"
        )
    report = asyncio.run(
        set_up_database(admin_url, settings.database_url, settings.database_owner_url)
    )
    for line in report.lines:
        print(line)
    return 0


def _require_separate_roles(settings: Settings) -> None:
    """On PostgreSQL, migrate and serve only with an owner role apart from the app role: served
    as the owner, every page would work and Row-Level Security would be off."""
    from core.db.roles import separate_roles

    if settings.is_postgres:
        separate_roles(settings.database_url, settings.database_owner_url)


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    _require_separate_roles(settings)

    async def work(kernel: Kernel) -> int:
        for app in await kernel.migrate():
            print(f"migrated {app}")
        return 0

    return run_with_kernel(settings, work)


def cmd_user_create(args: argparse.Namespace, settings: Settings) -> int:
    from core.auth.accounts import create_account

    password = args.password or sys.stdin.readline().strip()

    async def work(kernel: Kernel) -> int:
        user_id = await create_account(
            args.username,
            args.name,
            password,
            [(args.role, args.scope)],
            must_change_password=True,
        )
        await kernel.audit(
            settings.regency_code,
            actor="cli",
            action="create",
            entity="user",
            entity_id=user_id,
            after={"username": args.username, "role": args.role, "scope": args.scope},
        )
        print(f"user {args.username} created (id {user_id})")
        return 0

    return run_with_kernel(settings, work)


def cmd_user_disable(args: argparse.Namespace, settings: Settings) -> int:
    from core.auth.accounts import disable_account

    async def work(kernel: Kernel) -> int:
        user_id = await disable_account(args.username)
        await kernel.audit(
            settings.regency_code, actor="cli", action="disable", entity="user", entity_id=user_id
        )
        print(f"user {args.username} disabled; their sessions ended")
        return 0

    return run_with_kernel(settings, work)


def cmd_user_list(args: argparse.Namespace, settings: Settings) -> int:
    from core.builtin.users import users_in_scope

    async def work(kernel: Kernel) -> int:
        for user in await users_in_scope(settings.regency_code):
            state = "active" if user.active else "disabled"
            print(f"{user.username:24} {state:8} {user.roles}")
        return 0

    return run_with_kernel(settings, work)


def cmd_plugins_list(args: argparse.Namespace, settings: Settings) -> int:
    from core.builtin.rollout import villages_per_plugin

    async def work(kernel: Kernel) -> int:
        counts = await villages_per_plugin(kernel.registry, settings.regency_code)
        rows: list[dict[str, Any]] = [
            {
                "name": p.info.name,
                "version": p.info.version,
                "requires": list(p.info.requires),
                "villages_enabled": counts.get(p.info.name, 0),
                "source": p.source,
            }
            for p in kernel.registry.plugins
        ]
        if args.json:
            print(json.dumps(rows, indent=2))
            return 0
        print(f"{'NAME':16} {'VERSION':10} {'REQUIRES':24} VILLAGES")
        for row in rows:
            requires = ", ".join(row["requires"]) or "-"
            print(f"{row['name']:16} {row['version']:10} {requires:24} {row['villages_enabled']}")
        return 0

    return run_with_kernel(settings, work)


def cmd_plugins_switch(args: argparse.Namespace, settings: Settings) -> int:
    from core.tenancy.enablement import EnablementError, set_plugin

    async def work(kernel: Kernel) -> int:
        async with kernel.engine.transaction():
            try:
                await set_plugin(kernel.registry, args.village, args.plugin, args.enabled, "cli")
            except EnablementError as exc:
                print(f"kampung: {exc}", file=sys.stderr)
                return 1
            await kernel.audit(
                args.village,
                actor="cli",
                action="enable" if args.enabled else "disable",
                entity="plugin",
                entity_id=args.plugin,
            )
        print(f"{args.plugin} {'enabled' if args.enabled else 'disabled'} in {args.village}")
        return 0

    return run_with_kernel(settings, work)


def cmd_onboard(args: argparse.Namespace, settings: Settings) -> int:
    from core.tenancy.onboarding import onboard

    async def work(kernel: Kernel) -> int:
        await onboard(kernel, args.village, actor="cli")
        print(f"village {args.village} onboarded")
        return 0

    return run_with_kernel(settings, work)


def cmd_audit_verify(args: argparse.Namespace, settings: Settings) -> int:
    from core.audit.chain import verify_chains

    async def work(kernel: Kernel) -> int:
        broken = await verify_chains(args.village)
        if not broken:
            print("audit: every chain verifies")
            return 0
        for link in broken:
            print(f"audit: chain {link.village_code} broken at entry {link.seq}: {link.reason}")
        return 1

    return run_with_kernel(settings, work)
