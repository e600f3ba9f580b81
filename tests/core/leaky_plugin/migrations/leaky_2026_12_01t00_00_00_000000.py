from plugin_samples import text_table_migration

ID = "2026-12-01T00:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Notes kept outside the tenant scope"


async def forwards():
    columns = {"desa": (13, False), "text": (200, False)}
    return text_table_migration(ID, "leaky", "LeakyNote", "leaky_note", columns)
