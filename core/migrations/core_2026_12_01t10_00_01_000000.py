from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.base import OnDelete, OnUpdate
from piccolo.columns.column_types import JSON, ForeignKey, Serial, Timestamptz, Varchar
from piccolo.columns.indexes import IndexMethod
from piccolo.table import Table

ID = "2026-12-01T10:00:01:000000"
VERSION = "1.38.0"
DESCRIPTION = "API tokens for machine clients (core_api_token)"


class User(Table, tablename="core_user", schema=None):
    id = Serial(null=False, primary_key=True, db_column_name="id")


def _column(name: str, column_class: type, **params: object) -> dict[str, object]:
    base: dict[str, object] = {
        "null": False,
        "primary_key": False,
        "unique": False,
        "index": False,
        "index_method": IndexMethod.btree,
        "choices": None,
        "db_column_name": None,
        "secret": False,
    }
    base.update(params)
    return {
        "column_name": name,
        "db_column_name": name,
        "column_class_name": column_class.__name__,
        "column_class": column_class,
        "params": base,
    }


COLUMNS = [
    _column("name", Varchar, length=120, default=""),
    _column("scope_code", Varchar, length=13, default="", index=True),
    _column("permissions", JSON, default="[]"),
    _column("secret_hash", Varchar, length=64, default=""),
    _column(
        "created_by",
        ForeignKey,
        references=User,
        on_delete=OnDelete.cascade,
        on_update=OnUpdate.cascade,
        target_column=None,
        index=True,
    ),
    _column("created_at", Timestamptz, default=None),
    _column("expires_at", Timestamptz, default=None),
    _column("revoked_at", Timestamptz, default=None, null=True),
    _column("revoked_by", Varchar, length=120, default=None, null=True),
]


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="core", description=DESCRIPTION)
    manager.add_table(class_name="ApiToken", tablename="core_api_token", schema=None, columns=None)
    for column in COLUMNS:
        manager.add_column(
            table_class_name="ApiToken", tablename="core_api_token", schema=None, **column
        )
    return manager
