from piccolo.apps.migrations.auto.migration_manager import MigrationManager
import re

from piccolo.engine import engine_finder

ID = "2026-12-02T01:06:35:000000"
VERSION = "1.38.0"
DESCRIPTION = "The ledger's invariants as constraints; histories insert-only; natural keys unique"

# (table, constraint name, condition that every row must meet)
CHECKS = (
    ("tourism_market_posting", "amount_positive", "amount > 0"),
    ("tourism_market_posting", "two_accounts", "debit <> credit"),
    ("tourism_market_entry", "amount_not_negative", "amount >= 0 AND tokens >= 0"),
    (
        "tourism_market_account",
        "balance_within_bounds",
        "(min_balance IS NULL OR balance >= min_balance)"
        " AND (max_balance IS NULL OR balance <= max_balance)",
    ),
    (
        "tourism_market_market",
        "money_not_negative",
        "token_value > 0 AND parking_fee >= 0 AND fee_value >= 0",
    ),
    ("tourism_market_shift", "float_not_negative", "float_amount >= 0"),
    ("tourism_market_parking_tally", "parking_positive", "vehicles > 0 AND fee >= 0"),
    ("tourism_market_price_item", "price_positive", "price_tokens > 0"),
    ("tourism_market_stall", "number_positive", "number > 0"),
)

UNIQUE = (
    ("tourism_market_entry", "key", "(village_code, idempotency_key)", ""),
    ("tourism_market_entry", "reversed_once", "(reverses)", "WHERE reverses IS NOT NULL"),
    ("tourism_market_account", "key", "(village_code, market, key)", ""),
    ("tourism_market_day", "date", "(village_code, market, day)", ""),
    ("tourism_market_stall", "number", "(village_code, market, number)", ""),
)

INSERT_ONLY = (
    "tourism_market_day_step",
    "tourism_market_gate_tally",
    "tourism_market_parking_tally",
    "tourism_market_vendor_step",
    "tourism_market_shift_step",
    "tourism_market_entry",
    "tourism_market_posting",
)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="tourism_market", description=DESCRIPTION)

    async def constraints():
        engine = engine_finder()
        for table, name, columns, where in UNIQUE:
            await engine.run_ddl(f"CREATE UNIQUE INDEX {table}_{name}_unique ON {table} {columns} {where}")
        if engine.engine_type == "sqlite":
            # SQLite cannot add a CHECK to an existing table: triggers refuse the same rows.
            for table, name, condition in CHECKS:
                for verb in ("INSERT", "UPDATE"):
                    await engine.run_ddl(
                        f"CREATE TRIGGER {table}_{name}_{verb.lower()} BEFORE {verb} ON {table} "
                        f"WHEN NOT ({_new(condition)}) "
                        f"BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: {table}_{name}'); END"
                    )
            for table in INSERT_ONLY:
                for verb in ("UPDATE", "DELETE"):
                    await engine.run_ddl(
                        f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                        f"BEGIN SELECT RAISE(ABORT, '{table} is insert-only'); END"
                    )
            return
        for table, name, condition in CHECKS:
            await engine.run_ddl(f"ALTER TABLE {table} ADD CONSTRAINT {table}_{name} CHECK ({condition})")

    manager.add_raw(constraints)
    return manager


def _new(condition):
    """The condition on the row being written, for a SQLite trigger."""


    words = ("amount", "debit", "credit", "tokens", "balance", "min_balance", "max_balance",
             "token_value", "parking_fee", "fee_value", "float_amount", "vehicles", "fee",
             "price_tokens", "number")
    pattern = re.compile(r"\b(" + "|".join(sorted(words, key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda match: "NEW." + match.group(1), condition)
