from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Integer
from piccolo.columns.indexes import IndexMethod

ID = "2026-12-03T13:33:57:959031"
VERSION = "1.38.0"
DESCRIPTION = "immunisation coverage in the monthly figures"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="health", description=DESCRIPTION
    )

    manager.add_column(
        table_class_name="MonthlyFigure",
        tablename="health_monthly_figure",
        column_name="idl_children",
        db_column_name="idl_children",
        column_class_name="Integer",
        column_class=Integer,
        params={
            "default": 0,
            "null": False,
            "primary_key": False,
            "unique": False,
            "index": False,
            "index_method": IndexMethod.btree,
            "choices": None,
            "db_column_name": None,
            "secret": False,
        },
        schema=None,
    )

    manager.add_column(
        table_class_name="MonthlyFigure",
        tablename="health_monthly_figure",
        column_name="idl_complete",
        db_column_name="idl_complete",
        column_class_name="Integer",
        column_class=Integer,
        params={
            "default": 0,
            "null": False,
            "primary_key": False,
            "unique": False,
            "index": False,
            "index_method": IndexMethod.btree,
            "choices": None,
            "db_column_name": None,
            "secret": False,
        },
        schema=None,
    )

    return manager
