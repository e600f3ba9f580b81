"""Database access for the core and plugins: engines, migrations, tenant scope, transactions."""

from __future__ import annotations

from core.db.engine import Database, DatabaseUnavailable, make_engine
from core.db.scope import (
    TENANT_SCOPE_SETTING,
    read_in_village,
    set_tenant_scope,
    tenant_transaction,
)
from core.db.tenant import TenantScopeError, TenantTable
from core.db.undo import remove_on_rollback

__all__ = [
    "TENANT_SCOPE_SETTING",
    "Database",
    "DatabaseUnavailable",
    "TenantScopeError",
    "TenantTable",
    "make_engine",
    "read_in_village",
    "remove_on_rollback",
    "set_tenant_scope",
    "tenant_transaction",
]
