"""`kampung migrate` stops on a plugin table that no migration makes, naming the plugin's app."""

from __future__ import annotations

import hashlib
import os

import pytest
from forgetful_plugin import plugin as forgetful

from core.db.migrate import MigrationFailed
from core.testing.databases import TemplateDatabase, backend, build_template, drop_templates


def test_a_table_without_a_migration_stops_migrate_naming_the_app(tmp_path) -> None:
    with pytest.raises(MigrationFailed) as error:
        build_template((), [forgetful], tmp_path)
    assert str(error.value) == (
        "migrate: app forgetful: table forgetful_note has no migration; run "
        "`kampung makemigrations forgetful` and ship the file it writes"
    )
    if backend() == "postgresql":
        key = hashlib.sha256(repr(((), [repr(forgetful)])).encode()).hexdigest()[:10]
        drop_templates([TemplateDatabase(key, f"kampung_tpl_{os.getpid()}_{key}")])
