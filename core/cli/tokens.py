"""`kampung token create|list|revoke`: API tokens from the command line.

A token is created on behalf of a staff account (`--user`), with the same rule as on the page:
only permissions that account holds in the token's scope. The secret is printed once.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from core.cli.runner import run_with_kernel
from core.config import Settings
from core.kernel import Kernel

DEFAULT_DAYS = 90


def register(sub: argparse._SubParsersAction[Any]) -> None:
    token = sub.add_parser("token", help="manage API tokens for machine clients")
    token_sub = token.add_subparsers(dest="token_command", required=True)
    create = token_sub.add_parser("create", help="create a token; its secret is printed once")
    create.add_argument("--user", required=True, help="the admin on whose authority it acts")
    create.add_argument("--name", required=True, help="which system uses it, e.g. 'Dinsos'")
    create.add_argument("--scope", required=True, help="region code: 35.27, 35.27.01, …")
    create.add_argument(
        "--permission", action="append", required=True, help="a declared permission (repeatable)"
    )
    create.add_argument("--expires", help=f"last valid day, YYYY-MM-DD (default +{DEFAULT_DAYS})")
    create.set_defaults(func=cmd_token_create)
    listing = token_sub.add_parser("list", help="list tokens (never their secrets)")
    listing.set_defaults(func=cmd_token_list)
    revoke = token_sub.add_parser("revoke", help="revoke a token at once")
    revoke.add_argument("id", type=int, help="the token's number (token:<id>)")
    revoke.set_defaults(func=cmd_token_revoke)


def _refuse(message: str) -> int:
    print(f"kampung: {message}", file=sys.stderr)
    return 2


def cmd_token_create(args: argparse.Namespace, settings: Settings) -> int:
    from core.auth.sessions import load_principal
    from core.auth.tables import User
    from core.auth.tokens import TokenError, actor_name, create_token

    now = datetime.now(UTC)
    try:
        last_day = date.fromisoformat(args.expires) if args.expires else None
    except ValueError:
        return _refuse(f"--expires {args.expires}: tulis tanggal sebagai YYYY-MM-DD")
    last_day = last_day or now.date() + timedelta(days=DEFAULT_DAYS)

    async def work(kernel: Kernel) -> int:
        user = await User.select(User.id).where(User.username == args.user.lower()).first()
        creator = await load_principal(user["id"]) if user else None
        if creator is None:
            return _refuse(f"--user {args.user}: tidak ada pengguna aktif dengan nama itu")
        async with kernel.engine.transaction():
            try:
                issued = await create_token(
                    creator,
                    name=args.name,
                    scope_code=args.scope,
                    wanted=args.permission,
                    expires_at=datetime.combine(last_day, time.max, tzinfo=UTC),
                    now=now,
                    permissions=kernel.permissions,
                    regency_code=settings.regency_code,
                )
            except TokenError as error:
                return _refuse(str(error))
            await kernel.audit(
                settings.regency_code,
                actor="cli",
                action="create",
                entity="api_token",
                entity_id=actor_name(issued.id),
                after={
                    "name": args.name,
                    "scope": args.scope,
                    "permissions": sorted(args.permission),
                    "expires": last_day.isoformat(),
                    "on_behalf_of": creator.username,
                },
            )
        print(issued.secret)
        return 0

    return run_with_kernel(settings, work)


def cmd_token_list(args: argparse.Namespace, settings: Settings) -> int:
    from core.auth.tokens import tokens_in_scope

    async def work(kernel: Kernel) -> int:
        now = datetime.now(UTC)
        for row in await tokens_in_scope(settings.regency_code):
            expires: datetime = row["expires_at"]  # type: ignore[assignment]
            state = "revoked" if row["revoked_at"] else "expired" if expires <= now else "active"
            permissions = ",".join(row["permissions"])  # type: ignore[arg-type]
            print(
                f"token:{row['id']:<6} {state:8} {row['scope_code']:14} "
                f"{expires.date().isoformat()} {row['name']} [{permissions}]"
            )
        return 0

    return run_with_kernel(settings, work)


def cmd_token_revoke(args: argparse.Namespace, settings: Settings) -> int:
    from core.auth.tokens import TokenError, actor_name, revoke_token

    async def work(kernel: Kernel) -> int:
        async with kernel.engine.transaction():
            try:
                revoked = await revoke_token(
                    args.id, "cli", datetime.now(UTC), settings.regency_code
                )
            except TokenError as error:
                return _refuse(str(error))
            await kernel.audit(
                settings.regency_code,
                actor="cli",
                action="revoke",
                entity="api_token",
                entity_id=actor_name(args.id),
                before=revoked,
            )
        print(f"token:{args.id} revoked")
        return 0

    return run_with_kernel(settings, work)
