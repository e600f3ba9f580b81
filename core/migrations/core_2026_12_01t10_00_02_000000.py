import json
import re

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder
from piccolo.querystring import QueryString

ID = "2026-12-01T10:00:02:000000"
VERSION = "1.38.0"
DESCRIPTION = "Village logos are uploaded files: drop logo URLs pointing to other hosts"

LOCAL_PATH = re.compile(r"^/[A-Za-z0-9_.-][A-Za-z0-9_./-]*$")
"""The same test as core.tenancy.context.LOCAL_PATH, frozen as it was when this ran."""


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="core", description=DESCRIPTION)

    async def drop_external_logo_urls():
        engine = engine_finder()
        rows = await engine.run_querystring(
            QueryString("SELECT code, settings FROM core_village"), in_pool=False
        )
        for row in rows:
            raw = row["settings"]
            settings = json.loads(raw) if isinstance(raw, str) else dict(raw or {})
            url = settings.get("logo_url")
            if url is None or (isinstance(url, str) and LOCAL_PATH.match(url)):
                continue
            del settings["logo_url"]
            await engine.run_querystring(
                QueryString(
                    "UPDATE core_village SET settings = {} WHERE code = {}",
                    json.dumps(settings),
                    row["code"],
                ),
                in_pool=False,
            )

    manager.add_raw(drop_external_logo_urls)
    return manager
