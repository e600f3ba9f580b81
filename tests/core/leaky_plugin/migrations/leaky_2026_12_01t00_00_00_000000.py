from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Varchar
from piccolo.columns.indexes import IndexMethod

ID = "2026-12-01T00:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Notes kept outside the tenant scope"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="leaky", description=DESCRIPTION)
    manager.add_table(class_name="LeakyNote", tablename="leaky_note", schema=None, columns=None)
    for name, length, index in (("desa", 13, False), ("text", 200, False)):
        manager.add_column(
            table_class_name="LeakyNote",
            tablename="leaky_note",
            column_name=name,
            db_column_name=name,
            column_class_name="Varchar",
            column_class=Varchar,
            params={
                "length": length,
                "default": "",
                "null": False,
                "primary_key": False,
                "unique": False,
                "index": index,
                "index_method": IndexMethod.btree,
                "choices": None,
                "db_column_name": None,
                "secret": False,
            },
            schema=None,
        )
    return manager
